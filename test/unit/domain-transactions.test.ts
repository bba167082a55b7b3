import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ConditionFailedError, runTransaction } from '../../functions/store/transact.js';

// A stand-in for the document client that answers each TransactWriteItems from a script.
function scriptedClient(answers: ('ok' | 'conflict' | 'condition')[]) {
  const calls: unknown[] = [];
  const db = {
    async send(command: unknown) {
      calls.push(command);
      const answer = answers.shift();
      if (answer === 'ok') return {};
      const reasons = answer === 'conflict' ? [{ Code: 'None' }, { Code: 'TransactionConflict' }] : [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }];
      throw new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: reasons });
    },
  } as unknown as DynamoDBDocumentClient;
  return { db, calls };
}

describe('runTransaction', () => {
  it('retries a transaction DynamoDB cancelled for a TransactionConflict until it applies', async () => {
    const { db, calls } = scriptedClient(['conflict', 'conflict', 'conflict', 'ok']);
    await runTransaction(db, []);
    expect(calls).toHaveLength(4);
  });

  it('reports a failed condition (a repeated requestId) without retrying, naming the item', async () => {
    const { db, calls } = scriptedClient(['conflict', 'condition']);
    const error = await runTransaction(db, []).catch((e) => e);
    expect(error).toBeInstanceOf(ConditionFailedError);
    expect(error.index).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('gives up after a bounded number of conflicts and lets the error through', async () => {
    const { db, calls } = scriptedClient(Array(20).fill('conflict'));
    await expect(runTransaction(db, [])).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(calls).toHaveLength(12);
  }, 20_000);
});
