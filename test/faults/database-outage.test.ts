import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDynamoDbProcess, type DynamoDbProcess } from '../support/dynamodb-process.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { plannedCheckIns, pool, sendCheckIn, sum, type Outcome } from './check-in-client.js';
import { FAULT_WARD, readAttendance, startLiveSession } from './setup-session.js';

const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'network', 'timeout']);

describe('DynamoDB Local stopped in the middle of a check-in load', () => {
  let stack: RunningStack;
  let dynamo: DynamoDbProcess | undefined;
  let sessionId: string;
  let officer: string;
  const outcomes: Outcome[] = [];
  const outage = { start: 0, end: 0 };

  beforeAll(async () => {
    stack = await startStack();
    sessionId = await startLiveSession(stack, 'Đối thoại trực tiếp: sự cố cơ sở dữ liệu');
    officer = await stack.token('WARD_OFFICER', FAULT_WARD, 'officer-outage');

    const planned = plannedCheckIns(400);
    let acknowledged = 0;
    const controller = (async () => {
      while (acknowledged < 100) await new Promise((r) => setTimeout(r, 20));
      dynamo = findDynamoDbProcess(stack.dataDir);
      outage.start = performance.now();
      await dynamo.kill();
      await new Promise((r) => setTimeout(r, 3_000));
      dynamo = await dynamo.restart();
      outage.end = performance.now();
    })();
    await pool(planned, 10, async ({ requestId, count }) => {
      const outcome: Outcome = { requestId, count, acknowledged: false, answers: [], latencies: [] };
      outcomes.push(outcome);
      for (let attempt = 0; attempt < 300 && !outcome.acknowledged; attempt++) {
        const { answer, ms } = await sendCheckIn(stack.url, officer, sessionId, requestId, count);
        outcome.answers.push(answer);
        outcome.latencies.push(ms);
        if (answer === 'ok') {
          outcome.acknowledged = true;
          acknowledged += 1;
        } else if (RETRYABLE.has(answer)) {
          await new Promise((r) => setTimeout(r, 200));
        } else {
          break;
        }
      }
    });
    await controller;
  });

  afterAll(async () => {
    await stack?.stop();
    await dynamo?.kill(); // the restarted DynamoDB Local is this test's child, not the stack's
    if (stack) removeDataDir(stack.dataDir);
  });

  it('answers during the outage with SERVICE_UNAVAILABLE, fast, never with a hang or an internal error', () => {
    const answers = outcomes.flatMap((o) => o.answers);
    expect(answers.filter((a) => a === 'SERVICE_UNAVAILABLE').length).toBeGreaterThan(0);
    expect(answers.filter((a) => a !== 'ok' && a !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    const refusals = outcomes.flatMap((o) => o.latencies.filter((_, i) => o.answers[i] === 'SERVICE_UNAVAILABLE'));
    // A hang would be the SDK's 5 s request timeout × 3 attempts; the generous bound only separates "fast" from "hung".
    expect(Math.max(...refusals)).toBeLessThan(10_000);
    console.log(
      `outage ${Math.round(outage.end - outage.start)} ms: ${refusals.length} SERVICE_UNAVAILABLE answers, ` +
        `median ${Math.round(refusals.sort((a, b) => a - b)[Math.floor(refusals.length / 2)])} ms, max ${Math.round(Math.max(...refusals))} ms`,
    );
  });

  it('recovers by itself when the database returns: every check-in is acknowledged after retries', () => {
    expect(outcomes).toHaveLength(400);
    expect(outcomes.filter((o) => !o.acknowledged)).toEqual([]);
    expect(outcomes.some((o) => o.answers.length > 1)).toBe(true);
  });

  it('counts every acknowledged check-in exactly once, everywhere', async () => {
    const expected = sum(outcomes.map((o) => o.count));
    expect(await readAttendance(stack, sessionId)).toEqual({ session: expected, ward: expected, district: expected });
  });

  it('counts nothing again when every device repeats its requests', async () => {
    const before = await readAttendance(stack, sessionId);
    await pool(outcomes, 10, async (o) => {
      const repeat = await sendCheckIn(stack.url, officer, sessionId, o.requestId, o.count);
      expect(repeat).toMatchObject({ answer: 'ok', delta: o.count });
    });
    expect(await readAttendance(stack, sessionId)).toEqual(before);
  });
});
