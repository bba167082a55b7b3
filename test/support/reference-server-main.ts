// The reference graphql-ws server as its own process, beside a running local stack: the same
// schema and domain over the stack's table, its in-memory pub/sub fed from the stack's stream.
// NOTE: a separate process because vitest would load `graphql` twice (ESM for our sources, CJS for
// @graphql-tools), and graphql refuses a schema "from another realm".
// Env: STACK_URL, DYNAMODB_ENDPOINT; prints "reference: <url>" when ready.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/keys.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { startStreamPoller } from '../../infra/local/stream-poller.js';
import { createInMemoryPubSub, startReferenceServer } from './reference-server.js';

const stackUrl = process.env.STACK_URL!;
const dynamoEndpoint = process.env.DYNAMODB_ENDPOINT!;
Object.assign(process.env, {
  TABLE_NAME: LOCAL_TABLE_NAME,
  AWS_REGION: 'local',
  JWKS_URL: `${stackUrl}/.well-known/jwks.json`,
  TOKEN_ISSUER: LOCAL_ISSUER,
  TOKEN_AUDIENCE: LOCAL_AUDIENCE,
  POWERTOOLS_LOG_LEVEL: 'ERROR',
});
const { getRuntime } = await import('../../functions/handlers/runtime.js');
const { realtimeSchema } = await import('../../functions/realtime/schema.js');
const { eventsOf, isPublishedRecord } = await import('../../functions/realtime/stream-events.js');
const { once } = await import('../../functions/realtime/events.js');
const runtime = getRuntime();
const pubsub = createInMemoryPubSub();
const reference = await startReferenceServer({ schema: realtimeSchema(), domain: runtime.domain, logger: runtime.logger, verifyToken: runtime.verifyToken, pubsub });
const poller = await startStreamPoller({
  endpoint: dynamoEndpoint,
  tableName: LOCAL_TABLE_NAME,
  filter: isPublishedRecord,
  idleWaitMs: Number(process.env.STREAM_POLL_INTERVAL_MS ?? 100),
  handler: async (event: DynamoDBStreamEvent) => {
    for (const record of event.Records) for (const e of eventsOf(record, runtime.domain)) pubsub.publish(e);
    // Like the publisher: one summary per batch.
    const last = event.Records.at(-1);
    if (last) pubsub.publish({ field: 'summaryChanged', id: last.eventID!, value: once(() => runtime.domain.summaries.districtSummary()) });
    return { batchItemFailures: [] };
  },
});
console.log(`reference: ${reference.url}`);
const stop = async () => {
  await poller.stop();
  await reference.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
