import { describe, expect, it } from 'vitest';
import { counterAttributes, totalsFrom } from '../../functions/store/counters.js';

// The attribute names are the stored layout: tables written before this file existed must read the same.
describe('counter attributes (functions/store/counters.ts)', () => {
  it('writes a tally under the stored names, summing repeats and leaving zeros out', () => {
    expect(
      counterAttributes({
        sessions: 1,
        sessionsByKind: { BUSINESS_TAX: 1 },
        taxRounds: 1,
        attendance: 5,
        attendanceByKind: { PUBLIC: 5 },
        attendanceByCategory: { RESIDENT: 5 },
        concerns: 1,
        concernsClosed: 0,
        byStatus: { OPEN: -1, RESOLVED: 1 },
        byLevel: [
          { status: 'OPEN', authority: 'WARD', add: -1 },
          { status: 'OPEN', authority: 'WARD', add: 3 },
          { status: 'RESOLVED', authority: 'CITY', add: 1 },
        ],
        taxByStatus: { ESCALATED: 1 },
        taxEscalated: 1,
        answers: [{ authority: 'WARD', bin: 3, add: 1 }],
        live: -1,
        inputs: 1,
        inputSupporters: 12,
        inputsSelected: 1,
        inputsDeclined: 0,
        inputsMerged: 1,
        inputsRaised: 1,
        inputsAnswered: 1,
        inputAnswerDays: [{ bin: 9, add: 1 }],
      }),
    ).toEqual({
      sessions: 1,
      s_BUSINESS_TAX: 1,
      taxRounds: 1,
      attendance: 5,
      a_PUBLIC: 5,
      cat_RESIDENT: 5,
      concerns: 1,
      c_OPEN: -1,
      c_RESOLVED: 1,
      ca_OPEN_WARD: 2,
      ca_RESOLVED_CITY: 1,
      t_ESCALATED: 1,
      taxEscalated: 1,
      tta_WARD_3: 1,
      live: -1,
      inputs: 1,
      inputSupporters: 12,
      inputsSelected: 1,
      inputsMerged: 1,
      inputsRaised: 1,
      inputsAnswered: 1,
      ida_9: 1,
    });
  });

  it('reads stored attributes back as totals with every key, and a tally round-trips', () => {
    const t = totalsFrom({ sessions: 2, s_PUBLIC: 2, cat_PARTY_MEMBER: 7, ca_ESCALATED_CITY: 1, c_ESCALATED: 1, tta_CITY_20: 2, tta_WARD_1: 1, unknown_counter: 4 });
    expect(t.sessions).toBe(2);
    expect(t.sessionsByKind).toEqual({ PUBLIC: 2, THEMATIC: 0, BUSINESS_TAX: 0 });
    expect(t.attendanceByCategory.PARTY_MEMBER).toBe(7);
    expect(t.attendanceByCategory.RESIDENT).toBe(0);
    expect(t.byLevel.ESCALATED.CITY).toBe(1);
    expect(t.byStatus.ESCALATED).toBe(1);
    expect(t.answers).toEqual([
      { authority: 'WARD', bin: 1, count: 1 },
      { authority: 'CITY', bin: 20, count: 2 },
    ]);
    // Equal counts give equal JSON, whatever order the attributes came in (the summary compares reads so).
    expect(JSON.stringify(totalsFrom({ tta_WARD_1: 1, sessions: 2 }))).toBe(JSON.stringify(totalsFrom({ sessions: 2, tta_WARD_1: 1 })));
    const back = totalsFrom(counterAttributes({ concerns: 3, byLevel: [{ status: 'OPEN', authority: 'DISTRICT', add: 3 }], answers: [{ authority: 'CITY', bin: 70, add: 1 }] }));
    expect(back.concerns).toBe(3);
    expect(back.byLevel.OPEN.DISTRICT).toBe(3);
    expect(back.answers).toEqual([{ authority: 'CITY', bin: 70, count: 1 }]);
  });
});
