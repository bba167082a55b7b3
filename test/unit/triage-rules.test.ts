import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../functions/domain/kernel/errors.js';
import { agendaOrder, checkAgendaSession, checkMergeTarget, checkTriageMove, newLookupCode, normaliseLookupCode, triageMovesFrom } from '../../functions/domain/voice/input-rules.js';
import { INPUT_STATUSES, type InputStatus } from '../../functions/domain/kernel/model.js';
import { neighbourhoodsFrom } from '../../functions/domain/units/neighbourhoods.js';

const needs: Record<string, { sessionId?: string; mergedIntoId?: string; note?: string }> = {
  SELECTED: { sessionId: 's1' },
  MERGED: { mergedIntoId: 'in_other' },
  DECLINED: { note: 'Không thuộc thẩm quyền phường.' },
  RECEIVED: {},
  RAISED: {},
};
// The contract's table: RECEIVED → SELECTED | MERGED | DECLINED; SELECTED → DECLINED; nothing else.
const ALLOWED: Record<InputStatus, InputStatus[]> = { RECEIVED: ['SELECTED', 'MERGED', 'DECLINED'], SELECTED: ['DECLINED'], MERGED: [], DECLINED: [], RAISED: [] };

describe('triage moves', () => {
  for (const from of INPUT_STATUSES) {
    for (const to of INPUT_STATUSES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses (CONFLICT)'} ${from} → ${to}`, () => {
        const run = () => checkTriageMove({ id: 'in_1', status: from }, { to, ...needs[to] });
        if (allowed) expect(run).not.toThrow();
        else expect(run).toThrow(ConflictError);
      });
    }
  }

  it('offers exactly the allowed moves', () => {
    for (const from of INPUT_STATUSES) expect([...triageMovesFrom(from)]).toEqual(ALLOWED[from]);
  });

  it('asks for what each move needs (BAD_USER_INPUT): a session, a target, a note', () => {
    expect(() => checkTriageMove({ id: 'in_1', status: 'RECEIVED' }, { to: 'SELECTED' })).toThrow(/needs sessionId/);
    expect(() => checkTriageMove({ id: 'in_1', status: 'RECEIVED' }, { to: 'MERGED' })).toThrow(/needs mergedIntoId/);
    expect(() => checkTriageMove({ id: 'in_1', status: 'SELECTED' }, { to: 'DECLINED', note: '   ' })).toThrow(InvalidInputError);
  });

  it('says RAISED is reached with raiseFromInput', () => {
    expect(() => checkTriageMove({ id: 'in_1', status: 'SELECTED' }, { to: 'RAISED' })).toThrow(/raiseFromInput/);
  });
});

describe('agenda and merge targets', () => {
  it('selects only for a SCHEDULED or LIVE dialogue of the same ward', () => {
    const input = { id: 'in_1', wardId: 'tan-hung-2025' };
    expect(() => checkAgendaSession(input, { id: 's', wardId: 'tan-hung-2025', status: 'SCHEDULED' })).not.toThrow();
    expect(() => checkAgendaSession(input, { id: 's', wardId: 'tan-hung-2025', status: 'LIVE' })).not.toThrow();
    expect(() => checkAgendaSession(input, { id: 's', wardId: 'tan-hung-2025', status: 'CLOSED' })).toThrow(ConflictError);
    expect(() => checkAgendaSession(input, { id: 's', wardId: 'tan-my-2025', status: 'LIVE' })).toThrow(InvalidInputError);
    expect(() => checkAgendaSession(input, { id: 's', status: 'LIVE' })).toThrow(InvalidInputError);
  });

  it('merges into another open input of the same ward only', () => {
    const input = { id: 'in_1', wardId: 'tan-hung-2025' };
    expect(() => checkMergeTarget(input, { id: 'in_2', wardId: 'tan-hung-2025', status: 'SELECTED' })).not.toThrow();
    expect(() => checkMergeTarget(input, { id: 'in_1', wardId: 'tan-hung-2025', status: 'RECEIVED' })).toThrow(/itself/);
    expect(() => checkMergeTarget(input, { id: 'in_2', wardId: 'tan-my-2025', status: 'RECEIVED' })).toThrow(InvalidInputError);
    expect(() => checkMergeTarget(input, { id: 'in_2', wardId: 'tan-hung-2025', status: 'MERGED' })).toThrow(ConflictError);
    expect(() => checkMergeTarget(input, { id: 'in_2', wardId: 'tan-hung-2025', status: 'DECLINED' })).toThrow(ConflictError);
  });

  it('orders an agenda by supporters, then by the earliest received', () => {
    const a = { id: 'a', supporters: 3, receivedAt: '2026-11-02T00:00:00Z' };
    const b = { id: 'b', supporters: 40, receivedAt: '2026-11-05T00:00:00Z' };
    const c = { id: 'c', supporters: 3, receivedAt: '2026-11-01T00:00:00Z' };
    expect(agendaOrder([a, b, c]).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('look-up codes', () => {
  it('draws XXXX-XXXX codes from Crockford base 32, all different in 2,000 draws', () => {
    const codes = new Set(Array.from({ length: 2000 }, newLookupCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('reads a code as a resident types it: any case, spaces, O for 0, I or L for 1', () => {
    expect(normaliseLookupCode('7kq4 m2xd')).toBe('7KQ4-M2XD');
    expect(normaliseLookupCode('O1IL-ABCD')).toBe('0111-ABCD');
    expect(normaliseLookupCode('7KQ4-M2X')).toBeUndefined();
    expect(normaliseLookupCode('7KQ4-M2XU')).toBeUndefined();
  });
});

describe('neighbourhood lists', () => {
  it('expands a generated list to "Khu phố 1…N", marked generated, and keeps a real one as given', () => {
    const list = neighbourhoodsFrom({ wards: [{ wardId: 'tan-hung-2025', generated: true, count: 3 }, { wardId: 'tan-my-2025', names: ['Khu phố Mỹ Toàn', 'Khu phố Mỹ Kim'], source: 'test' }] });
    expect(list.map((n) => [n.id, n.name, n.generated])).toEqual([
      ['tan-hung-2025-kp1', 'Khu phố 1', true],
      ['tan-hung-2025-kp2', 'Khu phố 2', true],
      ['tan-hung-2025-kp3', 'Khu phố 3', true],
      ['tan-my-2025-kp1', 'Khu phố Mỹ Toàn', false],
      ['tan-my-2025-kp2', 'Khu phố Mỹ Kim', false],
    ]);
  });

  it('gives every ward in force of the reference file its list', () => {
    const wards = new Set(neighbourhoodsFrom().map((n) => n.wardId));
    expect([...wards].sort()).toEqual(['phu-thuan-2025', 'tan-hung-2025', 'tan-my-2025', 'tan-thuan-2025']);
  });

  it('refuses an entry with neither names nor a generated count', () => {
    expect(() => neighbourhoodsFrom({ wards: [{ wardId: 'tan-hung-2025' }] })).toThrow(/needs names/);
  });
});
