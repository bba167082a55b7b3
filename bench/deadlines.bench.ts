/**
 * Deadlines benchmark (docs/data-model.md, "Deadlines"): the overdue counts with 10^3 and with 10^5
 * concerns in the table and the same backlog of overdue ones. They must cost the same (ratio ≤ 1.2): a
 * counting Query of the due markers before "now" reads only unanswered concerns.
 * - OVERDUE concerns are raised through the domain (real transactions: concern, counters, activity,
 *   due marker) with a clock in the past, so they are overdue now;
 * - the rest are answered concerns, bulk-written as the answering move leaves them (no due marker).
 * Measured: `summary { overdue wards { overdue } }` over HTTP (11 counting Queries), and the district
 * count in process (one counting Query), median and p95 of SAMPLES runs.
 *
 *   node --import tsx bench/deadlines.bench.ts
 *   env: BENCH_OVERDUE (default 200), BENCH_SMALL (1000), BENCH_BIG (100000)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../functions/domain/kernel/actor.js';
import { createDomain } from '../functions/domain/index.js';
import type { Concern } from '../functions/domain/kernel/model.js';
import { bulkLoadAnsweredConcerns } from '../functions/store/bulk-load.js';
import { createStores } from '../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../infra/local/stack.js';
import { expectData, removeDataDir, startStack } from '../test/support/local-stack.js';

const OVERDUE = Number(process.env.BENCH_OVERDUE ?? 200);
const SMALL = Number(process.env.BENCH_SMALL ?? 1000);
const BIG = Number(process.env.BENCH_BIG ?? 100_000);
const SAMPLES = 30;
const ADMIN: Actor = { id: 'bench-admin', role: 'ADMIN' };
const WARDS = ['phu-thuan-2025', 'phu-thuan-2025', 'tan-thuan-2025', 'tan-hung-2025', 'tan-thuan-2025', 'tan-thuan-2025', 'tan-my-2025', 'tan-thuan-2025', 'tan-my-2025', 'tan-my-2025'];

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-bench-'));
const stack = await startStack({ dataDir });
try {
  const endpoint = /DynamoDB Local on (http:\/\/[^\s]+)/.exec(stack.output())?.[1];
  if (!endpoint) throw new Error('could not find the DynamoDB endpoint');
  const stores = createStores({ tableName: LOCAL_TABLE_NAME, endpoint });
  const domain = createDomain(stores);
  const at = (instant: string) => domain.withClock(() => new Date(instant));
  const token = await stack.token('LEADERSHIP');

  // The backlog: OVERDUE concerns raised in January 2025, spread over the wards, never answered.
  const sessions: string[] = [];
  for (const wardId of WARDS) {
    const s = await at('2025-01-05T02:00:00.000Z').sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: 'Bench', wardId, hostBody: 'UBND', scheduledAt: '2025-01-06T02:00:00.000Z' });
    await at('2025-01-06T02:00:00.000Z').sessions.startSession(ADMIN, s.id);
    sessions.push(s.id);
  }
  for (let i = 0; i < OVERDUE; i += 1) {
    await at(new Date(Date.parse('2025-01-06T03:00:00.000Z') + i * 60_000).toISOString()).concerns.raiseConcern(ADMIN, {
      sessionId: sessions[i % sessions.length],
      topic: `Bench ${i}`,
      text: 'Bench.',
      authority: 'WARD',
      requestId: `bench-overdue-${i}`,
    });
  }

  let loaded = OVERDUE;
  const answered = (n: number): Concern[] =>
    Array.from({ length: n }, (_, k) => {
      const i = loaded + k;
      const raisedAt = new Date(Date.parse('2024-01-01T02:00:00.000Z') + i * 60_000).toISOString();
      const closedAt = new Date(Date.parse(raisedAt) + 3 * 86_400_000).toISOString();
      return {
        id: `01BENCH${String(i).padStart(19, '0')}`,
        sessionId: sessions[i % sessions.length],
        sessionKind: 'PUBLIC',
        wardId: WARDS[i % WARDS.length],
        topic: `Answered ${i}`,
        text: 'Bench.',
        authority: 'WARD',
        status: 'RESOLVED',
        response: 'Done.',
        raisedAt,
        closedAt,
        dueAt: new Date(Date.parse(raisedAt) + 14 * 86_400_000).toISOString(),
        ruleVersion: 0,
        history: [
          { from: null, to: 'OPEN', at: raisedAt, by: 'bench', note: null },
          { from: 'OPEN', to: 'RESOLVED', at: closedAt, by: 'bench', note: null },
        ],
      };
    });

  async function measure(total: number) {
    const http: number[] = [];
    const raw: number[] = [];
    let counted = 0;
    for (let s = 0; s < SAMPLES; s += 1) {
      let t = performance.now();
      const data = expectData<any>(await stack.graphql('{ summary { overdue wards { overdue } } }', {}, token));
      http.push(performance.now() - t);
      counted = data.summary.overdue;
      t = performance.now();
      await domain.concerns.countOverdue({});
      raw.push(performance.now() - t);
    }
    if (counted !== OVERDUE) throw new Error(`summary.overdue is ${counted}, expected ${OVERDUE}`);
    const row = { total, httpP50: quantile(http, 0.5), httpP95: quantile(http, 0.95), rawP50: quantile(raw, 0.5), rawP95: quantile(raw, 0.95) };
    console.log(
      `${String(total).padStart(7)} concerns, ${OVERDUE} overdue: summary{overdue, wards{overdue}} over HTTP p50 ${row.httpP50.toFixed(1)} ms p95 ${row.httpP95.toFixed(1)} ms; ` +
        `district count in process p50 ${row.rawP50.toFixed(1)} ms p95 ${row.rawP95.toFixed(1)} ms (load ${loadavg()[0].toFixed(1)})`,
    );
    return row;
  }

  await bulkLoadAnsweredConcerns(stores.db, LOCAL_TABLE_NAME, answered(SMALL - loaded));
  loaded = SMALL;
  const small = await measure(SMALL);
  const started = performance.now();
  await bulkLoadAnsweredConcerns(stores.db, LOCAL_TABLE_NAME, answered(BIG - loaded));
  loaded = BIG;
  console.log(`loaded ${BIG - SMALL} more answered concerns in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const big = await measure(BIG);
  const ratio = big.httpP50 / small.httpP50;
  console.log(`ratio 10^5 / 10^3 (HTTP p50): ${ratio.toFixed(2)} (goal ≤ 1.2); in process: ${(big.rawP50 / small.rawP50).toFixed(2)}`);
} finally {
  await stack.stop();
  removeDataDir(dataDir);
}
