/**
 * Review-report latency (docs/performance.md, "## Review reports", issue #11): `report(period)` for one
 * review year holding 10^3 concerns, with 10^3 vs 10^5 concerns in the table (ratio must stay ≤ 1.2).
 *
 * Both sides live in ONE DynamoDB Local (the stack's), in two tables created alike: `bench-small`
 * (10^3 concerns) and `bench-big` (the same review year, then grown to BENCH_BIG concerns). Samples
 * alternate between them (A/B, B/A, …), so machine load and the emulator's state hit both sides alike.
 *   1. both tables hold 10^3: an A/A control (the ratio the method itself shows);
 *   2. bench-big is bulk-loaded (functions/store/bulk-load.ts), then 10^3 vs 10^5, interleaved;
 *      bench-small before and after the load separates "emulator after a bulk load" from "table size".
 * Each side: the domain function in process (stores pointed at its table), with the DynamoDB calls it
 * makes, the items they read and the time spent in them; and single calls (one Query of the year's
 * district buckets, one GetItem) timed on both. Over HTTP: the gateway serves the stack's own table
 * (`dialogue-pulse`, the same review year, 10^3 concerns), sampled in the same rounds: the HTTP
 * overhead over the raw call; pointing the gateway at another table would need a second stack.
 *
 *   node --import tsx bench/reports.bench.ts
 *   env: BENCH_BIG (default 100000), BENCH_SAMPLES (30), BENCH_ALL=1 (also a period holding all
 *        BENCH_BIG concerns: minutes per sample, off by default)
 *
 * NOTE: the 10^3 concerns are raised (a third moved) through the domain with the clock in 2031; the
 * rest are bulk-loaded in 2021–2029 (outside the year and its previous period), so the review year's
 * figures stay the same while the table grows (checked).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDomain } from '../functions/domain/index.js';
import type { Authority, Concern, ConcernStatus } from '../functions/domain/kernel/model.js';
import { bulkLoadConcerns } from '../functions/store/bulk-load.js';
import { createStores } from '../functions/store/index.js';
import { createBenchTable as createBenchTableIn } from './bench-tables.js';
import { LOCAL_TABLE_NAME } from '../infra/local/stack.js';
import { expectData, removeDataDir, startStack } from '../test/support/local-stack.js';

const BIG = Number(process.env.BENCH_BIG ?? 100_000);
const SMALL = 1000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const ALL_PERIOD = process.env.BENCH_ALL === '1';
const SMALL_TABLE = 'bench-small';
const BIG_TABLE = 'bench-big';
const YEAR = { from: '2030-12-31T17:00:00.000Z', to: '2031-12-31T17:00:00.000Z' }; // 2031 in Vietnam
const ALL = { from: '2020-01-01T00:00:00.000Z', to: '2032-01-01T00:00:00.000Z' };

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
async function pool(n: number, limit: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < n) await work(next++);
  }));
}

const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-bench-'));
const stack = await startStack({ dataDir });
const endpoint = /DynamoDB Local on (http:\/\/[^\s]+)/.exec(stack.output())?.[1];
if (!endpoint) throw new Error(`no DynamoDB endpoint in:\n${stack.output()}`);

// The two measured tables: stream-less copies of the project's table (bench/bench-tables.ts says why).
const createBenchTable = (name: string) => createBenchTableIn(endpoint!, name);
await createBenchTable(SMALL_TABLE);
await createBenchTable(BIG_TABLE);

/** One side: stores on one table, every DynamoDB call counted (calls, items read, time in calls). */
function side(tableName: string) {
  const stores = createStores({ tableName, endpoint });
  const stats = { calls: 0, items: 0, callMs: 0 };
  const send = stores.db.send.bind(stores.db) as (...a: unknown[]) => Promise<any>;
  (stores.db as { send: unknown }).send = async (...a: unknown[]) => {
    const t = performance.now();
    const out = await send(...a);
    stats.callMs += performance.now() - t;
    stats.calls += 1;
    stats.items += typeof out?.Count === 'number' ? out.Count : out?.Item ? 1 : 0;
    return out;
  };
  return { tableName, stores, domain: createDomain(stores), stats };
}
const small = side(SMALL_TABLE);
const big = side(BIG_TABLE);
/** The stack's own table (with its stream and poller): the same review year, read over HTTP only. */
const served = side(LOCAL_TABLE_NAME);
const admin = { id: 'bench-admin', role: 'ADMIN' as const };
const token = await stack.token('LEADERSHIP', undefined, 'bench-leader');
const REPORT = `query ($p: PeriodInput!) { report(period: $p) { totals { sessions attendance concerns concernsClosed } wards { wardId sessions attendance }
  kinds { kind sessions } thematicDialogues { title attendance } tax { rounds businessesEngaged bySector { sector businesses } }
  concerns { raised answeredOnSpot resolvedByWard resolvedByDistrict answeredAfterEscalation waiting byLevel { status authority count } }
  waitingConcerns { concernId daysWaited } previous { sessions concerns } } }`;

/** The review year: 20 sessions over 2031 across the wards, 10^3 concerns raised in them, a third moved. */
async function seedYear(s: ReturnType<typeof side>) {
  await s.domain.wards.ensureReferenceWards();
  const wards = (await s.domain.wards.listWards()).map((w) => w.id);
  const sessions: Awaited<ReturnType<typeof s.domain.sessions.startSession>>[] = [];
  for (let i = 0; i < 20; i += 1) {
    const at = new Date(Date.UTC(2031, i % 12, 1 + i, 1)).toISOString();
    const d = s.domain.withClock(() => new Date(at));
    const session = await d.sessions.scheduleSession(admin, { kind: 'PUBLIC', wardId: wards[i % wards.length], title: `Bench ${i}`, hostBody: 'Bench', scheduledAt: at });
    sessions.push(await d.sessions.startSession(admin, session.id));
  }
  await pool(SMALL, 16, async (i) => {
    const session = sessions[i % sessions.length];
    const d = s.domain.withClock(() => new Date(Date.parse(session.scheduledAt) + 60_000 + i));
    const c = await d.concerns.raiseConcern(admin, { sessionId: session.id, topic: `Bench ${i}`, text: 'Bench concern', authority: 'WARD', requestId: `bench-${i}` });
    if (i % 3 === 0) await d.concerns.moveConcern(admin, { concernId: c.id, to: 'RESOLVED', response: 'Done' });
  });
  return wards;
}

interface Samples { raw: number[]; inCalls: number[]; calls: number; items: number; raised: number }
const empty = (): Samples => ({ raw: [], inCalls: [], calls: 0, items: 0, raised: 0 });

async function rawSample(s: ReturnType<typeof side>, period: { from: string; to: string }, into: Samples) {
  Object.assign(s.stats, { calls: 0, items: 0, callMs: 0 });
  const t = performance.now();
  const figures = await s.domain.reports.reportFigures(period);
  into.raw.push(performance.now() - t);
  into.inCalls.push(s.stats.callMs);
  into.calls = s.stats.calls;
  into.items = s.stats.items;
  into.raised = figures.concerns.raised;
}

/** Single DynamoDB calls on one table: the year's district buckets (one Query, ~10^3 items) and one GetItem. */
async function probeSample(s: ReturnType<typeof side>, into: { query: number[]; get: number[]; queryItems: number }) {
  let t = performance.now();
  const out = await s.stores.db.send(new QueryCommand({
    TableName: s.tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': 'STATS#DISTRICT', ':from': `T#${YEAR.from}`, ':to': `T#${YEAR.to}` },
    ConsistentRead: true,
  }));
  into.query.push(performance.now() - t);
  into.queryItems = out.Count ?? 0;
  if (out.LastEvaluatedKey) throw new Error('the probe Query was paged: time one page only');
  t = performance.now();
  await s.stores.db.send(new GetCommand({ TableName: s.tableName, Key: { pk: 'STATS#DISTRICT', sk: 'LIVE' }, ConsistentRead: true }));
  into.get.push(performance.now() - t);
}

/** SAMPLES rounds; in each, both tables (order alternating), HTTP on the stack's table, the single-call probes. */
async function interleaved(label: string, period: { from: string; to: string }) {
  const a = empty();
  const b = empty();
  const http: number[] = [];
  const probeA = { query: [] as number[], get: [] as number[], queryItems: 0 };
  const probeB = { query: [] as number[], get: [] as number[], queryItems: 0 };
  const loadStart = load();
  // Three warm-up rounds, not counted.
  for (let i = 0; i < 3; i += 1) {
    await rawSample(small, period, empty());
    await rawSample(big, period, empty());
  }
  for (let i = 0; i < SAMPLES; i += 1) {
    const order: [ReturnType<typeof side>, Samples][] = i % 2 ? [[big, b], [small, a]] : [[small, a], [big, b]];
    for (const [s, into] of order) await rawSample(s, period, into);
    const t = performance.now();
    const data = expectData<any>(await stack.graphql(REPORT, { p: period }, token));
    http.push(performance.now() - t);
    if (data.report.concerns.raised !== a.raised) throw new Error(`HTTP (${served.tableName}) and in-process figures differ: ${data.report.concerns.raised} vs ${a.raised}`);
    for (const [s, into] of i % 2 ? [[big, probeB], [small, probeA]] as const : [[small, probeA], [big, probeB]] as const) await probeSample(s, into);
  }
  const row = (s: Samples, p: typeof probeA) => ({
    raised: s.raised, rawP50: quantile(s.raw, 0.5), rawP95: quantile(s.raw, 0.95), inCallsP50: quantile(s.inCalls, 0.5),
    calls: s.calls, items: s.items, queryP50: quantile(p.query, 0.5), queryP95: quantile(p.query, 0.95), queryItems: p.queryItems,
    getP50: quantile(p.get, 0.5), getP95: quantile(p.get, 0.95),
  });
  const result = { label, load: `${loadStart} → ${load()}`, small: row(a, probeA), big: row(b, probeB), httpSmallP50: quantile(http, 0.5), httpSmallP95: quantile(http, 0.95) };
  const ratio = result.big.rawP50 / result.small.rawP50;
  console.log(`\n${label} (${SAMPLES} interleaved rounds, load ${result.load})`);
  for (const [name, r] of [[small.tableName, result.small], [big.tableName, result.big]] as const) {
    console.log(`  ${name}: report raw p50 ${ms(r.rawP50)} p95 ${ms(r.rawP95)} (time inside DynamoDB calls p50 ${ms(r.inCallsP50)}); ${r.calls} calls, ${r.items} items read; concerns in period ${r.raised}`);
    console.log(`  ${' '.repeat(name.length)}  one Query of the year's district buckets (${r.queryItems} items) p50 ${ms(r.queryP50)} p95 ${ms(r.queryP95)}; one GetItem p50 ${ms(r.getP50)} p95 ${ms(r.getP95)}`);
  }
  console.log(`  HTTP (the stack's table ${served.tableName}, ${SMALL} concerns): p50 ${ms(result.httpSmallP50)} p95 ${ms(result.httpSmallP95)}`);
  console.log(`  ratio ${big.tableName} / ${small.tableName} (raw p50): ${ratio.toFixed(2)}; single Query ${(result.big.queryP50 / result.small.queryP50).toFixed(2)}; GetItem ${(result.big.getP50 / result.small.getP50).toFixed(2)}`);
  return { ...result, ratio };
}

try {
  console.log(`seeding the review year in ${small.tableName}, ${big.tableName} and ${served.tableName}… (load ${load()})`);
  const wards = await seedYear(small);
  await seedYear(big);
  await seedYear(served);
  const before = await interleaved(`both tables hold ${SMALL} concerns (A/A control)`, YEAR);

  // The big table grows to BIG concerns, all in 2021–2029: the review year's figures do not change.
  const statuses: ConcernStatus[] = ['ANSWERED_ON_SPOT', 'RESOLVED', 'RESOLVED', 'ANSWERED', 'OPEN', 'ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED', 'RESOLVED', 'ANSWERED_ON_SPOT'];
  const base = Date.parse('2021-01-01T01:00:00.000Z');
  // NOTE: before 2029-12-31T17:00Z: the review year's previous period (2030) must not hold them either.
  const span = Date.parse('2029-12-01T00:00:00.000Z') - base;
  const rest = BIG - SMALL;
  const chunk = 2000;
  let loaded = 0;
  const started = performance.now();
  console.log(`\nbulk-loading ${rest} concerns into ${big.tableName}… (load ${load()})`);
  await pool(Math.ceil(rest / chunk), 8, async (k) => {
    const concerns: Concern[] = [];
    for (let j = 0; j < Math.min(chunk, rest - k * chunk); j += 1) {
      const n = k * chunk + j;
      const status = statuses[n % statuses.length];
      const authority: Authority = status === 'ANSWERED' ? 'CITY' : n % 2 ? 'WARD' : 'DISTRICT';
      const raisedAt = new Date(base + Math.floor((n / rest) * span) + (n % 1000)).toISOString();
      concerns.push({ id: `BULK${String(n).padStart(22, '0')}`, sessionId: 'bench-bulk', sessionKind: 'PUBLIC', wardId: wards[n % wards.length], topic: `Bulk ${n}`, text: 'Bulk concern', authority, status, raisedAt, history: [] });
    }
    await bulkLoadConcerns(big.stores.db, big.tableName, concerns, k);
    loaded += concerns.length;
    if (k % 10 === 9) console.log(`  loaded ${loaded}/${rest} concerns in bulk (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  });
  const loadSeconds = (performance.now() - started) / 1000;
  console.log(`  ${rest} concerns loaded in ${loadSeconds.toFixed(0)} s (load ${load()})`);
  const after = await interleaved(`${SMALL} vs ${BIG} concerns in the table`, YEAR);
  if (after.big.raised !== after.small.raised || after.small.raised !== before.small.raised) throw new Error(`the review year changed: ${before.small.raised} → ${after.small.raised} / ${after.big.raised}`);

  let all: { rawP50: number; items: number; calls: number } | undefined;
  if (ALL_PERIOD) {
    const s = empty();
    for (let i = 0; i < 5; i += 1) await rawSample(big, ALL, s);
    all = { rawP50: quantile(s.raw, 0.5), items: s.items, calls: s.calls };
    console.log(`\na period holding all ${BIG} concerns (${big.tableName}, 5 samples): raw p50 ${ms(all.rawP50)}; ${s.calls} calls, ${s.items} items read`);
  }
  const emulatorAfterLoad = after.small.rawP50 / before.small.rawP50;
  console.log(`\nratio (raw p50, ${BIG} vs ${SMALL} concerns in the table, interleaved): ${after.ratio.toFixed(2)} (A/A control before the load: ${before.ratio.toFixed(2)})`);
  console.log(`${small.tableName} after / before the bulk load (raw p50): ${emulatorAfterLoad.toFixed(2)}; items read ${after.small.items} vs ${after.big.items}`);
  console.log(`machine: ${cpus().length} cores, load ${load()}; ${new Date().toISOString()}`);
  console.log(JSON.stringify({ before, after, all, loadSeconds, emulatorAfterLoad }));
  if (after.ratio > 1.2) process.exitCode = 1;
} finally {
  await stack.stop();
  removeDataDir(dataDir);
}
