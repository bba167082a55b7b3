import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

const MOVE = 'mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { id status } }';
const RAISE = 'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }';
const ALL = ['OPEN', 'ANSWERED_ON_SPOT', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED', 'ANSWERED'] as const;
const ALLOWED: Record<string, string[]> = {
  OPEN: ['ANSWERED_ON_SPOT', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED'],
  IN_PROGRESS: ['RESOLVED', 'ESCALATED'],
  ESCALATED: ['ANSWERED'],
  ANSWERED_ON_SPOT: [],
  RESOLVED: [],
  ANSWERED: [],
};
// How to reach each status from OPEN, with what each move needs.
const PATH: Record<string, { to: string; authority?: string; response?: string }[]> = {
  OPEN: [],
  ANSWERED_ON_SPOT: [{ to: 'ANSWERED_ON_SPOT', response: 'Trả lời tại chỗ.' }],
  IN_PROGRESS: [{ to: 'IN_PROGRESS' }],
  RESOLVED: [{ to: 'RESOLVED', response: 'Đã giải quyết.' }],
  ESCALATED: [{ to: 'ESCALATED', authority: 'CITY' }],
  ANSWERED: [{ to: 'ESCALATED', authority: 'CITY' }, { to: 'ANSWERED', response: 'Thành phố đã trả lời.' }],
};

describe('concerns and businesses', () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  let officer: string;
  let liveId: string;
  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
    officer = await stack.token('WARD_OFFICER', 'tan-thuan-2025', 'officer-tan-phong');
    liveId = (await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-thuan-2025', scheduledAt: '2030-04-01T01:00:00.000Z' })).id;
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  async function concernIn(status: string) {
    const c = await api.raise(officer, { sessionId: liveId, requestId: rid(), authority: 'WARD' });
    for (const step of PATH[status]) await api.move(officer, { concernId: c.id, ...step });
    return api.concern(officer, c.id);
  }

  it('raises a concern OPEN in the session ward, with its first history entry, once per requestId', async () => {
    const requestId = rid();
    const c = await api.raise(officer, { sessionId: liveId, requestId, topic: ' Ngập  nước ', text: 'Đoạn một.\nĐoạn hai.', authority: 'WARD' });
    expect(c).toMatchObject({ status: 'OPEN', topic: 'Ngập  nước', text: 'Đoạn một.\nĐoạn hai.', ward: { id: 'tan-thuan-2025' }, session: { id: liveId }, closedAt: null, response: null });
    expect(c.history).toEqual([{ from: null, to: 'OPEN', at: c.raisedAt, by: 'officer-tan-phong', note: null }]);
    const repeats = await Promise.all([0, 1, 2].map(() => api.raise(officer, { sessionId: liveId, requestId })));
    expect(repeats.map((r) => r.id)).toEqual([c.id, c.id, c.id]);
    expect((await api.ok(`{ session(id: "${liveId}") { concernCount concerns(first: 50) { totalCount edges { node { id } } } } }`, {}, officer)).session.concerns.edges.filter((e: any) => e.node.id === c.id)).toHaveLength(1);
  });

  it('walks OPEN → IN_PROGRESS → ESCALATED → ANSWERED with the authority re-assigned, keeping who, when and note of every move', async () => {
    const c = await concernIn('OPEN');
    await api.move(officer, { concernId: c.id, to: 'IN_PROGRESS', note: 'Giao khu phố kiểm tra.' });
    const escalated = await api.move(officer, { concernId: c.id, to: 'ESCALATED', authority: 'CITY', note: 'Vượt thẩm quyền.' });
    expect(escalated).toMatchObject({ status: 'ESCALATED', authority: 'CITY', closedAt: null });
    const answered = await api.move(officer, { concernId: c.id, to: 'ANSWERED', response: 'Thành phố đã trả lời.' });
    expect(answered).toMatchObject({ status: 'ANSWERED', response: 'Thành phố đã trả lời.' });
    expect(answered.closedAt).not.toBeNull();
    expect(answered.history.map((h: any) => [h.from, h.to, h.by, h.note])).toEqual([
      [null, 'OPEN', 'officer-tan-phong', null],
      ['OPEN', 'IN_PROGRESS', 'officer-tan-phong', 'Giao khu phố kiểm tra.'],
      ['IN_PROGRESS', 'ESCALATED', 'officer-tan-phong', 'Vượt thẩm quyền.'],
      ['ESCALATED', 'ANSWERED', 'officer-tan-phong', null],
    ]);
    expect(answered.history.at(-1).at).toBe(answered.closedAt);
    expect(await api.concern(who.leadership, c.id)).toEqual(answered);
  });

  describe('refuses every move the state machine forbids with CONFLICT and leaves the concern and its history unchanged', () => {
    for (const from of ALL) {
      const forbidden = ALL.filter((to) => !ALLOWED[from].includes(to));
      it(`from ${from}: ${forbidden.join(', ')}`, async () => {
        const c = await concernIn(from);
        for (const to of forbidden) {
          const refusal = await api.refused(MOVE, { input: { concernId: c.id, to, response: 'Có trả lời.', authority: to === 'ESCALATED' ? 'CITY' : undefined } }, officer);
          expect(refusal.code, `${from} → ${to}`).toBe('CONFLICT');
          expect(refusal.message).toContain(from);
        }
        expect(await api.concern(officer, c.id)).toEqual(c);
      });
    }
  });

  it('offers through Concern.allowedMoves exactly the moves the API then accepts, and none to a user who may not move the concern', async () => {
    const MOVES = 'query ($id: ID!) { concern(id: $id) { allowedMoves { to authorities needsResponse } } }';
    const movesOf = async (token: string, id: string) => (await api.ok<any>(MOVES, { id }, token)).concern.allowedMoves as { to: string; authorities: string[]; needsResponse: boolean }[];
    for (const from of ALL) {
      const offered = await movesOf(officer, (await concernIn(from)).id);
      expect(offered.map((m) => m.to), from).toEqual(ALLOWED[from]);
      for (const move of offered) {
        // Each offer, taken as offered (the last authority it allows, a response if it needs one), is accepted.
        const c = await concernIn(from);
        const authority = move.authorities.at(-1);
        const moved = await api.move(officer, { concernId: c.id, to: move.to, authority, ...(move.needsResponse ? { response: 'Đã trả lời.' } : {}) });
        expect(moved, `${from} → ${move.to}`).toMatchObject({ status: move.to, authority });
        // Without the response it needs, or with an authority it does not list, it is refused.
        const other = await concernIn(from);
        if (move.needsResponse) expect((await api.refused(MOVE, { input: { concernId: other.id, to: move.to, authority } }, officer)).code).toBe('BAD_USER_INPUT');
        const refusedAuthority = ['WARD', 'CITY', 'CENTRAL'].find((a) => !move.authorities.includes(a));
        if (refusedAuthority) expect((await api.refused(MOVE, { input: { concernId: other.id, to: move.to, authority: refusedAuthority, response: 'R' } }, officer)).code).toBe('CONFLICT');
      }
    }
    const open = await concernIn('OPEN');
    expect((await movesOf(who.admin, open.id)).map((m) => m.to)).toEqual(ALLOWED.OPEN);
    expect(await movesOf(who.leadership, open.id)).toEqual([]);
    expect(await movesOf(who.tax, open.id)).toEqual([]); // a PUBLIC session's concern
    expect(await movesOf(await stack.token('WARD_OFFICER', 'tan-hung-2025', 'officer-tan-hung'), open.id)).toEqual([]);
  });

  it('records raising and each move in the activity feed with the statuses of that step, not the concern\'s status now', async () => {
    const c = await concernIn('OPEN');
    await api.move(officer, { concernId: c.id, to: 'IN_PROGRESS' });
    await api.move(officer, { concernId: c.id, to: 'RESOLVED', response: 'Đã nạo vét cống.' });
    const feed = (await api.ok<any>('{ activity(first: 3) { edges { node { action fromStatus toStatus count concern { id status } } } } }', {}, who.leadership)).activity.edges.map((e: any) => e.node);
    expect(feed.map((a: any) => [a.action, a.fromStatus, a.toStatus, a.concern.id, a.concern.status, a.count])).toEqual([
      ['CONCERN_MOVED', 'IN_PROGRESS', 'RESOLVED', c.id, 'RESOLVED', null],
      ['CONCERN_MOVED', 'OPEN', 'IN_PROGRESS', c.id, 'RESOLVED', null],
      ['CONCERN_RAISED', null, 'OPEN', c.id, 'RESOLVED', null],
    ]);
  });

  it('refuses moves whose authority does not fit with CONFLICT, and closing moves without a response with BAD_USER_INPUT, changing nothing', async () => {
    const c = await concernIn('OPEN');
    const refuse = (input: Record<string, unknown>) => api.refused(MOVE, { input: { concernId: c.id, ...input } }, officer);
    expect(await refuse({ to: 'ESCALATED' })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/CITY or CENTRAL/) });
    expect((await refuse({ to: 'ESCALATED', authority: 'DISTRICT' })).code).toBe('BAD_USER_INPUT'); // the district level ended on 1/7/2025
    expect((await refuse({ to: 'IN_PROGRESS', authority: 'CITY' })).code).toBe('CONFLICT');
    expect((await refuse({ to: 'RESOLVED', authority: 'CENTRAL', response: 'R' })).code).toBe('CONFLICT');
    expect(await refuse({ to: 'RESOLVED' })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/needs a response/) });
    expect((await refuse({ to: 'ANSWERED_ON_SPOT', response: '   ' })).code).toBe('BAD_USER_INPUT');
    expect((await refuse({ to: 'ANSWERED_ON_SPOT', response: 'x'.repeat(4001) })).code).toBe('BAD_USER_INPUT');
    expect((await refuse({ to: 'IN_PROGRESS', note: 'x'.repeat(4001) })).code).toBe('BAD_USER_INPUT');
    expect((await refuse({ to: 'CLOSED' })).code).toBe('BAD_USER_INPUT');
    expect((await api.refused(MOVE, { input: { concernId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', to: 'IN_PROGRESS' } }, officer)).code).toBe('NOT_FOUND');
    expect(await api.concern(officer, c.id)).toEqual(c);
    // The escalation with the authority sent on the same move is accepted.
    expect(await api.move(officer, { concernId: c.id, to: 'ESCALATED', authority: 'CENTRAL' })).toMatchObject({ status: 'ESCALATED', authority: 'CENTRAL' });
  });

  it('lets only one of simultaneous moves of the same concern win; the others are CONFLICT with one history entry added', async () => {
    const c = await concernIn('OPEN');
    const results = await Promise.all(
      // Moves that exclude each other also one after the other (after any one of them, the others are not
      // allowed), so only the optimistic check decides when they race, however the requests interleave.
      [{ to: 'ESCALATED', authority: 'CITY' }, { to: 'RESOLVED', response: 'R' }, { to: 'ANSWERED_ON_SPOT', response: 'A' }].map((m) => stack.graphql(MOVE, { input: { concernId: c.id, ...m } }, officer)),
    );
    expect(results.filter((r) => r.body.data?.moveConcern)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect((await api.concern(officer, c.id)).history).toHaveLength(2);
  });

  it('refuses a concern in a SCHEDULED session with CONFLICT, accepts one in a CLOSED session, and refuses bad input', async () => {
    const scheduled = await api.schedule(officer, { kind: 'PUBLIC', wardId: 'tan-thuan-2025', scheduledAt: '2030-04-02T01:00:00.000Z' });
    expect((await api.refused(RAISE, { input: { sessionId: scheduled.id, topic: 'T', text: 'X', authority: 'WARD', requestId: rid() } }, officer)).code).toBe('CONFLICT');
    await api.start(officer, scheduled.id);
    await api.close(officer, scheduled.id);
    expect((await api.raise(officer, { sessionId: scheduled.id, requestId: rid() })).status).toBe('OPEN');
    const send = (input: Record<string, unknown>) => api.refused(RAISE, { input: { sessionId: liveId, topic: 'T', text: 'X', authority: 'WARD', requestId: rid(), ...input } }, officer);
    expect((await send({ topic: 'x'.repeat(201) })).code).toBe('BAD_USER_INPUT');
    expect((await send({ text: 'x'.repeat(4001) })).code).toBe('BAD_USER_INPUT');
    expect((await send({ text: 'có ký tự \u0000 điều khiển' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ authority: 'PROVINCE' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ sessionId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('NOT_FOUND');
    expect((await send({ businessId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('NOT_FOUND');
    expect((await api.ok('{ concerns(wardId: "tan-thuan-2025", first: 100) { totalCount } }', {}, officer)).concerns.totalCount).toBe(
      (await api.ok(`{ s1: session(id: "${liveId}") { concernCount } s2: session(id: "${scheduled.id}") { concernCount } }`, {}, officer)).s1.concernCount + 1,
    );
  });

  it('counts concerns and outcomes by raisedAt, and a ward stat closes a concern when it is answered', async () => {
    const officer2 = await who.ward('tan-thuan-2025');
    const s = await api.live(officer2, { kind: 'PUBLIC', wardId: 'tan-thuan-2025', scheduledAt: '2030-05-01T01:00:00.000Z' });
    const before = await api.summary(who.leadership);
    const wardBefore = await api.wardStats(who.leadership, 'tan-thuan-2025');
    const a = await api.raise(officer2, { sessionId: s.id, requestId: rid() });
    const b = await api.raise(officer2, { sessionId: s.id, requestId: rid() });
    await api.move(officer2, { concernId: a.id, to: 'ANSWERED_ON_SPOT', response: 'Trả lời tại chỗ.' });
    await api.move(officer2, { concernId: b.id, to: 'IN_PROGRESS' });
    const after = await api.summary(who.leadership);
    expect(after.concerns.open - before.concerns.open).toBe(0);
    expect(after.concerns.answeredOnSpot - before.concerns.answeredOnSpot).toBe(1);
    expect(after.concerns.inProgress - before.concerns.inProgress).toBe(1);
    const wardAfter = await api.wardStats(who.leadership, 'tan-thuan-2025');
    expect([wardAfter.concerns - wardBefore.concerns, wardAfter.concernsClosed - wardBefore.concernsClosed]).toEqual([2, 1]);
    // By raisedAt: a period that ends before now holds none of them.
    const raisedAt = a.raisedAt as string;
    expect((await api.wardStats(who.leadership, 'tan-thuan-2025', { from: '2000-01-01T00:00:00.000Z', to: raisedAt })).concerns).toBe(wardBefore.concerns);
  });

  it('registers businesses with Vietnamese tax codes, refuses a duplicate with CONFLICT and bad codes with BAD_USER_INPUT', async () => {
    const b = await api.register(who.tax, { taxCode: '0301234567', name: 'Công ty TNHH Thương mại Phú Mỹ Hưng', sector: 'TRADE', wardId: 'tan-thuan-2025' });
    expect(b).toMatchObject({ taxCode: '0301234567', sector: 'TRADE', ward: { id: 'tan-thuan-2025' } });
    expect((await api.register(who.admin, { taxCode: '0301234567-001', sector: 'SERVICES' })).taxCode).toBe('0301234567-001');
    const dup = await api.refused('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode: '0301234567', name: 'Khác', sector: 'OTHER' } }, who.tax);
    expect(dup).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already registered/) });
    for (const taxCode of ['030123456', '03012345678', '0301234567-01', '0301234567-0011', 'abcdefghij', '0301234567 ']) {
      if (taxCode.trim() === '0301234567') continue;
      expect((await api.refused('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode, name: 'X', sector: 'TRADE' } }, who.tax)).code, taxCode).toBe('BAD_USER_INPUT');
    }
    expect((await api.refused('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode: '0309999999', name: 'x'.repeat(301), sector: 'TRADE' } }, who.tax)).code).toBe('BAD_USER_INPUT');
    expect((await api.refused('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode: '0309999998', name: 'X', sector: 'TRADE', wardId: 'nowhere' } }, who.tax)).code).toBe('NOT_FOUND');
    expect((await api.ok('{ business(taxCode: "0301234567") { id name ward { id } } }', {}, who.leadership)).business).toEqual({ id: b.id, name: b.name, ward: { id: 'tan-thuan-2025' } });
    expect((await api.ok('{ business(taxCode: "0399999999") { id } }', {}, who.leadership)).business).toBeNull();
    const listed = (await api.ok('{ businesses(sector: TRADE, wardId: "tan-thuan-2025") { totalCount edges { node { id } } } }', {}, who.leadership)).businesses;
    expect(listed).toEqual({ totalCount: 1, edges: [{ node: { id: b.id } }] });
  });

  it("files a concern of a district-level tax round under the business's ward and counts it in the tax outcomes", async () => {
    const firm = await api.register(who.tax, { taxCode: '0312345678', name: 'Công ty Cổ phần Vận tải Sông Sài Gòn', sector: 'TRANSPORT', wardId: 'tan-my-2025' });
    const round = await api.live(who.tax, { kind: 'BUSINESS_TAX', hostBody: 'Chi cục Thuế Quận 7', scheduledAt: '2030-06-01T01:00:00.000Z' });
    const before = await api.summary(who.leadership);
    const c = await api.raise(who.tax, { sessionId: round.id, businessId: firm.id, topic: 'Thủ tục hoàn thuế', authority: 'CITY', requestId: rid() });
    expect(c).toMatchObject({ ward: { id: 'tan-my-2025' }, business: { id: firm.id } });
    await api.move(who.tax, { concernId: c.id, to: 'ESCALATED' });
    const after = await api.summary(who.leadership);
    expect(after.tax.escalatedToCity - before.tax.escalatedToCity).toBe(1);
    expect(after.tax.outcomes.escalated - before.tax.outcomes.escalated).toBe(1);
    expect(after.tax.businessesEngaged - before.tax.businessesEngaged).toBe(1);
    await api.move(who.tax, { concernId: c.id, to: 'ANSWERED', response: 'Đã có ý kiến Thành phố.' });
    const answered = await api.summary(who.leadership);
    expect([answered.tax.escalatedToCity - before.tax.escalatedToCity, answered.tax.outcomes.answered - before.tax.outcomes.answered, answered.tax.outcomes.escalated - before.tax.outcomes.escalated]).toEqual([1, 1, 0]);
  });

  it('pages through 55 concerns newest first with no duplicate or gap while concerns are raised between pages, filtering by status and authority', async () => {
    const officer3 = await who.ward('phu-thuan-2025');
    const s = await api.live(officer3, { kind: 'PUBLIC', wardId: 'phu-thuan-2025', scheduledAt: '2030-07-01T01:00:00.000Z' });
    const made: string[] = [];
    for (let i = 0; i < 55; i += 1) made.push((await api.raise(officer3, { sessionId: s.id, requestId: rid(), authority: i % 5 === 0 ? 'CITY' : 'WARD' })).id);
    const seen: string[] = [];
    let after: string | null = null;
    let page = 0;
    do {
      const data: any = (await api.ok('query ($after: String) { concerns(wardId: "phu-thuan-2025", first: 10, after: $after) { edges { node { id raisedAt } } pageInfo { hasNextPage endCursor } } }', { after }, who.leadership)).concerns;
      seen.push(...data.edges.map((e: any) => e.node.id));
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
      if ((page += 1) === 2) await api.raise(officer3, { sessionId: s.id, requestId: rid() }); // newer: before our position
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...made].sort());
    const district = (await api.ok('{ concerns(wardId: "phu-thuan-2025", authority: CITY, status: OPEN, first: 100) { totalCount edges { node { authority status } } } }', {}, who.leadership)).concerns;
    expect(district.totalCount).toBe(11);
    expect(district.edges.every((e: any) => e.node.authority === 'CITY' && e.node.status === 'OPEN')).toBe(true);
  });
});
