// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { CheckInQueue, KIOSK_QUEUE_KEY, localStorageQueue, type QueuedCheckIn, type SendOutcome } from './kiosk-queue.js';

/** A stand-in for the API with the contract's idempotency: a repeated requestId counts once. */
function fakeApi() {
  const counted = new Map<string, number>();
  let online = true;
  let loseAnswers = false;
  const api = {
    sends: 0,
    setOnline(value: boolean) { online = value; },
    loseNextAnswers(value: boolean) { loseAnswers = value; },
    attendance: () => [...counted.values()].reduce((a, b) => a + b, 0),
    async send(item: QueuedCheckIn): Promise<SendOutcome> {
      api.sends++;
      if (!online) return { status: 'retry', reason: 'Failed to fetch' };
      if (item.sessionId === 'closed') return { status: 'rejected', message: 'Session closed is CLOSED; check-ins are accepted only while LIVE' };
      if (!counted.has(item.requestId)) counted.set(item.requestId, item.count);
      if (loseAnswers) return { status: 'retry', reason: 'the answer was lost' };
      return { status: 'sent' };
    },
  };
  return api;
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the kiosk queue', () => {
  beforeEach(() => localStorage.clear());

  it('keeps taps made while offline in storage and sends each exactly once when the network returns', async () => {
    const api = fakeApi();
    api.setOnline(false);
    const queue = new CheckInQueue({ storage: localStorageQueue(), send: api.send, retryDelay: () => 60_000 });
    for (let i = 0; i < 5; i++) queue.enqueue({ sessionId: 's1', category: 'RESIDENT' });
    queue.enqueue({ sessionId: 's1', category: 'YOUTH_UNION_MEMBER', count: 12 });
    await settle();
    expect(queue.pending).toBe(6);
    expect(queue.pendingFor('s1')).toBe(17);
    const stored = JSON.parse(localStorage.getItem(KIOSK_QUEUE_KEY)!) as QueuedCheckIn[];
    expect(new Set(stored.map((item) => item.requestId)).size).toBe(6);

    api.setOnline(true);
    await queue.flush();
    expect(queue.pending).toBe(0);
    expect(api.attendance()).toBe(17);
    expect(JSON.parse(localStorage.getItem(KIOSK_QUEUE_KEY)!)).toEqual([]);
    queue.stop();
  });

  it('resends with the same requestId when an answer is lost, so the API counts it once', async () => {
    const api = fakeApi();
    api.loseNextAnswers(true);
    const queue = new CheckInQueue({ storage: localStorageQueue(), send: api.send, retryDelay: () => 60_000 });
    queue.enqueue({ sessionId: 's1', category: 'RESIDENT', count: 3 });
    await settle();
    expect(queue.pending).toBe(1);
    api.loseNextAnswers(false);
    await queue.flush();
    expect(api.sends).toBe(2);
    expect(queue.pending).toBe(0);
    expect(api.attendance()).toBe(3);
    queue.stop();
  });

  it('picks up the taps a previous page left in storage', async () => {
    const api = fakeApi();
    api.setOnline(false);
    const first = new CheckInQueue({ storage: localStorageQueue(), send: api.send, retryDelay: () => 60_000 });
    first.enqueue({ sessionId: 's1', category: 'PARTY_MEMBER' });
    first.enqueue({ sessionId: 's1', category: 'OFFICIAL' });
    await settle();
    first.stop();

    api.setOnline(true);
    const reloaded = new CheckInQueue({ storage: localStorageQueue(), send: api.send });
    expect(reloaded.pending).toBe(2);
    await reloaded.flush();
    expect(reloaded.pending).toBe(0);
    expect(api.attendance()).toBe(2);
  });

  it('sets aside a check-in the API refuses for good, with its message, and goes on with the rest', async () => {
    const api = fakeApi();
    const queue = new CheckInQueue({ storage: localStorageQueue(), send: api.send });
    queue.enqueue({ sessionId: 'closed', category: 'RESIDENT' });
    queue.enqueue({ sessionId: 's1', category: 'RESIDENT' });
    await queue.flush();
    await settle();
    expect(queue.pending).toBe(0);
    expect(api.attendance()).toBe(1);
    expect(queue.rejections).toHaveLength(1);
    expect(queue.rejections[0]!.message).toMatch(/CLOSED/);
  });

  it('abandons a send that never answers and tries again with the same requestId', async () => {
    const api = fakeApi();
    const requestIds: string[] = [];
    let hang = true;
    const queue = new CheckInQueue({
      storage: localStorageQueue(),
      sendTimeoutMs: 20,
      retryDelay: () => 10,
      send: (item) => {
        requestIds.push(item.requestId);
        return hang ? new Promise<SendOutcome>(() => undefined) : api.send(item);
      },
    });
    queue.enqueue({ sessionId: 's1', category: 'RESIDENT' });
    await new Promise((done) => setTimeout(done, 30));
    hang = false;
    await new Promise((done) => setTimeout(done, 60));
    expect(queue.pending).toBe(0);
    expect(new Set(requestIds).size).toBe(1);
    expect(requestIds.length).toBeGreaterThan(1);
    expect(api.attendance()).toBe(1);
    queue.stop();
  });

  it('sends again after being stopped and started, as React does with every effect in StrictMode', async () => {
    const api = fakeApi();
    const queue = new CheckInQueue({ storage: localStorageQueue(), send: api.send });
    await queue.start();
    queue.stop();
    await queue.start();
    queue.enqueue({ sessionId: 's1', category: 'RESIDENT', count: 4 });
    await queue.flush();
    expect(queue.pending).toBe(0);
    expect(api.attendance()).toBe(4);
  });

  it('tries again by itself after a failed send', async () => {
    const api = fakeApi();
    api.setOnline(false);
    const queue = new CheckInQueue({ storage: localStorageQueue(), send: api.send, retryDelay: () => 20 });
    queue.enqueue({ sessionId: 's1', category: 'RESIDENT' });
    await settle();
    api.setOnline(true);
    await new Promise((done) => setTimeout(done, 80));
    expect(queue.pending).toBe(0);
    expect(api.attendance()).toBe(1);
    queue.stop();
  });
});
