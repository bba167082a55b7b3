import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lambdaContext } from './gateway.js';

/**
 * The local stand-in for Lambda's DynamoDB Streams event source mapping: reads the table's stream
 * from DynamoDB Local and invokes the publisher with the real records, in the Lambda event shape.
 * Like the mapping configured in infra/ it: starts at LATEST, sends batches of up to 100 records
 * per shard in order, applies the same filter, honours `reportBatchItemFailures` (a retry resumes
 * at the first failed record) and, after `maxRetryAttempts`, sets the failed record aside (in AWS
 * it goes to the on-failure destination, bisection isolating it) and carries on with the others.
 */
export type StreamLambda = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  handler: StreamLambda;
  /** Records the publisher never sees (Lambda FilterCriteria in AWS). */
  filter?: (record: DynamoDBRecord) => boolean;
  batchSize?: number;
  /** Wait between polls of a shard that had nothing (Lambda polls each shard about 4 times a second). */
  idleWaitMs?: number;
  maxRetryAttempts?: number;
  /**
   * Fault injection: deliver every batch this many times (DynamoDB Streams deliver at least once;
   * tests use it to check a client never sees an event twice).
   */
  deliveries?: number;
  /**
   * Fault injection: before each batch of two or more records, deliver its first half alone (its
   * answer ignored), so the whole batch then comes as a redelivery in part (STREAM_PARTIAL_FIRST=1).
   */
  partialFirst?: boolean;
  log?: (line: string) => void;
  /**
   * Where a record that failed every retry is written (one JSON file per record: the whole Lambda
   * record plus the attempts), so it can be replayed; AWS's on-failure queue gets the shard and
   * sequence numbers instead.
   */
  deadLetterDir?: string;
}

export interface StreamPoller {
  stop(): Promise<void>;
  /** Records delivered so far, and records set aside after failing every retry. */
  stats(): { delivered: number; discarded: number; batches: number };
}

/** Writes a record that failed every retry where it can be read back and replayed; returns the file. */
function writeDeadLetter(dir: string, record: DynamoDBRecord, attempts: number): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${record.dynamodb?.SequenceNumber ?? record.eventID}.json`);
  const entry = { failedAt: new Date().toISOString(), attempts, replay: 'invoke the publisher with { Records: [record] }', record };
  writeFileSync(file, JSON.stringify(entry, null, 2));
  return file;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SDK stream records → the JSON Lambda receives (dates as epoch seconds, the source ARN added). */
export function toLambdaRecord(record: StreamsRecord, streamArn: string): DynamoDBRecord {
  const dynamodb = record.dynamodb ?? {};
  const created = dynamodb.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'local',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ApproximateCreationDateTime: created instanceof Date ? Math.floor(created.getTime() / 1000) : (created as number | undefined),
    },
  };
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const log = options.log ?? (() => undefined);
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const region = process.env.AWS_REGION ?? 'local';
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region, credentials });
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, region, credentials });
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream; the publisher needs one (StreamSpecification in table-definition.ts).`);

  const batchSize = options.batchSize ?? 100;
  const idleWaitMs = options.idleWaitMs ?? 100;
  const maxRetryAttempts = options.maxRetryAttempts ?? 2;
  const deliveries = Math.max(1, options.deliveries ?? 1);
  const filter = options.filter ?? (() => true);
  const stats = { delivered: 0, discarded: 0, batches: 0 };
  let stopped = false;

  const invoke = async (records: DynamoDBRecord[]): Promise<Set<string>> => {
    const context = lambdaContext('publisher', `local-${Date.now()}`, 60_000);
    try {
      const result = await options.handler({ Records: records }, context);
      return new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      console.error('stream-poller: the publisher failed the whole batch', error);
      return new Set(records.map((r) => r.dynamodb!.SequenceNumber!));
    }
  };

  /** One batch, with Lambda's checkpointing: a retry resumes at the first failed record. */
  const deliver = async (records: DynamoDBRecord[]) => {
    let pending = records;
    let attempts = 0;
    while (pending.length && !stopped) {
      stats.batches++;
      if (options.partialFirst && pending.length > 1) await invoke(pending.slice(0, Math.ceil(pending.length / 2)));
      let failures = new Set<string>();
      for (let i = 0; i < deliveries; i++) failures = await invoke(pending);
      const firstFailed = pending.findIndex((r) => failures.has(r.dynamodb!.SequenceNumber!));
      if (firstFailed < 0) {
        stats.delivered += pending.length;
        return;
      }
      stats.delivered += firstFailed;
      pending = pending.slice(firstFailed);
      if (++attempts > maxRetryAttempts) {
        stats.discarded++;
        const file = options.deadLetterDir ? writeDeadLetter(options.deadLetterDir, pending[0], attempts) : undefined;
        log(`stream-poller: record ${pending[0].eventID} failed ${attempts} times; set aside (the on-failure destination in AWS)${file ? `: ${file}` : ''}`);
        pending = pending.slice(1);
        attempts = 0;
        continue;
      }
      await sleep(50 * attempts);
    }
  };

  const shards = new Map<string, string | undefined>(); // shardId → iterator (undefined: closed)
  const discoverShards = async (initial: boolean) => {
    let exclusiveStartShardId: string | undefined;
    do {
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (shards.has(shard.ShardId!)) continue;
        const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        if (initial && closed) {
          shards.set(shard.ShardId!, undefined);
          continue;
        }
        // Existing shards start at LATEST (like a new event source mapping); shards born later from the start.
        const iterator = await streams.send(
          new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: initial ? 'LATEST' : 'TRIM_HORIZON' }),
        );
        shards.set(shard.ShardId!, iterator.ShardIterator);
      }
      exclusiveStartShardId = out.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  };
  await discoverShards(true);
  if (options.partialFirst) log('stream-poller: delivering the first half of every batch before the batch (fault injection: redelivery in part)');
  if (deliveries > 1) log(`stream-poller: delivering every batch ${deliveries} times (fault injection: at-least-once delivery)`);

  const pollShard = async (shardId: string): Promise<boolean> => {
    const iterator = shards.get(shardId);
    if (!iterator) return false;
    const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
    shards.set(shardId, out.NextShardIterator);
    const records = (out.Records ?? []).map((r) => toLambdaRecord(r, streamArn)).filter(filter);
    if (records.length) await deliver(records);
    return (out.Records?.length ?? 0) > 0;
  };

  const loop = (async () => {
    let lastDiscovery = Date.now();
    while (!stopped) {
      let busy = false;
      try {
        const results = await Promise.all([...shards.keys()].map(pollShard));
        busy = results.some(Boolean);
        if (Date.now() - lastDiscovery > 2_000 || [...shards.values()].every((it) => it === undefined)) {
          await discoverShards(false);
          lastDiscovery = Date.now();
        }
      } catch (error) {
        if (stopped) break;
        log(`stream-poller: ${(error as Error).message}; retrying`);
        await sleep(500);
      }
      if (!busy) await sleep(idleWaitMs);
    }
  })();

  return {
    stats: () => ({ ...stats }),
    async stop() {
      stopped = true;
      await loop;
      streams.destroy();
    },
  };
}
