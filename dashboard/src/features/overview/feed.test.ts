import { describe, expect, it } from 'vitest';
import { groupFeed } from './feed.js';
import type { ActivityItem } from './use-overview-data.js';

const checkIn = (id: string, sessionId: string, count = 1, category = 'RESIDENT'): ActivityItem => ({ id, at: `2026-12-01T0${id.length}:00:00Z`, action: 'CHECKED_IN', description: '', sessionId, count, category });
const other = (id: string): ActivityItem => ({ id, at: '2026-12-01T00:00:00Z', action: 'CONCERN_RAISED', description: '', concernTopic: 'x' });

describe('groupFeed', () => {
  it('merges consecutive check-ins at one session into one line with their total', () => {
    const items = Array.from({ length: 34 }, (_, i) => checkIn(`c${34 - i}`, 's1'));
    const lines = groupFeed(items);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.checkIns).toMatchObject({ total: 34 });
    expect(lines[0]!.checkIns!.entries).toHaveLength(34);
  });

  it('sums counts, keeps runs at other sessions and other entries apart, in order', () => {
    const lines = groupFeed([checkIn('a', 's1', 3), checkIn('b', 's1', 2, 'PARTY_MEMBER'), checkIn('c', 's2'), other('d'), checkIn('e', 's1', 5)]);
    expect(lines.map((l) => [l.item.id, l.checkIns?.total])).toEqual([['a', 5], ['c', 1], ['d', undefined], ['e', 5]]);
  });

  it("keeps a growing run's key (the oldest entry's) so the line stays put", () => {
    const before = groupFeed([checkIn('b', 's1'), checkIn('a', 's1')]);
    const after = groupFeed([checkIn('c', 's1'), checkIn('b', 's1'), checkIn('a', 's1')]);
    expect(after[0]!.key).toBe(before[0]!.key);
    expect(after[0]!.checkIns!.total).toBe(3);
  });

  it('shows at most maxLines lines', () => {
    const items = Array.from({ length: 30 }, (_, i) => other(`o${i}`));
    expect(groupFeed(items, 20)).toHaveLength(20);
  });
});
