/**
 * Tax figures (docs/performance.md, "## Tax dialogues", issue #27): `taxDialogueStats(year)` over a
 * year of a city's tax rounds reads a number of items bounded by the rounds (their counter shards and
 * the businesses that came), however many questions the rounds hold.
 *
 * Two stream-less tables in the stack's DynamoDB Local, seeded alike through the domain (clock in 2031):
 * ROUNDS rounds a year hosted by the Thuế cơ sở, each with 10 businesses checked in, questions sent in
 * advance, concerns raised with a topic, most answered (in the room or by letter) and some escalated.
 *   - `few`:  FEW concerns and FEW questions in advance per round;
 *   - `many`: MANY of each per round.
 * Samples alternate (few, many, many, few, …); each counts the DynamoDB calls and items read. The open
 * concerns are all past their deadline at the measuring clock (2032-06), so the overdue figure is read
 * as its worst case: one due marker per open question.
 *
 *   node --import tsx bench/tax.bench.ts
 *   env: BENCH_ROUNDS (24), BENCH_FEW (5), BENCH_MANY (100), BENCH_SAMPLES (20)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDomain } from '../functions/domain/index.js';
import { TAX_TOPICS } from '../functions/domain/kernel/tax-topics.js';
import { createStores } from '../functions/store/index.js';
import { createBenchTable } from './bench-tables.js';
import { removeDataDir, startStack } from '../test/support/local-stack.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 24);
const FEW = Number(process.env.BENCH_FEW ?? 5);
const MANY = Number(process.env.BENCH_MANY ?? 100);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const YEAR = { from: '2030-12-31T17:00:00.000Z', to: '2031-12-31T17:00:00.000Z' }; // 2031 in Vietnam
const MEASURED_AT = new Date('2032-06-01T02:00:00.000Z');
const TAX = { id: 'bench-tax', role: 'TAX_OFFICER' as const };

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
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

/** One side: stores on its own table, every DynamoDB call counted. */
async function side(tableName: string, perRound: number) {
  await createBenchTable(endpoint!, tableName);
  const stores = createStores({ tableName, endpoint });
  const stats = { calls: 0, items: 0 };
  const send = stores.db.send.bind(stores.db) as (...a: unknown[]) => Promise<any>;
  (stores.db as { send: unknown }).send = async (...a: unknown[]) => {
    const out = await send(...a);
    stats.calls += 1;
    stats.items += typeof out?.ScannedCount === 'number' ? out.ScannedCount : out?.Item ? 1 : 0; // items read, filtered out or not
    return out;
  };
  return { tableName, perRound, stores, stats, domain: createDomain(stores) };
}
type Side = Awaited<ReturnType<typeof side>>;

/** A year of rounds: each with 10 businesses, `perRound` questions in advance and `perRound` concerns (4 in 5 answered). */
async function seed(s: Side): Promise<{ questions: number; concerns: number; open: number }> {
  const at = (iso: string) => s.domain.withClock(() => new Date(iso));
  await s.domain.wards.ensureReferenceWards();
  const wards = (await at(YEAR.to).wards.listWards()).map((w) => w.id);
  const firms = await Promise.all(Array.from({ length: 60 }, (_, i) => at('2031-01-02T02:00:00.000Z').businesses.registerBusiness(TAX, { taxCode: `0319${String(100_000 + i).padStart(6, '0')}`, name: `Bench ${i}`, sector: (['TRADE', 'SERVICES', 'CONSTRUCTION', 'TRANSPORT'] as const)[i % 4], wardId: wards[i % wards.length] })));
  let questions = 0;
  let concerns = 0;
  let open = 0;
  for (let r = 0; r < ROUNDS; r += 1) {
    const t = new Date(Date.UTC(2031, Math.floor((r * 12) / ROUNDS), 3 + (r % 20), 1)).toISOString();
    const plus = (minutes: number) => new Date(Date.parse(t) + minutes * 60_000).toISOString();
    const round = await at(plus(-30 * 24 * 60)).sessions.scheduleSession(TAX, { kind: 'BUSINESS_TAX', title: `Bench round ${r}`, hostBody: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', scheduledAt: t });
    await pool(s.perRound, 8, async (q) => {
      await at(plus(-10 * 24 * 60 + q)).tax.submitQuestion({ publicClient: 'bench' }, { sessionId: round.id, taxCode: firms[(r + q) % firms.length]!.taxCode, topic: TAX_TOPICS[q % TAX_TOPICS.length]!, text: `Bench question ${r}/${q}`, requestId: `bench-q-${r}-${q}` });
    });
    questions += s.perRound;
    await at(t).sessions.startSession(TAX, round.id);
    await pool(10, 5, async (b) => {
      await at(plus(5 + b)).sessions.checkIn(TAX, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', count: 1, businessId: firms[(r * 10 + b) % firms.length]!.id, requestId: `bench-c-${r}-${b}` }, { readAttendance: false });
    });
    await pool(s.perRound, 8, async (q) => {
      const c = await at(plus(30 + q)).concerns.raiseConcern(TAX, { sessionId: round.id, businessId: firms[(r + q) % firms.length]!.id, topic: `Bench ${q}`, text: 'Bench concern', authority: 'WARD', taxTopic: TAX_TOPICS[q % TAX_TOPICS.length], requestId: `bench-r-${r}-${q}` });
      if (q % 5 === 4) return;
      await at(plus(60 + q)).concerns.moveConcern(TAX, q % 2 ? { concernId: c.id, to: 'ANSWERED_ON_SPOT', response: 'Trả lời tại chỗ', answerForm: 'ON_THE_SPOT' } : { concernId: c.id, to: 'RESOLVED', response: 'Trả lời bằng văn bản', answerForm: 'IN_WRITING', answerDocument: `${q}/TCS7 ngày 01/12/2031` });
    });
    concerns += s.perRound;
    open += Math.floor(s.perRound / 5);
    await at(plus(180)).sessions.closeSession(TAX, round.id);
  }
  return { questions, concerns, open };
}

const few = await side('bench-tax-few', FEW);
const many = await side('bench-tax-many', MANY);
const t = performance.now();
const seededFew = await seed(few);
const seededMany = await seed(many);
console.log(`seeded ${ROUNDS} rounds on each side in ${((performance.now() - t) / 1000).toFixed(0)} s: few ${JSON.stringify(seededFew)}, many ${JSON.stringify(seededMany)}`);

const samples = new Map<Side, { ms: number[]; calls: number; items: number; raised: number; overdue: number }>([
  [few, { ms: [], calls: 0, items: 0, raised: 0, overdue: 0 }],
  [many, { ms: [], calls: 0, items: 0, raised: 0, overdue: 0 }],
]);
async function sample(s: Side) {
  Object.assign(s.stats, { calls: 0, items: 0 });
  const started = performance.now();
  const stats = await s.domain.withClock(() => MEASURED_AT).tax.dialogueStats(YEAR);
  const into = samples.get(s)!;
  into.ms.push(performance.now() - started);
  Object.assign(into, { calls: s.stats.calls, items: s.stats.items, raised: stats.byTopic.reduce((n, r) => n + r.raised, 0), overdue: stats.byTopic.reduce((n, r) => n + r.overdue, 0) });
  if (stats.rounds !== ROUNDS) throw new Error(`expected ${ROUNDS} rounds, read ${stats.rounds}`);
}
for (let i = 0; i < SAMPLES; i += 1) for (const s of i % 2 ? [many, few] : [few, many]) await sample(s);

const row = (name: string, s: Side) => {
  const x = samples.get(s)!;
  return `| ${name} | ${s.perRound * ROUNDS} | ${x.raised} | ${x.overdue} | ${x.calls} | ${x.items} | ${quantile(x.ms, 0.5).toFixed(1)} ms | ${quantile(x.ms, 0.95).toFixed(1)} ms |`;
};
console.log(`\ntaxDialogueStats(2031): ${ROUNDS} rounds, ${SAMPLES} samples a side, interleaved; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('| side | questions in advance | concerns raised (read) | overdue (read) | DynamoDB calls | items read | p50 | p95 |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(row('few', few));
console.log(row('many', many));
const a = samples.get(few)!;
const b = samples.get(many)!;
console.log(`\nmany / few: questions ×${(MANY / FEW).toFixed(0)}; calls ×${(b.calls / a.calls).toFixed(2)}, items ×${(b.items / a.items).toFixed(2)}, p50 ×${(quantile(b.ms, 0.5) / quantile(a.ms, 0.5)).toFixed(2)}`);
console.log(`items beyond the overdue markers: few ${a.items - a.overdue}, many ${b.items - b.overdue}`);

await stack.stop();
removeDataDir(dataDir);
process.exit(0);
