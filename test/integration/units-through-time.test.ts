import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import { createDomain, type Domain } from '../../functions/domain/index.js';
import { createStores } from '../../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { collect, connectClient, dynamoEndpointOf, tableOf } from '../support/realtime-clients.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

const ADMIN: Actor = { id: 'test-admin', role: 'ADMIN' };
const officer = (wardId: string): Actor => ({ id: `test-officer-${wardId}`, role: 'WARD_OFFICER', wardId });
const SPANNING = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };

describe('units through time: writes follow the date, the hand-over, whole and divided predecessors, totals across 1/7/2025', () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  let domain: Domain;
  /** The domain acting at an instant in the past, over the stack's own table. */
  const at = (instant: string) => domain.withClock(() => new Date(instant));

  /** A closed PUBLIC session in a ward on a date, with attendance, and concerns raised (left open) in it. */
  async function heldIn(wardId: string, scheduledAt: string, attendance: number, concerns: { authority: 'WARD' | 'DISTRICT'; move?: 'IN_PROGRESS' }[] = []) {
    const actor = officer(wardId);
    const s = await at(scheduledAt).sessions.scheduleSession(actor, { kind: 'PUBLIC', title: 'Đối thoại', wardId, hostBody: 'Đảng ủy - UBND phường', scheduledAt });
    await at(scheduledAt).sessions.startSession(actor, s.id);
    await at(scheduledAt).sessions.checkIn(actor, { sessionId: s.id, category: 'RESIDENT', count: attendance, requestId: rid() });
    const ids: string[] = [];
    for (const c of concerns) {
      const concern = await at(scheduledAt).concerns.raiseConcern(actor, { sessionId: s.id, topic: 'Ngập nước', text: 'Hẻm ngập khi triều cường.', authority: c.authority, requestId: rid() });
      if (c.move) await at(scheduledAt).concerns.moveConcern(actor, { concernId: concern.id, to: c.move, authority: c.authority });
      ids.push(concern.id);
    }
    await at(scheduledAt).sessions.closeSession(actor, s.id);
    return { session: s, concerns: ids };
  }

  let carried: { tanKieng: string; phuMy: string; district: string; answered: string };
  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
    domain = createDomain(createStores({ tableName: LOCAL_TABLE_NAME, endpoint: dynamoEndpointOf(stack) }));
    // Before the change: Tân Kiểng (whole into Tân Hưng), Phú Mỹ (divided), Tân Quy (whole into Tân Hưng).
    const kieng = await heldIn('tan-kieng', '2025-05-10T01:00:00.000Z', 40, [{ authority: 'WARD', move: 'IN_PROGRESS' }, { authority: 'DISTRICT', move: 'IN_PROGRESS' }]);
    const phuMy = await heldIn('phu-my', '2025-05-17T01:00:00.000Z', 30, [{ authority: 'WARD' }]);
    await heldIn('tan-quy', '2025-06-14T01:00:00.000Z', 20);
    // After the change: the new Tân Hưng.
    await heldIn('tan-hung-2025', '2025-09-06T01:00:00.000Z', 50);
    const answered = await at('2025-05-10T02:00:00.000Z').concerns.moveConcern(officer('tan-kieng'), { concernId: kieng.concerns[0]!, to: 'RESOLVED', authority: 'WARD', response: 'Đã giải quyết.' });
    carried = { tanKieng: kieng.concerns[1]!, phuMy: phuMy.concerns[0]!, district: '', answered: answered.id };
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('refuses a session in a ward on a date it was not in force, naming the successor, and writes nothing', async () => {
    const before = (await api.ok<any>('{ sessions { totalCount } }', {}, who.leadership)).sessions.totalCount;
    const ended = await api.refused('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', { i: { kind: 'PUBLIC', title: 'x', hostBody: 'y', wardId: 'tan-kieng', scheduledAt: '2026-03-01T01:00:00.000Z' } }, who.admin);
    expect(ended.code).toBe('BAD_USER_INPUT');
    expect(ended.message).toContain('tan-hung-2025');
    expect(ended.message).toContain('30/06/2025');
    const early = await api.refused('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', { i: { kind: 'PUBLIC', title: 'x', hostBody: 'y', wardId: 'tan-my-2025', scheduledAt: '2024-03-01T01:00:00.000Z' } }, who.admin);
    expect(early.code).toBe('BAD_USER_INPUT');
    expect(early.message).toMatch(/tan-phu.*phu-my|phu-my.*tan-phu/);
    expect((await api.ok<any>('{ sessions { totalCount } }', {}, who.leadership)).sessions.totalCount).toBe(before);
    // The day before the change the old ward was in force; the day of it, the new one.
    await expect(at('2025-06-01T00:00:00.000Z').sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: 'x', hostBody: 'y', wardId: 'tan-kieng', scheduledAt: '2025-06-30T16:59:59.000Z' })).resolves.toBeTruthy();
    await expect(at('2025-06-01T00:00:00.000Z').sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: 'x', hostBody: 'y', wardId: 'tan-kieng', scheduledAt: '2025-06-30T17:00:00.000Z' })).rejects.toThrow(/tan-hung-2025/);
  });

  it('refuses DISTRICT for concerns raised or moved from 1/7/2025, changing nothing', async () => {
    const s = await api.live(who.admin, { kind: 'PUBLIC', wardId: 'tan-hung-2025' });
    const raised = await api.refused('mutation ($i: RaiseConcernInput!) { raiseConcern(input: $i) { id } }', { i: { sessionId: s.id, topic: 't', text: 'x', authority: 'DISTRICT', requestId: rid() } }, who.admin);
    expect(raised.code).toBe('BAD_USER_INPUT');
    expect(raised.message).toMatch(/WARD → CITY → CENTRAL/);
    const c = await api.raise(who.admin, { sessionId: s.id, requestId: rid() });
    const moved = await api.refused('mutation ($i: MoveConcernInput!) { moveConcern(input: $i) { id } }', { i: { concernId: c.id, to: 'IN_PROGRESS', authority: 'DISTRICT' } }, who.admin);
    expect(moved.code).toBe('BAD_USER_INPUT');
    const after = await api.concern(who.admin, c.id);
    expect([after.status, after.authority, after.history.length]).toEqual(['OPEN', 'WARD', 1]);
    const offered = (await api.ok<any>('query ($id: ID!) { concern(id: $id) { allowedMoves { to authorities } } }', { id: c.id }, who.admin)).concern.allowedMoves;
    expect(offered.flatMap((m: any) => m.authorities)).not.toContain('DISTRICT');
  });

  it('lets a ward officer of an ended ward read but write nothing, and says why', async () => {
    const token = await who.ward('phu-my');
    const viewer = (await api.ok<any>('{ viewer { abilities { mayWrite readOnlyReason sessionKinds } } sessions { totalCount } }', {}, token)).viewer.abilities;
    expect(viewer.mayWrite).toBe(false);
    expect(viewer.sessionKinds).toEqual([]);
    expect(viewer.readOnlyReason).toContain('phu-thuan-2025');
    const refused = await api.refused('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', { i: { kind: 'PUBLIC', title: 'x', hostBody: 'y', wardId: 'phu-my', scheduledAt: '2025-03-01T01:00:00.000Z' } }, token);
    expect(refused.code).toBe('FORBIDDEN');
    const report = await api.refused('mutation ($i: CreateReviewReportInput!) { createReviewReport(input: $i) { id } }', { i: { kind: 'SO_KET', period: { from: '2025-01-01T00:00:00Z', to: '2025-07-01T00:00:00Z' }, wardId: 'phu-my' } }, token);
    expect(report.code).toBe('FORBIDDEN');
    expect((await api.ok<any>('{ viewer { mayWriteReports(wardId: "phu-my") } }', {}, token)).viewer.mayWriteReports).toBe(false);
    const current = (await api.ok<any>('{ viewer { abilities { mayWrite sessionKinds } } }', {}, await who.ward('tan-my-2025'))).viewer.abilities;
    expect(current).toEqual({ mayWrite: true, sessionKinds: ['PUBLIC'] });
  });

  it('says through the viewer who may handle a ward’s inputs and change the deadline rules, so the dashboard never decides by role name', async () => {
    const Q = '{ own: viewer { mayHandleInputs(wardId: "tan-my-2025") } other: viewer { mayHandleInputs(wardId: "tan-hung-2025") } viewer { abilities { mayChangeDeadlineRules } } }';
    const view = async (token: string) => {
      const d = await api.ok<any>(Q, {}, token);
      return [d.own.mayHandleInputs, d.other.mayHandleInputs, d.viewer.abilities.mayChangeDeadlineRules];
    };
    expect(await view(await who.ward('tan-my-2025'))).toEqual([true, false, false]);
    expect(await view(who.admin)).toEqual([true, true, true]);
    expect(await view(who.leadership)).toEqual([false, false, false]);
    // A ward officer whose ward has ended reads its inputs but handles none.
    const ended = await api.ok<any>('{ viewer { mayHandleInputs(wardId: "phu-my") } }', {}, await who.ward('phu-my'));
    expect(ended.viewer.mayHandleInputs).toBe(false);
  });

  it('previews, then applies the reorganisation once: whole successors take over, DISTRICT becomes WARD, the divided ward waits for a pick', async () => {
    const APPLY = 'mutation ($id: ID!, $dry: Boolean) { applyReorganisation(id: $id, dryRun: $dry) { dryRun awaitingSuccessor reorganisation { appliedAt } moves { authority to { id } concern { id ward { id } } } } }';
    expect((await api.refused(APPLY, { id: '2025-07-01-hcmc', dry: false }, who.leadership)).code).toBe('FORBIDDEN');
    const preview = (await api.ok<any>(APPLY, { id: '2025-07-01-hcmc', dry: true }, who.admin)).applyReorganisation;
    expect(preview.reorganisation.appliedAt).toBeNull();
    const planned = new Map(preview.moves.map((m: any) => [m.concern.id, m]));
    expect(planned.get(carried.tanKieng)).toMatchObject({ authority: 'WARD', to: { id: 'tan-hung-2025' } });
    expect(planned.get(carried.phuMy)).toMatchObject({ authority: 'WARD', to: null });
    expect(planned.has(carried.answered)).toBe(false);
    expect((await api.concern(who.admin, carried.tanKieng)).history).toHaveLength(2); // the preview wrote nothing
    // Two runs at once hand each concern over once.
    const [a, b] = await Promise.all([api.ok<any>(APPLY, { id: '2025-07-01-hcmc', dry: false }, who.admin), api.ok<any>(APPLY, { id: '2025-07-01-hcmc', dry: false }, who.admin)]);
    expect(a.applyReorganisation.moves.length + b.applyReorganisation.moves.length).toBe(preview.moves.length);
    const again = (await api.ok<any>(APPLY, { id: '2025-07-01-hcmc', dry: false }, who.admin)).applyReorganisation;
    expect(again.moves).toEqual([]);
    expect(again.reorganisation.appliedAt).not.toBeNull();
    const kieng = (await api.ok<any>('query ($id: ID!) { concern(id: $id) { ward { id } handledBy { id } authority status history { from to authority handedOverTo { id } legalBasis note } } }', { id: carried.tanKieng }, who.admin)).concern;
    expect(kieng).toMatchObject({ ward: { id: 'tan-kieng' }, handledBy: { id: 'tan-hung-2025' }, authority: 'WARD', status: 'IN_PROGRESS' });
    expect(kieng.history.filter((h: any) => h.handedOverTo)).toEqual([expect.objectContaining({ from: 'IN_PROGRESS', to: 'IN_PROGRESS', handedOverTo: { id: 'tan-hung-2025' }, legalBasis: 'Nghị quyết 1685/NQ-UBTVQH15' })]);
    // The successor finds it among the concerns handed over to it (its own lists hold what was raised in it).
    const handed = (await api.ok<any>('{ ward(id: "tan-hung-2025") { handedOverConcerns { id ward { id } } } }', {}, who.leadership)).ward.handedOverConcerns;
    expect(handed).toEqual([{ id: carried.tanKieng, ward: { id: 'tan-kieng' } }]);
    // The successor's live concerns board (concernChanged for its ward) receives the hand-over's later moves.
    const client = connectClient(stack, who.leadership);
    const live = collect(client, { query: 'subscription { concernChanged(wardId: "tan-hung-2025") { id status handledBy { id } } }' });
    await tableOf(stack).waitForSubscriptions('CONCERN#WARD#tan-hung-2025');
    // The successor's officer now moves it; the old ward's officer and another ward's do not.
    const MOVE = 'mutation ($i: MoveConcernInput!) { moveConcern(input: $i) { id } }';
    const resolve = { concernId: carried.tanKieng, to: 'RESOLVED', response: 'x' };
    expect((await api.refused(MOVE, { i: resolve }, await who.ward('tan-kieng'))).code).toBe('FORBIDDEN');
    expect((await api.refused(MOVE, { i: resolve }, await who.ward('tan-my-2025'))).code).toBe('FORBIDDEN');
    const moved = await api.move(await who.ward('tan-hung-2025'), { concernId: carried.tanKieng, to: 'RESOLVED', response: 'Phường Tân Hưng đã giải quyết.' });
    expect(moved.status).toBe('RESOLVED');
    const [pushed] = await live.waitFor(1);
    expect(pushed!.data?.concernChanged).toEqual({ id: carried.tanKieng, status: 'RESOLVED', handledBy: { id: 'tan-hung-2025' } });
    await client.dispose();
  });

  it('lists the Phú Mỹ concern until an admin or leader picks Phú Thuận or Tân Mỹ', async () => {
    const LIST = '{ concernsAwaitingSuccessor { id handledBy { id } successorCandidates { id } } }';
    const waiting = (await api.ok<any>(LIST, {}, who.leadership)).concernsAwaitingSuccessor;
    expect(waiting).toEqual([{ id: carried.phuMy, handledBy: null, successorCandidates: [{ id: 'phu-thuan-2025' }, { id: 'tan-my-2025' }] }]);
    const ASSIGN = 'mutation ($c: ID!, $w: ID!) { assignSuccessor(concernId: $c, wardId: $w) { handledBy { id } awaitingSuccessor } }';
    expect((await api.refused(ASSIGN, { c: carried.phuMy, w: 'tan-my-2025' }, await who.ward('tan-my-2025'))).code).toBe('FORBIDDEN');
    expect((await api.refused(ASSIGN, { c: carried.phuMy, w: 'tan-hung-2025' }, who.leadership)).code).toBe('BAD_USER_INPUT');
    expect((await api.ok<any>(ASSIGN, { c: carried.phuMy, w: 'tan-my-2025' }, who.leadership)).assignSuccessor).toEqual({ handledBy: { id: 'tan-my-2025' }, awaitingSuccessor: false });
    expect((await api.refused(ASSIGN, { c: carried.phuMy, w: 'phu-thuan-2025' }, who.leadership)).code).toBe('CONFLICT');
    expect((await api.ok<any>(LIST, {}, who.leadership)).concernsAwaitingSuccessor).toEqual([]);
    expect((await api.ok<any>('{ ward(id: "tan-my-2025") { handedOverConcerns { id } } }', {}, who.leadership)).ward.handedOverConcerns).toEqual([{ id: carried.phuMy }]);
  });

  it('sums whole predecessors into the new Tân Hưng and shows divided Phú Mỹ beside Tân Mỹ, never apportioned', async () => {
    const Q = `query ($id: ID!) { ward(id: $id) { lineageStats { own { attendance } combined { attendance wards { id } } predecessors { whole ward { id } stats { attendance } } } } }`;
    const hung = (await api.ok<any>(Q, { id: 'tan-hung-2025' }, who.leadership)).ward.lineageStats;
    const byId = Object.fromEntries(hung.predecessors.map((p: any) => [p.ward.id, p]));
    expect(Object.keys(byId).sort()).toEqual(['tan-hung', 'tan-kieng', 'tan-phong', 'tan-quy']);
    expect(hung.predecessors.every((p: any) => p.whole)).toBe(true);
    expect(hung.combined.attendance).toBe(hung.own.attendance + hung.predecessors.reduce((n: number, p: any) => n + p.stats.attendance, 0));
    expect(hung.combined.attendance).toBe(50 + 40 + 20);
    const my = (await api.ok<any>(Q, { id: 'tan-my-2025' }, who.leadership)).ward.lineageStats;
    const phuMy = my.predecessors.find((p: any) => p.ward.id === 'phu-my');
    expect(phuMy).toMatchObject({ whole: false, stats: { attendance: 30 } });
    expect(my.combined.wards.map((w: any) => w.id)).toEqual(['tan-my-2025', 'tan-phu']);
    expect(my.combined.attendance).toBe(my.own.attendance + my.predecessors.filter((p: any) => p.whole).reduce((n: number, p: any) => n + p.stats.attendance, 0));
  });

  it('counts every record once over a period across 1/7/2025, listing the units in force at some moment of it', async () => {
    const s = await api.summary(who.leadership, SPANNING);
    const ids = s.wards.map((w: any) => w.ward.id);
    expect(ids).toEqual(['tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025', 'phu-thuan', 'tan-quy', 'tan-phong', 'tan-hung', 'binh-thuan', 'tan-thuan-dong', 'tan-thuan-tay', 'tan-kieng', 'tan-phu', 'phu-my']);
    expect(s.attendance).toBe(40 + 30 + 20 + 50);
    expect(s.wards.reduce((n: number, w: any) => n + w.attendance, 0)).toBe(s.attendance);
    const before = await api.summary(who.leadership, { from: '2008-01-01T00:00:00.000Z', to: '2009-01-01T00:00:00.000Z' });
    expect(before.wards).toHaveLength(10);
    const now = (await api.ok<any>('{ wards { id } old: wards(asOf: "2025-06-30T16:59:59Z") { id } new: wards(asOf: "2025-06-30T17:00:00Z") { id } }', {}, who.leadership));
    expect(now.wards.map((w: any) => w.id)).toEqual(['tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025']);
    expect(now.old).toHaveLength(10);
    expect(now.new).toHaveLength(4);
  });
});
