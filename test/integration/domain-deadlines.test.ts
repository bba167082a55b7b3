import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import { createDomain, type Domain } from '../../functions/domain/index.js';
import { startOfVietnamDate } from '../../functions/domain/kernel/vietnam-time.js';
import { addWorkingDays, dueAfterWorkingDays } from '../../functions/domain/kernel/working-days.js';
import { createStores } from '../../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { dynamoEndpointOf } from '../support/realtime-clients.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

const ADMIN: Actor = { id: 'test-admin', role: 'ADMIN' };
const CONCERN = 'id status authority raisedAt closedAt dueAt overdue deadlineRuleVersion history { from to at authority dueAt }';
const STATS = 'overdue timeToAnswer { authority answered medianWorkingDays p90WorkingDays }';
const SET_RULE = 'mutation ($input: SetDeadlineRuleInput!) { setDeadlineRule(input: $input) { version changedBy rules { authority sessionKind workingDays source } } }';

/** 09:00 Vietnam time on a date. */
const nineAm = (date: string) => new Date(Date.parse(startOfVietnamDate(date)) + 9 * 3_600_000).toISOString();

describe('deadlines, overdue concerns and time to answer', () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  let domain: Domain;
  /** The domain acting at an instant in the past, over the stack's own table. */
  const at = (instant: string) => domain.withClock(() => new Date(instant));

  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
    domain = createDomain(createStores({ tableName: LOCAL_TABLE_NAME, endpoint: dynamoEndpointOf(stack) }));
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  /** A PUBLIC session of a ward, held (and closed) on a date. */
  async function sessionOn(wardId: string, date: string) {
    const s = await at(new Date(Date.parse(nineAm(date)) - 86_400_000).toISOString()).sessions.scheduleSession(ADMIN, {
      kind: 'PUBLIC',
      title: 'Đối thoại',
      wardId,
      hostBody: 'UBND phường',
      scheduledAt: nineAm(date),
    });
    await at(nineAm(date)).sessions.startSession(ADMIN, s.id);
    return s.id;
  }

  it('gives a raised concern the WARD deadline, 10 working days, in its first history entry', async () => {
    const session = await api.live(await who.ward('phu-thuan-2025'), { kind: 'PUBLIC', wardId: 'phu-thuan-2025', scheduledAt: new Date().toISOString() });
    const raised = (await api.ok<any>(`mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { ${CONCERN} } }`, { input: { sessionId: session.id, topic: 'Đèn đường', text: 'Hỏng.', authority: 'WARD', requestId: rid() } }, who.admin)).raiseConcern;
    expect(raised.dueAt).toBe(dueAfterWorkingDays(raised.raisedAt, 10));
    expect(raised).toMatchObject({ overdue: false, deadlineRuleVersion: 0 });
    expect(raised.history).toEqual([{ from: null, to: 'OPEN', at: raised.raisedAt, authority: 'WARD', dueAt: raised.dueAt }]);
  });

  it("gives an escalated concern the new level's deadline from the day it was escalated, and shows both in its history", async () => {
    const sessionId = await sessionOn('tan-thuan-2025', '2026-06-01');
    const c = await at(nineAm('2026-06-01')).concerns.raiseConcern(ADMIN, { sessionId, topic: 'Ngập', text: 'Ngập.', authority: 'WARD', requestId: rid() });
    await at(nineAm('2026-06-03')).concerns.moveConcern(ADMIN, { concernId: c.id, to: 'IN_PROGRESS' });
    await at(nineAm('2026-06-10')).concerns.moveConcern(ADMIN, { concernId: c.id, to: 'ESCALATED', authority: 'CITY' });
    const read = (await api.ok<any>(`query ($id: ID!) { concern(id: $id) { ${CONCERN} } }`, { id: c.id }, who.leadership)).concern;
    const wardDue = dueAfterWorkingDays(nineAm('2026-06-01'), 10);
    const cityDue = dueAfterWorkingDays(nineAm('2026-06-10'), 32);
    expect(read.history.map((h: any) => [h.to, h.authority, h.dueAt])).toEqual([
      ['OPEN', 'WARD', wardDue],
      ['IN_PROGRESS', 'WARD', wardDue],
      ['ESCALATED', 'CITY', cityDue],
    ]);
    expect(read).toMatchObject({ status: 'ESCALATED', dueAt: cityDue, overdue: true });
    expect(cityDue > wardDue).toBe(true);
  });

  it('counts and lists overdue concerns per ward and district, and filters them out with overdue: false', async () => {
    const period = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };
    const sessionId = await sessionOn('phu-my', '2025-03-03');
    const raise = (date: string) => at(nineAm(date)).concerns.raiseConcern(ADMIN, { sessionId, topic: `Việc ${date}`, text: 'Nội dung.', authority: 'WARD', requestId: rid() });
    const late1 = await raise('2025-03-03');
    const late2 = await raise('2025-03-05');
    const answered = await raise('2025-03-04');
    await at(nineAm('2025-03-06')).concerns.moveConcern(ADMIN, { concernId: answered.id, to: 'RESOLVED', response: 'Đã sửa.' });
    // Phú Mỹ ended on 30/6/2025 (units through time): today's session is in Tân Mỹ, and its concern is not Phú Mỹ's.
    const current = await api.live(await who.ward('tan-my-2025'), { kind: 'PUBLIC', wardId: 'tan-my-2025', scheduledAt: new Date().toISOString() });
    const fresh = await api.raise(who.admin, { sessionId: current.id, requestId: rid() });

    const data = await api.ok<any>(
      `query ($p: PeriodInput) { summary(period: $p) { ${STATS} wards { ward { id } overdue } } ward(id: "phu-my") { stats(period: $p) { ${STATS} } all: stats { overdue } }
        late: concerns(wardId: "phu-my", overdue: true) { totalCount edges { node { id overdue } } }
        onTime: concerns(wardId: "phu-my", overdue: false, first: 50) { totalCount edges { node { id overdue } } } }`,
      { p: period },
      who.leadership,
    );
    expect(data.summary.overdue).toBe(2);
    expect(data.summary.wards.find((w: any) => w.ward.id === 'phu-my').overdue).toBe(2);
    expect(data.ward.stats.overdue).toBe(2);
    expect(data.ward.all.overdue).toBe(2);
    expect(data.late.edges.map((e: any) => e.node)).toEqual([
      { id: late1.id, overdue: true },
      { id: late2.id, overdue: true },
    ]);
    expect(data.late.totalCount).toBe(2);
    expect(data.onTime.edges.map((e: any) => e.node.id)).toEqual([answered.id]);
    expect((await api.concern(who.admin, fresh.id)).ward.id).toBe('tan-my-2025');
    expect(data.onTime.edges.every((e: any) => !e.node.overdue)).toBe(true);

    // Answering one takes it off the overdue list and counts at once.
    await at(nineAm('2025-04-15')).concerns.moveConcern(ADMIN, { concernId: late2.id, to: 'RESOLVED', response: 'Muộn.' });
    const after = await api.ok<any>('{ summary { overdue } ward(id: "phu-my") { stats { overdue } } concerns(overdue: true, wardId: "phu-my") { edges { node { id } } } }', {}, who.leadership);
    expect(after.ward.stats.overdue).toBe(1);
    expect(after.concerns.edges.map((e: any) => e.node.id)).toEqual([late1.id]);
    expect(after.summary.overdue).toBeGreaterThanOrEqual(1);
  });

  it('gives the median and 90th percentile of time to answer per level, for the ward and the district, from the counters', async () => {
    const period = { from: '2025-09-01T00:00:00.000Z', to: '2025-10-01T00:00:00.000Z' };
    const day = '2025-09-08'; // a Monday, after the National Day holidays (1–2 September 2025)
    const sessionId = await sessionOn('tan-hung-2025', day); // Tân Kiểng's successor since 1/7/2025
    const answerAfter = async (workingDays: number, level: 'WARD' | 'CITY') => {
      const c = await at(nineAm(day)).concerns.raiseConcern(ADMIN, { sessionId, topic: `Sau ${workingDays} ngày`, text: 'Nội dung.', authority: 'WARD', requestId: rid() });
      const when = nineAm(addWorkingDays(day, workingDays));
      if (level === 'WARD') {
        await at(when).concerns.moveConcern(ADMIN, { concernId: c.id, to: workingDays === 0 ? 'ANSWERED_ON_SPOT' : 'RESOLVED', response: 'Đã trả lời.' });
      } else {
        await at(nineAm(addWorkingDays(day, 1))).concerns.moveConcern(ADMIN, { concernId: c.id, to: 'ESCALATED', authority: 'CITY' });
        await at(when).concerns.moveConcern(ADMIN, { concernId: c.id, to: 'ANSWERED', response: 'Thành phố trả lời.' });
      }
    };
    for (const d of [0, 1, 2, 3, 10]) await answerAfter(d, 'WARD');
    await answerAfter(20, 'CITY');
    await at(nineAm(day)).concerns.raiseConcern(ADMIN, { sessionId, topic: 'Chưa trả lời', text: 'Nội dung.', authority: 'WARD', requestId: rid() });

    const data = await api.ok<any>(`query ($p: PeriodInput) { summary(period: $p) { ${STATS} } ward(id: "tan-hung-2025") { stats(period: $p) { ${STATS} } } }`, { p: period }, who.leadership);
    const expected = [
      { authority: null, answered: 6, medianWorkingDays: 2, p90WorkingDays: 20 },
      { authority: 'WARD', answered: 5, medianWorkingDays: 2, p90WorkingDays: 10 },
      { authority: 'DISTRICT', answered: 0, medianWorkingDays: null, p90WorkingDays: null },
      { authority: 'CITY', answered: 1, medianWorkingDays: 20, p90WorkingDays: 20 },
      { authority: 'CENTRAL', answered: 0, medianWorkingDays: null, p90WorkingDays: null },
    ];
    expect(data.ward.stats.timeToAnswer).toEqual(expected);
    expect(data.summary.timeToAnswer).toEqual(expected);
    expect(data.ward.stats.overdue).toBe(1);
    // Another period holds none of them.
    const other = await api.ok<any>(`query { ward(id: "tan-hung-2025") { stats(period: { from: "2025-10-01T00:00:00Z", to: "2025-11-01T00:00:00Z" }) { ${STATS} } } }`, {}, who.leadership);
    expect(other.ward.stats.timeToAnswer[0]).toEqual({ authority: null, answered: 0, medianWorkingDays: null, p90WorkingDays: null });
  });

  it('lets only an admin change a rule, refuses bad input, and applies a change to concerns raised afterwards only', async () => {
    const input = { authority: 'WARD', workingDays: 5, source: 'Local policy: trial of a faster answer.' };
    for (const token of [who.leadership, who.tax, await who.ward('phu-thuan-2025')]) {
      expect((await api.refused(SET_RULE, { input }, token)).code).toBe('FORBIDDEN');
    }
    expect((await api.refused(SET_RULE, { input: { ...input, workingDays: 0 } }, who.admin)).code).toBe('BAD_USER_INPUT');
    expect((await api.refused(SET_RULE, { input: { ...input, workingDays: 251 } }, who.admin)).code).toBe('BAD_USER_INPUT');
    expect((await api.refused(SET_RULE, { input: { ...input, source: '  ' } }, who.admin)).code).toBe('BAD_USER_INPUT');
    const before = (await api.ok<any>('{ deadlineRules { version rules { authority sessionKind workingDays source } } }', {}, who.leadership)).deadlineRules;
    expect(before.version).toBe(0);
    expect(before.rules.find((r: any) => r.authority === 'WARD').workingDays).toBe(10);
    expect(before.rules.every((r: any) => r.source.length > 10)).toBe(true);

    const session = await api.live(await who.ward('phu-thuan-2025'), { kind: 'PUBLIC', wardId: 'phu-thuan-2025', scheduledAt: new Date().toISOString() });
    const old = await api.raise(who.admin, { sessionId: session.id, requestId: rid() });
    const changed = (await api.ok<any>(SET_RULE, { input }, who.admin)).setDeadlineRule;
    expect(changed.version).toBe(1);
    expect(changed.changedBy).toBe('test-admin');
    // The level's own rule is replaced; a kind's rule at that level (BUSINESS_TAX: the tax office's) stays.
    expect(changed.rules.filter((r: any) => r.authority === 'WARD')).toEqual([
      { authority: 'WARD', sessionKind: null, workingDays: 5, source: input.source },
      before.rules.find((r: any) => r.authority === 'WARD' && r.sessionKind === 'BUSINESS_TAX'),
    ]);
    expect(changed.rules).toHaveLength(before.rules.length);

    const raise = `mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { ${CONCERN} } }`;
    const fresh = (await api.ok<any>(raise, { input: { sessionId: session.id, topic: 'Mới', text: 'Mới.', authority: 'WARD', requestId: rid() } }, who.admin)).raiseConcern;
    expect(fresh.dueAt).toBe(dueAfterWorkingDays(fresh.raisedAt, 5));
    expect(fresh.deadlineRuleVersion).toBe(1);
    const kept = (await api.ok<any>(`query ($id: ID!) { concern(id: $id) { ${CONCERN} } }`, { id: old.id }, who.admin)).concern;
    expect(kept.deadlineRuleVersion).toBe(0);
    expect(kept.dueAt).toBe(dueAfterWorkingDays(kept.raisedAt, 10));
  });
});
