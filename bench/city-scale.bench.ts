/**
 * City scale (docs/performance.md, "City scale"): `summary`, a ward's stats and a review report over
 * any period, for the real city and for the demo's area, over 20 years (2007–2026) holding 10⁶
 * concerns and 10⁷ check-ins in the city's table (the area's: the same per unit and year).
 *
 * Both sides live in one DynamoDB Local, in two tables made like the project's (bench-tables.ts):
 * `city-610`, Ho Chi Minh City from the national reference (JURISDICTION=79: 168 units in force from
 * 1/7/2025 and the 442 former ones before it), and `city-14`, the demo's area (4 + 10). Each unit holds
 * 24 dialogues a year while it is in force; its concerns are raised during them. The counters
 * are bulk-loaded as those writes would leave them (functions/store/bulk-load.ts `summedCounterItems`),
 * on one shard per bucket (live writes spread over up to 8: the items read below are then up to 8×).
 * What is not written, because no read here visits it and it would take hours to load on this
 * machine: the 10⁷ CheckIn items and the 10⁶ Concern items (other partitions), and the instant items
 * (`I#`) of every day but the two that the unaligned period's edges cut. Samples alternate between
 * the tables; every DynamoDB call is counted with the items it returned.
 *
 *   node --import tsx bench/city-scale.bench.ts
 *   env: BENCH_SAMPLES (7), CITY_CONCERNS (1000000), CITY_CHECKINS (10000000)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CounterDelta } from '../functions/domain/ports.js';
import { createDomain } from '../functions/domain/index.js';
import { inForceAt, referenceJurisdiction, type Jurisdiction } from '../functions/domain/units/wards.js';
import { jurisdictionFromSpec } from '../infra/units/national.js';
import { startOfVietnamDate, vietnamDate } from '../functions/domain/kernel/vietnam-time.js';
import { summedCounterItems } from '../functions/store/bulk-load.js';
import { createStores } from '../functions/store/index.js';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.js';
import { createBenchTable } from './bench-tables.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 7);
const CONCERNS = Number(process.env.CITY_CONCERNS ?? 1_000_000);
const CHECKINS = Number(process.env.CITY_CHECKINS ?? 10_000_000);
const YEARS = 20;
const FIRST_YEAR = 2007;
const SESSIONS_PER_YEAR = 24;
const STATUSES = ['ANSWERED_ON_SPOT', 'RESOLVED', 'RESOLVED', 'ANSWERED', 'OPEN', 'ANSWERED_ON_SPOT', 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED'] as const;
const CLOSED = new Set(['ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED']);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const ms = (x: number) => x.toFixed(1);

const day = startOfVietnamDate;
/** The k-th dialogue of a year (every unit holds them at the same moments), plus `plus` ms. */
function sessionAt(year: number, k: number, plus = 0): string {
  const yearStart = Date.parse(day(`${year}-01-01`));
  const yearMs = Date.parse(day(`${year + 1}-01-01`)) - yearStart;
  return new Date(yearStart + Math.floor(((k + 0.5) / SESSIONS_PER_YEAR) * yearMs) + 1_800_000 + plus).toISOString();
}
const PERIODS = {
  '1 month (March 2026)': { from: day('2026-03-01'), to: day('2026-04-01') },
  '1 year (2025)': { from: day('2025-01-01'), to: day('2026-01-01') },
  '2 years (2024–2025, ~10⁵ concerns at 168 units)': { from: day('2024-01-01'), to: day('2026-01-01') },
  '10 years (2016–2025)': { from: day('2016-01-01'), to: day('2026-01-01') },
  // From the middle of a day of dialogues in June 2015 to the middle of one in June 2025.
  '10 years, edges inside two days': { from: sessionAt(2015, 11, 3_600_000), to: sessionAt(2025, 11, 3_600_000) },
};
const EDGES = PERIODS['10 years, edges inside two days'];

const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-city-'));
const dynamo = await startDynamoDbLocal({ dataDir });

/** A deterministic generator: the same tables on every run. */
function generator(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** One side: a table with a jurisdiction's units and their counters while in force over 20 years, every call counted. */
async function side(jurisdiction: Jurisdiction) {
  const { units } = jurisdiction;
  const n = units.length;
  const tableName = `city-${n}`;
  await createBenchTable(dynamo.endpoint, tableName);
  const stores = createStores({ tableName, endpoint: dynamo.endpoint });
  const stats = { calls: 0, items: 0, byCommand: new Map<string, number>() };
  const send = stores.db.send.bind(stores.db) as (...a: unknown[]) => Promise<any>;
  const counting = async (...a: unknown[]) => {
    const out = await send(...a);
    stats.calls += 1;
    const name = (a[0] as { constructor: { name: string } }).constructor.name;
    stats.byCommand.set(name, (stats.byCommand.get(name) ?? 0) + 1);
    const batch = out?.Responses ? Object.values(out.Responses as Record<string, unknown[]>).reduce((n, items) => n + items.length, 0) : 0;
    stats.items += typeof out?.Count === 'number' ? out.Count : out?.Item ? 1 : batch;
    return out;
  };
  const domain = createDomain(stores);
  await domain.wards.ensureReferenceWards(jurisdiction);

  // Per unit and year, the same density on both sides: 168 units hold CONCERNS and CHECKINS in all.
  const concernsPerUnitYear = Math.round(CONCERNS / (168 * YEARS));
  const checkInsPerSession = Math.round(CHECKINS / (168 * YEARS * SESSIONS_PER_YEAR));
  const started = performance.now();
  const rollUp = new Map<string, Record<string, unknown>>();
  let items = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        const u = units[next++]!;
        const rnd = generator(next);
        const deltas: CounterDelta[] = [];
        for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
          for (let k = 0; k < SESSIONS_PER_YEAR; k++) {
            const at = sessionAt(y, k);
            if (!inForceAt(u, at)) continue;
            deltas.push({ scope: { kind: 'unit', wardId: u.id, at }, add: { sessions: 1, sessionsByKind: { PUBLIC: 1 }, attendance: checkInsPerSession, attendanceByKind: { PUBLIC: checkInsPerSession }, attendanceByCategory: { RESIDENT: checkInsPerSession } } });
          }
          for (let k = 0; k < concernsPerUnitYear; k++) {
            // Raised during one of the year's dialogues, a few minutes apart.
            const at = sessionAt(y, Math.floor(rnd() * SESSIONS_PER_YEAR), Math.floor(rnd() * 3 * 3_600_000));
            if (!inForceAt(u, at)) continue;
            const status = STATUSES[k % STATUSES.length]!;
            const authority = status === 'ANSWERED' || status === 'ESCALATED' ? 'CITY' : 'WARD';
            deltas.push({ scope: { kind: 'unit', wardId: u.id, at }, add: { concerns: 1, byStatus: { [status]: 1 }, byLevel: [{ status, authority, add: 1 }], concernsClosed: CLOSED.has(status) ? 1 : 0 } });
          }
        }
        const edgeDays = new Set([vietnamDate(EDGES.from), vietnamDate(EDGES.to)]);
        const summed = summedCounterItems(deltas).filter((item) => !String(item.sk).startsWith('I#') || edgeDays.has(vietnamDate(String(item.sk).slice(2, 26))));
        // The jurisdiction's roll-up items are shared by every unit: summed here, Put once at the end.
        const unitItems = summed.filter((item) => !String(item.pk).startsWith('STATS#ALL#'));
        for (const item of summed.filter((i) => String(i.pk).startsWith('STATS#ALL#'))) {
          const id = `${item.pk}|${item.sk}`;
          const into = rollUp.get(id) ?? rollUp.set(id, { pk: item.pk, sk: item.sk, type: item.type }).get(id)!;
          for (const [k, v] of Object.entries(item)) if (typeof v === 'number') into[k] = ((into[k] as number | undefined) ?? 0) + v;
        }
        items += unitItems.length;
        for (let i = 0; i < unitItems.length; i += 25) {
          let pending: Record<string, unknown>[] | undefined = unitItems.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
          while (pending?.length) {
            const out = await stores.db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
            pending = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
          }
        }
        if (next % 24 === 0) console.log(`  ${tableName}: ${next}/${n} units loaded, ${items} items (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }),
  );
  const rollUpItems = [...rollUp.values()];
  items += rollUpItems.length;
  for (let i = 0; i < rollUpItems.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = rollUpItems.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const out = await stores.db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
    }
  }
  (stores.db as { send: unknown }).send = counting;
  console.log(`${tableName}: ${jurisdiction.name}, ${n} units over ${YEARS} years, each while in force; ${items} counter items, loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { n, domain, stats, firstUnit: units.find((u) => !u.validTo)!.id };
}

type Side = Awaited<ReturnType<typeof side>>;
type Read = 'summary' | 'summary by unit' | 'ward stats' | 'report';
async function sample(s: Side, read: Read, period: { from: string; to: string }) {
  Object.assign(s.stats, { calls: 0, items: 0, byCommand: new Map() });
  const t = performance.now();
  let figure = 0;
  // `summary`: the totals a query without `wards`/`unitRows` gets (the jurisdiction's roll-up);
  // `summary by unit`: with them (each unit read once, the roll-up before and after).
  if (read === 'summary') figure = (await s.domain.summaries.districtSummary(period, { units: false })).concerns.open;
  else if (read === 'summary by unit') figure = (await s.domain.summaries.districtSummary(period)).concerns.open;
  else if (read === 'ward stats') figure = (await s.domain.wards.wardStats(s.firstUnit, period)).concerns;
  else figure = (await s.domain.reports.reportFigures(period)).totals.concerns;
  if (process.env.CITY_CALLS) console.log(`    ${read} ${s.n} units: ${JSON.stringify(Object.fromEntries(s.stats.byCommand))}`);
  return { ms: performance.now() - t, calls: s.stats.calls, items: s.stats.items, figure };
}

console.log(`machine: ${cpus().length} cores, load ${load()}`);
const small = await side(await referenceJurisdiction());
const big = await side(jurisdictionFromSpec('79'));
// Warm the unit lists, and check that the roll-up answers what the units add up to.
for (const s of [small, big]) {
  for (const p of Object.values(PERIODS)) {
    const [rolledUp, byUnit] = [await sample(s, 'summary', p), await sample(s, 'summary by unit', p)];
    if (rolledUp.figure !== byUnit.figure) throw new Error(`${s.n} units ${JSON.stringify(p)}: the roll-up says ${rolledUp.figure}, the units ${byUnit.figure}`);
  }
}

const rows: string[] = [];
for (const read of ['summary', 'summary by unit', 'ward stats', 'report'] as Read[]) {
  const p50 = new Map<string, number>();
  for (const [label, period] of Object.entries(PERIODS)) {
    if (read === 'report' && label.startsWith('10 years, edges')) continue;
    const a: Awaited<ReturnType<typeof sample>>[] = [];
    const b: typeof a = [];
    for (let i = 0; i < SAMPLES; i++) {
      if (i % 2 === 0) {
        a.push(await sample(small, read, period));
        b.push(await sample(big, read, period));
      } else {
        b.push(await sample(big, read, period));
        a.push(await sample(small, read, period));
      }
    }
    const [pa, pb] = [quantile(a.map((x) => x.ms), 0.5), quantile(b.map((x) => x.ms), 0.5)];
    p50.set(label, pb);
    rows.push(`| ${read} | ${label} | ${ms(pb)} / ${ms(quantile(b.map((x) => x.ms), 0.95))} | ${b[0]!.calls} / ${b[0]!.items} | ${ms(pa)} | ${a[0]!.items} | ×${(pb / pa).toFixed(2)} |`);
    console.log(`${read}, ${label} (load ${load()}): city p50 ${ms(pb)} ms, ${b[0]!.calls} calls, ${b[0]!.items} items (figure ${b[0]!.figure}); area p50 ${ms(pa)} ms, ${a[0]!.items} items; ratio ×${(pb / pa).toFixed(2)}`);
  }
  const month = p50.get('1 month (March 2026)')!;
  const tenYears = p50.get('10 years (2016–2025)')!;
  console.log(`  ${read} in the city: 10 years / 1 month latency ×${(tenYears / month).toFixed(2)}`);
}
console.log('\n| read | period | city p50 / p95 ms | calls / items read | area p50 ms | items | city / area |\n|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
await dynamo.stop();
rmSync(dataDir, { recursive: true, force: true });
