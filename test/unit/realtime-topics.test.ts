import { describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../functions/realtime/events.js';
import { targetMatches, topicOf, topicsOf } from '../../functions/realtime/topics.js';

const value = async () => undefined;
const checkIn = (sessionId: string, wardId?: string): RealtimeEvent => ({ field: 'attendanceChanged', id: 'e1', sessionId, wardId, delta: 1, at: '2026-12-02T00:00:00.000Z', value });
const concern = (wardId?: string): RealtimeEvent => ({ field: 'concernChanged', id: 'e2', concernId: 'c1', wardId, value });

describe('subscription topics', () => {
  it('files a session subscription under the session, and checks a ward given with it as a filter', () => {
    expect(topicOf({ field: 'attendanceChanged', args: { sessionId: 's1' } })).toEqual({ topic: 'ATTENDANCE#SESSION#s1' });
    expect(topicOf({ field: 'attendanceChanged', args: { sessionId: 's1', wardId: 'tan-hung' } })).toEqual({ topic: 'ATTENDANCE#SESSION#s1', filter: { wardId: 'tan-hung' } });
    expect(topicOf({ field: 'attendanceChanged', args: { wardId: 'tan-hung' } })).toEqual({ topic: 'ATTENDANCE#WARD#tan-hung' });
    expect(topicOf({ field: 'attendanceChanged', args: {} })).toEqual({ topic: 'ATTENDANCE#ALL' });
  });

  it("publishes a check-in to its session's, its ward's and the every-session topic", () => {
    expect(topicsOf(checkIn('s1', 'phu-my'))).toEqual(['ATTENDANCE#SESSION#s1', 'ATTENDANCE#WARD#phu-my', 'ATTENDANCE#ALL']);
    expect(topicsOf(checkIn('s2'))).toEqual(['ATTENDANCE#SESSION#s2', 'ATTENDANCE#ALL']); // a district session has no ward
  });

  it('never matches a subscriber on another ward or another session', () => {
    expect(targetMatches({ field: 'attendanceChanged', args: { wardId: 'tan-kieng' } }, checkIn('s1', 'phu-my'))).toBe(false);
    expect(targetMatches({ field: 'attendanceChanged', args: { sessionId: 's1', wardId: 'tan-kieng' } }, checkIn('s1', 'phu-my'))).toBe(false);
    expect(targetMatches({ field: 'attendanceChanged', args: { sessionId: 's9' } }, checkIn('s1', 'phu-my'))).toBe(false);
    expect(targetMatches({ field: 'attendanceChanged', args: { sessionId: 's1', wardId: 'phu-my' } }, checkIn('s1', 'phu-my'))).toBe(true);
    expect(targetMatches({ field: 'attendanceChanged', args: {} }, checkIn('s1'))).toBe(true);
  });

  it('matches concerns by ward, or all of them without an argument, and never across fields', () => {
    expect(targetMatches({ field: 'concernChanged', args: { wardId: 'tan-quy' } }, concern('tan-quy'))).toBe(true);
    expect(targetMatches({ field: 'concernChanged', args: { wardId: 'tan-quy' } }, concern('phu-my'))).toBe(false);
    expect(targetMatches({ field: 'concernChanged', args: {} }, concern())).toBe(true);
    expect(targetMatches({ field: 'summaryChanged', args: {} }, concern('tan-quy'))).toBe(false);
    expect(targetMatches({ field: 'attendanceChanged', args: {} }, concern('tan-quy'))).toBe(false);
  });

  it('also delivers a concern handed over by a reorganisation to the ward that handles it now, once per topic', () => {
    const handedOver: RealtimeEvent = { field: 'concernChanged', id: 'e3', concernId: 'c2', wardId: 'tan-kieng', handledBy: 'tan-hung-2025', value };
    expect(targetMatches({ field: 'concernChanged', args: { wardId: 'tan-hung-2025' } }, handedOver)).toBe(true);
    expect(targetMatches({ field: 'concernChanged', args: { wardId: 'tan-kieng' } }, handedOver)).toBe(true);
    expect(targetMatches({ field: 'concernChanged', args: { wardId: 'tan-my-2025' } }, handedOver)).toBe(false);
    expect(topicsOf({ ...handedOver, handledBy: 'tan-kieng' })).toEqual(['CONCERN#WARD#tan-kieng', 'CONCERN#ALL']);
  });
});
