import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { plannedCheckIns, pool, sendCheckIn, sum, type Outcome } from './check-in-client.js';
import { FAULT_WARD, readAttendance, startLiveSession } from './setup-session.js';

/** True while a DynamoDB Local of this DATA_DIR still runs (the killed stack's wrapper stops it). */
function dynamoStillRunning(dataDir: string): boolean {
  const dbPath = join(resolve(dataDir), 'dynamodb');
  return readdirSync('/proc').some((entry) => {
    try {
      return /^\d+$/.test(entry) && readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(dbPath);
    } catch {
      return false;
    }
  });
}

describe('the whole stack killed (kill -9) during 1,000 check-ins', () => {
  let first: RunningStack;
  let second: RunningStack | undefined;
  let sessionId: string;
  let officer: string;
  const planned = plannedCheckIns(1000);
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    first = await startStack();
    sessionId = await startLiveSession(first, 'Đối thoại trực tiếp: mất điện giữa buổi');
    officer = await first.token('WARD_OFFICER', FAULT_WARD, 'officer-kill');
    let acknowledged = 0;
    let killed = false;
    const killer = (async () => {
      while (acknowledged < 400) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      await first.kill();
    })();
    // Devices send until the server is gone; what they never sent, or sent without an answer, is retried later.
    await pool(planned, 16, async ({ requestId, count }) => {
      if (killed) return;
      const outcome: Outcome = { requestId, count, acknowledged: false, answers: [], latencies: [] };
      outcomes.set(requestId, outcome);
      const { answer, ms } = await sendCheckIn(first.url, officer, sessionId, requestId, count, 10_000);
      outcome.answers.push(answer);
      outcome.latencies.push(ms);
      if (answer === 'ok') {
        outcome.acknowledged = true;
        acknowledged += 1;
      }
    });
    await killer;
    const deadline = Date.now() + 20_000;
    while (dynamoStillRunning(first.dataDir) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    second = await startStack({ dataDir: first.dataDir });
  });

  afterAll(async () => {
    await first?.kill();
    await second?.stop();
    if (first) removeDataDir(first.dataDir);
  });

  it('was killed with check-ins acknowledged, some unanswered and some never sent', () => {
    const acked = [...outcomes.values()].filter((o) => o.acknowledged);
    const unanswered = [...outcomes.values()].filter((o) => !o.acknowledged);
    console.log(`killed after ${acked.length} acknowledged, ${unanswered.length} in flight (${unanswered.map((o) => o.answers[0]).join(',')}), ${planned.length - outcomes.size} never sent`);
    expect(acked.length).toBeGreaterThanOrEqual(400);
    expect(outcomes.size).toBeLessThan(planned.length);
    expect(unanswered.every((o) => o.answers[0] === 'network')).toBe(true);
  });

  it('after restart, counts every acknowledged check-in, plus at most those sent without an answer', async () => {
    const acked = sum([...outcomes.values()].filter((o) => o.acknowledged).map((o) => o.count));
    const unanswered = sum([...outcomes.values()].filter((o) => !o.acknowledged).map((o) => o.count));
    const after = await readAttendance(second!, sessionId);
    expect(after.session).toBeGreaterThanOrEqual(acked);
    expect(after.session).toBeLessThanOrEqual(acked + unanswered);
    expect(after.ward).toBe(after.session);
    expect(after.district).toBe(after.session);
  });

  it('counts an acknowledged check-in exactly once when its device repeats it after the restart', async () => {
    const before = await readAttendance(second!, sessionId);
    const acked = [...outcomes.values()].filter((o) => o.acknowledged);
    await pool(acked, 16, async (o) => {
      const repeat = await sendCheckIn(second!.url, officer, sessionId, o.requestId, o.count);
      expect(repeat).toMatchObject({ answer: 'ok', delta: o.count });
    });
    // Had any acknowledged check-in been lost, its repeat would have counted it now.
    expect(await readAttendance(second!, sessionId)).toEqual(before);
  });

  it('ends with exactly the 1,000 check-ins once every device has retried what it had not seen acknowledged', async () => {
    const pending = planned.filter((p) => !outcomes.get(p.requestId)?.acknowledged);
    await pool(pending, 16, async (p) => {
      const result = await sendCheckIn(second!.url, officer, sessionId, p.requestId, p.count);
      expect(result).toMatchObject({ answer: 'ok', delta: p.count });
    });
    const total = sum(planned.map((p) => p.count));
    expect(await readAttendance(second!, sessionId)).toEqual({ session: total, ward: total, district: total });
  });
});
