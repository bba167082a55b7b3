/**
 * Summaries during a burst (docs/performance.md, "City scale", issue 21): Ho Chi Minh City (JURISDICTION=79:
 * 168 units in force, 442 former), 20 dialogues LIVE in 20 of them, SUMMARY_CLIENTS
 * (1,000) dashboards subscribed to `summaryChanged`, then SUMMARY_BURST (200) check-ins at once, spread
 * over the 20 sessions. For every summary any dashboard receives:
 * - internally consistent: the wards add up to the total attendance, the categories add up to it, and
 *   each live session's attendance is at most its ward's;
 * - `consistent` (read at one moment, the contract's flag): how many say false;
 * - staleness: from each check-in's answer until a dashboard holds a summary whose attendance is at
 *   least what that answer implies (the total before the burst plus every check-in answered by then).
 *
 *   node --import tsx bench/summary-burst.bench.ts     env: SUMMARY_CLIENTS (1000), SUMMARY_BURST (200)
 */
import { loadavg } from 'node:os';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { removeDataDir, startStack } from '../test/support/local-stack.js';
import { checkIn, collect, connectClient, eventually, startLiveSession, tableOf } from '../test/support/realtime-clients.js';

const CLIENTS = Number(process.env.SUMMARY_CLIENTS ?? 1000);
const BURST = Number(process.env.SUMMARY_BURST ?? 200);
const LIVE = 20;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const SUMMARY = 'subscription { summaryChanged { consistent attendance attendanceByCategory { count } wards { ward { id } attendance } live { attendance session { ward { id } } } } }';

const stack = await startStack({ env: { JURISDICTION: '79' } });
const admin = await stack.token('ADMIN', undefined, 'bench-admin');
const leader = await stack.token('LEADERSHIP', undefined, 'bench-leader');
const units = (await stack.graphql('{ wards { id validTo } }', {}, admin)).body.data as { wards: { id: string; validTo: string | null }[] };
const wardIds = units.wards.filter((w) => !w.validTo).map((w) => w.id);
const sessions = await Promise.all(wardIds.filter((_, i) => i % 8 === 3).slice(0, LIVE).map((wardId) => startLiveSession(stack, admin, { wardId })));
console.log(`${wardIds.length} units, ${sessions.length} live sessions; connecting ${CLIENTS} dashboards (load ${loadavg()[0].toFixed(2)})`);

type Summary = { consistent: boolean; attendance: number; attendanceByCategory: { count: number }[]; wards: { ward: { id: string }; attendance: number }[]; live: { attendance: number; session: { ward: { id: string } | null } }[] };
const received: { at: number; s: Summary }[][] = [];
const clients: ReturnType<typeof connectClient>[] = [];
for (let i = 0; i < CLIENTS; i += 50) {
  await Promise.all(
    Array.from({ length: Math.min(50, CLIENTS - i) }, async () => {
      const client = connectClient(stack, leader);
      const log: { at: number; s: Summary }[] = [];
      received.push(log);
      const sub = collect<{ summaryChanged: Summary }>(client, { query: SUMMARY });
      const push = sub.values.push.bind(sub.values);
      sub.values.push = (...values) => {
        for (const v of values) if (v.data) log.push({ at: Date.now(), s: v.data.summaryChanged });
        return push(...values);
      };
      clients.push(client);
    }),
  );
}
const table = tableOf(stack);
await eventually(async () => {
  const out = await table.db.send(new QueryCommand({ TableName: table.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :t', ExpressionAttributeValues: { ':t': 'TOPIC#SUMMARY' }, Select: 'COUNT' }));
  return out.Count === CLIENTS;
}, 180_000, `${CLIENTS} subscriptions`);
// One check-in first: the subscriptions are live end to end.
const base = (await checkIn(stack, admin, sessions[0]!, 1)).attendance;
await eventually(async () => received.every((log) => log.some((r) => r.s.attendance >= base)), 60_000, 'the first summary on every dashboard');
for (const log of received) log.length = 0;

console.log(`burst of ${BURST} check-ins over ${LIVE} sessions (load ${loadavg()[0].toFixed(2)})`);
const answers: number[] = [];
const started = Date.now();
await Promise.all(Array.from({ length: BURST }, async (_, i) => {
  await checkIn(stack, admin, sessions[i % LIVE]!, 1);
  answers.push(Date.now());
}));
const total = base + BURST;
await eventually(async () => received.every((log) => log.some((r) => r.s.attendance === total)), 120_000, `the final summary (${total}) on every dashboard`);

let summaries = 0;
let notAddingUp = 0;
let flaggedInconsistent = 0;
for (const log of received) {
  for (const { s } of log) {
    summaries++;
    if (!s.consistent) flaggedInconsistent++;
    const wards = s.wards.reduce((n, w) => n + w.attendance, 0);
    const categories = s.attendanceByCategory.reduce((n, c) => n + c.count, 0);
    const wardOf = new Map(s.wards.map((w) => [w.ward.id, w.attendance]));
    const liveOk = s.live.every((l) => !l.session.ward || l.attendance <= (wardOf.get(l.session.ward.id) ?? 0));
    if (wards !== s.attendance || categories !== s.attendance || !liveOk) notAddingUp++;
  }
}
// Staleness: the k-th answer means at least base + k check-ins are counted; a dashboard is fresh for it
// once it holds a summary with that attendance.
answers.sort((a, b) => a - b);
const staleness: number[] = [];
for (const log of received) {
  answers.forEach((answeredAt, k) => {
    const fresh = log.find((r) => r.s.attendance >= base + k + 1 && r.at >= answeredAt - 60_000);
    staleness.push(fresh ? Math.max(0, fresh.at - answeredAt) : Number.POSITIVE_INFINITY);
  });
}
console.log(`burst took ${Date.now() - started} ms; ${summaries} summaries received by ${CLIENTS} dashboards (${(summaries / CLIENTS).toFixed(1)} each)`);
console.log(`internally inconsistent (wards or categories not adding up, a live row above its ward): ${notAddingUp}`);
console.log(`consistent: false: ${flaggedInconsistent} (${((100 * flaggedInconsistent) / Math.max(1, summaries)).toFixed(2)} %)`);
console.log(`staleness p50 ${quantile(staleness, 0.5)} ms, p95 ${quantile(staleness, 0.95)} ms, max ${quantile(staleness, 1)} ms (load ${loadavg()[0].toFixed(2)})`);
await Promise.all(clients.map(async (c) => c.dispose()));
table.close();
await stack.stop();
removeDataDir(stack.dataDir);
if (notAddingUp > 0) process.exit(1);
