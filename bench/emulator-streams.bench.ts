/**
 * DynamoDB Local (the emulator the local stack runs), not the project: what its cost per call grows
 * with (docs/performance.md, "## Review reports"). Three tables with the project's definition, one
 * partition of 1,301 small items each; A and B with the stream, C without. Then C grows by GROW items
 * (table size alone), B grows by GROW items with its stream (GROW unread stream records), and a poller
 * reads A's stream as the local stack's does (GetRecords every 100 ms when idle). Each step: GetItem
 * and a Query of 1,300 items on the three tables, interleaved; GetRecords on A's (empty) shard timed
 * before and after B's growth.
 *
 *   node --import tsx bench/emulator-streams.bench.ts        env: GROW (default 30000), SAMPLES (40)
 *
 * NOTE: DynamoDB Local keeps every table's stream records in one SQLite table (`us`, keyed by sequence
 * number) and, for an idle GetRecords, looks up the shard's last record with `SELECT SequenceNumber
 * FROM us WHERE ShardID=? ORDER BY SequenceNumber DESC LIMIT 1` (read from its jar, 1.11.478): newest
 * first, stepping over every record that other shards (other tables) got since, on the emulator's
 * single SQLite thread, which every other call waits behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/store/client.js';
import { toCreateTableInput } from '../functions/store/table-definition.js';
import { adminClient, ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const GROW = Number(process.env.GROW ?? 30_000);
const SAMPLES = Number(process.env.SAMPLES ?? 40);
const tables = ['A-stream', 'B-stream', 'C-nostream'];
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const dir = mkdtempSync('/dev/shm/dialogue-pulse-emulator-');
const ddb = await startDynamoDbLocal({ dataDir: dir });
const admin = adminClient(ddb.endpoint);
const db = createDocumentClient({ tableName: tables[0], endpoint: ddb.endpoint });
const streams = new DynamoDBStreamsClient({ endpoint: ddb.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

async function put(table: string, items: Record<string, unknown>[]) {
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < items.length) {
      const batch = items.slice(next, next + 25);
      next += 25;
      let pending: Record<string, unknown>[] | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
      while (pending?.length) {
        const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }));
        pending = out.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
      }
    }
  }));
}

async function round(label: string) {
  const res = Object.fromEntries(tables.map((t) => [t, { get: [] as number[], query: [] as number[] }]));
  for (let i = 0; i < SAMPLES; i += 1) {
    for (const t of i % 2 ? [...tables].reverse() : tables) {
      let s = performance.now();
      await db.send(new GetCommand({ TableName: t, Key: { pk: 'STATS#DISTRICT', sk: 'LIVE' }, ConsistentRead: true }));
      res[t].get.push(performance.now() - s);
      s = performance.now();
      const out = await db.send(new QueryCommand({ TableName: t, KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': 'STATS#DISTRICT', ':a': 'T#2031', ':b': 'T#2032' }, ConsistentRead: true }));
      if (out.Count !== 1300 || out.LastEvaluatedKey) throw new Error(`Query read ${out.Count} items`);
      res[t].query.push(performance.now() - s);
    }
  }
  console.log(`${label} (${SAMPLES} interleaved rounds, load ${loadavg()[0].toFixed(2)})`);
  for (const t of tables) console.log(`  ${t.padEnd(10)}: GetItem p50 ${q(res[t].get, 0.5).toFixed(1)} ms p95 ${q(res[t].get, 0.95).toFixed(1)} ms; Query (1,300 items) p50 ${q(res[t].query, 0.5).toFixed(1)} ms p95 ${q(res[t].query, 0.95).toFixed(1)} ms`);
}

try {
  await ensureTable(ddb.endpoint, 'A-stream');
  await ensureTable(ddb.endpoint, 'B-stream');
  const noStream = { ...toCreateTableInput('C-nostream') } as Record<string, unknown>;
  delete noStream.StreamSpecification;
  await admin.send(new CreateTableCommand(noStream as never));
  await waitUntilTableExists({ client: admin, maxWaitTime: 30 }, { TableName: 'C-nostream' });
  const year = Array.from({ length: 1300 }, (_, i) => ({ pk: 'STATS#DISTRICT', sk: `T#2031-01-01T00:00:${String(i).padStart(6, '0')}#00`, type: 'Counter', concerns: 1 }));
  for (const t of tables) await put(t, [...year, { pk: 'STATS#DISTRICT', sk: 'LIVE', type: 'Counter', live: 1 }]);

  const arn = (await admin.send(new DescribeTableCommand({ TableName: 'A-stream' }))).Table!.LatestStreamArn!;
  const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards!.at(-1)!.ShardId!;
  let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: 'LATEST' }))).ShardIterator;
  const getRecords = async () => {
    const s = performance.now();
    const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
    iterator = out.NextShardIterator;
    return performance.now() - s;
  };
  const idlePolls = async (label: string) => {
    const ms: number[] = [];
    for (let i = 0; i < 10; i += 1) ms.push(await getRecords());
    console.log(`  GetRecords on A's shard (nothing new), ${label}: p50 ${q(ms, 0.5).toFixed(1)} ms`);
  };

  await round('three tables of 1,301 items');
  await idlePolls('stream records in the emulator: ~2,600');
  let s = performance.now();
  await put('C-nostream', Array.from({ length: GROW }, (_, i) => ({ pk: 'STATS#DISTRICT', sk: `T#2025-${String(i).padStart(8, '0')}#00`, type: 'Counter', concerns: 1 })));
  console.log(`C-nostream: +${GROW} items in ${((performance.now() - s) / 1000).toFixed(1)} s`);
  await round(`C-nostream grown to ${GROW + 1301} items (no stream)`);
  s = performance.now();
  await put('B-stream', Array.from({ length: GROW }, (_, i) => ({ pk: 'STATS#DISTRICT', sk: `T#2025-${String(i).padStart(8, '0')}#00`, type: 'Counter', concerns: 1 })));
  console.log(`B-stream: +${GROW} items in ${((performance.now() - s) / 1000).toFixed(1)} s`);
  await round(`B-stream grown to ${GROW + 1301} items (${GROW} more stream records, unread)`);
  await idlePolls(`stream records in the emulator: ~${GROW + 2600}`);
  let stop = false;
  const polls: number[] = [];
  const poller = (async () => {
    while (!stop) {
      polls.push(await getRecords());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await round(`the same, with a poller on A's stream (GetRecords every 100 ms when idle, as the local stack's)`);
  stop = true;
  await poller;
  console.log(`  its GetRecords: p50 ${q(polls, 0.5).toFixed(1)} ms (${polls.length} polls)`);
} finally {
  admin.destroy();
  await ddb.stop();
  rmSync(dir, { recursive: true, force: true });
}
