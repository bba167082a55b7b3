// The soak: mixed traffic against the real local stack on loopback, bounded in time and count.
//   SOAK_MINUTES: how long the traffic runs; 30 by default, 3 under `npm run bench` (a short check).
//   SOAK_DASHBOARDS (200), SOAK_SESSIONS (10), SOAK_CHECKINS_PER_SECOND (8), SOAK_MAX_IN_FLIGHT (40),
//   SOAK_DRAIN_SECONDS (600: how long to wait, once traffic stops, for every message to arrive).
//   SOAK_WRITE_DOCS=0 to print the results without writing docs/performance.md.
// Reports throughput, p95 latencies, errors, the stack's memory at start and end, and checks the
// final counts against what clients were told.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { findDynamoDbProcess } from '../test/support/dynamodb-process.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../test/support/local-stack.js';
import { collect, connectClient, type Collected } from '../test/support/realtime-clients.js';

const root = resolve(import.meta.dirname, '..');
const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
// NOTE: npm sets npm_lifecycle_event for `npm run bench` and its children: that run is the short version.
const MINUTES = env('SOAK_MINUTES', process.env.npm_lifecycle_event === 'bench' ? 3 : 30);
const DASHBOARDS = env('SOAK_DASHBOARDS', 200);
const SESSIONS = env('SOAK_SESSIONS', 10);
const CHECKINS_PER_SECOND = env('SOAK_CHECKINS_PER_SECOND', 8);
const MAX_IN_FLIGHT = env('SOAK_MAX_IN_FLIGHT', 40);
const DRAIN_SECONDS = env('SOAK_DRAIN_SECONDS', 600);
const CONCERN_FLOWS_PER_SECOND = 0.5;
const SUMMARY_QUERIES_PER_SECOND = 2;
const REPEAT_SHARE = 0.05; // devices that resend an acknowledged check-in (lost answer, double tap)
const WARDS = ['phu-thuan-2025', 'phu-thuan-2025', 'tan-thuan-2025', 'tan-hung-2025', 'tan-thuan-2025', 'tan-thuan-2025', 'tan-my-2025', 'tan-thuan-2025', 'tan-my-2025', 'tan-my-2025'];

interface Op {
  ms: number[];
  ok: number;
  errors: Map<string, number>;
}
const ops = new Map<string, Op>();
const record = (name: string, ms: number, error?: string) => {
  const op: Op = ops.get(name) ?? { ms: [], ok: 0, errors: new Map<string, number>() };
  ops.set(name, op);
  op.ms.push(ms);
  if (error) op.errors.set(error, (op.errors.get(error) ?? 0) + 1);
  else op.ok += 1;
};
const percentile = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function timed<T>(name: string, stack: RunningStack, query: string, variables: Record<string, unknown>, token: string): Promise<T | undefined> {
  const started = performance.now();
  try {
    const result = await stack.graphql<T>(query, variables, token);
    const error = result.body.errors?.[0]?.extensions?.code ?? (result.status >= 400 ? `http-${result.status}` : undefined);
    record(name, performance.now() - started, error);
    return error ? undefined : result.body.data;
  } catch (e) {
    record(name, performance.now() - started, (e as Error).name === 'TypeError' ? 'network' : (e as Error).name);
    return undefined;
  }
}

const CHECK_IN = 'mutation ($i: CheckInInput!) { checkIn(input: $i) { delta attendance } }';
const SUMMARY = '{ summary { sessions liveSessions attendance wards { ward { id } attendance } concerns { open inProgress resolved } } }';

async function main() {
  console.log(`soak: ${MINUTES} min, ${DASHBOARDS} dashboards, ${SESSIONS} live sessions, ${CHECKINS_PER_SECOND} check-ins/s`);
  const stack = await startStack({ env: { POWERTOOLS_LOG_LEVEL: 'ERROR' } });
  const dynamoPid = findDynamoDbProcess(stack.dataDir).pid;
  const clients: { dispose(): unknown }[] = [];
  try {
    const admin = await stack.token('ADMIN');
    const leadership = await stack.token('LEADERSHIP');

    // Ten live sessions, one per ward, each logged by its own ward officer.
    const sessions: { id: string; wardId: string; officer: string }[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const wardId = WARDS[i % WARDS.length];
      const { scheduleSession } = expectData<any>(
        await stack.graphql('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', {
          i: { kind: 'PUBLIC', wardId, title: `Đối thoại trực tiếp với nhân dân phường ${wardId} (soak)`, hostBody: 'Đảng ủy - UBND phường', scheduledAt: new Date().toISOString() },
        }, admin),
      );
      expectData(await stack.graphql('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: scheduleSession.id }, admin));
      sessions.push({ id: scheduleSession.id, wardId, officer: await stack.token('WARD_OFFICER', wardId, `soak-officer-${wardId}`) });
    }

    // Dashboards: half watch one session's attendance, a quarter the district summary, a quarter a ward's concerns.
    const attendanceWatchers: { sessionId: string; last?: number; received: number; errors: number }[] = [];
    const allSubs: Collected[] = [];
    const deliveryMs: number[] = [];
    let socketsOpened = 0;
    for (let d = 0; d < DASHBOARDS; d++) {
      // As the dashboard's client (dashboard/src/app/client.ts): a ping every 4 minutes, because the
      // gateway closes a socket idle for 10 minutes, and retries with resubscription if a socket drops.
      const client = connectClient(stack, leadership, { lazy: true, keepAlive: 240_000, retryAttempts: 10, shouldRetry: () => true, on: { connected: () => void (socketsOpened += 1) } });
      clients.push(client);
      const session = sessions[d % sessions.length];
      if (d % 4 < 2) {
        // NOTE: attendance can arrive out of order under concurrency; the dashboard keeps the highest.
        const watcher: (typeof attendanceWatchers)[number] = { sessionId: session.id, received: 0, errors: 0 };
        attendanceWatchers.push(watcher);
        client.subscribe<any>({ query: 'subscription ($s: ID) { attendanceChanged(sessionId: $s) { delta attendance at } }', variables: { s: session.id } }, {
          next: ({ data }) => {
            watcher.received += 1;
            watcher.last = Math.max(watcher.last ?? 0, data.attendanceChanged.attendance);
            deliveryMs.push(Date.now() - Date.parse(data.attendanceChanged.at));
          },
          error: () => void (watcher.errors += 1),
          complete: () => undefined,
        });
      } else if (d % 4 === 2) {
        allSubs.push(collect(client, { query: 'subscription { summaryChanged { attendance } }' }));
      } else {
        allSubs.push(collect(client, { query: 'subscription ($w: ID) { concernChanged(wardId: $w) { id status } }', variables: { w: session.wardId } }));
      }
      if (d % 20 === 19) await sleep(100); // do not open 200 sockets in one burst
    }
    await sleep(5_000);

    // What clients were told: per session, the head counts of acknowledged (unique) check-ins.
    const told = new Map<string, Map<string, number>>(sessions.map((s) => [s.id, new Map()]));
    const unacknowledged: { session: (typeof sessions)[number]; requestId: string; count: number }[] = [];
    let repeatsMiscounted = 0;
    const concernsTold = { open: 0, inProgress: 0, resolved: 0 };
    let inFlight = 0;
    let skipped = 0;

    const checkIn = async () => {
      const session = sessions[Math.floor(Math.random() * sessions.length)];
      const acked = told.get(session.id)!;
      if (acked.size > 0 && Math.random() < REPEAT_SHARE) {
        const [requestId, count] = [...acked.entries()][Math.floor(Math.random() * acked.size)];
        const data = await timed<any>('checkIn (repeat)', stack, CHECK_IN, { i: { sessionId: session.id, category: 'RESIDENT', count, requestId } }, session.officer);
        if (data && data.checkIn.delta !== count) repeatsMiscounted += 1;
        return;
      }
      const requestId = randomUUID();
      const count = 1 + Math.floor(Math.random() * 5);
      const data = await timed<any>('checkIn', stack, CHECK_IN, { i: { sessionId: session.id, category: 'RESIDENT', count, requestId } }, session.officer);
      if (data) acked.set(requestId, count);
      else unacknowledged.push({ session, requestId, count });
    };

    const concernFlow = async () => {
      const session = sessions[Math.floor(Math.random() * sessions.length)];
      const raised = await timed<any>('raiseConcern', stack, 'mutation ($i: RaiseConcernInput!) { raiseConcern(input: $i) { id } }', {
        i: { sessionId: session.id, topic: 'Hạ tầng đô thị', text: 'Đường hẻm ngập nước mỗi khi mưa lớn, đề nghị phường khảo sát.', authority: 'WARD', requestId: randomUUID() },
      }, session.officer);
      if (!raised) return;
      concernsTold.open += 1;
      const moved = await timed<any>('moveConcern', stack, 'mutation ($i: MoveConcernInput!) { moveConcern(input: $i) { status } }', { i: { concernId: raised.raiseConcern.id, to: 'IN_PROGRESS', note: 'Đã giao tổ dân phố' } }, session.officer);
      if (!moved) return;
      concernsTold.open -= 1;
      concernsTold.inProgress += 1;
      if (Math.random() < 0.5) {
        const resolved = await timed<any>('moveConcern', stack, 'mutation ($i: MoveConcernInput!) { moveConcern(input: $i) { status } }', {
          i: { concernId: raised.raiseConcern.id, to: 'RESOLVED', response: 'Đã nạo vét cống thoát nước.' },
        }, session.officer);
        if (resolved) {
          concernsTold.inProgress -= 1;
          concernsTold.resolved += 1;
        }
      }
    };

    /** Fires `work` at `perSecond`, never more than MAX_IN_FLIGHT at once (beyond that a tick is skipped and counted). */
    const schedule = (perSecond: number, work: () => Promise<void>, until: number) =>
      (async () => {
        const interval = 1000 / perSecond;
        const pending = new Set<Promise<void>>();
        for (let next = performance.now(); performance.now() < until; next += interval) {
          await sleep(Math.max(0, next - performance.now()));
          if (inFlight >= MAX_IN_FLIGHT) {
            skipped += 1;
            continue;
          }
          inFlight += 1;
          const p = work().finally(() => {
            inFlight -= 1;
            pending.delete(p);
          });
          pending.add(p);
        }
        await Promise.all(pending);
      })();

    // Memory: sampled every 10 s; "start" is taken after a 20 s warm-up.
    const memory: { at: number; node: number; java: number }[] = [];
    const started = performance.now();
    const until = started + MINUTES * 60_000;
    const sampler = setInterval(() => memory.push({ at: (performance.now() - started) / 1000, node: rssMb(stack.process.pid!), java: rssMb(dynamoPid) }), 10_000);
    const progress = setInterval(() => {
      const c = ops.get('checkIn');
      console.log(`soak: ${Math.round((performance.now() - started) / 1000)} s, ${c?.ok ?? 0} check-ins, in flight ${inFlight}, node ${rssMb(stack.process.pid!).toFixed(0)} MB`);
    }, 30_000);
    await Promise.all([
      schedule(CHECKINS_PER_SECOND, checkIn, until),
      schedule(CONCERN_FLOWS_PER_SECOND, concernFlow, until),
      schedule(SUMMARY_QUERIES_PER_SECOND, async () => void (await timed('summary', stack, SUMMARY, {}, leadership)), until),
    ]);
    clearInterval(sampler);
    clearInterval(progress);
    const elapsedSeconds = (performance.now() - started) / 1000;
    memory.push({ at: elapsedSeconds, node: rssMb(stack.process.pid!), java: rssMb(dynamoPid) });

    // Devices retry what they never saw acknowledged, with the same requestId.
    let retriesNeeded = unacknowledged.length;
    for (const u of unacknowledged) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const result = await stack.graphql<any>(CHECK_IN, { i: { sessionId: u.session.id, category: 'RESIDENT', count: u.count, requestId: u.requestId } }, u.session.officer);
        if (result.body.data?.checkIn) {
          told.get(u.session.id)!.set(u.requestId, u.count);
          retriesNeeded -= 1;
          break;
        }
        await sleep(500);
      }
    }

    // Final counts against what clients were told; dashboards' last pushed attendance against the same.
    await sleep(3_000);
    const mismatches: string[] = [];
    let expectedTotal = 0;
    for (const s of sessions) {
      const expected = [...told.get(s.id)!.values()].reduce((a, b) => a + b, 0);
      expectedTotal += expected;
      const { session } = expectData<any>(await stack.graphql('query ($id: ID!) { session(id: $id) { attendance } }', { id: s.id }, leadership));
      if (session.attendance !== expected) mismatches.push(`session ${s.wardId}: told ${expected}, counted ${session.attendance}`);
    }
    const { summary } = expectData<any>(await stack.graphql(SUMMARY, {}, leadership));
    if (summary.attendance !== expectedTotal) mismatches.push(`district: told ${expectedTotal}, counted ${summary.attendance}`);
    for (const [key, value] of Object.entries(concernsTold)) {
      if (summary.concerns[key] !== value) mismatches.push(`concerns ${key}: told ${value}, counted ${summary.concerns[key]}`);
    }
    // Dashboards catch up once the publisher has drained the stream: wait for that (bounded), then compare.
    // NOTE: a message carries the attendance read when it is published, so the newest one can show the
    // final count while older ones are still queued: count messages too, one per acknowledged check-in.
    const expectedOf = (sessionId: string) => [...told.get(sessionId)!.values()].reduce((a, b) => a + b, 0);
    const messagesOf = (sessionId: string) => told.get(sessionId)!.size;
    const stale = () => attendanceWatchers.filter((w) => expectedOf(w.sessionId) > 0 && w.last !== expectedOf(w.sessionId)).length;
    const missing = () => attendanceWatchers.reduce((n, w) => n + Math.max(0, messagesOf(w.sessionId) - w.received), 0);
    const drainStarted = performance.now();
    const missingAtStop = missing();
    while ((stale() > 0 || missing() > 0) && performance.now() - drainStarted < DRAIN_SECONDS * 1000) await sleep(500);
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    const staleDashboards = stale();
    const missingAfterDrain = missing();
    const subscribeErrors = allSubs.filter((s) => s.errors.length > 0).length + attendanceWatchers.filter((w) => w.errors > 0).length;
    const pushes = allSubs.reduce((n, s) => n + s.values.length, 0) + attendanceWatchers.reduce((n, w) => n + w.received, 0);

    const memStart = memory.find((m) => m.at >= 20) ?? memory[0];
    const memEnd = memory.at(-1)!;
    const lines: string[] = [];
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    lines.push(`Run ${date} UTC: ${(elapsedSeconds / 60).toFixed(1)} min of traffic (SOAK_MINUTES=${MINUTES}), ${DASHBOARDS} subscribed dashboards (${attendanceWatchers.length} on a session's attendance, the rest on the summary or a ward's concerns), ${SESSIONS} live sessions, loopback, this 2-core machine shared with the team's other work.`);
    lines.push('');
    lines.push('| operation | ok | errors | per second | p50 ms | p95 ms | p99 ms |');
    lines.push('|---|---|---|---|---|---|---|');
    for (const [name, op] of ops) {
      const errors = [...op.errors.entries()].map(([code, n]) => `${n} ${code}`).join(', ') || '0';
      lines.push(`| ${name} | ${op.ok} | ${errors} | ${(op.ok / elapsedSeconds).toFixed(1)} | ${percentile(op.ms, 50).toFixed(0)} | ${percentile(op.ms, 95).toFixed(0)} | ${percentile(op.ms, 99).toFixed(0)} |`);
    }
    lines.push('');
    // NOTE: a message carries the session's attendance when it is published, so a dashboard shows the right number even when the publisher lags.
    lines.push(`- Delivery to session dashboards (check-in recorded → message received; ${attendanceWatchers.length} dashboards × check-ins of their session would be ${[...told.values()].reduce((n, m) => n + m.size, 0) * (attendanceWatchers.length / SESSIONS)} messages): p50 ${percentile(deliveryMs, 50).toFixed(0)} ms, p95 ${percentile(deliveryMs, 95).toFixed(0)} ms, p99 ${percentile(deliveryMs, 99).toFixed(0)} ms over ${deliveryMs.length} messages.`);
    lines.push(`- Subscriptions: ${pushes} messages pushed to the dashboards; ${subscribeErrors} subscriptions ended in an error; ${socketsOpened} sockets opened for ${DASHBOARDS} dashboards (the rest are reconnects); ${staleDashboards} of ${attendanceWatchers.length} session dashboards ended on an attendance other than the final count.`);
    lines.push(`- Backlog: when traffic stopped, ${missingAtStop} attendance messages were still on their way to the session dashboards; after waiting ${drainSeconds.toFixed(0)} s (at most ${DRAIN_SECONDS} s) for the publisher to drain the stream, ${missingAfterDrain} had not arrived.`);
    lines.push(`- Ticks skipped because ${MAX_IN_FLIGHT} requests were already in flight: ${skipped}.`);
    lines.push(`- Memory (RSS): stack Node process ${memStart.node.toFixed(0)} MB after warm-up → ${memEnd.node.toFixed(0)} MB at the end (max ${Math.max(...memory.map((m) => m.node)).toFixed(0)}); DynamoDB Local JVM ${memStart.java.toFixed(0)} → ${memEnd.java.toFixed(0)} MB (heap capped by -Xmx512m; RSS adds the JVM's own memory). Load average of the machine at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores.`);
    lines.push(`- Final counts against what clients were told: ${mismatches.length === 0 ? `all equal (district attendance ${summary.attendance}, concerns open/in progress/resolved ${summary.concerns.open}/${summary.concerns.inProgress}/${summary.concerns.resolved})` : `MISMATCHES: ${mismatches.join('; ')}`}.`);
    lines.push(`- Check-ins without an answer during the run, retried afterwards with the same requestId: ${unacknowledged.length} (${retriesNeeded} still unacknowledged after retries); repeats answered with a different delta: ${repeatsMiscounted}.`);
    const report = lines.join('\n');
    console.log(`\n${report}\n`);
    if (process.env.SOAK_WRITE_DOCS !== '0') writeSoakSection(report);
    if (mismatches.length || repeatsMiscounted || retriesNeeded) process.exitCode = 1;
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await stack.stop();
    removeDataDir(stack.dataDir);
  }
}

/** Replaces (or appends) the "## Soak" section of docs/performance.md, leaving the others' sections alone. */
function writeSoakSection(report: string) {
  const file = join(root, 'docs/performance.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const section = `## Soak\n\n\`npm run bench\` runs it for 3 minutes (set SOAK_MINUTES to change that); the full run is \`node --import tsx bench/soak.bench.ts\` (30 minutes). Mixed traffic: check-ins on the live sessions (5% of them repeats of an acknowledged requestId), concern raise → IN_PROGRESS → RESOLVED flows, summary queries, and subscribed dashboards, all through the real HTTP and WebSocket paths.\n\n${report}\n`;
  const start = current.indexOf('\n## Soak\n');
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.indexOf('\n## ', start + 1);
    next = `${current.slice(0, start)}\n${section}${after < 0 ? '' : current.slice(after)}`;
  }
  writeFileSync(file, next);
}

await main();
