/**
 * Units through time (docs/performance.md, "Units through time", issue 19): reading a ward with its
 * predecessors (`Ward.lineageStats`) costs reads in proportion to the number of units in its lineage,
 * not to the number of records: 10 vs 168 predecessor units, and 1× vs 10× the check-ins.
 *
 * Both sides live in ONE DynamoDB Local (the stack's), in two stream-less tables made alike
 * (bench/reports.bench.ts says why without streams): `units-10` and `units-168`. Each holds a
 * jurisdiction where N old units went whole into one new unit on 1/7/2025, every old unit with the
 * same records (2 sessions in 2024, 2 check-ins each). Samples alternate between the tables.
 * Then `units-10` gets 16, then 160 (10×) check-ins per session, and is measured again: the items read
 * stay within units × buckets × COUNTER_SHARDS (a check-in adds to one of its bucket's shards; past
 * COUNTER_SHARDS per bucket it adds no item a read has to visit).
 *
 *   node --import tsx bench/units.bench.ts      env: BENCH_SAMPLES (30)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../functions/domain/kernel/actor.js';
import { createDomain } from '../functions/domain/index.js';
import { buildJurisdiction } from '../functions/domain/units/wards.js';
import { createStores } from '../functions/store/index.js';
import { COUNTER_SHARDS } from '../functions/store/stats-store.js';
import { removeDataDir, startStack } from '../test/support/local-stack.js';
import { createBenchTable } from './bench-tables.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const PERIOD = { from: '2023-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' }; // 2024–2026, across the change
const ADMIN: Actor = { id: 'bench-admin', role: 'ADMIN' };
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-bench-'));
const stack = await startStack({ dataDir });
const endpoint = /DynamoDB Local on (http:\/\/[^\s]+)/.exec(stack.output())?.[1];
if (!endpoint) throw new Error(`no DynamoDB endpoint in:\n${stack.output()}`);

/** One side: a table whose jurisdiction has `n` old units that went whole into `new-unit`, every DynamoDB call counted. */
async function side(n: number) {
  const tableName = `units-${n}`;
  await createBenchTable(endpoint!, tableName);
  const stores = createStores({ tableName, endpoint });
  const stats = { calls: 0, items: 0 };
  const send = stores.db.send.bind(stores.db) as (...a: unknown[]) => Promise<any>;
  (stores.db as { send: unknown }).send = async (...a: unknown[]) => {
    const out = await send(...a);
    stats.calls += 1;
    stats.items += typeof out?.Count === 'number' ? out.Count : out?.Item ? 1 : 0;
    return out;
  };
  const domain = createDomain(stores);
  const old = Array.from({ length: n }, (_, i) => ({ id: `old-${i + 1}`, code: String(30000 + i), name: `Phường ${i + 1}`, level: 'WARD', parent: '778', validTo: '2025-07-01', rolloutWave: 'THIRD', order: i + 2 }));
  const j = buildJurisdiction(
    {
      jurisdiction: { name: `bench ${n}` },
      parents: [{ code: '778', name: 'Quận', level: 'DISTRICT', validTo: '2025-07-01' }, { code: '79', name: 'Thành phố', level: 'CITY' }],
      units: [{ id: 'new-unit', code: '39999', name: 'Phường mới', level: 'WARD', parent: '79', validFrom: '2025-07-01', order: 1 }, ...old],
    },
    [{ id: 'bench', effectiveFrom: '2025-07-01', legalBasis: 'bench', title: 'bench', sources: [], changes: old.map((u) => ({ from: u.id, to: 'new-unit', whole: true })) }],
  );
  await domain.wards.ensureReferenceWards(j);
  const sessions: string[] = [];
  const at = (instant: string) => domain.withClock(() => new Date(instant));
  let next = 0;
  await Promise.all(Array.from({ length: 6 }, async () => {
    while (next < n) {
      const unit = old[next++]!;
      for (const day of ['2024-03-09T01:00:00.000Z', '2024-10-12T01:00:00.000Z']) {
        const s = await at(day).sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: 'Đối thoại', wardId: unit.id, hostBody: 'UBND phường', scheduledAt: day });
        await at(day).sessions.startSession(ADMIN, s.id);
        for (let k = 0; k < 2; k++) await at(day).sessions.checkIn(ADMIN, { sessionId: s.id, category: 'RESIDENT', count: 10, requestId: `b-${s.id}-${k}` }, { readAttendance: false });
        sessions.push(s.id);
      }
    }
  }));
  return { n, tableName, domain, stats, sessions, at };
}

type Side = Awaited<ReturnType<typeof side>>;
async function sample(s: Side) {
  Object.assign(s.stats, { calls: 0, items: 0 });
  const t = performance.now();
  const r = await s.domain.wards.wardLineageStats('new-unit', PERIOD);
  const ms = performance.now() - t;
  return { ms, calls: s.stats.calls, items: s.stats.items, attendance: r.combined.attendance };
}

console.log(`machine: ${cpus().length} cores, load ${load()}`);
const t0 = performance.now();
const ten = await side(10);
const big = await side(168);
console.log(`loaded: 10 units (${ten.sessions.length} sessions), 168 units (${big.sessions.length} sessions) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
await sample(ten);
await sample(big); // warm the unit lists (kept a few minutes per instance)

async function round(label: string) {
  const a: Awaited<ReturnType<typeof sample>>[] = [];
  const b: typeof a = [];
  for (let i = 0; i < SAMPLES; i++) {
    if (i % 2 === 0) {
      a.push(await sample(ten));
      b.push(await sample(big));
    } else {
      b.push(await sample(big));
      a.push(await sample(ten));
    }
  }
  const p50a = quantile(a.map((x) => x.ms), 0.5);
  const p50b = quantile(b.map((x) => x.ms), 0.5);
  console.log(`${label} (load ${load()}):`);
  console.log(`  10 units:  p50 ${p50a.toFixed(1)} ms, p95 ${quantile(a.map((x) => x.ms), 0.95).toFixed(1)} ms; ${a[0]!.calls} calls, ${a[0]!.items} items read; combined attendance ${a[0]!.attendance}`);
  console.log(`  168 units: p50 ${p50b.toFixed(1)} ms, p95 ${quantile(b.map((x) => x.ms), 0.95).toFixed(1)} ms; ${b[0]!.calls} calls, ${b[0]!.items} items read; combined attendance ${b[0]!.attendance}`);
  console.log(`  ratio 168/10: latency p50 ×${(p50b / p50a).toFixed(2)}, calls ×${(b[0]!.calls / a[0]!.calls).toFixed(2)}, items ×${(b[0]!.items / a[0]!.items).toFixed(2)} (units ×${(169 / 11).toFixed(2)} with the ward itself)`);
  return { a, b };
}

const first = await round('2 check-ins per session in both tables');
// The items a read visits are counter-bucket shards: a check-in adds to one of its bucket's
// COUNTER_SHARDS shards, so items stop growing once the shards exist. 16 check-ins per session, then
// 160 (10×), in the 10-unit table's sessions: the items read must stay at most units × buckets × shards.
const addCheckIns = (upTo: number, from: number) =>
  Promise.all(ten.sessions.map(async (id) => {
    for (let k = from; k < upTo; k++) await ten.domain.sessions.checkIn(ADMIN, { sessionId: id, category: 'RESIDENT', count: 10, requestId: `b-${id}-${k}` }, { readAttendance: false });
  }));
await addCheckIns(16, 2);
const second = await round('16 check-ins per session in the 10-unit table');
await addCheckIns(160, 16);
const third = await round('160 check-ins per session (10×) in the 10-unit table');
const bound = 11 * 2 * COUNTER_SHARDS; // 10 predecessors + the ward, 2 session days (buckets) each, COUNTER_SHARDS shards
const [i1, i2, i3] = [first.a[0]!.items, second.a[0]!.items, third.a[0]!.items];
console.log(`10 units, items read with 2 / 16 / 160 check-ins per session: ${i1} / ${i2} / ${i3} (bound: 11 units × 2 buckets × ${COUNTER_SHARDS} shards = ${bound}); attendance ${first.a[0]!.attendance} → ${third.a[0]!.attendance}`);
await stack.stop();
removeDataDir(dataDir);
if (i3 > bound) process.exit(1);
