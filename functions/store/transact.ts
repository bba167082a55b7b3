import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A conditional write in a transaction did not hold: `index` is the item whose condition failed. */
export class ConditionFailedError extends Error {
  /** The item as it was, when the failed write asked for it (ReturnValuesOnConditionCheckFailure: ALL_OLD). */
  constructor(
    readonly index: number,
    readonly item?: Record<string, unknown>,
  ) {
    super(`condition failed on transaction item ${index}`);
    this.name = 'ConditionFailedError';
  }
}

const MAX_ATTEMPTS = 12;

/** Statistics for benchmarks and the docs: how often transactions had to be retried. */
export const transactionStats = { transactions: 0, conflicts: 0 };

/**
 * Runs one TransactWriteItems, retrying (with jittered backoff) when DynamoDB cancels it for a
 * TransactionConflict with a concurrent transaction on the same item, which is safe because every
 * transaction we run either applies whole or not at all, and each carries a conditional write that
 * makes a repeat of an applied one fail its condition rather than count twice.
 * Throws ConditionFailedError when a condition does not hold.
 */
export async function runTransaction(db: DynamoDBDocumentClient, items: TransactItem[]): Promise<void> {
  transactionStats.transactions += 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (error instanceof TransactionCanceledException || (error as Error).name === 'TransactionCanceledException') {
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        if (failed >= 0) {
          throw new ConditionFailedError(failed, oldItem(reasons[failed].Item));
        }
        const retryable = reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded');
        if (retryable && attempt < MAX_ATTEMPTS) {
          transactionStats.conflicts += 1;
          await backoff(attempt);
          continue;
        }
      } else if ((error as Error).name === 'TransactionInProgressException' && attempt < MAX_ATTEMPTS) {
        await backoff(attempt);
        continue;
      }
      throw error;
    }
  }
}

/**
 * Runs a transaction whose first item carries the condition that makes it happen once (an item that
 * must not exist yet, a status it must still have): true when it ran, false when that condition did
 * not hold (nothing written). Any other failure throws.
 */
export async function runConditionalTransaction(db: DynamoDBDocumentClient, items: TransactItem[]): Promise<boolean> {
  try {
    await runTransaction(db, items);
    return true;
  } catch (error) {
    if (error instanceof ConditionFailedError && error.index === 0) return false;
    throw error;
  }
}

/**
 * Like runConditionalTransaction, for a first item that must not exist yet (an idempotency record):
 * undefined when the transaction ran; otherwise `{ existing }`, the record that was there, returned by
 * the refused write itself (ALL_OLD), so a repeat costs no extra read.
 */
export async function runOnceTransaction(db: DynamoDBDocumentClient, items: TransactItem[]): Promise<{ existing?: Record<string, unknown> } | undefined> {
  const [first, ...rest] = items;
  const put = first.Put ? { Put: { ...first.Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } } : first;
  try {
    await runTransaction(db, [put, ...rest]);
    return undefined;
  } catch (error) {
    if (error instanceof ConditionFailedError && error.index === 0) return { existing: error.item };
    throw error;
  }
}

/** The item a refused write returned (ALL_OLD), or undefined when it returned none or one we cannot read (the caller reads it then). */
function oldItem(item: unknown): Record<string, unknown> | undefined {
  if (!item) return undefined;
  try {
    return unmarshall(item as never);
  } catch {
    return undefined;
  }
}

function backoff(attempt: number): Promise<void> {
  const cap = Math.min(500, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
}
