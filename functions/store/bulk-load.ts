import { BatchWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CheckIn, Concern } from '../domain/model.js';
import { concernItem, waitingItem, waitingRecordOf } from './concerns-store.js';
import { checkInItem } from './sessions-store.js';
import type { CounterDelta } from '../domain/ports.js';
import { counterAttributes } from './counters.js';
import { counterKey, counterUpdate } from './stats-store.js';

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
    const update = counterUpdate(tableName, delta).Update!;
    await db.send(new UpdateCommand(update as never));
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

/**
 * Benchmarks only (bench/reports.bench.ts): writes what raising (and moving) these concerns leaves
 * behind: the Concern items, their counters in the district and ward buckets at raisedAt (each concern
 * has its own instant, so each bucket item is Put whole), and a waiting marker for those not answered.
 * Never used on a request path.
 */
export async function bulkLoadConcerns(db: DynamoDBDocumentClient, tableName: string, concerns: Concern[]): Promise<void> {
  const waiting = new Set(['OPEN', 'IN_PROGRESS', 'ESCALATED']);
  const closed = new Set(['ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED']);
  const items: Record<string, unknown>[] = [];
  for (const c of concerns) {
    items.push(concernItem(c));
    const byLevel = [{ status: c.status, authority: c.authority, add: 1 }];
    items.push({ ...counterKey({ kind: 'district', at: c.raisedAt }, 0), type: 'Counter', ...counterAttributes({ concerns: 1, byStatus: { [c.status]: 1 }, byLevel }) });
    if (c.wardId) {
      items.push({ ...counterKey({ kind: 'ward', wardId: c.wardId, at: c.raisedAt }, 0), type: 'Counter', ...counterAttributes({ concerns: 1, concernsClosed: closed.has(c.status) ? 1 : 0, byLevel }) });
    }
    if (waiting.has(c.status)) items.push(waitingItem(waitingRecordOf(c)));
  }
  await batchPut(db, tableName, items);
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
