import { describe, expect, it } from 'vitest';
import { agendaNow } from './agenda-now.js';

describe("the wallboard's current agenda item", () => {
  const item = (id: string, status: string, concern?: { status: string; raisedAt: string }) => ({ id, topic: id, status, concern });
  it('is the item raised last whose concern is still open', () => {
    const agenda = [item('a', 'RAISED', { status: 'ANSWERED_ON_SPOT', raisedAt: '2026-12-06T01:10:00Z' }), item('b', 'RAISED', { status: 'OPEN', raisedAt: '2026-12-06T01:20:00Z' }), item('c', 'RAISED', { status: 'OPEN', raisedAt: '2026-12-06T01:05:00Z' }), item('d', 'SELECTED')];
    expect(agendaNow(agenda)).toEqual({ item: agenda[1], state: 'now' });
  });
  it('is the next item to raise once every raised one is answered, and nothing after the last', () => {
    const agenda = [item('a', 'RAISED', { status: 'ANSWERED_ON_SPOT', raisedAt: '2026-12-06T01:10:00Z' }), item('d', 'SELECTED'), item('e', 'SELECTED')];
    expect(agendaNow(agenda)).toEqual({ item: agenda[1], state: 'next' });
    expect(agendaNow([agenda[0]!])).toBeUndefined();
    expect(agendaNow([])).toBeUndefined();
  });
});
