/**
 * The publisher Lambda handler in its own Node process, as Lambda runs it, for tests that invoke it
 * with records and a context of their choosing. (In the vitest process, `graphql` would load twice:
 * once for vitest's module graph and once for the externalised @graphql-tools, and the schema refuses
 * types from "another realm".) One JSON line in on stdin, `{ records, remainingMs }`; one JSON line
 * out, the handler's answer.
 */
import { createInterface } from 'node:readline';

const { handler } = await import('../../functions/handlers/publisher.js');
process.stdout.write('publisher: ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const { records, remainingMs } = JSON.parse(line) as { records: unknown[]; remainingMs: number[] };
  const left = [...remainingMs];
  const context = { awsRequestId: 'test', getRemainingTimeInMillis: () => (left.length > 1 ? left.shift()! : left[0]) };
  const result = await handler({ Records: records } as never, context as never);
  process.stdout.write(`publisher: ${JSON.stringify(result)}\n`);
}
