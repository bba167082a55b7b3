import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';

/** Bad input end to end: normalised or refused with BAD_USER_INPUT (never an internal error), and nothing written. */
describe('input rules through the API', () => {
  let stack: RunningStack;
  let admin: string;
  let liveSessionId: string;

  const schedule = (input: Record<string, unknown>) =>
    stack.graphql('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id title hostBody } }', {
      i: { kind: 'PUBLIC', wardId: 'tan-hung-2025', title: 'Đối thoại', hostBody: 'UBND phường Tân Hưng', scheduledAt: '2026-03-01T08:00:00.000Z', ...input },
    }, admin);
  const totalSessions = async () => expectData<any>(await stack.graphql('{ summary { sessions } }', {}, admin)).summary.sessions as number;
  const codesOf = (result: { body: { errors?: any[] } }) => (result.body.errors ?? []).map((e) => e.extensions.code);

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.token('ADMIN');
    const { id } = expectData<any>(await schedule({ title: 'Phiên đang diễn ra' })).scheduleSession;
    expectData(await stack.graphql('mutation ($id: ID!) { startSession(id: $id) { id } }', { id }, admin));
    liveSessionId = id;
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('stores "Tân Hưng" typed with combining marks as the same text as the precomposed form', async () => {
    const decomposed = 'Đối thoại phường Tân Hưng'.normalize('NFD');
    const { scheduleSession } = expectData<any>(await schedule({ title: `  ${decomposed}  `, hostBody: 'Đảng ủy - UBND phường Tân Hưng'.normalize('NFD') }));
    expect(scheduleSession.title).toBe('Đối thoại phường Tân Hưng'.normalize('NFC'));
    expect(scheduleSession.hostBody).toBe('Đảng ủy - UBND phường Tân Hưng'.normalize('NFC'));
  });

  it.each([
    ['a NUL byte', 'Đối thoại\u0000'],
    ['a terminal escape sequence', 'Đối thoại \u001b[2J'],
    ['a line break in a title', 'Dòng 1\nDòng 2'],
    ['a right-to-left override', 'Đối thoại \u202e'],
  ])('refuses a title with %s and writes nothing', async (_what, title) => {
    const before = await totalSessions();
    const result = await schedule({ title });
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.body.errors![0].message).toMatch(/title contains a control character/);
    expect(await totalSessions()).toBe(before);
  });

  it('accepts a 200-character title and refuses 201 characters, saying the limit', async () => {
    expect(codesOf(await schedule({ title: 'ệ'.repeat(200) }))).toEqual([]);
    const before = await totalSessions();
    const result = await schedule({ title: 'ệ'.repeat(201) });
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.body.errors![0].message).toMatch(/201 characters long; at most 200/);
    expect(await totalSessions()).toBe(before);
  });

  it('refuses a concern text over 4,000 characters and writes nothing', async () => {
    const raise = (text: string, requestId: string) =>
      stack.graphql('mutation ($i: RaiseConcernInput!) { raiseConcern(input: $i) { id } }', { i: { sessionId: liveSessionId, topic: 'Đất đai', text, authority: 'WARD', requestId } }, admin);
    const result = await raise('a'.repeat(4001), 'input-long-text');
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    const count = expectData<any>(await stack.graphql('query ($id: ID!) { session(id: $id) { concernCount } }', { id: liveSessionId }, admin)).session.concernCount;
    expect(count).toBe(0);
    expect(codesOf(await raise('Đoạn 1.\n\nĐoạn 2.', 'input-paragraphs'))).toEqual([]);
  });

  it.each([0, -5, 10_001])('refuses a head count of %i and counts nothing', async (count) => {
    const result = await stack.graphql('mutation ($i: CheckInInput!) { checkIn(input: $i) { delta } }', { i: { sessionId: liveSessionId, category: 'RESIDENT', count, requestId: `input-count-${count}` } }, admin);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.body.errors![0].message).toMatch(/count must be a whole number from 1 to 10000/);
    expect(expectData<any>(await stack.graphql('query ($id: ID!) { session(id: $id) { attendance } }', { id: liveSessionId }, admin)).session.attendance).toBe(0);
  });

  it('refuses a count beyond 32-bit integers as BAD_USER_INPUT', async () => {
    const result = await stack.graphql('mutation { checkIn(input: { sessionId: "x", category: RESIDENT, count: 99999999999, requestId: "r" }) { delta } }', {}, admin);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([0, 101, -1])('refuses a page size of %i', async (first) => {
    const result = await stack.graphql('query ($n: Int) { sessions(first: $n) { totalCount } }', { n: first }, admin);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a request id with spaces, control characters or 201 characters', async () => {
    for (const requestId of ['has space', 'tab\t', 'x'.repeat(201), '']) {
      const result = await stack.graphql('mutation ($i: CheckInInput!) { checkIn(input: $i) { delta } }', { i: { sessionId: liveSessionId, category: 'RESIDENT', requestId } }, admin);
      expect(codesOf(result), JSON.stringify(requestId)).toEqual(['BAD_USER_INPUT']);
    }
  });

  describe('every id argument is format-checked before use: a hostile id is "not found" or bad input, never an internal error', () => {
    const HOSTILE = ['x'.repeat(3000), 'WARD#tan-hung', 'SESSION#01J00000000000000000000000', '../../etc/passwd', 'Tân Hưng', '\u0000'];
    const READS: [string, string][] = [
      ['ward(id)', 'query ($id: ID!) { ward(id: $id) { id } }'],
      ['session(id)', 'query ($id: ID!) { session(id: $id) { id } }'],
      ['concern(id)', 'query ($id: ID!) { concern(id: $id) { id } }'],
      ['sessions(wardId)', 'query ($id: ID) { sessions(wardId: $id) { totalCount } }'],
      ['concerns(wardId)', 'query ($id: ID) { concerns(wardId: $id) { totalCount } }'],
      ['sessions(after)', 'query ($id: String) { sessions(after: $id) { totalCount } }'],
      ['business(taxCode)', 'query ($id: String!) { business(taxCode: $id) { id } }'],
    ];
    const WRITES: [string, string, (id: string) => Record<string, unknown>][] = [
      ['startSession(id)', 'mutation ($v: ID!) { startSession(id: $v) { id } }', (id) => ({ v: id })],
      ['checkIn(sessionId)', 'mutation ($v: CheckInInput!) { checkIn(input: $v) { delta } }', (id) => ({ v: { sessionId: id, category: 'RESIDENT', requestId: 'hostile' } })],
      ['checkIn(businessId)', 'mutation ($v: CheckInInput!) { checkIn(input: $v) { delta } }', (id) => ({ v: { sessionId: liveSessionId, category: 'BUSINESS_REPRESENTATIVE', businessId: id, requestId: 'hostile-business' } })],
      ['moveConcern(concernId)', 'mutation ($v: MoveConcernInput!) { moveConcern(input: $v) { id } }', (id) => ({ v: { concernId: id, to: 'IN_PROGRESS' } })],
      ['scheduleSession(wardId)', 'mutation ($v: ScheduleSessionInput!) { scheduleSession(input: $v) { id } }', (id) => ({ v: { kind: 'PUBLIC', wardId: id, title: 't', hostBody: 'h', scheduledAt: '2026-03-01T08:00:00Z' } })],
      ['registerBusiness(wardId)', 'mutation ($v: RegisterBusinessInput!) { registerBusiness(input: $v) { id } }', (id) => ({ v: { taxCode: '0312345678', name: 'Công ty', sector: 'TRADE', wardId: id } })],
    ];

    it.each(READS)('%s', async (_name, query) => {
      for (const id of HOSTILE) {
        const result = await stack.graphql(query, { id }, admin);
        expect(codesOf(result).filter((c) => c !== 'BAD_USER_INPUT' && c !== 'NOT_FOUND'), `${query} with ${JSON.stringify(id.slice(0, 20))}`).toEqual([]);
        // Echoing the caller's own input in a message is fine; internals are not.
        expect(JSON.stringify(result.body)).not.toMatch(/dialogue-pulse|ValidationException|ResourceNotFound|\bpk\b|\bgsi1/);
      }
    });

    it.each(WRITES)('%s', async (_name, query, variables) => {
      const before = await totalSessions();
      for (const id of HOSTILE) {
        const result = await stack.graphql(query, variables(id), admin);
        expect(codesOf(result), `${query} with ${JSON.stringify(id.slice(0, 20))}`).toHaveLength(1);
        expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(codesOf(result)[0]);
      }
      expect(await totalSessions()).toBe(before);
    });
  });
});
