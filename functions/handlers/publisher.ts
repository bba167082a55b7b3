import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { requireEnv } from '../config.js';
import { createConnectionApi } from '../realtime/connection-api.js';
import { once } from '../realtime/events.js';
import { emptyStats, publishEvent, readSubscribersOncePerBatch, type PublishDeps } from '../realtime/publish.js';
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
/** Items (partition keys) whose records are published at the same time. */
const ITEMS_IN_PARALLEL = Number(process.env.PUBLISHER_ITEMS_IN_PARALLEL ?? 8);
/** Time kept in hand before the function's timeout (one record's fan-out must fit in it). */
const DEADLINE_MARGIN_MS = Number(process.env.PUBLISHER_DEADLINE_MARGIN_MS ?? 10_000);

export const handler = async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
  const started = performance.now();
  const startedAt = Date.now();
  const logger = runtime.logger.createChild({ persistentKeys: { requestId: context?.awsRequestId } });
  const batchDeps: PublishDeps = { ...deps, logger, connections: readSubscribersOncePerBatch(deps.connections) };
  const failures: { itemIdentifier: string }[] = [];
  const stats = emptyStats();
  const fail = (record: DynamoDBRecord, error: unknown) => {
    logger.error('record failed', { eventId: record.eventID, eventName: record.eventName, error: error as Error });
    failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
  };
  // Records of one item (same pk: a session and its check-ins, one concern) are handled in order;
  // different items concurrently, as Lambda's parallelizationFactor does per partition key.
  const byItem = new Map<string, { record: DynamoDBRecord; index: number }[]>();
  for (const [index, record] of event.Records.entries()) {
    const key = record.dynamodb?.Keys?.pk?.S ?? record.eventID ?? String(index);
    byItem.set(key, [...(byItem.get(key) ?? []), { record, index }]);
  }
  let summaryIndex = -1;
  let deferred = 0;
  const handleItem = async (records: { record: DynamoDBRecord; index: number }[]) => {
    for (const [position, { record, index }] of records.entries()) {
      // Stop short of the function's timeout: a timed-out invocation loses the fan-out in progress,
      // whereas records reported as failures are simply redelivered from the first of them.
      if (context && context.getRemainingTimeInMillis() < DEADLINE_MARGIN_MS) {
        for (const rest of records.slice(position)) failures.push({ itemIdentifier: rest.record.dynamodb?.SequenceNumber ?? '' });
        deferred += records.length - position;
        return;
      }
      try {
        for (const realtimeEvent of eventsOf(record, deps.domain)) await publishEvent(batchDeps, realtimeEvent, stats);
        if (affectsSummary(record)) summaryIndex = Math.max(summaryIndex, index);
      } catch (error) {
        fail(record, error);
      }
    }
  };
  const queue = [...byItem.values()];
  await Promise.all(Array.from({ length: Math.min(ITEMS_IN_PARALLEL, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await handleItem(next);
  }));
  if (deferred) logger.warn('deferred records near the timeout', { deferred });
  // The redelivered records will push the summary when some were deferred.
  const summaryRecord = deferred ? undefined : event.Records[summaryIndex];
  // summaryChanged is coalesced: one push per batch, the summary as read after its last change.
  if (summaryRecord) {
    try {
      const value = once(() => deps.domain.summaries.districtSummary());
      await publishEvent(batchDeps, { field: 'summaryChanged', id: summaryRecord.eventID!, value }, stats);
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
    readMs: round(stats.readMs),
    claimMs: round(stats.claimMs),
    loadMs: round(stats.loadMs),
    executeMs: round(stats.executeMs),
    postMs: round(stats.postMs),
  });
  return { batchItemFailures: failures };
};
