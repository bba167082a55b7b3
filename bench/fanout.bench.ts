// Fan-out: FANOUT_CLIENTS (1,000) stock graphql-ws clients subscribed to one live session's
// attendance; then one check-in alone, a burst of FANOUT_BURST (20) and a burst of FANOUT_BIG_BURST
// (200) concurrent check-ins; then 240 concurrent calls (200 distinct, 40 repeats) to ONE dashboard.
// Staleness, per check-in and per client: from the check-in's HTTP answer until the client holds an
// attendance >= the attendance that answer returned (updates are merged, so they are not matched to
// check-ins one by one). Lost: a client whose deltas do not add up to the burst's check-ins, or whose
// last attendance is not the final count; doubled: deltas adding up to more.
//   1. The Lambda path, on the real local stack: DynamoDB Local → stream → poller → publisher
//      Lambda (conflating) → @connections → local API Gateway WebSocket → clients.
//   2. The baseline: graphql-ws's own useServer in this process with an in-memory pub/sub, the same
//      schema and document, published the moment each check-in's response arrives (what a
//      single-server setup does in its mutation resolver).
// FANOUT_WRITE_DOCS=0 prints without writing the "## Real time" section of docs/performance.md;
// FANOUT_BASELINE=0 skips the in-process baseline (quicker A/B runs of the Lambda path; writes no docs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Client } from 'graphql-ws';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../infra/local/keys.js';
import { expectData } from '../test/support/local-stack.js';
import { removeDataDir, startStack, type RunningStack } from '../test/support/local-stack.js';
import { checkIn, connectClient, eventually, sleep, startLiveSession, tableOf } from '../test/support/realtime-clients.js';

const root = resolve(import.meta.dirname, '..');
const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const CLIENTS = env('FANOUT_CLIENTS', 1000);
const BURST = env('FANOUT_BURST', 20);
const BIG_BURST = env('FANOUT_BIG_BURST', 200);
const CONNECT_CONCURRENCY = 50;
const DOCUMENT = 'subscription Live($sessionId: ID) { attendanceChanged(sessionId: $sessionId) { delta attendance at } }';

interface Update {
  at: number;
  delta: number;
  attendance: number;
}

interface Receiver {
  client: Client;
  updates: Update[];
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
        const receiver: Receiver = { client, updates: [] };
        client.subscribe<{ attendanceChanged: { delta: number; attendance: number } }>(
          { query: DOCUMENT, variables: { sessionId }, operationName: 'Live' },
          {
            next: (value) => {
              const update = value.data?.attendanceChanged;
              if (update) receiver.updates.push({ at: Date.now(), delta: update.delta, attendance: update.attendance });
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
  /** Per check-in per client, ms. */
  staleness: number[];
  lost: number;
  doubled: number;
  /** Messages each client received for the burst. */
  messages: number[];
  burstMs: number;
  /** From the last answer to the last client holding the final count, ms. */
  lastAfterLastAnswerMs: number;
  firstAnswer: number;
  startedAt: number;
}

/** An answered check-in: its attendance, and when the answer arrived. */
interface Answer {
  delta: number;
  attendance: number;
  answeredAt: number;
}

/**
 * Fires the calls at once, waits until every client holds the final count (giving up only when
 * nothing arrives for 30 s: late is slow, not lost), then measures staleness, lost and doubled.
 */
async function burst(receivers: Receiver[], calls: (() => Promise<{ delta: number; attendance: number }>)[], expected?: number): Promise<BurstResult> {
  const marks = receivers.map((r) => r.updates.length);
  const startedAt = Date.now();
  const answers: Answer[] = await Promise.all(calls.map(async (call) => ({ ...(await call()), answeredAt: Date.now() })));
  const burstMs = Date.now() - startedAt;
  const final = Math.max(...answers.map((a) => a.attendance));
  const since = (r: Receiver, i: number) => r.updates.slice(marks[i]);
  const expectedDelta = expected ?? answers.reduce((n, a) => n + a.delta, 0);
  // Done for a client once it holds the final count AND its deltas add up: an update's attendance
  // is read when it is published and may already include check-ins a later update will carry.
  const holdsFinal = () =>
    receivers.filter((r, i) => since(r, i).some((u) => u.attendance >= final) && since(r, i).reduce((n, u) => n + u.delta, 0) >= expectedDelta).length;
  let last = -1;
  let lastProgress = Date.now();
  await eventually(async () => {
    const now = holdsFinal() + receivers.reduce((n, r) => n + r.updates.length, 0);
    if (now !== last) [last, lastProgress] = [now, Date.now()];
    return holdsFinal() === receivers.length || Date.now() - lastProgress > 30_000;
  }, 30 * 60_000, 'the final count at every client').catch(() => undefined);
  await sleep(1_000); // late or doubled updates would show here
  const staleness: number[] = [];
  let lost = 0;
  let doubled = 0;
  let lastHeld = 0;
  const lastAnswer = Math.max(...answers.map((a) => a.answeredAt));
  for (const [i, r] of receivers.entries()) {
    const updates = since(r, i);
    const sum = updates.reduce((n, u) => n + u.delta, 0);
    // NOTE: answers read sharded counters, so the largest answer may trail the true total: the last
    // value must reach it (and the deltas must add up), not equal it.
    if (sum < expectedDelta || (updates.at(-1)?.attendance ?? -1) < final) lost++;
    else if (sum > expectedDelta) doubled++;
    for (const answer of answers) {
      const held = updates.find((u) => u.attendance >= answer.attendance);
      if (held) staleness.push(Math.max(0, held.at - answer.answeredAt));
    }
    const reached = updates.find((u) => u.attendance >= final);
    if (reached) lastHeld = Math.max(lastHeld, reached.at);
  }
  return {
    staleness: staleness.sort((a, b) => a - b),
    lost,
    doubled,
    messages: receivers.map((r, i) => since(r, i).length),
    burstMs,
    lastAfterLastAnswerMs: lastHeld ? lastHeld - lastAnswer : NaN,
    firstAnswer: Math.min(...answers.map((a) => a.answeredAt)),
    startedAt,
  };
}

/** `count` concurrent check-ins, check-in i counting (i % 5) + 1 heads. */
const checkIns = (fire: (count: number) => Promise<{ delta: number; attendance: number }>, count: number) =>
  Array.from({ length: count }, (_, i) => () => fire((i % 5) + 1));

let requestCounter = 0;
/** A check-in with a chosen requestId (a repeat answers the first one's result and adds nothing). */
async function checkInWithId(stack: RunningStack, token: string, sessionId: string, requestId: string) {
  const data = expectData<any>(
    await stack.graphql('mutation ($input: CheckInInput!) { checkIn(input: $input) { delta attendance } }', { input: { sessionId, category: 'RESIDENT', count: 1, requestId } }, token),
  );
  return data.checkIn as { delta: number; attendance: number };
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
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' });
    const connecting = Date.now();
    const receivers = await connectReceivers(stack, leader, sessionId, CLIENTS);
    await eventually(async () => {
      const out = await table.db.send(
        new QueryCommand({ TableName: table.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :t', ExpressionAttributeValues: { ':t': `TOPIC#ATTENDANCE#SESSION#${sessionId}` }, Select: 'COUNT' }),
      );
      return out.Count === CLIENTS;
    }, 120_000, `${CLIENTS} subscriptions`);
    const subscribeMs = Date.now() - connecting;
    const fire = (count: number) => checkIn(stack, admin, sessionId, count);
    const loads: Record<string, number> = {};
    // Warm-up: one check-in through the whole path (cold publisher, cold SDK connections).
    const warm = await burst(receivers, checkIns(fire, 1));
    loads.single = loadavg()[0];
    const single = await burst(receivers, checkIns(fire, 1));
    loads.burst = loadavg()[0];
    const result = await burst(receivers, checkIns(fire, BURST));
    const lines = publisherLines(stack, result.startedAt);
    loads.big = loadavg()[0];
    const big = await burst(receivers, checkIns(fire, BIG_BURST));
    const bigLines = publisherLines(stack, big.startedAt);
    await Promise.all(receivers.map(async (r) => r.client.dispose()));
    // 240 concurrent calls (200 distinct, 40 repeats of the first 40) → one dashboard.
    const one = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' });
    const [dashboard] = await connectReceivers(stack, leader, one, 1);
    await eventually(async () => (await table.subscriptionsOn(`ATTENDANCE#SESSION#${one}`)).length === 1, 60_000, 'the dashboard\'s subscription');
    const run = `one-${Date.now()}-${++requestCounter}`;
    const ids = [...Array.from({ length: 200 }, (_, i) => `${run}-${i}`), ...Array.from({ length: 40 }, (_, i) => `${run}-${i}`)];
    loads.oneDashboard = loadavg()[0];
    const oneDashboard = await burst([dashboard], ids.map((id) => () => checkInWithId(stack, admin, one, id)), 200);
    await dashboard.client.dispose();
    return { result, big, warm, single, lines, bigLines, subscribeMs, oneDashboard, loads };
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
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' });
    const receivers = await connectReceivers(server, await stack.token('LEADERSHIP'), sessionId, CLIENTS);
    await eventually(async () => pubsub.listenerCount() === CLIENTS, 60_000, `${CLIENTS} reference subscriptions`);
    let id = 0;
    const fire = async (count: number) => {
      const answer = await checkIn(stack, admin, sessionId, count);
      pubsub.publish({ field: 'attendanceChanged', id: `${++id}`, sessionId, wardId: 'tan-hung-2025', delta: answer.delta, at: answer.at, value: once(async () => ({ sessionId, ...answer })) });
      return answer;
    };
    await burst(receivers, checkIns(fire, 1));
    const single = await burst(receivers, checkIns(fire, 1));
    const result = await burst(receivers, checkIns(fire, BURST));
    const big = await burst(receivers, checkIns(fire, BIG_BURST));
    await Promise.all(receivers.map(async (r) => r.client.dispose()));
    await server.close();
    return { result, single, big };
  } finally {
    await stack.stop();
    removeDataDir(stack.dataDir);
  }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function describeResult(name: string, r: BurstResult, invocations?: number) {
  const l = r.staleness;
  return `| ${name} | ${percentile(l, 50)} | ${percentile(l, 95)} | ${l.at(-1)} | ${r.lost} / ${r.doubled} | ${mean(r.messages).toFixed(1)} (max ${Math.max(...r.messages)}) | ${invocations ?? '–'} |`;
}

async function main() {
  console.log(`fan-out: ${CLIENTS} clients, bursts of ${BURST} and ${BIG_BURST} check-ins`);
  const loadBefore = loadavg()[0];
  const lambda = await lambdaPath();
  console.log('lambda path done', { p95: percentile(lambda.result.staleness, 95), lost: lambda.result.lost });
  // FANOUT_BASELINE=0 skips the in-process baseline (quicker A/B runs of the Lambda path; docs not written).
  const skipBaseline = process.env.FANOUT_BASELINE === '0';
  const empty: BurstResult = { staleness: [], lost: 0, doubled: 0, messages: [], burstMs: 0, lastAfterLastAnswerMs: NaN, firstAnswer: 0, startedAt: 0 };
  const loadBaseline = loadavg()[0];
  const base = skipBaseline ? { result: empty, single: empty, big: empty } : await baseline();
  console.log('baseline done', { p95: percentile(base.result.staleness, 95), lost: base.result.lost });

  const lines = lambda.lines;
  const sum = (f: (l: PublisherLine) => number) => lines.reduce((n, l) => n + f(l), 0);
  const firstStart = lines.length ? Math.min(...lines.map((l) => l.startedAt)) : NaN;
  const lastEnd = lines.length ? Math.max(...lines.map((l) => l.startedAt + l.durationMs)) : NaN;
  const posts = sum((l) => l.sent);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : 'n/a');
  const p95 = (r: BurstResult) => percentile(r.staleness, 95);
  const report = [
    `Measured ${new Date().toISOString().slice(0, 16)}Z on this machine (2 cores shared by the stack, DynamoDB Local, the ${CLIENTS} clients and other engineers' test runs; 1-minute load average ${loadBefore.toFixed(1)} at the start, before each workload: lone ${lambda.loads.single.toFixed(1)}, burst of ${BURST} ${lambda.loads.burst.toFixed(1)}, burst of ${BIG_BURST} ${lambda.loads.big.toFixed(1)}, one dashboard ${lambda.loads.oneDashboard.toFixed(1)}, baseline ${loadBaseline.toFixed(1)}, end ${loadavg()[0].toFixed(1)}): \`node --import tsx bench/fanout.bench.ts\` (FANOUT_CLIENTS=${CLIENTS}, FANOUT_BURST=${BURST}, FANOUT_BIG_BURST=${BIG_BURST}). Compare as ratios within this run; absolute figures move with the load.`,
    '',
    `${CLIENTS} stock graphql-ws clients subscribed to one session's \`attendanceChanged\`. **Staleness**: for each check-in and each client, from the check-in's HTTP answer until the client holds an attendance ≥ the one that answer returned. **Lost**: clients whose deltas do not add up to the check-ins or whose last attendance is not the final count; **doubled**: deltas adding up to more.`,
    '',
    '| workload | staleness p50 ms | p95 ms | max ms | lost / doubled | messages per client | publisher invocations |',
    '|---|---|---|---|---|---|---|',
    describeResult('Lambda path, one check-in alone (warm)', lambda.single),
    describeResult(`Lambda path, burst of ${BURST}`, lambda.result, lambda.lines.length),
    describeResult(`Lambda path, burst of ${BIG_BURST}`, lambda.big, lambda.bigLines.length),
    describeResult('baseline (in-process graphql-ws), one check-in alone', base.single),
    describeResult(`baseline, burst of ${BURST}`, base.result),
    describeResult(`baseline, burst of ${BIG_BURST}`, base.big),
    '',
    `Ratios in this run: burst of ${BURST} p95 / lone check-in p95 = ×${ratio(p95(lambda.result), p95(lambda.single))} (goal ≤ 1.5); Lambda path / baseline p95: lone ×${ratio(p95(lambda.single), p95(base.single))}, burst of ${BURST} ×${ratio(p95(lambda.result), p95(base.result))}, burst of ${BIG_BURST} ×${ratio(p95(lambda.big), p95(base.big))}.`,
    '',
    `**240 concurrent calls (200 distinct check-ins, 40 repeats) → one dashboard:** ${lambda.oneDashboard.lastAfterLastAnswerMs >= 0 ? `the dashboard held the final count ${lambda.oneDashboard.lastAfterLastAnswerMs} ms after the last call was answered` : `the dashboard held the final count ${-lambda.oneDashboard.lastAfterLastAnswerMs} ms before the last call (a repeat) was answered`}; ${lambda.oneDashboard.messages[0]} messages; lost / doubled ${lambda.oneDashboard.lost} / ${lambda.oneDashboard.doubled} (deltas add up to the 200 distinct check-ins).`,
    '',
    `Subscribing the ${CLIENTS} clients (connect, connection_init, subscribe, items written) took ${lambda.subscribeMs} ms. Warm-up check-in (cold publisher) p95: ${p95(lambda.warm)} ms.`,
    '',
    `**Where the time goes** (burst of ${BURST}, from the publisher's own log lines): first answer → first publisher start ${Number.isFinite(firstStart) ? firstStart - lambda.result.firstAnswer : 'n/a'} ms (stream record + poll interval, ${process.env.STREAM_POLL_INTERVAL_MS ?? 100} ms locally); ${lines.length} invocations (${lines.map((l) => l.records).join(', ')} records each); summed inside them: subscriptions read ${sum((l) => l.readMs ?? 0).toFixed(0)} ms, claims ${sum((l) => l.claimMs ?? 0).toFixed(0)} ms, values read ${sum((l) => l.loadMs).toFixed(0)} ms, documents run ${sum((l) => l.executeMs).toFixed(1)} ms (${sum((l) => l.executions)} executions), posting ${sum((l) => l.postMs).toFixed(0)} ms for ${posts} posts; first start → last post ${Number.isFinite(lastEnd) ? Math.round(lastEnd - firstStart) : 'n/a'} ms.`,
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
