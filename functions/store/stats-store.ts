import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Period } from '../domain/period.js';
import type { CounterDelta, CounterScope, EngagedBusiness, EngagementFacts, StatsPort, Totals } from '../domain/ports.js';
import { counterAttributes, totalsFrom } from './counters.js';
import type { TransactItem } from './transact.js';

/** Counter shards per bucket: concurrent check-ins spread over this many items (docs/data-model.md). */
export const COUNTER_SHARDS = 8;

const shardOf = (n: number) => String(n).padStart(2, '0');
const COUNTER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,60}$/;

/** The item a delta lands on; `shard` picks one of the bucket's shards. */
export function counterKey(scope: CounterScope, shard: number): { pk: string; sk: string } {
  switch (scope.kind) {
    case 'district':
      return { pk: 'STATS#DISTRICT', sk: `T#${scope.at}#${shardOf(shard)}` };
    case 'ward':
      return { pk: `STATS#WARD#${scope.wardId}`, sk: `T#${scope.at}#${shardOf(shard)}` };
    case 'neighbourhood':
      return { pk: `STATS#NBH#${scope.neighbourhoodId}`, sk: `T#${scope.at}#${shardOf(shard)}` };
    case 'session':
      return { pk: `SESSION#${scope.sessionId}`, sk: `COUNT#${shardOf(shard)}` };
    case 'live':
      return { pk: 'STATS#DISTRICT', sk: 'LIVE' };
  }
}

/** One UpdateItem (ADD) for a transaction, on a shard picked at random: hot buckets spread their writes. */
export function counterUpdate(tableName: string, delta: CounterDelta): TransactItem {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': 'Counter' };
  const adds: string[] = [];
  Object.entries(counterAttributes(delta.add)).forEach(([name, value], i) => {
    if (!COUNTER_NAME.test(name)) throw new Error(`bad counter name ${name}`);
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    adds.push(`#c${i} :c${i}`);
  });
  // The LIVE item also keeps the set of live session ids, so the summary reads them with the count.
  let deleteIds = '';
  if (delta.scope.kind === 'live') {
    names['#ids'] = 'ids';
    values[':ids'] = new Set([delta.scope.sessionId]);
    if ((delta.add.live ?? 0) > 0) adds.push('#ids :ids');
    else deleteIds = ' DELETE #ids :ids';
  }
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  return {
    Update: {
      TableName: tableName,
      Key: counterKey(delta.scope, delta.scope.kind === 'live' ? 0 : shard),
      UpdateExpression: `SET #type = :type${adds.length ? ` ADD ${adds.join(', ')}` : ''}${deleteIds}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const NOT_COUNTERS = new Set(['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);

function addInto(totals: Record<string, number>, item: Record<string, unknown>) {
  for (const [name, value] of Object.entries(item)) {
    if (!NOT_COUNTERS.has(name) && typeof value === 'number') totals[name] = (totals[name] ?? 0) + value;
  }
}

export function createStatsStore(db: DynamoDBDocumentClient, tableName: string): StatsPort {
  /** Sums the bucket shards of `pk` whose instant is in [from, to) (all time without a period). */
  async function sumBuckets(pk: string, period?: Period): Promise<Totals> {
    const totals: Record<string, number> = {};
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          // NOTE: sk is "T#<instant>#<shard>": BETWEEN "T#<from>" AND "T#<to>" is exactly [from, to).
          KeyConditionExpression: period ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk AND begins_with(sk, :t)',
          ExpressionAttributeValues: period ? { ':pk': pk, ':from': `T#${period.from}`, ':to': `T#${period.to}` } : { ':pk': pk, ':t': 'T#' },
          ExclusiveStartKey: startKey,
          // Counters are read right after the writes they count (a check-in answers the new total).
          ConsistentRead: true,
        }),
      );
      for (const item of out.Items ?? []) addInto(totals, item);
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return totalsFrom(totals);
  }

  /** The businesses engaged in rounds scheduled in [from, to) (all time without a period), each once. */
  async function readEngagedBusinesses(period?: Period): Promise<EngagedBusiness[]> {
    const businesses = new Map<string, EngagedBusiness>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: period ? 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to' : 'gsi1pk = :p',
          ExpressionAttributeValues: period ? { ':p': 'ENGAGEMENTS', ':from': period.from, ':to': period.to } : { ':p': 'ENGAGEMENTS' },
          ProjectionExpression: 'businessId, sector, wardId',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        const id = item.businessId as string;
        if (!businesses.has(id)) businesses.set(id, { businessId: id, sector: item.sector as string | undefined, wardId: item.wardId as string | undefined });
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return [...businesses.values()];
  }

  return {
    readDistrictTotals: (period?: Period) => sumBuckets('STATS#DISTRICT', period),
    readWardTotals: (wardId: string, period?: Period) => sumBuckets(`STATS#WARD#${wardId}`, period),
    readNeighbourhoodTotals: (neighbourhoodId: string, period?: Period) => sumBuckets(`STATS#NBH#${neighbourhoodId}`, period),
    /** A session's counters: its shards, one Query of at most COUNTER_SHARDS small items. */
    async readSessionTotals(sessionId: string): Promise<Totals> {
      const totals: Record<string, number> = {};
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
          ExpressionAttributeValues: { ':pk': `SESSION#${sessionId}`, ':c': 'COUNT#' },
          ConsistentRead: true,
        }),
      );
      for (const item of out.Items ?? []) addInto(totals, item);
      return totalsFrom(totals);
    },
    /** How many sessions are LIVE, and which (`ids` is missing from items written before it was kept). */
    async readLiveSessions(): Promise<{ count: number; ids?: string[] }> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: 'STATS#DISTRICT', sk: 'LIVE' }, ConsistentRead: true }));
      const ids = out.Item?.ids as Set<string> | undefined;
      const count = Number(out.Item?.live ?? 0);
      return { count, ids: ids ? [...ids].sort() : count === 0 ? [] : undefined };
    },
    readEngagedBusinesses,
    /** Distinct businesses engaged in rounds scheduled in [from, to) (all time without a period). */
    async countEngagedBusinesses(period?: Period): Promise<number> {
      return (await readEngagedBusinesses(period)).length;
    },
  };
}

/**
 * The engagement marker of one business in one round (a Put: writing it again changes nothing), dated
 * by the round's scheduledAt so a period counts the businesses of the rounds it contains.
 */
export function engagementPut(tableName: string, e: EngagementFacts & { sessionId: string }): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: `ENGAGED#${e.businessId}`,
        sk: `SESSION#${e.sessionId}`,
        gsi1pk: 'ENGAGEMENTS',
        gsi1sk: `${e.scheduledAt}#${e.businessId}#${e.sessionId}`,
        type: 'Engagement',
        businessId: e.businessId,
        sessionId: e.sessionId,
        scheduledAt: e.scheduledAt,
        // The business's sector and ward when it engaged: the report's "businesses per sector" (and a
        // ward's report) read them from this item, without a lookup per business.
        ...(e.sector ? { sector: e.sector } : {}),
        ...(e.wardId ? { wardId: e.wardId } : {}),
      },
    },
  };
}
