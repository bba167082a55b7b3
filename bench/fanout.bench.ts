// Fan-out: FANOUT_CLIENTS (1,000) stock graphql-ws clients subscribed to one live session's
// attendance, then a burst of FANOUT_BURST (20) concurrent check-ins. Latency is measured from each
// check-in's HTTP response to its arrival at every client; an update is matched to its check-in by
// its delta (check-in i counts i heads, so deltas are unique).
//   1. The Lambda path, on the real local stack: DynamoDB Local → stream → poller → publisher
//      Lambda → @connections → local API Gateway WebSocket → clients.
//   2. The baseline: graphql-ws's own useServer in this process with an in-memory pub/sub, the same
//      schema and document, published the moment each check-in's response arrives (what a
//      single-server setup does in its mutation resolver).
// FANOUT_WRITE_DOCS=0 prints without writing the "## Real time" section of docs/performance.md;
// FANOUT_BASELINE=0 skips the in-process baseline (quicker A/B runs of the Lambda path; writes no docs).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Client } from 'graphql-ws';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../infra/local/keys.js';
import { removeDataDir, startStack, type RunningStack } from '../test/support/local-stack.js';
import { checkIn, connectClient, eventually, sleep, startLiveSession, tableOf } from '../test/support/realtime-clients.js';

const root = resolve(import.meta.dirname, '..');
const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const CLIENTS = env('FANOUT_CLIENTS', 1000);
const BURST = env('FANOUT_BURST', 20);
const CONNECT_CONCURRENCY = 50;
const DOCUMENT = 'subscription Live($sessionId: ID) { attendanceChanged(sessionId: $sessionId) { delta attendance at } }';

interface Receiver {
  client: Client;
  /** delta → arrival time (ms since epoch) */
  arrivals: Map<number, number>;
  duplicates: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function connectReceivers(url: { url: string }, token: string, sessionId: string, count: number): Promise<Receiver[]> {
  const receivers: Receiver[] = [];
  for (let i = 0; i < count; i += CONNECT_CONCURRENCY) {
    await Promise.all(
      Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - i) }, async () => {
        let connected!: () => void;
        const ready = new Promise<void>((r) => (connected = r));
        const client = connectClient(url, token, { lazy: false, keepAlive: 60_000, on: { connected: () => connected() } });
        const receiver: Receiver = { client, arrivals: new Map(), duplicates: 0 };
        client.subscribe<{ attendanceChanged: { delta: number } }>(
          { query: DOCUMENT, variables: { sessionId }, operationName: 'Live' },
          {
            next: (value) => {
              const delta = value.data?.attendanceChanged.delta;
              if (delta === undefined) return;
              if (receiver.arrivals.has(delta)) receiver.duplicates++;
              else receiver.arrivals.set(delta, Date.now());
            },
            error: (error) => console.error('subscription error', error),
            complete: () => undefined,
          },
        );
        receivers.push(receiver);
        await ready;
      }),
    );
  }
  return receivers;
}

interface BurstResult {
  latencies: number[];
  lost: number;
  duplicates: number;
  burstMs: number;
  lastArrivalMs: number;
  responses: Map<number, number>;
}

/** Fires the burst, waits for every client to have every update (or 60 s), measures. */
async function burst(receivers: Receiver[], fire: (delta: number) => Promise<void>, deltas: number[]): Promise<BurstResult> {
  const responses = new Map<number, number>();
  const started = Date.now();
  await Promise.all(
    deltas.map(async (delta) => {
      await fire(delta);
      responses.set(delta, Date.now());
    }),
  );
  const burstMs = Date.now() - started;
  const expected = receivers.length * deltas.length;
  const received = () => receivers.reduce((n, r) => n + deltas.filter((d) => r.arrivals.has(d)).length, 0);
  // Wait for everything, giving up only when nothing more arrives for 30 s: late is slow, not lost.
  let last = -1;
  let lastProgress = Date.now();
  await eventually(async () => {
    const now = received();
    if (now !== last) [last, lastProgress] = [now, Date.now()];
    return now === expected || Date.now() - lastProgress > 30_000;
  }, 30 * 60_000, 'every update at every client').catch(() => undefined);
  await sleep(500); // late duplicates would show here
  const latencies: number[] = [];
  let lastArrival = 0;
  for (const r of receivers) {
    for (const d of deltas) {
      const at = r.arrivals.get(d);
      if (at === undefined) continue;
      latencies.push(at - responses.get(d)!);
      lastArrival = Math.max(lastArrival, at);
    }
  }
  return {
    latencies: latencies.sort((a, b) => a - b),
    lost: expected - received(),
    duplicates: receivers.reduce((n, r) => n + r.duplicates, 0),
    burstMs,
    lastArrivalMs: lastArrival - started,
    responses,
  };
}

/** utime + stime (clock ticks, 10 ms) of a process, or of one of its threads, from /proc. */
function ticksOf(statPath: string): number {
  try {
    const fields = readFileSync(statPath, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** The stack's CPU by thread (main thread = the gateway; the busiest other = the publisher worker) and its child processes (DynamoDB Local). */
function cpuSnapshot(stackPid: number) {
  const threads = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${stackPid}/task`)) threads.set(Number(tid), ticksOf(`/proc/${stackPid}/task/${tid}/stat`));
  const children: number[] = [];
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parents.set(Number(name), Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === stackPid) return true;
    return false;
  };
  for (const pid of parents.keys()) if (isDescendant(pid)) children.push(pid);
  const usage = process.cpuUsage();
  return { threads, children: children.reduce((n, pid) => n + ticksOf(`/proc/${pid}/stat`), 0), benchUs: usage.user + usage.system };
}

/** CPU spent per delivered message between two snapshots, in µs. */
function cpuPerMessage(before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>, stackPid: number, messages: number) {
  const tickUs = 10_000;
  const deltas = [...after.threads].map(([tid, t]) => [tid, t - (before.threads.get(tid) ?? 0)] as const);
  const main = deltas.find(([tid]) => tid === stackPid)?.[1] ?? 0;
  const others = deltas.filter(([tid]) => tid !== stackPid).map(([, d]) => d).sort((a, b) => b - a);
  const per = (ticks: number) => Math.round((ticks * tickUs) / messages);
  return {
    gateway: per(main),
    publisher: per(others[0] ?? 0),
    otherThreads: per(others.slice(1).reduce((n, d) => n + d, 0)),
    dynamodb: per(after.children - before.children),
    clients: Math.round((after.benchUs - before.benchUs) / messages),
  };
}

interface PublisherLine {
  records: number;
  startedAt: number;
  durationMs: number;
  sent: number;
  readMs?: number;
  claimMs?: number;
  loadMs: number;
  executeMs: number;
  postMs: number;
  executions: number;
}

function publisherLines(stack: RunningStack, since: number): PublisherLine[] {
  const lines: PublisherLine[] = [];
  for (const line of stack.output().split('\n')) {
    if (!line.includes('"message":"published"')) continue;
    try {
      const parsed = JSON.parse(line) as PublisherLine;
      if (parsed.startedAt >= since && parsed.sent > 0) lines.push(parsed);
    } catch {
      // not a JSON log line
    }
  }
  return lines;
}

async function lambdaPath() {
  const stack = await startStack({ env: { POWERTOOLS_LOG_LEVEL: 'INFO', STREAM_POLL_INTERVAL_MS: process.env.STREAM_POLL_INTERVAL_MS ?? '100' } });
  const table = tableOf(stack);
  try {
    const admin = await stack.token('ADMIN');
    const leader = await stack.token('LEADERSHIP');
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-hung' });
    const connecting = Date.now();
    const receivers = await connectReceivers(stack, leader, sessionId, CLIENTS);
    await eventually(async () => {
      const out = await table.db.send(
        new QueryCommand({ TableName: table.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :t', ExpressionAttributeValues: { ':t': `TOPIC#ATTENDANCE#SESSION#${sessionId}` }, Select: 'COUNT' }),
      );
      return out.Count === CLIENTS;
    }, 120_000, `${CLIENTS} subscriptions`);
    const subscribeMs = Date.now() - connecting;
    // Warm-up: one check-in through the whole path (cold publisher, cold SDK connections).
    const warm = await burst(receivers, (d) => checkIn(stack, admin, sessionId, d).then(() => undefined), [1000]);
    // One check-in alone, warm: the latency floor of the path for this many clients.
    const pid = stack.process.pid!;
    const cpu0 = cpuSnapshot(pid);
    const single = await burst(receivers, (d) => checkIn(stack, admin, sessionId, d).then(() => undefined), [2000]);
    const cpu1 = cpuSnapshot(pid);
    const since = Date.now();
    const result = await burst(receivers, (d) => checkIn(stack, admin, sessionId, d).then(() => undefined), Array.from({ length: BURST }, (_, i) => i + 1));
    const cpu2 = cpuSnapshot(pid);
    // NOTE: the burst window includes the bench's 500 ms wait for late duplicates and its own polling.
    const cpu = { single: cpuPerMessage(cpu0, cpu1, pid, CLIENTS), burst: cpuPerMessage(cpu1, cpu2, pid, CLIENTS * BURST) };
    const lines = publisherLines(stack, since);
    const firstResponse = Math.min(...result.responses.values());
    await Promise.all(receivers.map((r) => r.client.dispose()));
    return { result, warm, single, lines, subscribeMs, firstResponse, cpu };
  } finally {
    table.close();
    await stack.stop();
    removeDataDir(stack.dataDir);
  }
}

async function baseline() {
  // The in-process server needs a stack only for its JWKS and for real check-ins.
  const stack = await startStack();
  try {
    Object.assign(process.env, {
      TABLE_NAME: 'dialogue-pulse',
      JWKS_URL: `${stack.url}/.well-known/jwks.json`,
      TOKEN_ISSUER: LOCAL_ISSUER,
      TOKEN_AUDIENCE: LOCAL_AUDIENCE,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    const { createTokenVerifier, tokenVerifierConfigFromEnv } = await import('../functions/auth/verify-token.js');
    const { Logger } = await import('@aws-lambda-powertools/logger');
    const { realtimeSchema } = await import('../functions/realtime/schema.js');
    const { once } = await import('../functions/realtime/events.js');
    const { createInMemoryPubSub, startReferenceServer } = await import('../test/support/reference-server.js');
    const pubsub = createInMemoryPubSub();
    const server = await startReferenceServer({
      schema: realtimeSchema(),
      domain: undefined as never, // the benchmark's document reads only the event itself
      logger: new Logger({ logLevel: 'ERROR' }),
      verifyToken: createTokenVerifier(tokenVerifierConfigFromEnv()),
      pubsub,
    });
    const admin = await stack.token('ADMIN');
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-hung' });
    const receivers = await connectReceivers(server, await stack.token('LEADERSHIP'), sessionId, CLIENTS);
    await eventually(async () => pubsub.listenerCount() === CLIENTS, 60_000, `${CLIENTS} reference subscriptions`);
    const fire = async (delta: number) => {
      const answer = await checkIn(stack, admin, sessionId, delta);
      pubsub.publish({ field: 'attendanceChanged', id: `${delta}`, sessionId, wardId: 'tan-hung', delta, at: new Date().toISOString(), value: once(async () => ({ sessionId, ...answer })) });
    };
    await burst(receivers, fire, [1000]);
    const single = await burst(receivers, fire, [2000]);
    const result = await burst(receivers, fire, Array.from({ length: BURST }, (_, i) => i + 1));
    await Promise.all(receivers.map((r) => r.client.dispose()));
    await server.close();
    return { result, single };
  } finally {
    await stack.stop();
    removeDataDir(stack.dataDir);
  }
}

function describeResult(name: string, r: BurstResult) {
  const l = r.latencies;
  return `| ${name} | ${percentile(l, 50)} | ${percentile(l, 95)} | ${l.at(-1)} | ${r.lost} | ${r.duplicates} | ${r.lastArrivalMs} |`;
}

async function main() {
  console.log(`fan-out: ${CLIENTS} clients, burst of ${BURST} check-ins`);
  const loadBefore = loadavg()[0];
  const lambda = await lambdaPath();
  console.log('lambda path done', { p95: percentile(lambda.result.latencies, 95), lost: lambda.result.lost });
  // FANOUT_BASELINE=0 skips the in-process baseline (quicker A/B runs of the Lambda path; docs not written).
  const skipBaseline = process.env.FANOUT_BASELINE === '0';
  const empty: BurstResult = { latencies: [], lost: 0, duplicates: 0, burstMs: 0, lastArrivalMs: 0, responses: new Map() };
  const base = skipBaseline ? { result: empty, single: empty } : await baseline();
  console.log('baseline done', { p95: percentile(base.result.latencies, 95), lost: base.result.lost });

  const lines = lambda.lines;
  const sum = (f: (l: PublisherLine) => number) => lines.reduce((n, l) => n + f(l), 0);
  const firstStart = lines.length ? Math.min(...lines.map((l) => l.startedAt)) : NaN;
  const lastEnd = lines.length ? Math.max(...lines.map((l) => l.startedAt + l.durationMs)) : NaN;
  const posts = sum((l) => l.sent);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : 'n/a');
  const lp = lambda.result.latencies;
  const bp = base.result.latencies;
  const report = [
    `Measured ${new Date().toISOString().slice(0, 16)}Z on this machine (2 cores shared by the stack, DynamoDB Local and the ${CLIENTS} clients; 1-minute load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end): \`node --import tsx bench/fanout.bench.ts\` (FANOUT_CLIENTS=${CLIENTS}, FANOUT_BURST=${BURST}).`,
    '',
    `${CLIENTS} stock graphql-ws clients subscribed to one session's \`attendanceChanged\`; a burst of ${BURST} concurrent check-ins (latency: from each check-in's HTTP response to its arrival at each client, ${CLIENTS * BURST} deliveries).`,
    '',
    `| path (burst of ${BURST} unless said) | p50 ms | p95 ms | max ms | lost | duplicates | last arrival after burst start, ms |`,
    '|---|---|---|---|---|---|---|',
    describeResult('Lambda path (stream → publisher → @connections)', lambda.result),
    describeResult('baseline: in-process graphql-ws, in-memory pub/sub', base.result),
    describeResult('Lambda path, one check-in alone (warm)', lambda.single),
    describeResult('baseline, one check-in alone', base.single),
    '',
    `Ratio Lambda path / baseline: p50 ×${ratio(percentile(lp, 50), percentile(bp, 50))}, p95 ×${ratio(percentile(lp, 95), percentile(bp, 95))}. Subscribing the ${CLIENTS} clients (connect, connection_init, subscribe, items written) took ${lambda.subscribeMs} ms. Warm-up check-in (cold publisher) p95: ${percentile(lambda.warm.latencies, 95)} ms.`,
    '',
    '**Where the time goes** (Lambda path, from the publisher\'s own log lines during the burst):',
    '',
    `- write → publisher invoked: first check-in response to first publisher start ${Number.isFinite(firstStart) ? firstStart - lambda.firstResponse : 'n/a'} ms (stream record + poll interval, ${process.env.STREAM_POLL_INTERVAL_MS ?? 100} ms locally; Lambda polls a shard about 4×/s);`,
    `- ${lines.length} publisher invocations carried the ${BURST} check-ins (${lines.map((l) => l.records).join(', ')} records each, counters and summaries filtered out before the publisher);`,
    `- inside the publisher, summed: reading the topic's subscriptions ${sum((l) => l.readMs ?? 0).toFixed(0)} ms (${CLIENTS} items, read once per topic per publisher invocation; the next page is read while one is posted), delivery claims ${sum((l) => l.claimMs ?? 0).toFixed(0)} ms, reading event values ${sum((l) => l.loadMs).toFixed(0)} ms (session attendance, district summary), running documents ${sum((l) => l.executeMs).toFixed(1)} ms (${sum((l) => l.executions)} executions: one per group of identical subscriptions, not one per client), posting ${sum((l) => l.postMs).toFixed(0)} ms for ${posts} posts (${posts && sum((l) => l.postMs) ? Math.round(posts / (sum((l) => l.postMs) / 1000)) : 'n/a'} posts/s through the SDK to the local @connections API);`,
    `- first publisher start → last post done: ${Number.isFinite(lastEnd) ? Math.round(lastEnd - firstStart) : 'n/a'} ms. Posting dominates: one PostToConnection per client per event.`,
    '',
    `**CPU per delivered message** (µs, from /proc: the stack's main thread is the gateway with its @connections endpoint; its busiest other thread is the publisher's worker; DynamoDB Local is the stack's child; the clients are this bench process):`,
    '',
    '| window | gateway (main thread) | publisher (worker thread) | other stack threads (GC, libuv) | DynamoDB Local | clients | total |',
    '|---|---|---|---|---|---|---|',
    ...(['single', 'burst'] as const).map((w) => {
      const c = lambda.cpu[w];
      return `| ${w === 'single' ? 'one check-in' : `burst of ${BURST}`} | ${c.gateway} | ${c.publisher} | ${c.otherThreads} | ${c.dynamodb} | ${c.clients} | ${c.gateway + c.publisher + c.otherThreads + c.dynamodb + c.clients} |`;
    }),
  ].join('\n');
  console.log(report);
  if (process.env.FANOUT_WRITE_DOCS !== '0' && !skipBaseline) writeSection(report);
}

/** Replaces (or appends) the "## Real time" section of docs/performance.md, leaving the others' sections alone. */
function writeSection(report: string) {
  const file = join(root, 'docs/performance.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const marker = '\n## Real time\n';
  const start = current.indexOf(marker);
  const existing = start < 0 ? '' : current.slice(start + 1, current.indexOf('\n## ', start + 1) < 0 ? undefined : current.indexOf('\n## ', start + 1));
  // Keep the hand-written part of the section (from "### " on); replace the measured part.
  const prose = existing.includes('\n### ') ? existing.slice(existing.indexOf('\n### ')) : '';
  const section = `## Real time\n\n${report}\n${prose}`;
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${section}\n`;
  else {
    const after = current.indexOf('\n## ', start + 1);
    next = `${current.slice(0, start)}\n${section.trimEnd()}\n${after < 0 ? '' : current.slice(after)}`;
  }
  writeFileSync(file, next);
}

await main();
process.exit(0);
