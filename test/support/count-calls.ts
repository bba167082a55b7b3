import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Counts the DynamoDB commands a document client sends, by name (`Get`, `TransactWrite`, `Query`…):
 * the tests and benches that pin how many calls an operation costs read `calls` around it.
 */
export function countCalls(db: DynamoDBDocumentClient): { calls: string[] } {
  const counted = { calls: [] as string[] };
  const send = db.send.bind(db) as (...a: unknown[]) => Promise<unknown>;
  (db as { send: unknown }).send = (command: { constructor: { name: string } }, ...rest: unknown[]) => {
    counted.calls.push(command.constructor.name.replace(/Command$/, ''));
    return send(command, ...rest);
  };
  return counted;
}
