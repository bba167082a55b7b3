/**
 * What choosing a jurisdiction costs at start (docs/performance.md, "Jurisdictions"): `npm start`'s
 * entry point with DEMO=0 on an empty data directory, the default area (functions/data/units.json,
 * 14 units) against JURISDICTION=79 (Ho Chi Minh City from the national reference: 610 units, 493
 * links), RUNS alternating pairs, from spawn until the stack answers; and, in fresh Node processes,
 * building the city's jurisdiction from infra/units/vn-2025/79.json alone.
 *
 *   node --import tsx bench/jurisdiction.bench.ts     env: BENCH_RUNS (5)
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { removeDataDir, startStack } from '../test/support/local-stack.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const build: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', `
    const t = performance.now();
    const { jurisdictionFromSpec } = await import('./infra/units/national.ts');
    const j = jurisdictionFromSpec('79');
    console.log(JSON.stringify({ ms: performance.now() - t, units: j.units.length }));`], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
  build.push((JSON.parse(out) as { ms: number }).ms);
}
console.log(`building JURISDICTION=79 in a fresh process (import, read, check): median ${median(build).toFixed(0)} ms over ${RUNS}`);

const startMs: Record<'default' | 'city', number[]> = { default: [], city: [] };
for (let i = 0; i < RUNS; i++) {
  for (const side of (i % 2 === 0 ? ['default', 'city'] : ['city', 'default']) as ('default' | 'city')[]) {
    const t = performance.now();
    const stack = await startStack({ env: side === 'city' ? { JURISDICTION: '79' } : {} });
    startMs[side].push(performance.now() - t);
    await stack.stop();
    removeDataDir(stack.dataDir);
  }
}
const [a, b] = [median(startMs.default), median(startMs.city)];
console.log(`npm start (DEMO=0, empty data) until it answers: default area median ${a.toFixed(0)} ms, JURISDICTION=79 median ${b.toFixed(0)} ms: ×${(b / a).toFixed(2)}, +${(b - a).toFixed(0)} ms (load ${loadavg()[0].toFixed(2)})`);
