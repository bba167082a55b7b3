/**
 * Builds the jurisdiction's roll-up (`STATS#ALL#<shard>`; docs/data-model.md,
 * "The jurisdiction's roll-up") for a table written before it existed: every unit's instant item (and the records with no
 * ward) that is not marked `ru` is added to the roll-up's instant, day and year buckets, and marked, in
 * one transaction (stats-store.ts, rollUpOfInstantItem). Day and year items need no pass of their own:
 * they are sums of the instant items, so the roll-up's are too.
 *
 * Idempotent and resumable: an item is added only together with its mark, under the condition that it
 * has none, so a second run, or one resumed after a crash, adds nothing twice. Live writes mark their
 * instant item as they add to the roll-up, so they are never added again. The migration must finish
 * before the new version takes writes (it runs at `npm start` before anything is served, and in the
 * deployment's trigger): a write of the new version on an item not yet migrated would mark it without
 * its older counts. When every item is marked, `MIGRATION#ROLLUP` records it and later runs read only
 * that item.
 */
import { GetCommand, PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionFailedError, runTransaction } from './transact.js';
import { rollUpOfInstantItem } from './stats-store.js';

const DONE_KEY = { pk: 'MIGRATION#ROLLUP', sk: 'DONE' };

export interface RollUpMigrationResult {
  alreadyDone: boolean;
  /** Instant items added to the roll-up by this run. */
  written: number;
  /** Items another run marked between our scan and our write. */
  skipped: number;
}

export async function migrateRollUp(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { log?: (line: string) => void; concurrency?: number; /** Stop after this many transactions (tests: a crash). */ stopAfter?: number } = {},
): Promise<RollUpMigrationResult> {
  const done = await db.send(new GetCommand({ TableName: tableName, Key: DONE_KEY, ConsistentRead: true }));
  if (done.Item) return { alreadyDone: true, written: 0, skipped: 0 };
  let written = 0;
  let skipped = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '(begins_with(pk, :ward) OR pk = :noWard) AND begins_with(sk, :instant) AND attribute_not_exists(ru)',
        ExpressionAttributeValues: { ':ward': 'STATS#WARD#', ':noWard': 'STATS#NOWARD', ':instant': 'I#' },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    const items = (page.Items ?? []) as Record<string, unknown>[];
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency ?? 8 }, async () => {
        while (next < items.length) {
          if (options.stopAfter !== undefined && written >= options.stopAfter) return;
          const transaction = rollUpOfInstantItem(tableName, items[next++]!);
          if (!transaction) continue;
          try {
            await runTransaction(db, transaction);
            written += 1;
          } catch (error) {
            if (!(error instanceof ConditionFailedError)) throw error;
            skipped += 1;
          }
        }
      }),
    );
    if (options.stopAfter !== undefined && written >= options.stopAfter) return { alreadyDone: false, written, skipped };
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await db.send(new PutCommand({ TableName: tableName, Item: { ...DONE_KEY, type: 'Migration', written, at: new Date().toISOString() } }));
  if (written) options.log?.(`counters: ${written} instant items added to the jurisdiction's roll-up`);
  return { alreadyDone: false, written, skipped };
}
