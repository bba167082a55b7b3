import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

// The tax office's own review report on the real stack (issue #27): headed by its office and its
// superior (Decree 30/2020 layout), its rounds' figures frozen on issue; a tax officer drafts and
// issues its own office's reports and no others. Every refusal is read back: nothing written.
const NOW_OFFICE = 'thue-co-so-7-tphcm';
const OLD_OFFICE = 'chi-cuc-thue-quan-7';
const PERIOD = { from: '2033-12-31T17:00:00.000Z', to: '2034-12-31T17:00:00.000Z' }; // 2034 in Vietnam
const FIELDS = 'id status kind title issuingBody place signerTitle mayEdit number ward { id } taxOffice { id name parent { name } } taxDialogue { rounds businessesAttending questionsInAdvance byTopic { topic raised } satisfaction { responses average } }';
const CREATE = `mutation ($input: CreateReviewReportInput!) { createReviewReport(input: $input) { ${FIELDS} } }`;
const ISSUE = `mutation ($input: IssueReviewReportInput!) { issueReviewReport(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateReviewReportInput!) { updateReviewReport(input: $input) { ${FIELDS} } }`;
const LIST = 'query ($o: ID, $d: Boolean) { reviewReports(taxOfficeId: $o, district: $d, first: 50) { edges { node { id taxOffice { id } } } } }';
const MAY = 'query ($o: ID) { viewer { mayWriteReports(taxOfficeId: $o) } }';

describe("the tax office's own review report", () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  const listed = async (filter: { o?: string; d?: boolean }) => (await api.ok<any>(LIST, { o: filter.o ?? null, d: filter.d ?? null }, who.admin)).reviewReports.edges.map((e: any) => e.node);

  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('is drafted by the tax officer for its own office, headed by the office under its superior, with its rounds’ figures', async () => {
    const round = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: '2034-03-05T01:00:00.000Z' });
    await api.start(who.tax, round.id);
    const business = await api.register(who.tax, { taxCode: `0320${String(Date.now() % 1e6).padStart(6, '0')}`, wardId: 'tan-hung-2025', sector: 'SERVICES' });
    await api.checkIn(who.tax, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: business.id, requestId: rid() });
    await api.ok<any>('mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }', { input: { sessionId: round.id, businessId: business.id, topic: 'Hoàn thuế', text: 'Hoàn thuế GTGT chậm.', authority: 'WARD', taxTopic: 'VAT_REFUND', requestId: rid() } }, who.tax);
    await api.close(who.tax, round.id);

    expect((await api.ok<any>(MAY, { o: NOW_OFFICE }, who.tax)).viewer.mayWriteReports).toBe(true);
    expect((await api.ok<any>(MAY, { o: OLD_OFFICE }, who.tax)).viewer.mayWriteReports).toBe(false);
    expect((await api.ok<any>(MAY, { o: NOW_OFFICE }, who.leadership)).viewer.mayWriteReports).toBe(false);
    const report = (await api.ok<any>(CREATE, { input: { kind: 'TONG_KET', period: PERIOD, taxOfficeId: NOW_OFFICE } }, who.tax)).createReviewReport;
    expect(report).toMatchObject({
      status: 'DRAFT',
      title: 'Tổng kết công tác đối thoại với doanh nghiệp',
      issuingBody: 'THUẾ CƠ SỞ 7 THÀNH PHỐ HỒ CHÍ MINH',
      place: 'TP. Hồ Chí Minh',
      signerTitle: 'TRƯỞNG THUẾ CƠ SỞ',
      mayEdit: true,
      ward: null,
      taxOffice: { id: NOW_OFFICE, parent: { name: 'Thuế Thành phố Hồ Chí Minh' } },
    });
    expect(report.taxDialogue).toMatchObject({ rounds: 1, businessesAttending: 1 });
    expect(report.taxDialogue.byTopic.find((t: any) => t.topic === 'VAT_REFUND').raised).toBe(1);
    expect((await listed({ o: NOW_OFFICE })).map((r: any) => r.id)).toEqual([report.id]);
    expect((await listed({ d: true })).map((r: any) => r.id)).not.toContain(report.id);
    // The leadership reads it, and may not edit it.
    const read = (await api.ok<any>(`query ($id: ID!) { reviewReport(id: $id) { ${FIELDS} } }`, { id: report.id }, who.leadership)).reviewReport;
    expect(read.mayEdit).toBe(false);
    expect((await api.refused(UPDATE, { input: { id: report.id, assessment: 'x' } }, who.leadership)).code).toBe('FORBIDDEN');

    // Issued: numbered, and its figures frozen; a later round changes the live figures only.
    const issued = (await api.ok<any>(ISSUE, { input: { id: report.id, number: '15/BC-TCS7' } }, who.tax)).issueReviewReport;
    expect(issued).toMatchObject({ status: 'ISSUED', number: '15/BC-TCS7', mayEdit: false });
    const later = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: '2034-09-05T01:00:00.000Z' });
    await api.start(who.tax, later.id);
    const frozen = (await api.ok<any>(`query ($id: ID!) { reviewReport(id: $id) { ${FIELDS} } }`, { id: report.id }, who.tax)).reviewReport;
    expect(frozen.taxDialogue.rounds).toBe(1);
    const live = (await api.ok<any>('query ($p: PeriodInput, $o: ID) { taxDialogueStats(period: $p, taxOfficeId: $o) { rounds } }', { p: PERIOD, o: NOW_OFFICE }, who.tax)).taxDialogueStats;
    expect(live.rounds).toBe(2);
  });

  it("refuses a tax officer another office's report or the units' reports, and others a tax office's report (nothing written)", async () => {
    const before = await listed({});
    const create = (input: Record<string, unknown>, token: string) => api.refused(CREATE, { input: { kind: 'SO_KET', period: PERIOD, ...input } }, token);
    const notOwn = await create({ taxOfficeId: OLD_OFFICE }, who.tax);
    expect(notOwn.code).toBe('FORBIDDEN');
    expect(notOwn.message).toContain(NOW_OFFICE);
    expect((await create({}, who.tax)).code).toBe('FORBIDDEN');
    expect((await create({ wardId: 'tan-hung-2025' }, who.tax)).code).toBe('FORBIDDEN');
    expect((await create({ taxOfficeId: NOW_OFFICE }, who.leadership)).code).toBe('FORBIDDEN');
    expect((await create({ taxOfficeId: NOW_OFFICE }, await who.ward('tan-hung-2025'))).code).toBe('FORBIDDEN');
    expect((await create({ taxOfficeId: NOW_OFFICE, wardId: 'tan-hung-2025' }, who.admin)).code).toBe('BAD_USER_INPUT');
    expect((await create({ taxOfficeId: 'no-such-office' }, who.admin)).code).toBe('NOT_FOUND');
    expect(await listed({})).toEqual(before);
    // An administrator may draft any office's report, the predecessor's included.
    const old = (await api.ok<any>(CREATE, { input: { kind: 'SO_KET', period: { from: '2024-12-31T17:00:00.000Z', to: '2025-06-30T17:00:00.000Z' }, taxOfficeId: OLD_OFFICE } }, who.admin)).createReviewReport;
    expect(old).toMatchObject({ issuingBody: 'CHI CỤC THUẾ QUẬN 7', signerTitle: 'CHI CỤC TRƯỞNG', taxOffice: { parent: { name: 'Cục Thuế Thành phố Hồ Chí Minh' } } });
    // The tax officer may not edit or issue it.
    expect((await api.refused(ISSUE, { input: { id: old.id, number: '3/BC-CCT' } }, who.tax)).code).toBe('FORBIDDEN');
  });
});
