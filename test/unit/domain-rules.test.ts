import { describe, expect, it } from 'vitest';
import { assertMayActOnSession, assertMayRegisterBusinesses } from '../../functions/domain/access/authorization.js';
import { ALLOWED_MOVES, checkConcernMove } from '../../functions/domain/concerns/concern-rules.js';
import { concernIdFor } from '../../functions/domain/concerns/concern-service.js';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../functions/domain/kernel/errors.js';
import { AUTHORITIES, CONCERN_STATUSES } from '../../functions/domain/kernel/model.js';
import { parseInstant, parsePeriod } from '../../functions/domain/kernel/period.js';
import { cleanRequestId, cleanTaxCode, cleanText, pageSize } from '../../functions/domain/kernel/validation.js';

describe('the concern state machine', () => {
  it('allows exactly the moves of the contract table', () => {
    const allowed = CONCERN_STATUSES.flatMap((from) => ALLOWED_MOVES[from].map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(
      ['OPEN->ANSWERED_ON_SPOT', 'OPEN->IN_PROGRESS', 'OPEN->RESOLVED', 'OPEN->ESCALATED', 'IN_PROGRESS->RESOLVED', 'IN_PROGRESS->ESCALATED', 'ESCALATED->ANSWERED'].sort(),
    );
  });

  it('refuses every other move as a ConflictError naming the allowed ones', () => {
    for (const from of CONCERN_STATUSES) {
      for (const to of CONCERN_STATUSES.filter((t) => !ALLOWED_MOVES[from].includes(t))) {
        expect(() => checkConcernMove({ id: 'c1', from, to, authorityAfter: 'CITY', response: 'r' }), `${from}->${to}`).toThrow(ConflictError);
      }
    }
  });

  it('needs CITY or CENTRAL to escalate and WARD or DISTRICT to work on or resolve', () => {
    for (const authority of AUTHORITIES) {
      const escalate = () => checkConcernMove({ id: 'c', from: 'OPEN', to: 'ESCALATED', authorityAfter: authority });
      const resolve = () => checkConcernMove({ id: 'c', from: 'OPEN', to: 'RESOLVED', authorityAfter: authority, response: 'r' });
      const work = () => checkConcernMove({ id: 'c', from: 'OPEN', to: 'IN_PROGRESS', authorityAfter: authority });
      if (authority === 'CITY' || authority === 'CENTRAL') {
        expect(escalate()).toEqual({ closes: false });
        expect(resolve).toThrow(ConflictError);
        expect(work).toThrow(ConflictError);
      } else {
        expect(escalate).toThrow(ConflictError);
        expect(resolve()).toEqual({ closes: true });
        expect(work()).toEqual({ closes: false });
      }
    }
  });

  it('needs a response for the closing moves', () => {
    expect(() => checkConcernMove({ id: 'c', from: 'OPEN', to: 'ANSWERED_ON_SPOT', authorityAfter: 'WARD' })).toThrow(InvalidInputError);
    expect(() => checkConcernMove({ id: 'c', from: 'ESCALATED', to: 'ANSWERED', authorityAfter: 'CITY' })).toThrow(/needs a response/);
    expect(checkConcernMove({ id: 'c', from: 'ESCALATED', to: 'ANSWERED', authorityAfter: 'CITY', response: 'ok' })).toEqual({ closes: true });
  });
});

describe('who may act on a session', () => {
  const may = (actor: Parameters<typeof assertMayActOnSession>[0], session: Parameters<typeof assertMayActOnSession>[1]) => {
    try {
      assertMayActOnSession(actor, session, 'check in');
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenError);
      return false;
    }
  };
  it('follows the role table, THEMATIC sessions being ADMIN-only', () => {
    const own = { id: 'w', role: 'WARD_OFFICER' as const, wardId: 'tan-hung' };
    expect(may(own, { kind: 'PUBLIC', wardId: 'tan-hung' })).toBe(true);
    expect(may(own, { kind: 'PUBLIC', wardId: 'binh-thuan' })).toBe(false);
    expect(may(own, { kind: 'THEMATIC', wardId: 'tan-hung' })).toBe(false);
    expect(may(own, { kind: 'BUSINESS_TAX', wardId: 'tan-hung' })).toBe(false);
    expect(may({ id: 't', role: 'TAX_OFFICER' }, { kind: 'BUSINESS_TAX' })).toBe(true);
    expect(may({ id: 't', role: 'TAX_OFFICER' }, { kind: 'PUBLIC', wardId: 'tan-hung' })).toBe(false);
    expect(may({ id: 't', role: 'TAX_OFFICER' }, { kind: 'THEMATIC' })).toBe(false);
    expect(may({ id: 'l', role: 'LEADERSHIP' }, { kind: 'PUBLIC', wardId: 'tan-hung' })).toBe(false);
    for (const kind of ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'] as const) expect(may({ id: 'a', role: 'ADMIN' }, { kind, wardId: 'x' })).toBe(true);
  });
  it('lets only tax officers and admins register businesses', () => {
    expect(() => assertMayRegisterBusinesses({ id: 't', role: 'TAX_OFFICER' })).not.toThrow();
    expect(() => assertMayRegisterBusinesses({ id: 'a', role: 'ADMIN' })).not.toThrow();
    expect(() => assertMayRegisterBusinesses({ id: 'w', role: 'WARD_OFFICER', wardId: 'x' })).toThrow(ForbiddenError);
    expect(() => assertMayRegisterBusinesses({ id: 'l', role: 'LEADERSHIP' })).toThrow(ForbiddenError);
  });
});

describe('input rules', () => {
  it('accepts Vietnamese tax codes of 10 digits or 10 + "-" + 3, nothing else', () => {
    expect(cleanTaxCode('0301234567')).toBe('0301234567');
    expect(cleanTaxCode('0301234567-001')).toBe('0301234567-001');
    for (const bad of ['030123456', '03012345678', '0301234567-01', '0301234567001', '0301234567-', 'O301234567', '']) expect(() => cleanTaxCode(bad), bad).toThrow(InvalidInputError);
  });
  it('normalises text to NFC, trims it, counts characters and refuses control characters', () => {
    expect(cleanText('  Tân Hưng '.normalize('NFD'), 'name', 300)).toBe('Tân Hưng'.normalize('NFC'));
    expect(cleanText('ệ'.normalize('NFD').repeat(200), 'title', 200)).toHaveLength(200);
    expect(() => cleanText('x'.repeat(201), 'title', 200)).toThrow(/at most 200/);
    expect(() => cleanText('a\u0007b', 'title', 200)).toThrow(/control character/);
    expect(() => cleanText('a\nb', 'title', 200)).toThrow(InvalidInputError);
    expect(cleanText('a\nb', 'text', 4000, { multiline: true })).toBe('a\nb');
  });
  it('bounds request ids and page sizes', () => {
    expect(cleanRequestId('7f3c-uuid')).toBe('7f3c-uuid');
    for (const bad of ['', 'a b', 'x'.repeat(201), 'tiếng']) expect(() => cleanRequestId(bad)).toThrow(InvalidInputError);
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(0)).toThrow(InvalidInputError);
    expect(() => pageSize(101)).toThrow(InvalidInputError);
  });
  it('parses instants to UTC and refuses impossible dates and empty periods', () => {
    expect(parseInstant('2026-03-01T15:00:00+07:00', 'at')).toBe('2026-03-01T08:00:00.000Z');
    expect(() => parseInstant('2026-02-29T00:00:00Z', 'at')).toThrow(InvalidInputError);
    expect(() => parseInstant('2026-03-01', 'at')).toThrow(InvalidInputError);
    expect(() => parsePeriod({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toThrow(/earlier/);
  });
});

describe('concern ids', () => {
  it('are the same for the same session and requestId, ULID-shaped, and differ otherwise', () => {
    const id = concernIdFor('S1', 'r1');
    expect(id).toBe(concernIdFor('S1', 'r1'));
    expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(concernIdFor('S1', 'r2')).not.toBe(id);
    expect(concernIdFor('S2', 'r1')).not.toBe(id);
  });
});
