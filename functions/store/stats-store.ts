import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Period } from '../domain/period.js';

/** The counters of one scope (a ward, or the district) summed over a period. */
export interface CounterTotals {
  sessions: number;
  attendance: number;
  concerns: number;
  concernsClosed: number;
}

// Counter items: pk STATS#WARD#<id> | STATS#DISTRICT, sk H#<yyyy-mm-ddThh>#<shard>: hour buckets
// (docs/data-model.md). A period reads the buckets in its range, never the check-ins themselves.
export function createStatsStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async readWardTotals(wardId: string, period?: Period): Promise<CounterTotals> {
      return sumBuckets(db, tableName, `STATS#WARD#${wardId}`, period);
    },
  };
}
export type StatsStore = ReturnType<typeof createStatsStore>;

async function sumBuckets(db: DynamoDBDocumentClient, tableName: string, pk: string, period?: Period): Promise<CounterTotals> {
  const totals: CounterTotals = { sessions: 0, attendance: 0, concerns: 0, concernsClosed: 0 };
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: period ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk AND begins_with(sk, :h)',
        ExpressionAttributeValues: period
          ? { ':pk': pk, ':from': `H#${period.from.slice(0, 13)}`, ':to': `H#${period.to.slice(0, 13)}` }
          : { ':pk': pk, ':h': 'H#' },
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) {
      totals.sessions += Number(item.sessions ?? 0);
      totals.attendance += Number(item.attendance ?? 0);
      totals.concerns += Number(item.concerns ?? 0);
      totals.concernsClosed += Number(item.concernsClosed ?? 0);
    }
    exclusiveStartKey = out.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return totals;
}
