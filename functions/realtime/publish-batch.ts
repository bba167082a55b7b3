import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { conflationKey, once, type RealtimeEvent } from './events.js';
import { emptyStats, publishConflated, readSubscribersOncePerBatch, type PublishDeps } from './publish.js';
import { affectsSummary, eventsOf } from './stream-events.js';

/** How a batch is paced (functions/config.ts, publisherConfigFromEnv). */
export interface BatchSettings {
  /** Conflated events (sessions, concerns) published at the same time. */
  itemsInParallel: number;
  /** Time kept in hand before the function's timeout (one session's fan-out must fit in it). */
  deadlineMarginMs: number;
}

/** Without a Lambda context (tests), how long throttled posts may be retried. */
const DEFAULT_BUDGET_MS = 20_000;

/**
 * One DynamoDB Streams batch (reportBatchItemFailures): turns its records into subscription events,
 * conflates them (one message per session, per concern, per topic and subscriber group:
 * functions/realtime/publish.ts), delivers them, then pushes one summary for the batch. A record
 * that cannot be read fails alone and is retried; the others are delivered now (and skipped on the
 * retry by their delivery claims). Near the function's timeout the rest is deferred, not lost.
 */
export async function publishStreamBatch(deps: PublishDeps, settings: BatchSettings, event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  const started = performance.now();
  const startedAt = Date.now();
  const logger = deps.logger.createChild({ persistentKeys: { requestId: context?.awsRequestId } });
  const batchDeps: PublishDeps = { ...deps, logger, connections: readSubscribersOncePerBatch(deps.connections) };
  const failed = new Set<string>(); // sequence numbers
  const stats = emptyStats();
  const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';
  // Throttled posts are retried until half the margin is left: then what is owed is kept and reported.
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - settings.deadlineMarginMs / 2 : Date.now() + DEFAULT_BUDGET_MS;

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
    if (context && context.getRemainingTimeInMillis() < settings.deadlineMarginMs) {
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
  await Promise.all(Array.from({ length: Math.min(settings.itemsInParallel, queue.length) }, async () => {
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
}
