import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const TOTALS = 'period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged';
const OUTCOMES = 'open answeredOnSpot inProgress resolved escalated answered';
export const REPORT_FIELDS = `period { from to } wardId wardName generatedAt totals { ${TOTALS} } attendanceByCategory { category count }
  wards { wardId wardName rolloutWave sessions attendance concerns concernsClosed } waves { wave wards sessions attendance } kinds { kind sessions attendance }
  thematicDialogues { sessionId title hostBody scheduledAt attendance attendanceByCategory { category count } }
  tax { rounds businessesEngaged bySector { sector businesses } outcomes { ${OUTCOMES} } escalatedToCity }
  concerns { raised answeredOnSpot resolvedByWard resolvedByDistrict escalatedWaiting answeredAfterEscalation waiting outcomes { ${OUTCOMES} } byLevel { status authority count } }
  waitingConcerns { concernId topic wardId wardName authority status raisedAt daysWaited } previous { ${TOTALS} }`;
const REPORT = `query ($p: PeriodInput!, $w: ID) { report(period: $p, wardId: $w) { ${REPORT_FIELDS} } }`;
const REVIEW = `id kind status period { from to } ward { id } title issuingBody place assessment lessons nextSteps signerTitle signerName number issuedAt createdBy figures { ${REPORT_FIELDS} }`;
const CREATE = `mutation ($input: CreateReviewReportInput!) { createReviewReport(input: $input) { ${REVIEW} } }`;
const UPDATE = `mutation ($input: UpdateReviewReportInput!) { updateReviewReport(input: $input) { ${REVIEW} } }`;
const ISSUE = `mutation ($input: IssueReviewReportInput!) { issueReviewReport(input: $input) { ${REVIEW} } }`;

describe('review reports: figures, documents, snapshots and who may write them', () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  let officer: string;
  let liveTanHung: string;
  // A period around now (concerns count by raisedAt, which is now), and the one of the same length before it.
  const now = Date.now();
  const period = { from: iso(now - 100 * DAY), to: iso(now + 100 * DAY) };
  const report = async (token: string, wardId?: string) => (await api.ok<any>(REPORT, { p: period, w: wardId }, token)).report;

  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
    officer = await who.ward('tan-hung-2025');
    const phuThuan = await who.ward('phu-thuan-2025');
    // Tân Hưng: a PUBLIC session with 10 residents and 2 officials, and six concerns with every outcome.
    liveTanHung = (await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-hung-2025', scheduledAt: iso(now - 50 * DAY) })).id;
    await api.checkIn(officer, { sessionId: liveTanHung, count: 10, requestId: rid() });
    await api.checkIn(officer, { sessionId: liveTanHung, count: 2, category: 'OFFICIAL', requestId: rid() });
    const raise = (authority = 'WARD') => api.raise(officer, { sessionId: liveTanHung, authority, requestId: rid('c') });
    await api.move(officer, { concernId: (await raise()).id, to: 'ANSWERED_ON_SPOT', response: 'Đã trả lời tại chỗ.' });
    await api.move(officer, { concernId: (await raise()).id, to: 'RESOLVED', response: 'Phường đã giải quyết.' });
    // The district level ended on 1/7/2025 (units through time): a concern taken up after the move is the ward's.
    const followedUp = (await raise()).id;
    await api.move(officer, { concernId: followedUp, to: 'IN_PROGRESS', authority: 'WARD' });
    await api.move(officer, { concernId: followedUp, to: 'RESOLVED', response: 'Phường đã giải quyết sau khi kiểm tra.' });
    const toCity = (await raise()).id;
    await api.move(officer, { concernId: toCity, to: 'ESCALATED', authority: 'CITY' });
    await api.move(officer, { concernId: toCity, to: 'ANSWERED', response: 'Thành phố đã trả lời.' });
    await api.move(officer, { concernId: (await raise()).id, to: 'ESCALATED', authority: 'CENTRAL' });
    await raise();
    // Phú Thuận: 7 residents.
    const pt = await api.live(phuThuan, { kind: 'PUBLIC', wardId: 'phu-thuan-2025', scheduledAt: iso(now - 40 * DAY) });
    await api.checkIn(phuThuan, { sessionId: pt.id, count: 7, requestId: rid() });
    // A youth-union dialogue (district level, admin): 30 youth-union and 5 party members.
    const youth = await api.live(who.admin, { kind: 'THEMATIC', wardId: null, hostBody: 'Đoàn TNCS Hồ Chí Minh Quận 7', title: 'Đối thoại với thanh niên', scheduledAt: iso(now - 30 * DAY) });
    await api.checkIn(who.admin, { sessionId: youth.id, count: 30, category: 'YOUTH_UNION_MEMBER', requestId: rid() });
    await api.checkIn(who.admin, { sessionId: youth.id, count: 5, category: 'PARTY_MEMBER', requestId: rid() });
    // A tax round: two trading businesses check in, a service business raises a concern (3 engaged).
    const round = await api.live(who.tax, { kind: 'BUSINESS_TAX', wardId: null, hostBody: 'Chi cục Thuế Quận 7', scheduledAt: iso(now - 20 * DAY) });
    const code = () => String(3100000000 + Math.floor(Math.random() * 99999999));
    const b1 = await api.register(who.tax, { taxCode: code(), sector: 'TRADE', wardId: 'tan-hung-2025' });
    const b2 = await api.register(who.tax, { taxCode: code(), sector: 'TRADE', wardId: 'phu-thuan-2025' });
    const b3 = await api.register(who.tax, { taxCode: code(), sector: 'SERVICES', wardId: 'tan-hung-2025' });
    for (const b of [b1, b2]) await api.checkIn(who.tax, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: b.id, requestId: rid() });
    await api.raise(who.tax, { sessionId: round.id, businessId: b3.id, authority: 'CITY', requestId: rid('t') });
    // The previous period: one Tân Hưng session with 4 residents. After the period: one not counted.
    const before = await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-hung-2025', scheduledAt: iso(now - 200 * DAY) });
    await api.checkIn(officer, { sessionId: before.id, count: 4, requestId: rid() });
    await api.schedule(officer, { kind: 'PUBLIC', wardId: 'tan-hung-2025', scheduledAt: iso(now + 150 * DAY) });
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('reports the same numbers as summary and Ward.stats for the same period', async () => {
    const [r, summary] = await Promise.all([report(who.leadership), api.summary(who.leadership, period)]);
    expect(r.totals).toMatchObject({ sessions: summary.sessions, attendance: summary.attendance, taxRounds: summary.tax.rounds, businessesEngaged: summary.tax.businessesEngaged });
    expect(r.attendanceByCategory).toEqual(summary.attendanceByCategory);
    expect(r.wards.map((w: any) => ({ ward: { id: w.wardId }, sessions: w.sessions, attendance: w.attendance, concerns: w.concerns, concernsClosed: w.concernsClosed }))).toEqual(summary.wards);
    expect(r.concerns.outcomes).toEqual(summary.concerns);
    expect(r.tax.outcomes).toEqual(summary.tax.outcomes);
    expect(r.tax.escalatedToCity).toBe(summary.tax.escalatedToCity);
    const closed = summary.concerns.answeredOnSpot + summary.concerns.resolved + summary.concerns.answered;
    expect([r.totals.concerns, r.totals.concernsClosed]).toEqual([r.concerns.raised, closed]);
    for (const wardId of ['tan-hung-2025', 'phu-thuan-2025']) {
      const [wr, stats] = await Promise.all([report(who.leadership, wardId), api.wardStats(who.leadership, wardId, period)]);
      expect({ sessions: wr.totals.sessions, attendance: wr.totals.attendance, concerns: wr.totals.concerns, concernsClosed: wr.totals.concernsClosed }).toEqual(stats);
      expect(wr.wards).toHaveLength(1);
      expect(wr.wards[0]).toMatchObject({ wardId, ...stats });
    }
  });

  it('counts sessions and attendance per ward, per rollout wave and per kind', async () => {
    const r = await report(who.leadership);
    expect(r.totals).toMatchObject({ sessions: 4, attendance: 12 + 7 + 35 + 2 });
    expect(r.wards.find((w: any) => w.wardId === 'tan-hung-2025')).toMatchObject({ wardName: "Tân Hưng", sessions: 1, attendance: 12, concerns: 7, concernsClosed: 4 });
    expect(r.wards.find((w: any) => w.wardId === 'phu-thuan-2025')).toMatchObject({ rolloutWave: 'PILOT', sessions: 1, attendance: 7 });
    expect(r.kinds).toEqual([
      { kind: 'PUBLIC', sessions: 2, attendance: 19 },
      { kind: 'THEMATIC', sessions: 1, attendance: 35 },
      { kind: 'BUSINESS_TAX', sessions: 1, attendance: 2 },
    ]);
    expect(r.waves.reduce((n: number, w: any) => n + w.sessions, 0)).toBe(2);
    expect(r.waves.reduce((n: number, w: any) => n + w.wards, 0)).toBe(r.wards.length);
    expect(r.waves.find((w: any) => w.wave === 'PILOT')).toMatchObject({ sessions: 1, attendance: 7 });
    expect(r.thematicDialogues).toEqual([
      expect.objectContaining({
        hostBody: 'Đoàn TNCS Hồ Chí Minh Quận 7',
        attendance: 35,
        attendanceByCategory: [
          { category: 'YOUTH_UNION_MEMBER', count: 30 },
          { category: 'PARTY_MEMBER', count: 5 },
        ],
      }),
    ]);
    expect(r.previous).toMatchObject({ period: { from: iso(now - 300 * DAY), to: period.from }, sessions: 1, attendance: 4, concerns: 0 });
  });

  it('counts concerns by outcome and level, and lists the waiting ones with the days they waited', async () => {
    const r = await report(who.leadership);
    expect(r.concerns).toMatchObject({ raised: 7, answeredOnSpot: 1, resolvedByWard: 2, resolvedByDistrict: 0, answeredAfterEscalation: 1, escalatedWaiting: 1, waiting: 3 });
    expect(r.concerns.byLevel).toEqual(
      expect.arrayContaining([
        { status: 'RESOLVED', authority: 'WARD', count: 2 },
        { status: 'ESCALATED', authority: 'CENTRAL', count: 1 },
        { status: 'OPEN', authority: 'CITY', count: 1 },
      ]),
    );
    expect(r.concerns.byLevel.some((c: any) => c.authority === 'DISTRICT')).toBe(false);
    expect(r.concerns.byLevel.reduce((n: number, c: any) => n + c.count, 0)).toBe(7);
    expect(r.waitingConcerns).toHaveLength(3);
    expect(r.waitingConcerns.map((c: any) => c.status).sort()).toEqual(['ESCALATED', 'OPEN', 'OPEN']);
    for (const c of r.waitingConcerns) expect(c.daysWaited).toBe(Math.floor((Date.parse(r.generatedAt) - Date.parse(c.raisedAt)) / DAY));
    expect(r.tax).toMatchObject({ rounds: 1, businessesEngaged: 3, bySector: [{ sector: 'TRADE', businesses: 2 }, { sector: 'SERVICES', businesses: 1 }] });
    const ward = await report(who.leadership, 'tan-hung-2025');
    // The tax concern counts for Tân Hưng too: the round has no ward, the business is in Tân Hưng.
    expect(ward.concerns).toMatchObject({ raised: 7, waiting: 3, resolvedByWard: 2 });
    expect(ward.waitingConcerns.every((c: any) => c.wardId === 'tan-hung-2025' && c.wardName === 'Tân Hưng')).toBe(true);
    expect(ward.tax.bySector).toEqual([{ sector: 'TRADE', businesses: 1 }, { sector: 'SERVICES', businesses: 1 }]);
  });

  it('refuses a report without a valid period or with an unknown ward', async () => {
    expect((await api.refused(REPORT, { p: { from: period.to, to: period.from } }, who.leadership)).code).toBe('BAD_USER_INPUT');
    expect((await api.refused(REPORT, { p: period, w: 'no-such-ward' }, who.leadership)).code).toBe('NOT_FOUND');
  });

  it('names who issues a report, what it covers and whom it goes to, as in force on its last day', async () => {
    const address = 'areaName sentTo issuingBody place';
    const at = async (p: { from: string; to: string }, w?: string) => (await api.ok<any>(`query ($p: PeriodInput!, $w: ID) { report(period: $p, wardId: $w) { ${address} } }`, { p, w }, who.leadership)).report;
    const years2006to2010 = { from: '2005-12-31T17:00:00.000Z', to: '2010-12-31T17:00:00.000Z' };
    expect(await at(years2006to2010)).toEqual({ areaName: 'Quận 7', sentTo: 'UBND Quận 7', issuingBody: 'ỦY BAN NHÂN DÂN QUẬN 7', place: 'Quận 7' });
    expect(await at(years2006to2010, 'tan-hung')).toEqual({ areaName: 'phường Tân Hưng', sentTo: 'UBND Quận 7', issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG TÂN HƯNG', place: 'Phường Tân Hưng' });
    // A year across 1/7/2025 ends after the district: the jurisdiction, and the city above it.
    const year2025 = { from: '2024-12-31T17:00:00.000Z', to: '2025-12-31T17:00:00.000Z' };
    expect(await at(year2025)).toEqual({ areaName: 'Khu vực Quận 7 cũ', sentTo: 'UBND Thành phố Hồ Chí Minh', issuingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', place: 'Thành phố Hồ Chí Minh' });
    expect(await at(year2025, 'tan-hung-2025')).toEqual({ areaName: 'phường Tân Hưng', sentTo: 'UBND Thành phố Hồ Chí Minh', issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG TÂN HƯNG', place: 'Phường Tân Hưng' });
    const old = (await api.ok<any>(CREATE, { input: { kind: 'TONG_KET', period: years2006to2010 } }, who.leadership)).createReviewReport;
    expect(old).toMatchObject({ issuingBody: 'ỦY BAN NHÂN DÂN QUẬN 7', place: 'Quận 7' });
    await api.ok(ISSUE, { input: { id: old.id, number: '3/BC-UBND' } }, who.leadership); // leaves no district draft behind
  });

  it('lets leadership draft and issue a district report; issuing freezes its figures and later data never changes it', async () => {
    const draft = (await api.ok<any>(CREATE, { input: { kind: 'SO_KET', period, assessment: 'Đánh giá chung.' } }, who.leadership)).createReviewReport;
    // Today's whole area is issued by the body in force now, from the data: no district since 1/7/2025.
    expect(draft).toMatchObject({ status: 'DRAFT', ward: null, number: null, issuingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', place: 'Thành phố Hồ Chí Minh', createdBy: 'test-leader' });
    const live = await report(who.leadership);
    expect({ ...draft.figures, generatedAt: null }).toEqual({ ...live, generatedAt: null });
    const edited = (await api.ok<any>(UPDATE, { input: { id: draft.id, lessons: 'Bài học kinh nghiệm.', nextSteps: 'Phương hướng.' } }, who.leadership)).updateReviewReport;
    expect(edited).toMatchObject({ assessment: 'Đánh giá chung.', lessons: 'Bài học kinh nghiệm.', nextSteps: 'Phương hướng.' });
    expect((await api.refused(ISSUE, { input: { id: draft.id, number: 'forty-five' } }, who.leadership)).code).toBe('BAD_USER_INPUT');
    const issued = (await api.ok<any>(ISSUE, { input: { id: draft.id, number: '45/BC-UBND' } }, who.leadership)).issueReviewReport;
    expect(issued).toMatchObject({ status: 'ISSUED', number: '45/BC-UBND' });
    expect(issued.issuedAt).toBeTruthy();
    // Data arriving after issuing: 9 more attendees and a new concern in the period.
    await api.checkIn(officer, { sessionId: liveTanHung, count: 9, requestId: rid() });
    await api.raise(officer, { sessionId: liveTanHung, requestId: rid('late') });
    const after = await report(who.leadership);
    expect([after.totals.attendance, after.concerns.raised]).toEqual([live.totals.attendance + 9, live.concerns.raised + 1]);
    const reread = (await api.ok<any>(`query ($id: ID!) { reviewReport(id: $id) { ${REVIEW} } }`, { id: draft.id }, who.admin)).reviewReport;
    expect(reread.figures).toEqual(issued.figures);
    expect(reread.figures.totals.attendance).toBe(live.totals.attendance);
    // An issued report cannot change, nor be issued again.
    expect((await api.refused(UPDATE, { input: { id: draft.id, assessment: 'Sửa.' } }, who.leadership)).code).toBe('CONFLICT');
    expect((await api.refused(ISSUE, { input: { id: draft.id, number: '46/BC-UBND' } }, who.admin)).code).toBe('CONFLICT');
    const still = (await api.ok<any>(`query ($id: ID!) { reviewReport(id: $id) { assessment number } }`, { id: draft.id }, who.admin)).reviewReport;
    expect(still).toEqual({ assessment: 'Đánh giá chung.', number: '45/BC-UBND' });
    // Every step is in the activity trail.
    const feed = (await api.ok<any>('{ activity(first: 100) { edges { node { action actorId reviewReport { id } } } } }', {}, who.admin)).activity.edges.map((e: any) => e.node);
    const steps = feed.filter((a: any) => a.reviewReport?.id === draft.id).map((a: any) => a.action);
    expect(steps).toEqual(['REPORT_ISSUED', 'REPORT_UPDATED', 'REPORT_CREATED']);
  });

  it('lets a ward officer write reports for its own ward only; a tax officer none; refusals write nothing', async () => {
    const count = async () => (await api.ok<any>('{ reviewReports(first: 100) { edges { node { id } } } }', {}, who.admin)).reviewReports.edges.length;
    const before = await count();
    const refusals = [
      [CREATE, { input: { kind: 'SO_KET', period, wardId: 'phu-thuan-2025' } }, officer, 'FORBIDDEN'],
      [CREATE, { input: { kind: 'SO_KET', period } }, officer, 'FORBIDDEN'],
      [CREATE, { input: { kind: 'SO_KET', period, wardId: 'tan-hung-2025' } }, who.tax, 'FORBIDDEN'],
      [CREATE, { input: { kind: 'TONG_KET', period: { from: period.to, to: period.from } } }, who.leadership, 'BAD_USER_INPUT'],
      [CREATE, { input: { kind: 'TONG_KET', period, title: '' } }, who.admin, 'BAD_USER_INPUT'],
      [CREATE, { input: { kind: 'TONG_KET', period, wardId: 'no-such-ward' } }, who.admin, 'NOT_FOUND'],
    ] as const;
    for (const [query, variables, token, code] of refusals) expect((await api.refused(query, variables as any, token)).code, JSON.stringify(variables)).toBe(code);
    expect(await count()).toBe(before);
    const own = (await api.ok<any>(CREATE, { input: { kind: 'TONG_KET', period, wardId: 'tan-hung-2025' } }, officer)).createReviewReport;
    expect(own).toMatchObject({ ward: { id: 'tan-hung-2025' }, place: 'Phường Tân Hưng', issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG TÂN HƯNG' });
    expect(own.figures.wardId).toBe('tan-hung-2025');
    const other = await api.ok<any>(CREATE, { input: { kind: 'SO_KET', period, wardId: 'phu-thuan-2025' } }, who.admin);
    const otherId = other.createReviewReport.id;
    expect((await api.refused(UPDATE, { input: { id: otherId, assessment: 'x' } }, officer)).code).toBe('FORBIDDEN');
    expect((await api.refused(ISSUE, { input: { id: otherId, number: '1/BC-UBND' } }, officer)).code).toBe('FORBIDDEN');
    expect((await api.refused(UPDATE, { input: { id: otherId, assessment: 'x' } }, who.tax)).code).toBe('FORBIDDEN');
    expect((await api.refused(UPDATE, { input: { id: 'NOPE', assessment: 'x' } }, who.admin)).code).toBe('NOT_FOUND');
    const issued = (await api.ok<any>(ISSUE, { input: { id: own.id, number: '12/BC-UBND', issuedAt: '2026-12-01T03:00:00.000Z' } }, officer)).issueReviewReport;
    expect(issued).toMatchObject({ status: 'ISSUED', issuedAt: '2026-12-01T03:00:00.000Z' });
    const wardList = (await api.ok<any>('{ reviewReports(wardId: "tan-hung-2025") { edges { node { id status } } } }', {}, who.leadership)).reviewReports.edges.map((e: any) => e.node);
    expect(wardList).toEqual([{ id: own.id, status: 'ISSUED' }]);
    const districtDrafts = (await api.ok<any>('{ reviewReports(district: true, status: DRAFT) { edges { node { id } } } }', {}, who.leadership)).reviewReports.edges;
    expect(districtDrafts).toEqual([]);

    // What the API says each token may do (the dashboard shows the editor and the create form by it)
    // is exactly what the mutations above accepted and refused.
    const mayEdit = async (token: string, id: string) => (await api.ok<any>('query ($id: ID!) { reviewReport(id: $id) { mayEdit } }', { id }, token)).reviewReport.mayEdit;
    expect(await mayEdit(officer, otherId)).toBe(false);
    expect(await mayEdit(who.tax, otherId)).toBe(false);
    expect(await mayEdit(who.admin, otherId)).toBe(true);
    expect(await mayEdit(who.leadership, otherId)).toBe(true);
    expect(await mayEdit(officer, own.id)).toBe(false); // issued
    const mayWrite = async (token: string) =>
      (await api.ok<any>('{ viewer { district: mayWriteReports own: mayWriteReports(wardId: "tan-hung-2025") other: mayWriteReports(wardId: "phu-thuan-2025") } }', {}, token)).viewer;
    expect(await mayWrite(officer)).toEqual({ district: false, own: true, other: false });
    expect(await mayWrite(who.tax)).toEqual({ district: false, own: false, other: false });
    expect(await mayWrite(who.leadership)).toEqual({ district: true, own: true, other: true });
    expect(await mayWrite(who.admin)).toEqual({ district: true, own: true, other: true });
    expect((await api.refused('{ viewer { mayWriteReports(wardId: "no-such-ward") } }', {}, who.leadership)).code).toBe('NOT_FOUND');
  });
});
