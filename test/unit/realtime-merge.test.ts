import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../../functions/realtime/backoff.js';
import { conflationKey, mergeEvents, once, type RealtimeEvent } from '../../functions/realtime/events.js';

const checkIn = (id: string, delta: number, at: string, attendance: number): RealtimeEvent => ({
  field: 'attendanceChanged',
  id,
  sessionId: 's1',
  wardId: 'tan-hung',
  delta,
  at,
  value: once(async () => ({ sessionId: 's1', delta, at, attendance })),
});

describe('conflation of events (publish.ts merges what one invocation claimed)', () => {
  it('sums the deltas, keeps the latest time, and reads the attendance of the last', async () => {
    const merged = mergeEvents([
      checkIn('e1', 2, '2026-12-02T03:00:01.000Z', 10),
      checkIn('e2', 5, '2026-12-02T03:00:03.000Z', 17),
      checkIn('e3', 1, '2026-12-02T03:00:02.000Z', 18),
    ]);
    expect(merged).toMatchObject({ field: 'attendanceChanged', id: 'e3', sessionId: 's1', wardId: 'tan-hung', delta: 8, at: '2026-12-02T03:00:03.000Z' });
    expect(await merged.value()).toEqual({ sessionId: 's1', delta: 8, at: '2026-12-02T03:00:03.000Z', attendance: 18 });
  });

  it('leaves a single event exactly as it is', () => {
    const single = checkIn('e1', 2, '2026-12-02T03:00:01.000Z', 10);
    expect(mergeEvents([single])).toBe(single);
  });

  it('keeps the latest state of a concern', () => {
    const moves: RealtimeEvent[] = ['OPEN', 'IN_PROGRESS', 'RESOLVED'].map((status, i) => ({ field: 'concernChanged', id: `c${i}`, concernId: 'k1', value: async () => ({ status }) }));
    expect(mergeEvents(moves)).toBe(moves[2]);
  });

  it('merges per session and per concern, never across them', () => {
    const other: RealtimeEvent = { ...checkIn('e9', 1, '2026-12-02T03:00:01.000Z', 1), sessionId: 's2' } as RealtimeEvent;
    expect(conflationKey(checkIn('e1', 1, 'x', 1))).toBe('attendance:s1');
    expect(conflationKey(other)).toBe('attendance:s2');
    expect(conflationKey({ field: 'concernChanged', id: 'c', concernId: 'k1', value: async () => null })).toBe('concern:k1');
  });
});

describe('backoff with full jitter', () => {
  it('waits a random time below min(cap, base × 2^attempt)', () => {
    expect(fullJitterDelay(0, 25, 2_000, () => 0.999)).toBeCloseTo(24.975);
    expect(fullJitterDelay(3, 25, 2_000, () => 0.5)).toBe(100);
    expect(fullJitterDelay(10, 25, 2_000, () => 0.5)).toBe(1_000); // capped at 2 s
    expect(fullJitterDelay(4, 25, 2_000, () => 0)).toBe(0);
  });
});
