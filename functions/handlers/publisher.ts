import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { requireEnv } from '../config.js';
import { createConnectionApi } from '../realtime/connection-api.js';
import { createLambdaFanout } from '../realtime/fanout.js';
import { conflationKey, once, type RealtimeEvent } from '../realtime/events.js';
import { emptyStats, publishConflated, readSubscribersOncePerBatch, type PublishDeps } from '../realtime/publish.js';
import { realtimeSchema } from '../realtime/schema.js';
import { affectsSummary, eventsOf } from '../realtime/stream-events.js';
import { createConnectionsStore } from '../store/connections-store.js';
import { getRuntime } from './runtime.js';

/**
 * The `publisher` Lambda, fed by the table's DynamoDB Stream (reportBatchItemFailures): turns the
 * batch's records into subscription events, conflates them (one message per session, per concern,
 * per topic and subscriber group: functions/realtime/publish.ts) and delivers them. A record that
 * cannot be read fails alone and is retried; the others are delivered now (and skipped on the retry
 * by their delivery claims).
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
  // A message to more than FANOUT_THRESHOLD connections is posted in chunks by the `fanout` function.
  fanout: process.env.FANOUT_FUNCTION_NAME ? createLambdaFanout(process.env.FANOUT_FUNCTION_NAME, process.env.LAMBDA_ENDPOINT) : undefined,
  fanoutThreshold: Number(process.env.FANOUT_THRESHOLD ?? 500),
  fanoutChunkSize: Number(process.env.FANOUT_CHUNK_SIZE ?? 250),
};
/** Conflated events (sessions, concerns) published at the same time. */
const ITEMS_IN_PARALLEL = Number(process.env.PUBLISHER_ITEMS_IN_PARALLEL ?? 8);
/** Time kept in hand before the function's timeout (one session's fan-out must fit in it). */
const DEADLINE_MARGIN_MS = Number(process.env.PUBLISHER_DEADLINE_MARGIN_MS ?? 10_000);
/** Without a Lambda context (tests), how long throttled posts may be retried. */
const DEFAULT_BUDGET_MS = 20_000;

export const handler = async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
  const started = performance.now();
  const startedAt = Date.now();
  const logger = runtime.logger.createChild({ persistentKeys: { requestId: context?.awsRequestId } });
  const batchDeps: PublishDeps = { ...deps, logger, connections: readSubscribersOncePerBatch(deps.connections) };
  const failed = new Set<string>(); // sequence numbers
  const stats = emptyStats();
  const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';
  // Throttled posts are retried until half the margin is left: then what is owed is kept and reported.
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS / 2 : Date.now() + DEFAULT_BUDGET_MS;

  // Events by conflation key, in stream order: records of one item (same pk: a session and its
  // check-ins, one concern) come in the order they were written, and so do their merged updates.
  const units = new Map<string, RealtimeEvent[]>();
  const recordOf = new Map<string, DynamoDBRecord>(); // event id → record
  let summaryIndex = -1;
  for (const [index, record] of event.Records.entries()) {
    try {
      for (const realtimeEvent of eventsOf(record, deps.domain)) {
        recordOf.set(realtimeEvent.id, record);
        const key = conflationKey(realtimeEvent);
        units.set(key, [...(units.get(key) ?? []), realtimeEvent]);
      }
      if (affectsSummary(record)) summaryIndex = Math.max(summaryIndex, index);
    } catch (error) {
      logger.error('record failed', { eventId: record.eventID, eventName: record.eventName, error: error as Error });
      failed.add(sequenceOf(record));
    }
  }

  let deferred = 0;
  const publishUnit = async (events: RealtimeEvent[]) => {
    // Stop short of the function's timeout: a timed-out invocation loses the fan-out in progress,
    // whereas records reported as failures are simply redelivered from the first of them.
    if (context && context.getRemainingTimeInMillis() < DEADLINE_MARGIN_MS) {
      for (const e of events) failed.add(sequenceOf(recordOf.get(e.id)!));
      deferred += events.length;
      return;
    }
    try {
      const outcome = await publishConflated(batchDeps, events, stats, deadline);
      for (const id of outcome.failed) failed.add(sequenceOf(recordOf.get(id)!));
    } catch (error) {
      logger.error('records failed', { eventIds: events.map((e) => e.id), error: error as Error });
      for (const e of events) failed.add(sequenceOf(recordOf.get(e.id)!));
    }
  };
  const queue = [...units.values()];
  await Promise.all(Array.from({ length: Math.min(ITEMS_IN_PARALLEL, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await publishUnit(next);
  }));
  if (deferred) logger.warn('deferred records near the timeout', { deferred });
  // The redelivered records will push the summary when some were deferred.
  const summaryRecord = deferred ? undefined : event.Records[summaryIndex];
  // summaryChanged is coalesced: one push per batch, the summary as read after its last change.
  if (summaryRecord) {
    try {
      const value = once(() => deps.domain.summaries.districtSummary());
      const outcome = await publishConflated(batchDeps, [{ field: 'summaryChanged', id: summaryRecord.eventID!, value }], stats, deadline);
      if (outcome.failed.size) failed.add(sequenceOf(summaryRecord));
    } catch (error) {
      logger.error('record failed', { eventId: summaryRecord.eventID, error: error as Error });
      failed.add(sequenceOf(summaryRecord));
    }
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  logger.info('published', {
    records: event.Records.length,
    recordsFailed: failed.size - deferred,
    recordsDeferred: deferred,
    startedAt,
    durationMs: round(performance.now() - started),
    ...stats,
    readMs: round(stats.readMs),
    claimMs: round(stats.claimMs),
    loadMs: round(stats.loadMs),
    executeMs: round(stats.executeMs),
    postMs: round(stats.postMs),
  });
  return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
};
