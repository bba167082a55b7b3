import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { publisherConfigFromEnv } from '../config.js';
import { createConnectionApi } from '../realtime/connection-api.js';
import { createLambdaFanout } from '../realtime/fanout.js';
import type { PublishDeps } from '../realtime/publish.js';
import { publishStreamBatch } from '../realtime/publish-batch.js';
import { realtimeSchema } from '../realtime/schema.js';
import { createConnectionsStore } from '../store/connections-store.js';
import { getRuntime } from './runtime.js';

/**
 * The `publisher` Lambda, fed by the table's DynamoDB Stream: builds its dependencies once per cold
 * start from checked configuration, and hands each batch to functions/realtime/publish-batch.ts.
 */
const config = publisherConfigFromEnv();
const runtime = getRuntime();
const deps: PublishDeps = {
  connections: createConnectionsStore(runtime.stores.db, config.tableName),
  api: createConnectionApi(config.managementEndpoint),
  schema: realtimeSchema(),
  domain: runtime.domain,
  logger: runtime.logger,
  concurrency: config.concurrency,
  fanout: config.fanout ? createLambdaFanout(config.fanout.functionName, config.fanout.endpoint) : undefined,
  fanoutThreshold: config.fanoutThreshold,
  fanoutChunkSize: config.fanoutChunkSize,
};

export const handler = (event: DynamoDBStreamEvent, context?: Context) => publishStreamBatch(deps, config, event, context);
