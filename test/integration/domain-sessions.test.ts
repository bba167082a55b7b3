import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import { createDomain } from '../../functions/domain/index.js';
import { createApolloServer } from '../../functions/graphql/server.js';
import { createStores } from '../../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { dynamoEndpointOf } from '../support/realtime-clients.js';
import { actorsOf, domainClient, fastDataDir, rid, SESSION_FIELDS, type Actors } from './domain-support.js';
import { countCalls } from '../support/count-calls.js';

const SCHEDULE = 'mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }';

describe('sessions: lifecycle, validation, lists and who may do what', () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('moves a session SCHEDULED → LIVE → CLOSED, stamping startedAt and closedAt, and counts it live only while LIVE', async () => {
    const officer = await who.ward('tan-hung-2025');
    const before = (await api.summary(who.leadership)).liveSessions;
    const s = await api.schedule(officer, { kind: 'PUBLIC', wardId: 'tan-hung-2025', title: '  Đối thoại về   trật tự đô thị ', scheduledAt: '2030-01-10T08:00:00+07:00' });
    expect(s).toMatchObject({ status: 'SCHEDULED', kind: 'PUBLIC', scheduledAt: '2030-01-10T01:00:00.000Z', startedAt: null, closedAt: null, attendance: 0, ward: { id: 'tan-hung-2025' } });
    expect(s.title).toBe('Đối thoại về   trật tự đô thị');
    const live = await api.start(officer, s.id);
    expect(live.status).toBe('LIVE');
    expect(Date.parse(live.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await api.summary(who.leadership)).liveSessions).toBe(before + 1);
    const closed = await api.close(officer, s.id);
    expect(closed).toMatchObject({ status: 'CLOSED', startedAt: live.startedAt });
    expect(closed.closedAt >= live.startedAt).toBe(true);
    expect((await api.summary(who.leadership)).liveSessions).toBe(before);
  });

  it("answers the kiosk's check-in in at most 4 DynamoDB calls: a first one and a repeat in 3, a business representative's in 4", async () => {
    // The API's Apollo server and resolvers in process, over a domain whose client counts its commands.
    const stores = createStores({ tableName: LOCAL_TABLE_NAME, endpoint: dynamoEndpointOf(stack) });
    const { calls } = countCalls(stores.db);
    const domain = createDomain(stores);
    const server = createApolloServer();
    await server.start();
    const logger = new Logger({ serviceName: 'test', logLevel: 'ERROR' });
    const officer = await who.ward('tan-hung-2025');
    const s = await api.schedule(officer, { kind: 'PUBLIC', wardId: 'tan-hung-2025', scheduledAt: new Date(Date.now() - 60_000).toISOString() });
    await api.start(officer, s.id);
    const round = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', hostBody: 'Thuế cơ sở 7', wardId: 'tan-hung-2025', scheduledAt: new Date(Date.now() - 60_000).toISOString() });
    await api.start(who.tax, round.id);
    const firm = await api.register(who.tax, { taxCode: '0312888001', wardId: 'tan-hung-2025' });
    const officerActor: Actor = { id: 'test-officer-tan-hung-2025', role: 'WARD_OFFICER', wardId: 'tan-hung-2025' };
    const taxActor: Actor = { id: 'test-tax', role: 'TAX_OFFICER' };
    const kiosk = async (actor: Actor, input: Record<string, unknown>) => {
      calls.length = 0;
      const response = await server.executeOperation(
        { query: 'mutation ($input: CheckInInput!) { checkIn(input: $input) { delta attendance at session { id attendance } } }', variables: { input } },
        { contextValue: { actor, requestId: 'test', domain, logger } },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.errors).toBeUndefined();
      return { calls: [...calls], answer: (result!.data as any).checkIn };
    };
    await kiosk(officerActor, { sessionId: s.id, category: 'RESIDENT', count: 1, requestId: rid() }); // the instance reads the unit list once
    const first = await kiosk(officerActor, { sessionId: s.id, category: 'RESIDENT', count: 3, requestId: 'door-calls-1' });
    const repeat = await kiosk(officerActor, { sessionId: s.id, category: 'RESIDENT', count: 5, requestId: 'door-calls-1' });
    const business = await kiosk(taxActor, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', count: 1, businessId: firm.id, requestId: rid() });
    expect(first.calls).toEqual(['Get', 'TransactWrite', 'Query']);
    expect(first.answer).toMatchObject({ delta: 3, attendance: 4, session: { id: s.id, attendance: 4 } });
    // The repeat is answered from the first check-in, which the refused write returned (no extra read).
    expect(repeat.calls).toEqual(['Get', 'TransactWrite', 'Query']);
    expect(repeat.answer).toEqual({ ...first.answer });
    expect(business.calls).toEqual(['Get', 'Get', 'TransactWrite', 'Query']);
    expect(business.answer).toMatchObject({ delta: 1, attendance: 1 });
    await server.stop();
  });

  it('refuses every other lifecycle move with CONFLICT and changes nothing', async () => {
    const s = await api.schedule(who.admin, { kind: 'THEMATIC', scheduledAt: '2030-02-01T01:00:00.000Z' });
    const closeScheduled = await api.refused('mutation ($id: ID!) { closeSession(id: $id) { id } }', { id: s.id }, who.admin);
    expect(closeScheduled).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/SCHEDULED/) });
    await api.start(who.admin, s.id);
    expect((await api.refused('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: s.id }, who.admin)).code).toBe('CONFLICT');
    const closed = await api.close(who.admin, s.id);
    expect((await api.refused('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: s.id }, who.admin)).code).toBe('CONFLICT');
    expect((await api.refused('mutation ($id: ID!) { closeSession(id: $id) { id } }', { id: s.id }, who.admin)).code).toBe('CONFLICT');
    expect(await api.session(who.admin, s.id)).toMatchObject({ status: 'CLOSED', closedAt: closed.closedAt });
  });

  it('lets only one of two simultaneous starts win; the other is CONFLICT', async () => {
    const s = await api.schedule(who.admin, { kind: 'THEMATIC', scheduledAt: '2030-02-02T01:00:00.000Z' });
    const results = await Promise.all([0, 1, 2].map(() => stack.graphql('mutation ($id: ID!) { startSession(id: $id) { status } }', { id: s.id }, who.admin)));
    expect(results.filter((r) => r.body.data?.startSession?.status === 'LIVE')).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
  });

  it('refuses bad session input with BAD_USER_INPUT or NOT_FOUND and writes nothing', async () => {
    const before = (await api.summary(who.leadership)).sessions;
    const send = (input: Record<string, unknown>) =>
      api.refused(SCHEDULE, { input: { kind: 'PUBLIC', wardId: 'tan-hung-2025', title: 'Đối thoại', hostBody: 'UBND phường', scheduledAt: '2030-03-01T01:00:00.000Z', ...input } }, who.admin);
    expect(await send({ wardId: null })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/PUBLIC session needs a wardId/) });
    expect(await send({ title: 'x'.repeat(201) })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/at most 200/) });
    expect((await send({ title: '   ' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ title: 'Đối\u0007thoại' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ title: 'Dòng một\nDòng hai' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ hostBody: 'x'.repeat(301) })).code).toBe('BAD_USER_INPUT');
    expect((await send({ scheduledAt: '01/03/2030' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ scheduledAt: '2030-02-30T01:00:00Z' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ wardId: 'nowhere' })).code).toBe('NOT_FOUND');
    expect((await send({ kind: 'PARTY' })).code).toBe('BAD_USER_INPUT');
    expect((await api.summary(who.leadership)).sessions).toBe(before);
  });

  it('stores titles in NFC: the same title typed decomposed reads back composed, and length counts characters', async () => {
    const decomposed = 'Đối thoại Tân Hưng'.normalize('NFD');
    const s = await api.schedule(who.admin, { kind: 'THEMATIC', title: decomposed, scheduledAt: '2030-03-02T01:00:00.000Z' });
    expect(s.title).toBe('Đối thoại Tân Hưng'.normalize('NFC'));
    const long = 'ệ'.normalize('NFD').repeat(200); // 200 characters, 400+ code units decomposed
    expect((await api.schedule(who.admin, { kind: 'THEMATIC', title: long, scheduledAt: '2030-03-02T01:00:00.000Z' })).title).toHaveLength(200);
  });

  it('answers null for a session id that does not exist and NOT_FOUND when acting on one', async () => {
    expect((await api.ok('query { session(id: "01ARZ3NDEKTSV4RRFFQ69G5FAV") { id } }', {}, who.leadership)).session).toBeNull();
    expect((await api.refused('mutation { startSession(id: "01ARZ3NDEKTSV4RRFFQ69G5FAV") { id } }', {}, who.admin)).code).toBe('NOT_FOUND');
  });

  it('pages through 60 sessions newest first with no duplicate and no gap while new sessions are written between pages', async () => {
    const wardId = 'tan-thuan-2025';
    const officer = await who.ward(wardId);
    const created: { id: string; scheduledAt: string }[] = [];
    for (let batch = 0; batch < 6; batch += 1) {
      created.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) => {
            const day = String(1 + batch * 4 + (i % 4)).padStart(2, '0');
            return api.schedule(officer, { kind: 'PUBLIC', wardId, scheduledAt: `2029-01-${day}T0${i % 10}:00:00.000Z` });
          }),
        )),
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = (
        await api.ok(`query ($after: String) { sessions(wardId: "${wardId}", first: 7, after: $after) { totalCount edges { cursor node { id scheduledAt } } pageInfo { hasNextPage endCursor } } }`, { after }, who.leadership)
      ).sessions;
      seen.push(...page.edges.map((e: any) => e.node.id));
      const times = page.edges.map((e: any) => e.node.scheduledAt);
      expect([...times].sort().reverse()).toEqual(times);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
      // Meanwhile: a newer and an older session are written (the newer sorts before our position, the older after it).
      if (pages === 2) {
        await api.schedule(officer, { kind: 'PUBLIC', wardId, scheduledAt: '2029-12-31T01:00:00.000Z' });
        created.push(await api.schedule(officer, { kind: 'PUBLIC', wardId, scheduledAt: '2028-01-01T01:00:00.000Z' }));
      }
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(created.map((c) => c.id).sort());
    expect(pages).toBeGreaterThanOrEqual(9);
  });

  it('filters sessions by ward, kind and status, counts them, and lists a period newest first', async () => {
    const officer = await who.ward('tan-my-2025');
    const a = await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-my-2025', scheduledAt: '2027-05-01T01:00:00.000Z' });
    const b = await api.schedule(officer, { kind: 'PUBLIC', wardId: 'tan-my-2025', scheduledAt: '2027-06-01T01:00:00.000Z' });
    const t = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', hostBody: 'Chi cục Thuế Quận 7', wardId: 'tan-my-2025', scheduledAt: '2027-07-01T01:00:00.000Z' });
    const ids = async (args: string) => (await api.ok(`{ sessions(${args}) { totalCount edges { node { id } } } }`, {}, who.leadership)).sessions;
    expect(await ids('wardId: "tan-my-2025"')).toEqual({ totalCount: 3, edges: [{ node: { id: t.id } }, { node: { id: b.id } }, { node: { id: a.id } }] });
    expect(await ids('wardId: "tan-my-2025", status: LIVE')).toEqual({ totalCount: 1, edges: [{ node: { id: a.id } }] });
    expect(await ids('wardId: "tan-my-2025", kind: BUSINESS_TAX')).toEqual({ totalCount: 1, edges: [{ node: { id: t.id } }] });
    expect((await ids('kind: BUSINESS_TAX')).edges.map((e: any) => e.node.id)).toContain(t.id);
    const inPeriod = (await api.ok('{ sessionsInPeriod(period: { from: "2027-05-01T01:00:00Z", to: "2027-07-01T01:00:00Z" }, wardId: "tan-my-2025") { totalCount edges { node { id } } } }', {}, who.leadership))
      .sessionsInPeriod;
    expect(inPeriod).toEqual({ totalCount: 2, edges: [{ node: { id: b.id } }, { node: { id: a.id } }] });
    expect((await api.refused('{ sessions(after: "not-a-cursor") { totalCount } }', {}, who.leadership)).code).toBe('BAD_USER_INPUT');
    expect((await api.refused('{ sessions(first: 500) { totalCount } }', {}, who.leadership)).code).toBe('BAD_USER_INPUT');
  });

  describe('the role table, mutation by mutation', () => {
    type Kind = 'PUBLIC' | 'THEMATIC' | 'BUSINESS_TAX';
    const OWN = 'phu-thuan-2025';
    const actors: { name: string; token: () => Promise<string>; may: Kind[] }[] = [
      { name: 'LEADERSHIP', token: async () => who.leadership, may: [] },
      { name: 'WARD_OFFICER of the session ward', token: () => who.ward(OWN), may: ['PUBLIC'] },
      { name: 'WARD_OFFICER of another ward', token: () => who.ward('tan-hung-2025'), may: [] },
      { name: 'TAX_OFFICER', token: async () => who.tax, may: ['BUSINESS_TAX'] },
      { name: 'ADMIN', token: async () => who.admin, may: ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'] },
    ];
    for (const kind of ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'] as Kind[]) {
      for (const actor of actors) {
        const allowed = actor.may.includes(kind);
        it(`${actor.name} ${allowed ? 'may' : 'may not'} schedule, start, check in, raise, move and close on a ${kind} session`, async () => {
          const token = await actor.token();
          const input = { kind, wardId: OWN, scheduledAt: '2033-01-01T01:00:00.000Z' };
          if (allowed) {
            const s = await api.live(token, input);
            expect((await api.checkIn(token, { sessionId: s.id, count: 2, requestId: rid() })).attendance).toBe(2);
            const c = await api.raise(token, { sessionId: s.id, requestId: rid() });
            expect((await api.move(token, { concernId: c.id, to: 'ANSWERED_ON_SPOT', response: 'Đã trả lời tại chỗ.' })).status).toBe('ANSWERED_ON_SPOT');
            expect((await api.close(token, s.id)).status).toBe('CLOSED');
            return;
          }
          // Refused: every mutation, on sessions an ADMIN prepared, is FORBIDDEN and writes nothing.
          expect((await api.refused(SCHEDULE, { input: { title: 'T', hostBody: 'H', ...input } }, token)).code).toBe('FORBIDDEN');
          const scheduled = await api.schedule(who.admin, input);
          const live = await api.live(who.admin, input);
          const concern = await api.raise(who.admin, { sessionId: live.id, requestId: rid() });
          const attempts: [string, Record<string, unknown>][] = [
            ['mutation ($id: ID!) { startSession(id: $id) { id } }', { id: scheduled.id }],
            ['mutation ($id: ID!) { closeSession(id: $id) { id } }', { id: live.id }],
            ['mutation ($input: CheckInInput!) { checkIn(input: $input) { delta } }', { input: { sessionId: live.id, category: 'RESIDENT', requestId: rid() } }],
            ['mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }', { input: { sessionId: live.id, topic: 'T', text: 'X', authority: 'WARD', requestId: rid() } }],
            ['mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { id } }', { input: { concernId: concern.id, to: 'ANSWERED_ON_SPOT', response: 'R' } }],
          ];
          for (const [query, variables] of attempts) {
            const refusal = await api.refused(query, variables, token);
            expect(refusal.code, query).toBe('FORBIDDEN');
            expect(refusal.message.length).toBeGreaterThan(20);
          }
          expect(await api.session(who.admin, scheduled.id)).toMatchObject({ status: 'SCHEDULED' });
          expect(await api.session(who.admin, live.id)).toMatchObject({ status: 'LIVE', attendance: 0, concerns: { totalCount: 1 } });
          expect((await api.concern(who.admin, concern.id)).history).toHaveLength(1);
        });
      }
    }
    for (const actor of actors) {
      const allowed = actor.name === 'TAX_OFFICER' || actor.name === 'ADMIN';
      it(`${actor.name} ${allowed ? 'may' : 'may not'} register a business`, async () => {
        const taxCode = `03${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
        const token = await actor.token();
        if (allowed) {
          expect((await api.register(token, { taxCode })).taxCode).toBe(taxCode);
        } else {
          expect((await api.refused('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode, name: 'Công ty', sector: 'TRADE' } }, token)).code).toBe('FORBIDDEN');
          expect((await api.ok('query ($t: String!) { business(taxCode: $t) { id } }', { t: taxCode }, who.admin)).business).toBeNull();
        }
      });
    }
    it('every role reads sessions, summaries and the activity feed', async () => {
      for (const actor of actors) {
        const token = await actor.token();
        const data = await api.ok(`{ sessions(first: 1) { totalCount edges { node { ${SESSION_FIELDS} } } } summary { sessions } activity(first: 1) { edges { node { action } } } }`, {}, token);
        expect(data.sessions.totalCount).toBeGreaterThan(0);
      }
    });
  });

  it('records every accepted mutation in the activity feed with who, what and when, newest first, and nothing for refusals', async () => {
    const officer = await stack.token('WARD_OFFICER', 'tan-thuan-2025', 'activity-officer');
    const s = await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-thuan-2025', title: 'Đối thoại về thu gom rác', scheduledAt: '2030-09-09T01:00:00.000Z' });
    await api.checkIn(officer, { sessionId: s.id, count: 4, requestId: rid() });
    await api.refused('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: s.id }, officer);
    const feed = (await api.ok('{ activity(first: 3) { edges { node { action actorId role description at count category session { id } ward { id } } } } }', {}, who.leadership)).activity.edges.map((e: any) => e.node);
    expect(feed.map((a: any) => a.action)).toEqual(['CHECKED_IN', 'SESSION_STARTED', 'SESSION_SCHEDULED']);
    expect(feed.every((a: any) => a.actorId === 'activity-officer' && a.role === 'WARD_OFFICER' && a.session.id === s.id && a.ward.id === 'tan-thuan-2025')).toBe(true);
    expect(feed[0]).toMatchObject({ description: 'Checked in 4 × RESIDENT', count: 4, category: 'RESIDENT' });
    expect(feed[1]).toMatchObject({ count: null, category: null });
    expect(feed[2].description).toMatch(/thu gom rác/);
  });
});
