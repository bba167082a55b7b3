import { BatchWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CheckIn, Concern } from '../domain/model.js';
import { concernItem } from './concerns-store.js';
import { checkInItem } from './sessions-store.js';
import { counterUpdate, type CounterDelta } from './stats-store.js';

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
