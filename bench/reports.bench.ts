/**
 * Review-report latency (docs/performance.md, "## Review reports"): `report(period)` for one review
 * year holding 10^3 concerns, with 10^3 and then 10^5 concerns in the table (ratio must stay ≤ 1.2),
 * over HTTP and as the raw DynamoDB calls it makes (in process), with the number of items read. Then,
 * for the record, a report over a period holding all 10^5 (what the cost grows with).
 *
 *   node --import tsx bench/reports.bench.ts          env: BENCH_BIG (default 100000), BENCH_SAMPLES (30)
 *
 * NOTE: the first 10^3 concerns are raised (and a third moved) through the domain with the clock in
 * 2031; the rest are bulk-loaded with the items those calls leave (functions/store/bulk-load.ts), in
 * 2021–2029 (outside the year and its previous period), so the review year's figures stay the same while the table grows.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDomain } from '../functions/domain/index.js';
import type { Authority, Concern, ConcernStatus } from '../functions/domain/model.js';
import { bulkLoadConcerns } from '../functions/store/bulk-load.js';
import { createStores } from '../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../infra/local/stack.js';
import { expectData, removeDataDir, startStack } from '../test/support/local-stack.js';

const BIG = Number(process.env.BENCH_BIG ?? 100_000);
const SMALL = 1000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const YEAR = { from: '2030-12-31T17:00:00.000Z', to: '2031-12-31T17:00:00.000Z' }; // 2031 in Vietnam
const ALL = { from: '2020-01-01T00:00:00.000Z', to: '2032-01-01T00:00:00.000Z' };

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
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
const stores = createStores({ tableName: LOCAL_TABLE_NAME, endpoint });
let itemsRead = 0;
const send = stores.db.send.bind(stores.db) as (...a: unknown[]) => Promise<any>;
(stores.db as { send: unknown }).send = async (...a: unknown[]) => {
  const out = await send(...a);
  itemsRead += typeof out?.Count === 'number' ? out.Count : out?.Item ? 1 : 0;
  return out;
};
const domain = createDomain(stores);
const admin = { id: 'bench-admin', role: 'ADMIN' as const };
const token = await stack.token('LEADERSHIP', undefined, 'bench-leader');
const REPORT = `query ($p: PeriodInput!) { report(period: $p) { totals { sessions attendance concerns concernsClosed } wards { wardId sessions attendance }
  kinds { kind sessions } thematicDialogues { title attendance } tax { rounds businessesEngaged bySector { sector businesses } }
  concerns { raised answeredOnSpot resolvedByWard resolvedByDistrict answeredAfterEscalation waiting byLevel { status authority count } }
  waitingConcerns { concernId daysWaited } previous { sessions concerns } } }`;

async function measure(period: { from: string; to: string }, label: string, samples = SAMPLES) {
  const http: number[] = [];
  const raw: number[] = [];
  let reads = 0;
  let raised = 0;
  for (let i = 0; i < samples; i += 1) {
    let t = performance.now();
    const data = expectData<any>(await stack.graphql(REPORT, { p: period }, token));
    http.push(performance.now() - t);
    raised = data.report.concerns.raised;
    itemsRead = 0;
    t = performance.now();
    await domain.reports.reportFigures(period);
    raw.push(performance.now() - t);
    reads = itemsRead;
  }
  const row = { label, raised, httpP50: quantile(http, 0.5), httpP95: quantile(http, 0.95), rawP50: quantile(raw, 0.5), rawP95: quantile(raw, 0.95), itemsRead: reads };
  console.log(`${label}: concerns in period ${raised}; HTTP p50 ${row.httpP50.toFixed(1)} ms p95 ${row.httpP95.toFixed(1)} ms; raw p50 ${row.rawP50.toFixed(1)} ms p95 ${row.rawP95.toFixed(1)} ms; items read ${reads}`);
  return row;
}

try {
  // The review year: 20 sessions over 2031 in every ward, 10^3 concerns raised in them, a third moved.
  const wards = (await domain.wards.listWards()).map((w) => w.id);
  const sessions: Awaited<ReturnType<typeof domain.sessions.startSession>>[] = [];
  for (let i = 0; i < 20; i += 1) {
    const at = new Date(Date.UTC(2031, i % 12, 1 + i, 1)).toISOString();
    const d = domain.withClock(() => new Date(at));
    const s = await d.sessions.scheduleSession(admin, { kind: 'PUBLIC', wardId: wards[i % wards.length], title: `Bench ${i}`, hostBody: 'Bench', scheduledAt: at });
    sessions.push(await d.sessions.startSession(admin, s.id));
  }
  await pool(SMALL, 16, async (i) => {
    const s = sessions[i % sessions.length];
    const d = domain.withClock(() => new Date(Date.parse(s.scheduledAt) + 60_000 + i));
    const c = await d.concerns.raiseConcern(admin, { sessionId: s.id, topic: `Bench ${i}`, text: 'Bench concern', authority: 'WARD', requestId: `bench-${i}` });
    if (i % 3 === 0) await d.concerns.moveConcern(admin, { concernId: c.id, to: 'RESOLVED', response: 'Done' });
  });
  const small = await measure(YEAR, `${SMALL} concerns in the table`);

  // The table grows to BIG concerns, all in 2021–2030: the review year's figures do not change.
  const statuses: ConcernStatus[] = ['ANSWERED_ON_SPOT', 'RESOLVED', 'RESOLVED', 'ANSWERED', 'OPEN', 'ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED', 'RESOLVED', 'ANSWERED_ON_SPOT'];
  const base = Date.parse('2021-01-01T01:00:00.000Z');
  // NOTE: before 2029-12-31T17:00Z: the review year's previous period (2030) must not hold them either.
  const span = Date.parse('2029-12-01T00:00:00.000Z') - base;
  const rest = BIG - SMALL;
  const chunk = 2000;
  let loaded = 0;
  const started = performance.now();
  await pool(Math.ceil(rest / chunk), 8, async (k) => {
    const concerns: Concern[] = [];
    for (let j = 0; j < Math.min(chunk, rest - k * chunk); j += 1) {
      const n = k * chunk + j;
      const status = statuses[n % statuses.length];
      const authority: Authority = status === 'ANSWERED' ? 'CITY' : n % 2 ? 'WARD' : 'DISTRICT';
      const raisedAt = new Date(base + Math.floor((n / rest) * span) + (n % 1000)).toISOString();
      concerns.push({ id: `BULK${String(n).padStart(22, '0')}`, sessionId: 'bench-bulk', sessionKind: 'PUBLIC', wardId: wards[n % wards.length], topic: `Bulk ${n}`, text: 'Bulk concern', authority, status, raisedAt, history: [] });
    }
    await bulkLoadConcerns(stores.db, LOCAL_TABLE_NAME, concerns);
    loaded += concerns.length;
    if (k % 10 === 9) console.log(`  loaded ${loaded}/${rest} concerns in bulk (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  });
  const big = await measure(YEAR, `${BIG} concerns in the table`);
  if (big.raised !== small.raised) throw new Error(`the review year changed: ${small.raised} → ${big.raised}`);
  const all = await measure(ALL, `a period holding all ${BIG}`, 5);
  const ratio = big.httpP50 / small.httpP50;
  const rawRatio = big.rawP50 / small.rawP50;
  console.log(`\nratio (p50, ${BIG} vs ${SMALL} concerns in the table): HTTP ${ratio.toFixed(2)}, raw ${rawRatio.toFixed(2)}; items read ${small.itemsRead} vs ${big.itemsRead}`);
  console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString()}`);
  console.log(JSON.stringify({ small, big, all, ratio, rawRatio }));
  if (ratio > 1.2 && rawRatio > 1.2) process.exitCode = 1;
} finally {
  await stack.stop();
  removeDataDir(dataDir);
}
