import { BatchWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CheckIn, Concern } from '../domain/kernel/model.js';
import { concernItem, waitingItem, waitingRecordOf } from './concerns-store.js';
import { checkInItem } from './sessions-store.js';
import type { CounterDelta } from '../domain/ports.js';
import { counterAttributes } from './counters.js';
import { bucketAttributes, counterKeys, counterUpdates } from './stats-store.js';

/**
 * Benchmarks only (bench/domain-attendance.bench.ts): writes the items that many accepted check-ins
 * leave behind (their CheckIn items, and the counters they add, summed), in batches, to fill a table
 * with 10^5 check-ins in minutes rather than hours. Never used on a request path: it skips the
 * idempotency condition and the transaction that requests rely on.
 */
export async function bulkLoadCheckIns(db: DynamoDBDocumentClient, tableName: string, checkIns: CheckIn[], counters: CounterDelta[]): Promise<void> {
  for (let i = 0; i < checkIns.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = checkIns.slice(i, i + 25).map((c) => ({ PutRequest: { Item: checkInItem(c, 'ADMIN') } }));
    while (pending?.length) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
    }
  }
  for (const delta of counters) {
    for (const item of counterUpdates(tableName, delta)) await db.send(new UpdateCommand(item.Update as never));
  }
}

async function batchPut(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
    }
  }
}

/** Counter items summed in memory: what these deltas add, instant items on shard `shard` (counterKeys). Benchmarks only. */
export function summedCounterItems(deltas: CounterDelta[], shard: string | number = 0): Record<string, unknown>[] {
  const items = new Map<string, Record<string, unknown>>();
  for (const delta of deltas) {
    const counters = counterAttributes(delta.add);
    for (const key of counterKeys(delta.scope, shard)) {
      const id = `${key.pk}|${key.sk}`;
      const item = items.get(id) ?? { pk: key.pk, sk: key.sk, type: 'Counter', ...(delta.scope.kind === 'inputs' && delta.scope.neighbourhoodId ? { nbh: delta.scope.neighbourhoodId } : {}) };
      for (const [name, n] of Object.entries(bucketAttributes(counters, key))) item[name] = ((item[name] as number | undefined) ?? 0) + n;
      items.set(id, item);
    }
  }
  return [...items.values()];
}

/**
 * Benchmarks only (bench/reports.bench.ts): writes what raising (and moving) these concerns leaves
 * behind: the Concern items, their counters in their unit's instant, day and year buckets (summed in
 * memory and Put whole), and a waiting marker for those not answered. Never used on a request path.
 */
export async function bulkLoadConcerns(db: DynamoDBDocumentClient, tableName: string, concerns: Concern[], batch = 0): Promise<void> {
  const waiting = new Set(['OPEN', 'IN_PROGRESS', 'ESCALATED']);
  const closed = new Set(['ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED']);
  const items: Record<string, unknown>[] = [];
  const deltas: CounterDelta[] = [];
  for (const c of concerns) {
    items.push(concernItem(c));
    const byLevel = [{ status: c.status, authority: c.authority, add: 1 }];
    deltas.push({ scope: { kind: 'unit', wardId: c.wardId, at: c.raisedAt }, add: { concerns: 1, byStatus: { [c.status]: 1 }, concernsClosed: closed.has(c.status) ? 1 : 0, byLevel } });
    if (waiting.has(c.status)) items.push(waitingItem(waitingRecordOf(c)));
  }
  // Instant items are this batch's own (its shard `b<batch>`): Put whole. Day and year items are shared
  // by batches loaded in parallel: ADDed.
  const counters = summedCounterItems(deltas, `b${batch}`);
  await batchPut(db, tableName, [...items, ...counters.filter((c) => String(c.sk).startsWith('I#'))]);
  for (const { pk, sk, type: _type, ...add } of counters.filter((c) => !String(c.sk).startsWith('I#'))) {
    const names = Object.keys(add);
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk, sk },
        UpdateExpression: `SET #type = :type ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(names.map((n, i) => [`#c${i}`, n])) },
        ExpressionAttributeValues: { ':type': 'Counter', ...Object.fromEntries(names.map((n, i) => [`:c${i}`, add[n]])) },
      }),
    );
  }
}

/**
 * Benchmarks only (bench/deadlines.bench.ts): writes answered concerns' items as the answering moves
 * leave them (an answered concern has no due marker), in parallel batches, to fill a table with 10^5
 * concerns in a minute or two. Never used on a request path.
 */
export async function bulkLoadAnsweredConcerns(db: DynamoDBDocumentClient, tableName: string, concerns: Concern[], parallel = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < concerns.length) {
        const batch = concerns.slice(next, next + 25);
        next += 25;
        let pending: Record<string, unknown>[] | undefined = batch.map((c) => ({ PutRequest: { Item: concernItem(c) } }));
        while (pending?.length) {
          const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
          pending = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
        }
      }
    }),
  );
}
