import type { TableDeps } from './client.js';
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Period } from '../domain/kernel/period.js';
import type { CounterDelta, CounterScope, EngagedBusiness, EngagementFacts, StatsPort, Totals } from '../domain/ports.js';
import { bucketsOf, planBuckets, type BucketPlan } from './calendar-buckets.js';
import { counterAttributes, totalsFrom } from './counters.js';
import type { TransactItem } from './transact.js';

/** Counter shards per bucket: concurrent check-ins spread over this many items (docs/data-model.md). */
export const COUNTER_SHARDS = 8;

/** Periods of whole months and years over at most this many years read many units' year items by key. */
const BY_KEY_MAX_YEARS = 2;
const shardOf = (n: number | string) => (typeof n === 'string' ? n : String(n).padStart(2, '0'));
const COUNTER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,60}$/;
/** A year item keeps each month's counters apart too: `M04_attendance` beside `attendance`. */
const MONTH_COUNTER = /^M(\d\d)_(.+)$/;
const monthCounter = (month: string, name: string) => `M${month}_${name}`;

/** The partition of a unit's counters (no ward: the records of the level above the wards). */
export const unitPk = (wardId?: string) => (wardId ? `STATS#WARD#${wardId}` : 'STATS#NOWARD');
/**
 * The jurisdiction's roll-up (docs/data-model.md, "The jurisdiction's roll-up"): every unit delta is
 * added again here, in the same transaction, so a figure of the whole jurisdiction reads
 * COUNTER_SHARDS partitions whatever the number of units. The shard is in the partition key: the
 * roll-up takes every write of the jurisdiction, and one partition would be its hot spot.
 */
export const jurisdictionPk = (shard: string) => `STATS#ALL#${shard}`;
/** The roll-up's partitions, in shard order. */
const JURISDICTION_PKS = Array.from({ length: COUNTER_SHARDS }, (_, s) => jurisdictionPk(shardOf(s)));

/** The partition of a ward's residents' input counters. */
export const inputsPk = (wardId: string) => `STATS#INPUTS#${wardId}`;

/**
 * The items one delta lands on (docs/data-model.md, "Calendar roll-ups"): a unit's delta lands on the
 * instant's, the Vietnam day's and the Vietnam year's items (one shard each, the same one); an input
 * delta on the instant's item only, marked with its neighbourhood; a session's on a shard; the LIVE item.
 */
export function counterKeys(scope: CounterScope, shard: number | string): { pk: string; sk: string; level: 'I' | 'D' | 'Y' | 'other'; month?: string; rollUp?: boolean }[] {
  const s = shardOf(shard);
  switch (scope.kind) {
    case 'unit': {
      const pk = unitPk(scope.wardId);
      const { day, year, month } = bucketsOf(scope.at);
      // Day and year items are always on one of the COUNTER_SHARDS shards (a read may name their keys);
      // an instant item may carry another suffix (the migration's `mg`).
      const rollUpShard = typeof shard === 'number' ? s : '00';
      // The same three buckets again in the jurisdiction's roll-up, whose shard is in its partition key.
      const all = jurisdictionPk(rollUpShard);
      return [
        { pk, sk: `I#${scope.at}#${s}`, level: 'I' },
        { pk, sk: `D#${day}#${rollUpShard}`, level: 'D' },
        { pk, sk: `Y#${year}#${rollUpShard}`, level: 'Y', month },
        { pk: all, sk: `I#${scope.at}#${s}`, level: 'I', rollUp: true },
        { pk: all, sk: `D#${day}#${rollUpShard}`, level: 'D', rollUp: true },
        { pk: all, sk: `Y#${year}#${rollUpShard}`, level: 'Y', month, rollUp: true },
      ];
    }
    case 'inputs':
      return [{ pk: inputsPk(scope.wardId), sk: `I#${scope.at}#${scope.neighbourhoodId ?? '-'}#${s}`, level: 'I' }];
    case 'session':
      return [{ pk: `SESSION#${scope.sessionId}`, sk: `COUNT#${s}`, level: 'other' }];
    case 'live':
      return [{ pk: 'STATS#DISTRICT', sk: 'LIVE', level: 'other' }];
  }
}

/** The attributes a delta ADDs to one of its items: a year item adds each counter twice, for the year and for the month. */
export function bucketAttributes(counters: Record<string, number>, key: { level: string; month?: string }): Record<string, number> {
  if (key.level !== 'Y' || !key.month) return counters;
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(counters)) {
    out[name] = n;
    out[monthCounter(key.month, name)] = n;
  }
  return out;
}

function addUpdate(tableName: string, key: { pk: string; sk: string }, attributes: Record<string, number>, extra?: { set?: Record<string, unknown>; condition?: string; ids?: { add?: Set<string>; delete?: Set<string> } }): TransactItem {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': 'Counter' };
  const sets = ['#type = :type'];
  const adds: string[] = [];
  Object.entries(attributes).forEach(([name, value], i) => {
    if (!COUNTER_NAME.test(name)) throw new Error(`bad counter name ${name}`);
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    adds.push(`#c${i} :c${i}`);
  });
  Object.entries(extra?.set ?? {}).forEach(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  });
  let deleteIds = '';
  if (extra?.ids) {
    names['#ids'] = 'ids';
    values[':ids'] = extra.ids.add ?? extra.ids.delete;
    if (extra.ids.add) adds.push('#ids :ids');
    else deleteIds = ' DELETE #ids :ids';
  }
  return {
    Update: {
      TableName: tableName,
      Key: { pk: key.pk, sk: key.sk },
      UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}${deleteIds}`,
      ...(extra?.condition ? { ConditionExpression: extra.condition } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The UpdateItems (ADD) of one delta for a transaction, on a shard picked at random: hot buckets spread their writes. */
export function counterUpdates(tableName: string, delta: CounterDelta): TransactItem[] {
  const counters = counterAttributes(delta.add);
  if (delta.scope.kind === 'live') {
    // The LIVE item also keeps the set of live session ids, so the summary reads them with the count.
    const ids = { [(delta.add.live ?? 0) > 0 ? 'add' : 'delete']: new Set([delta.scope.sessionId]) };
    return [addUpdate(tableName, counterKeys(delta.scope, 0)[0]!, counters, { ids })];
  }
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  const set = delta.scope.kind === 'inputs' && delta.scope.neighbourhoodId ? { nbh: delta.scope.neighbourhoodId } : undefined;
  // A unit's instant item says it is in the roll-up (`ru`): the roll-up's migration skips it.
  return counterKeys(delta.scope, shard).map((key) => {
    const marks = key.level === 'I' && delta.scope.kind === 'unit' && !key.rollUp ? { ru: true } : set;
    return addUpdate(tableName, key, bucketAttributes(counters, key), marks ? { set: marks } : undefined);
  });
}

/**
 * The migration's write of one summed legacy bucket (functions/store/migrate-buckets.ts): the same items
 * a live write would touch, on a shard of its own (`mg`), marked on the instant item under a condition,
 * so a second run of the same target is refused and adds nothing.
 */
export function migratedCounterUpdates(tableName: string, scope: CounterScope, counters: Record<string, number>): TransactItem[] {
  const keys = counterKeys(scope, 'mg');
  const set = { migrated: true, ...(scope.kind === 'unit' ? { ru: true } : {}), ...(scope.kind === 'inputs' && scope.neighbourhoodId ? { nbh: scope.neighbourhoodId } : {}) };
  return keys.map((key) =>
    key.level === 'I' && !key.rollUp ? addUpdate(tableName, key, counters, { set, condition: 'attribute_not_exists(migrated)' }) : addUpdate(tableName, key, bucketAttributes(counters, key)),
  );
}

/**
 * The roll-up's migration (functions/store/migrate-rollup.ts): a unit's instant item written before the
 * roll-up existed, added to the roll-up's three buckets, and marked `ru` under the condition that it has
 * no mark, in one transaction: a second run, or one resumed after a crash, adds nothing twice.
 */
export function rollUpOfInstantItem(tableName: string, item: Record<string, unknown>): TransactItem[] | undefined {
  const pk = String(item.pk);
  const m = /^I#(.+)#([^#]+)$/.exec(String(item.sk));
  if (!m || !(pk === unitPk() || pk.startsWith('STATS#WARD#'))) return undefined;
  const counters: Record<string, number> = {};
  addInto(counters, item);
  const shard = /^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!;
  const scope: CounterScope = { kind: 'unit', wardId: pk === unitPk() ? undefined : pk.slice('STATS#WARD#'.length), at: m[1]! };
  const mark: TransactItem = {
    Update: {
      TableName: tableName,
      Key: { pk, sk: String(item.sk) },
      UpdateExpression: 'SET ru = :t',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(ru)',
      ExpressionAttributeValues: { ':t': true },
    },
  };
  const rollUps = counterKeys(scope, shard).filter((key) => key.rollUp);
  return Object.keys(counters).length ? [mark, ...rollUps.map((key) => addUpdate(tableName, key, bucketAttributes(counters, key)))] : [mark];
}

const NOT_COUNTERS = new Set(['pk', 'sk', 'type', 'nbh', 'migrated', 'ru', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);

function addInto(totals: Record<string, number>, item: Record<string, unknown>, pick: (name: string) => string | undefined = (n) => n) {
  for (const [name, value] of Object.entries(item)) {
    if (NOT_COUNTERS.has(name) || typeof value !== 'number') continue;
    const as = pick(name);
    if (as) totals[as] = (totals[as] ?? 0) + value;
  }
}

/** Adds year items to totals: a whole year's own counters, or the counters of the plan's months in it. */
function addYearItems(totals: Record<string, number>, items: Record<string, unknown>[], plan: BucketPlan) {
  const monthsOf = new Map(plan.months.map((m) => [m.year, new Set(m.months)]));
  for (const item of items) {
    const year = String(item.sk).slice(2, 6);
    if (plan.years && year >= plan.years.from && year < plan.years.to) addInto(totals, item, yearCounter);
    else if (monthsOf.has(year)) addInto(totals, item, monthsCounter(monthsOf.get(year)!));
  }
}

/** A year item's own counters (the year), without its month counters. */
const yearCounter = (name: string) => (MONTH_COUNTER.test(name) ? undefined : name);
/** A year item's counters of the given months, by their plain names. */
const monthsCounter = (months: ReadonlySet<string>) => (name: string) => {
  const m = MONTH_COUNTER.exec(name);
  return m && months.has(m[1]!) ? m[2] : undefined;
};

/** A unit's counters over a period: its calendar buckets, summed. */
function unitSums({ db, tableName }: TableDeps) {
  /** Every item of `pk` with sk in [lo, hi] (or beginning with `prefix`), read consistently, page by page. */
  async function queryItems(pk: string, range: { lo: string; hi: string } | { prefix: string }, filter?: { nbh: string }): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'prefix' in range ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk AND sk BETWEEN :lo AND :hi',
          ...(filter ? { FilterExpression: 'nbh = :nbh' } : {}),
          ExpressionAttributeValues: { ':pk': pk, ...('prefix' in range ? { ':p': range.prefix } : { ':lo': range.lo, ':hi': range.hi }), ...(filter ? { ':nbh': filter.nbh } : {}) },
          ExclusiveStartKey: startKey,
          // Counters are read right after the writes they count (a check-in answers the new total).
          ConsistentRead: true,
        }),
      );
      items.push(...((out.Items ?? []) as Record<string, unknown>[]));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /**
   * A unit's counters over [from, to) (all time without a period), summed from the fewest buckets that
   * cover it (calendar-buckets.ts): at most five Queries, in parallel.
   * NOTE: sort keys are "<level>#<bucket>#<shard>": BETWEEN "X#<from>" AND "X#<to>" is exactly [from, to).
   */
  async function sumUnit(pk: string, period?: Period): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    if (!period) {
      for (const item of await queryItems(pk, { prefix: 'Y#' })) addInto(totals, item, yearCounter);
      return totals;
    }
    const plan = planBuckets(period);
    const years = [...(plan.years ? [plan.years.from, String(Number(plan.years.to) - 1)] : []), ...plan.months.map((m) => m.year)];
    const [instants, days, yearItems] = await Promise.all([
      Promise.all(plan.instants.map((p) => queryItems(pk, { lo: `I#${p.from}`, hi: `I#${p.to}` }))),
      Promise.all(plan.days.map((d) => queryItems(pk, { lo: `D#${d.from}`, hi: `D#${d.to}` }))),
      years.length ? queryItems(pk, { lo: `Y#${years.reduce((a, b) => (a < b ? a : b))}`, hi: `Y#${years.reduce((a, b) => (a > b ? a : b))}#~` }) : Promise.resolve([]),
    ]);
    for (const item of [...instants.flat(), ...days.flat()]) addInto(totals, item);
    addYearItems(totals, yearItems, plan);
    return totals;
  }

  return { queryItems, sumUnit };
}

/** Many units' counters read together, and a ward's inputs. */
function manyUnitSums({ db, tableName }: TableDeps) {
  const { queryItems, sumUnit } = unitSums({ db, tableName });
  /** Items by key, 100 keys a call, in parallel; keys with no item are left out. */
  async function getItems(keys: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
    const chunks: { pk: string; sk: string }[][] = [];
    for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
    const found = await Promise.all(
      chunks.map(async (chunk) => {
        const items: Record<string, unknown>[] = [];
        let pending: { pk: string; sk: string }[] | undefined = chunk;
        for (let attempt = 0; pending?.length; attempt++) {
          if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
          const out = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
          items.push(...((out.Responses?.[tableName] ?? []) as Record<string, unknown>[]));
          pending = out.UnprocessedKeys?.[tableName]?.Keys as { pk: string; sk: string }[] | undefined;
        }
        return items;
      }),
    );
    return found.flat();
  }

  /**
   * Several units over a period of whole months and years within BY_KEY_MAX_YEARS: their year items by
   * key (BatchGetItem, 100 keys a call) rather than a Query per unit; the keys are known, since day and
   * year items only live on the COUNTER_SHARDS shards. Other periods: each unit's Queries.
   */
  async function sumUnits(pks: string[], period?: Period): Promise<Record<string, number>[]> {
    const plan = period ? planBuckets(period) : undefined;
    const years = new Set(plan?.months.map((m) => m.year));
    if (plan?.years) for (let y = Number(plan.years.from); y < Number(plan.years.to); y++) years.add(String(y));
    // Measured (docs/performance.md, "City scale"): by key pays for one or two years (8 or 16 keys a
    // unit); beyond, the keys outnumber what a Query per unit returns.
    if (!plan || plan.instants.length || plan.days.length || years.size > BY_KEY_MAX_YEARS) return Promise.all(pks.map((pk) => sumUnit(pk, period)));
    const keys = pks.flatMap((pk) => [...years].flatMap((y) => Array.from({ length: COUNTER_SHARDS }, (_, s) => ({ pk, sk: `Y#${y}#${shardOf(s)}` }))));
    const byPk = new Map<string, Record<string, unknown>[]>(pks.map((pk) => [pk, []]));
    for (const item of await getItems(keys)) byPk.get(String(item.pk))!.push(item);
    return pks.map((pk) => {
      const totals: Record<string, number> = {};
      addYearItems(totals, byPk.get(pk)!, plan);
      return totals;
    });
  }

  async function sumInputs(wardId: string, period?: Period, neighbourhoodId?: string): Promise<Totals> {
    const totals: Record<string, number> = {};
    const filter = neighbourhoodId ? { nbh: neighbourhoodId } : undefined;
    const items = await queryItems(inputsPk(wardId), period ? { lo: `I#${period.from}`, hi: `I#${period.to}` } : { prefix: 'I#' }, filter);
    for (const item of items) addInto(totals, item);
    return totalsFrom(totals);
  }

  return { getItems, sumUnits, sumInputs };
}

function engagedBusinesses({ db, tableName }: TableDeps) {
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
  return { readEngagedBusinesses };
}

export function createStatsStore(db: DynamoDBDocumentClient, tableName: string): StatsPort {
  const { queryItems, sumUnit } = unitSums({ db, tableName });
  const { sumUnits, sumInputs } = manyUnitSums({ db, tableName });
  const { readEngagedBusinesses } = engagedBusinesses({ db, tableName });

  return {
    async readUnitTotals(wardIds: readonly string[], period?: Period) {
      const [unassigned, ...perWard] = await sumUnits([unitPk(), ...wardIds.map((id) => unitPk(id))], period);
      const total: Record<string, number> = { ...unassigned };
      for (const counters of perWard) for (const [name, n] of Object.entries(counters)) total[name] = (total[name] ?? 0) + n;
      return { wards: new Map(wardIds.map((id, i) => [id, totalsFrom(perWard[i]!)])), total: totalsFrom(total), unassigned: totalsFrom(unassigned!) };
    },
    readWardTotals: async (wardId: string, period?: Period) => totalsFrom(await sumUnit(unitPk(wardId), period)),
    /** The whole jurisdiction over a period: its roll-up's shards, each read like one unit (≤ 5 Queries). */
    async readJurisdictionTotals(period?: Period) {
      const total: Record<string, number> = {};
      for (const counters of await Promise.all(JURISDICTION_PKS.map((pk) => sumUnit(pk, period)))) for (const [name, n] of Object.entries(counters)) total[name] = (total[name] ?? 0) + n;
      return totalsFrom(total);
    },
    readInputTotals: sumInputs,
    /** A session's counters: its shards, one Query of at most COUNTER_SHARDS small items. */
    async readSessionTotals(sessionId: string): Promise<Totals> {
      const totals: Record<string, number> = {};
      for (const item of await queryItems(`SESSION#${sessionId}`, { prefix: 'COUNT#' })) addInto(totals, item);
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
