import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { requireEnv } from '../config.js';
import { createConnectionApi } from '../realtime/connection-api.js';
import { once } from '../realtime/events.js';
import { emptyStats, publishEvent, type PublishDeps } from '../realtime/publish.js';
import { realtimeSchema } from '../realtime/schema.js';
import { affectsSummary, eventsOf } from '../realtime/stream-events.js';
import { createConnectionsStore } from '../store/connections-store.js';
import { getRuntime } from './runtime.js';

/**
 * The `publisher` Lambda, fed by the table's DynamoDB Stream (reportBatchItemFailures): turns each
 * record into subscription events and delivers them (functions/realtime/publish.ts). Records are
 * handled in order, each in its own try/catch: a record that fails is reported alone and retried,
 * the others are delivered now (and skipped on the retry by their delivery claims).
 */
const runtime = getRuntime();
const deps: PublishDeps = {
  connections: createConnectionsStore(runtime.stores.db, requireEnv('TABLE_NAME')),
  api: createConnectionApi(requireEnv('WS_MANAGEMENT_ENDPOINT')),
  schema: realtimeSchema(),
  domain: runtime.domain,
  logger: runtime.logger,
  // In AWS a post is a network round trip (~10–30 ms): many in flight keep one invocation busy, not waiting.
  concurrency: Number(process.env.PUBLISHER_CONCURRENCY ?? 128),
};
/** Time kept in hand before the function's timeout (one record's fan-out must fit in it). */
const DEADLINE_MARGIN_MS = Number(process.env.PUBLISHER_DEADLINE_MARGIN_MS ?? 10_000);

export const handler = async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
  const started = performance.now();
  const startedAt = Date.now();
  const logger = runtime.logger.createChild({ persistentKeys: { requestId: context?.awsRequestId } });
  const failures: { itemIdentifier: string }[] = [];
  const stats = emptyStats();
  const fail = (record: DynamoDBRecord, error: unknown) => {
    logger.error('record failed', { eventId: record.eventID, eventName: record.eventName, error: error as Error });
    failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
  };
  let summaryRecord: DynamoDBRecord | undefined;
  let deferred = 0;
  for (const [index, record] of event.Records.entries()) {
    // Stop short of the function's timeout: a timed-out invocation loses the fan-out in progress,
    // whereas records reported as failures are simply redelivered from the first of them.
    if (context && context.getRemainingTimeInMillis() < DEADLINE_MARGIN_MS) {
      for (const rest of event.Records.slice(index)) failures.push({ itemIdentifier: rest.dynamodb?.SequenceNumber ?? '' });
      deferred = event.Records.length - index;
      summaryRecord = undefined; // the redelivered records will push it
      logger.warn('deferring records near the timeout', { deferred });
      break;
    }
    try {
      for (const realtimeEvent of eventsOf(record, deps.domain)) await publishEvent({ ...deps, logger }, realtimeEvent, stats);
      if (affectsSummary(record)) summaryRecord = record;
    } catch (error) {
      fail(record, error);
    }
  }
  // summaryChanged is coalesced: one push per batch, the summary as read after its last change.
  if (summaryRecord) {
    try {
      const value = once(() => deps.domain.summaries.districtSummary());
      await publishEvent({ ...deps, logger }, { field: 'summaryChanged', id: summaryRecord.eventID!, value }, stats);
    } catch (error) {
      fail(summaryRecord, error);
    }
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  logger.info('published', {
    records: event.Records.length,
    recordsFailed: failures.length - deferred,
    recordsDeferred: deferred,
    startedAt,
    durationMs: round(performance.now() - started),
    ...stats,
    loadMs: round(stats.loadMs),
    executeMs: round(stats.executeMs),
    postMs: round(stats.postMs),
  });
  return { batchItemFailures: failures };
};
