// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../lib/offline-queue.js';
import { MINUTES_QUEUE_KEY, MinutesQueue, minutesStorage, type QueuedInput } from './minutes-queue.js';

/** The API's side with the contract's rule: a repeated requestId creates nothing new. */
function fakeApi() {
  const created = new Map<string, QueuedInput>();
  const state = { online: false, loseAnswers: false, sends: 0 };
  return {
    state,
    created,
    async send(item: QueuedInput): Promise<SendOutcome> {
      state.sends += 1;
      if (!state.online) return { status: 'retry', reason: 'Failed to fetch' };
      if (!item.topic.trim()) return { status: 'rejected', message: 'topic must not be empty' };
      if (!created.has(item.requestId)) created.set(item.requestId, item);
      return state.loseAnswers ? { status: 'retry', reason: 'the answer was lost' } : { status: 'sent' };
    },
  };
}
const settle = () => new Promise((done) => setTimeout(done, 0));
const item = (topic: string, supporters = 1) => ({ wardId: 'tan-hung-2025', neighbourhoodId: 'tan-hung-2025-kp3', channel: 'NEIGHBOURHOOD_MEETING' as const, topic, text: 'Nội dung.', supporters });

describe("the minutes form's queue", () => {
  beforeEach(() => localStorage.clear());

  it('keeps items typed offline (across a reload) and creates each exactly once when the network returns, answers lost or not', async () => {
    const api = fakeApi();
    const first = new MinutesQueue({ storage: minutesStorage(), send: api.send, retryDelay: () => 60_000 });
    first.add(item('Ngập nước', 23));
    first.add(item('Đèn đường hỏng', 4));
    await settle();
    expect(first.pending).toBe(2);
    expect(JSON.parse(localStorage.getItem(MINUTES_QUEUE_KEY)!)).toHaveLength(2);
    first.stop();

    // The page is reloaded; the network is back but the first answers are lost: each item is re-sent with its own requestId.
    api.state.online = true;
    api.state.loseAnswers = true;
    const again = new MinutesQueue({ storage: minutesStorage(), send: api.send, retryDelay: () => 0, maxAttempts: 100 });
    void again.start();
    await settle();
    api.state.loseAnswers = false;
    await again.flush();
    await new Promise((done) => setTimeout(done, 20));
    await again.flush();
    expect(again.pending).toBe(0);
    expect([...api.created.values()].map((i) => [i.topic, i.supporters])).toEqual([
      ['Ngập nước', 23],
      ['Đèn đường hỏng', 4],
    ]);
    expect(api.state.sends).toBeGreaterThan(2);
  });

  it('sets aside an item the API refuses, with its message, and goes on with the next', async () => {
    const api = fakeApi();
    api.state.online = true;
    const queue = new MinutesQueue({ storage: minutesStorage(), send: api.send });
    queue.add(item(' '));
    queue.add(item('Rác thải'));
    await queue.flush();
    await queue.flush();
    expect(queue.pending).toBe(0);
    expect(queue.rejections.map((r) => r.message)).toEqual(['topic must not be empty']);
    expect([...api.created.values()].map((i) => i.topic)).toEqual(['Rác thải']);
  });
});
