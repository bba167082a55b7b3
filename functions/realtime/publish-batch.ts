import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { conflationKey, once, type RealtimeEvent, type SummaryVariants } from './events.js';
import { emptyStats, publishConflated, readSubscribersOncePerBatch, type PublishDeps, type PublishStats } from './publish.js';
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
  const batch: Batch = {
    deps: { ...deps, logger, connections: readSubscribersOncePerBatch(deps.connections) },
    failed: new Set<string>(),
    stats: emptyStats(),
    // Throttled posts are retried until half the margin is left: then what is owed is kept and reported.
    deadline: context ? Date.now() + context.getRemainingTimeInMillis() - settings.deadlineMarginMs / 2 : Date.now() + DEFAULT_BUDGET_MS,
    recordOf: new Map(),
  };
  const { units, summaryRecord } = readRecords(batch, event.Records);
  const deferred = await publishUnits(batch, [...units.values()], settings, context);
  if (deferred) logger.warn('deferred records near the timeout', { deferred });
  // The redelivered records will push the summary when some were deferred.
  if (summaryRecord && !deferred) await publishSummary(batch, summaryRecord);
  const { stats } = batch;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  logger.info('published', {
    records: event.Records.length,
    recordsFailed: batch.failed.size - deferred,
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
  return { batchItemFailures: [...batch.failed].map((itemIdentifier) => ({ itemIdentifier })) };
}

/** One batch being published: what it reports as failed (sequence numbers) and where each event came from. */
interface Batch {
  deps: PublishDeps;
  failed: Set<string>;
  stats: PublishStats;
  deadline: number;
  /** event id → the stream record it came from */
  recordOf: Map<string, DynamoDBRecord>;
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

/**
 * The batch's events by conflation key, in stream order (records of one item, a session and its
 * check-ins or one concern, come in the order they were written, and so do their merged updates), and
 * the last record that changes the summary. A record that cannot be read is reported alone.
 */
function readRecords(batch: Batch, records: DynamoDBRecord[]) {
  const units = new Map<string, RealtimeEvent[]>();
  let summaryRecord: DynamoDBRecord | undefined;
  for (const record of records) {
    try {
      for (const realtimeEvent of eventsOf(record, batch.deps.domain)) {
        batch.recordOf.set(realtimeEvent.id, record);
        const key = conflationKey(realtimeEvent);
        units.set(key, [...(units.get(key) ?? []), realtimeEvent]);
      }
      if (affectsSummary(record)) summaryRecord = record;
    } catch (error) {
      batch.deps.logger.error('record failed', { eventId: record.eventID, eventName: record.eventName, error: error as Error });
      batch.failed.add(sequenceOf(record));
    }
  }
  return { units, summaryRecord };
}

/** Publishes the conflated units, `itemsInParallel` at a time; returns how many events were deferred near the timeout. */
async function publishUnits(batch: Batch, queue: RealtimeEvent[][], settings: BatchSettings, context?: Context): Promise<number> {
  let deferred = 0;
  const fail = (events: RealtimeEvent[]) => events.forEach((e) => batch.failed.add(sequenceOf(batch.recordOf.get(e.id)!)));
  const publishUnit = async (events: RealtimeEvent[]) => {
    // Stop short of the function's timeout: a timed-out invocation loses the fan-out in progress,
    // whereas records reported as failures are simply redelivered from the first of them.
    if (context && context.getRemainingTimeInMillis() < settings.deadlineMarginMs) {
      fail(events);
      deferred += events.length;
      return;
    }
    try {
      const outcome = await publishConflated(batch.deps, events, batch.stats, batch.deadline);
      for (const id of outcome.failed) batch.failed.add(sequenceOf(batch.recordOf.get(id)!));
    } catch (error) {
      batch.deps.logger.error('records failed', { eventIds: events.map((e) => e.id), error: error as Error });
      fail(events);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(settings.itemsInParallel, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await publishUnit(next);
    }),
  );
  return deferred;
}

/** summaryChanged is coalesced: one push per batch, the summary as read after its last change. */
async function publishSummary(batch: Batch, record: DynamoDBRecord): Promise<void> {
  try {
    // Read at most once each: with rows by unit for the documents that select them, from the
    // jurisdiction's roll-up for the others (subscription-resolvers.ts).
    const summaries = batch.deps.domain.summaries;
    const variants: SummaryVariants = { totals: once(() => summaries.districtSummary(null, { units: false })), byUnit: once(() => summaries.districtSummary()) };
    const value = once(async () => variants);
    const outcome = await publishConflated(batch.deps, [{ field: 'summaryChanged', id: record.eventID!, value }], batch.stats, batch.deadline);
    if (outcome.failed.size) batch.failed.add(sequenceOf(record));
  } catch (error) {
    batch.deps.logger.error('record failed', { eventId: record.eventID, error: error as Error });
    batch.failed.add(sequenceOf(record));
  }
}
