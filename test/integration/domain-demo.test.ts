import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { fastDataDir } from './domain-support.js';

const REPORT_YEARS = { from: '2006-01-01T00:00:00.000Z', to: '2011-01-01T00:00:00.000Z' };

describe('the demo dataset (npm start on an empty database)', () => {
  let stack: RunningStack;
  let token: string;
  const query = async (q: string, variables: Record<string, unknown> = {}) => expectData<any>(await stack.graphql(q, variables, token));
  beforeAll(async () => {
    stack = await startStack({ demo: true, dataDir: fastDataDir() });
    token = await stack.token('LEADERSHIP');
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('reproduces the report: Bình Thuận 5 sessions / 293 attendance and Tân Hưng 6 / 306 in 2006–2010', async () => {
    const data = await query('query ($p: PeriodInput) { bt: ward(id: "binh-thuan") { stats(period: $p) { sessions attendance } } th: ward(id: "tan-hung") { stats(period: $p) { sessions attendance } } }', { p: REPORT_YEARS });
    expect(data.bt.stats).toEqual({ sessions: 5, attendance: 293 });
    expect(data.th.stats).toEqual({ sessions: 6, attendance: 306 });
  });

  it("reproduces the thematic dialogues: 3 youth sessions with 396 youth-union members and 122 party members, 1 women's-union session with 47", async () => {
    const data = await query('query ($p: PeriodInput!) { sessionsInPeriod(period: $p, kind: THEMATIC, first: 20) { totalCount edges { node { title hostBody ward { id } attendanceByCategory { category count } } } } }', { p: REPORT_YEARS });
    const sessions = data.sessionsInPeriod.edges.map((e: any) => e.node);
    expect(data.sessionsInPeriod.totalCount).toBe(4);
    const youth = sessions.filter((s: any) => s.hostBody.includes('Đoàn'));
    const women = sessions.filter((s: any) => s.hostBody.includes('Phụ nữ'));
    expect(youth).toHaveLength(3);
    expect(women).toHaveLength(1);
    const sum = (list: any[], category: string) => list.flatMap((s) => s.attendanceByCategory).filter((c: any) => c.category === category).reduce((n: number, c: any) => n + c.count, 0);
    expect([sum(youth, 'YOUTH_UNION_MEMBER'), sum(youth, 'PARTY_MEMBER')]).toEqual([396, 122]);
    expect(women[0].attendanceByCategory).toEqual([{ category: 'WOMENS_UNION_MEMBER', count: 47 }]);
    expect(sessions.every((s: any) => s.ward === null)).toBe(true);
    const summary = (await query('query ($p: PeriodInput) { summary(period: $p) { attendanceByCategory { category count } } }', { p: REPORT_YEARS })).summary;
    expect(summary.attendanceByCategory.filter((c: any) => ['YOUTH_UNION_MEMBER', 'PARTY_MEMBER', 'WOMENS_UNION_MEMBER'].includes(c.category))).toEqual([
      { category: 'YOUTH_UNION_MEMBER', count: 396 },
      { category: 'PARTY_MEMBER', count: 122 },
      { category: 'WOMENS_UNION_MEMBER', count: 47 },
    ]);
  });

  it('reproduces the tax dialogues: 6 rounds engaging 435 businesses in four sectors, concerns answered on the spot, resolved by the district, escalated and answered', async () => {
    const tax = (await query('query ($p: PeriodInput) { summary(period: $p) { tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } } } }', { p: REPORT_YEARS })).summary.tax;
    expect(tax).toMatchObject({ rounds: 6, businessesEngaged: 435 });
    expect(tax.outcomes.answeredOnSpot).toBeGreaterThan(0);
    expect(tax.outcomes.resolved).toBeGreaterThan(0);
    expect(tax.outcomes.answered).toBeGreaterThan(0);
    expect(tax.escalatedToCity).toBe(tax.outcomes.answered);
    const sectors = await Promise.all(['TRADE', 'SERVICES', 'TRANSPORT', 'CONSTRUCTION'].map(async (sector) => (await query(`{ businesses(sector: ${sector}, first: 1) { totalCount } }`)).businesses.totalCount));
    expect(sectors.reduce((a, b) => a + b, 0)).toBe(435);
    // As a district's register: not equal shares; trade first, transport last, every sector present.
    const [trade, services, transport, construction] = sectors as [number, number, number, number];
    expect(trade > services && services > construction && construction > transport && transport > 0).toBe(true);
    const rounds = (await query('query ($p: PeriodInput!) { sessionsInPeriod(period: $p, kind: BUSINESS_TAX) { edges { node { hostBody scheduledAt } } } }', { p: REPORT_YEARS })).sessionsInPeriod.edges;
    expect(rounds.every((e: any) => e.node.hostBody === 'Chi cục Thuế Quận 7' && e.node.scheduledAt >= '2007')).toBe(true);
  });

  it('starts with the pilot ward and has sessions in every ward, plus this year a LIVE session and a scheduled one', async () => {
    const oldest = (await query('query ($p: PeriodInput!) { sessionsInPeriod(period: $p, kind: PUBLIC, first: 100) { edges { node { ward { id } scheduledAt } } } }', { p: REPORT_YEARS })).sessionsInPeriod.edges.map((e: any) => e.node);
    expect(oldest.at(-1).ward.id).toBe('phu-thuan');
    const summary = (await query('query ($p: PeriodInput) { summary(period: $p) { wards { ward { id } sessions } } }', { p: REPORT_YEARS })).summary;
    expect(summary.wards.every((w: any) => w.sessions > 0)).toBe(true);
    const year = new Date().getUTCFullYear();
    const now = (await query(`{ summary(period: { from: "${year}-01-01T00:00:00Z", to: "${year + 1}-01-01T00:00:00Z" }) { sessions liveSessions attendance concerns { open inProgress escalated } } live: sessions(status: LIVE) { edges { node { title attendance status } } } }`));
    expect(now.summary.liveSessions).toBeGreaterThanOrEqual(1);
    expect(now.summary.sessions).toBeGreaterThan(5);
    expect(now.summary.attendance).toBeGreaterThan(100);
    expect(now.live.edges[0].node.attendance).toBeGreaterThan(0);
    expect(now.live.edges[0].node.title).toMatch(/Đối thoại/);
  });

  it('records the demo through the domain: activity by role accounts, not people', async () => {
    const feed = (await query('{ activity(first: 50) { edges { node { actorId action } } } }')).activity.edges.map((e: any) => e.node);
    expect(feed.length).toBe(50);
    expect(feed.every((a: any) => /^demo-(admin|tax-officer|leadership|ward-officer-[a-z0-9-]+)$/.test(a.actorId))).toBe(true);
    expect(stack.output()).toMatch(/demo data: \d+\/\d+ writes/);
    console.info(/demo data: loaded .*/.exec(stack.output())?.[0]);
  });

  it('has deadlines: overdue concerns this year (in the new Tân Thuận among others), and time-to-answer statistics for the report years', async () => {
    const data = await query(
      `query ($p: PeriodInput) { summary { overdue } ward(id: "tan-thuan-2025") { stats { overdue } }
        late: concerns(overdue: true, first: 100) { totalCount edges { node { overdue dueAt closedAt ward { id } } } }
        report: summary(period: $p) { overdue timeToAnswer { authority answered medianWorkingDays p90WorkingDays } } }`,
      { p: REPORT_YEARS },
    );
    expect(data.summary.overdue).toBeGreaterThanOrEqual(2);
    // The two of its dialogue 75 days ago, and any tax question of a business in it waiting past its deadline.
    expect(data.ward.stats.overdue).toBeGreaterThanOrEqual(2);
    expect(data.late.totalCount).toBe(data.summary.overdue);
    expect(data.late.edges.every((e: any) => e.node.overdue && e.node.closedAt === null && e.node.dueAt < new Date().toISOString())).toBe(true);
    expect(data.report.overdue).toBe(0); // every concern of 2006–2010 was answered
    const all = data.report.timeToAnswer[0];
    expect(all.authority).toBeNull();
    expect(all.answered).toBeGreaterThan(10);
    expect(all.medianWorkingDays).toBeGreaterThanOrEqual(0);
    expect(all.p90WorkingDays).toBeGreaterThanOrEqual(all.medianWorkingDays);
  });

  it('holds the review reports: an issued sơ kết of late 2006, an issued tổng kết of 2006–2010 with the report\'s figures, an issued tổng kết of 2025 and a draft for this year', async () => {
    const FIG = 'figures { totals { sessions attendance taxRounds businessesEngaged } wards { wardId sessions attendance } thematicDialogues { hostBody attendanceByCategory { category count } } }';
    const list = (await query(`{ reviewReports(first: 20) { edges { node { kind status number issuedAt period { from to } ward { id } ${FIG} } } } }`)).reviewReports.edges.map((e: any) => e.node);
    expect(list.map((r: any) => [r.kind, r.status, r.number])).toEqual([
      ['SO_KET', 'DRAFT', null],
      ['TONG_KET', 'ISSUED', '03/BC-BCĐ'],
      ['TONG_KET', 'ISSUED', '12/BC-UBND'],
      ['SO_KET', 'ISSUED', '05/BC-UBND'],
    ]);
    const final = list[2];
    expect(final.period).toEqual({ from: '2005-12-31T17:00:00.000Z', to: '2010-12-31T17:00:00.000Z' });
    const ward = (id: string) => final.figures.wards.find((w: any) => w.wardId === id);
    expect([ward('binh-thuan'), ward('tan-hung')]).toEqual([
      { wardId: 'binh-thuan', sessions: 5, attendance: 293 },
      { wardId: 'tan-hung', sessions: 6, attendance: 306 },
    ]);
    const count = (category: string) => final.figures.thematicDialogues.flatMap((d: any) => d.attendanceByCategory).filter((c: any) => c.category === category).reduce((n: number, c: any) => n + c.count, 0);
    expect(final.figures.thematicDialogues.filter((d: any) => d.hostBody.includes('Đoàn'))).toHaveLength(3);
    expect(final.figures.thematicDialogues.filter((d: any) => d.hostBody.includes('Phụ nữ'))).toHaveLength(1);
    expect([count('YOUTH_UNION_MEMBER'), count('PARTY_MEMBER'), count('WOMENS_UNION_MEMBER')]).toEqual([396, 122, 47]);
    expect(final.figures.totals).toMatchObject({ taxRounds: 6, businessesEngaged: 435 });
    const live = (await query(`query ($p: PeriodInput!) { report(period: $p) { totals { sessions attendance taxRounds businessesEngaged } } }`, { p: final.period })).report;
    expect(final.figures.totals).toEqual(live.totals);
    expect(list[3].figures.wards.find((w: any) => w.wardId === 'phu-thuan')).toEqual({ wardId: 'phu-thuan', sessions: 1, attendance: 72 });
  });

  it('breaks every summary down into unit rows that add up to its totals: all time, 2025 and this year', async () => {
    const year = new Date().getUTCFullYear();
    const periods = [null, { from: '2024-12-31T17:00:00.000Z', to: '2025-12-31T17:00:00.000Z' }, { from: `${year - 1}-12-31T17:00:00.000Z`, to: `${year}-12-31T17:00:00.000Z` }];
    const shapes = [];
    for (const period of periods) {
      const s = (await query('query ($p: PeriodInput) { summary(period: $p) { sessions attendance concerns { open answeredOnSpot inProgress resolved escalated answered } unitRows { ward { id } includes { id } divided sessions attendance concerns } } }', { p: period })).summary;
      const sum = (k: string) => s.unitRows.reduce((n: number, r: any) => n + r[k], 0);
      expect([sum('sessions'), sum('attendance'), sum('concerns')]).toEqual([s.sessions, s.attendance, Object.values(s.concerns).reduce((a: number, b: any) => a + b, 0)]);
      expect(s.unitRows.at(-1).ward).toBeNull(); // district-level sessions and tax rounds: the demo has both in each period
      shapes.push(s.unitRows.map((r: any) => `${r.ward?.id ?? '—'}${r.divided ? '÷' : ''}${r.includes.length ? `(${r.includes.map((w: any) => w.id).join(' ')})` : ''}`));
    }
    // All time: today's four wards with the former wards that went whole into them, Phú Mỹ (divided) apart.
    expect(shapes[0]).toEqual([
      'tan-thuan-2025(binh-thuan tan-thuan-dong tan-thuan-tay)',
      'tan-hung-2025(tan-quy tan-phong tan-hung tan-kieng)',
      'phu-thuan-2025(phu-thuan)',
      'tan-my-2025(tan-phu)',
      'phu-my÷',
      '—',
    ]);
    expect(shapes[1]).toEqual(shapes[0]); // 2025 holds both sides of the change
    expect(shapes[2]).toEqual(['tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025', '—']);
  });

  it("answers a summary without rows by unit from the jurisdiction's roll-up, equal to the sum of its units", async () => {
    const year = new Date().getUTCFullYear();
    const periods = [null, REPORT_YEARS, { from: '2008-05-06T03:00:00.000Z', to: '2010-02-03T09:30:00.000Z' }, { from: '2025-06-01T00:00:00.000Z', to: `${year}-12-31T17:00:00.000Z` }];
    const totals = 'sessions attendance attendanceByCategory { category count } concerns { open answeredOnSpot inProgress resolved escalated answered } tax { rounds escalatedToCity outcomes { open answered resolved } } timeToAnswer { authority answered medianWorkingDays p90WorkingDays }';
    for (const period of periods) {
      // `wards` selected (through a fragment): totals summed from each unit; not selected: the roll-up.
      const byUnit = (await query(`query ($p: PeriodInput) { summary(period: $p) { ${totals} ...W } } fragment W on DistrictSummary { wards { sessions } }`, { p: period })).summary;
      const rolledUp = (await query(`query ($p: PeriodInput) { summary(period: $p) { ${totals} } }`, { p: period })).summary;
      expect(byUnit.wards.length).toBeGreaterThan(0);
      const { wards: _wards, ...fromUnits } = byUnit;
      expect(rolledUp, JSON.stringify(period)).toEqual(fromUnits);
    }
    expect((await query(`query { summary { attendance } }`)).summary.attendance).toBeGreaterThan(4000);
  });

  it('names who held a session with no ward, and where a concern was raised, from the data and the date', async () => {
    const nodes = async (q: string, key: string) => {
      const out: any[] = [];
      let after: string | null = null;
      do {
        const page: any = (await query(q, { after }))[key];
        out.push(...page.edges.map((e: any) => e.node));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return out;
    };
    const sessions = await nodes('query ($after: String) { sessions(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id scheduledAt heldBy ward { name } taxOffice { name } } } } }', 'sessions');
    const expected = (s: any) => s.ward?.name ?? s.taxOffice?.name ?? (s.scheduledAt < '2025-06-30T17:00:00.000Z' ? 'Quận 7' : 'Ủy ban nhân dân Thành phố Hồ Chí Minh');
    expect(sessions.filter((s) => s.heldBy !== expected(s)).map((s) => `${s.scheduledAt} ${s.heldBy}`)).toEqual([]);
    // The demo holds three of the cases: a ward, a tax office, the district before 1/7/2025 (its ward-less
    // sessions after it are all tax rounds; the jurisdiction's body is tested in test/unit/units.test.ts).
    const kinds = new Set(sessions.map((s) => (s.ward ? 'ward' : s.taxOffice ? 'office' : s.scheduledAt < '2025-06-30T17:00:00.000Z' ? 'district' : 'city')));
    expect([...kinds].sort()).toEqual(['district', 'office', 'ward']);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const concerns = await nodes('query ($after: String) { concerns(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { raisedIn ward { name } session { id } } } } }', 'concerns');
    expect(concerns.filter((c) => c.raisedIn !== (c.ward?.name ?? byId.get(c.session.id)?.heldBy))).toEqual([]);
    expect(concerns.some((c) => !c.ward)).toBe(true);
  });

  it('keeps the report years in the ten old wards with their waves, and this year in the four wards of the city', async () => {
    const data = await query(`{ then: wards(asOf: "2008-06-01T00:00:00Z") { id rolloutWave validTo } now: wards { id name rolloutWave validFrom parent { name level } } jurisdiction { name units { id } } }`);
    expect(data.then.map((w: any) => w.id)).toEqual(['phu-thuan', 'tan-quy', 'tan-phong', 'tan-hung', 'binh-thuan', 'tan-thuan-dong', 'tan-thuan-tay', 'tan-kieng', 'tan-phu', 'phu-my']);
    expect(data.then.map((w: any) => w.rolloutWave)).toEqual(['PILOT', 'SECOND', 'SECOND', 'SECOND', 'SECOND', 'THIRD', 'THIRD', 'THIRD', 'THIRD', 'THIRD']);
    expect(data.now.map((w: any) => [w.id, w.name])).toEqual([
      ['tan-thuan-2025', 'Tân Thuận'],
      ['tan-hung-2025', 'Tân Hưng'],
      ['phu-thuan-2025', 'Phú Thuận'],
      ['tan-my-2025', 'Tân Mỹ'],
    ]);
    expect(data.now.every((w: any) => w.parent.level === 'CITY' && w.validFrom === '2025-06-30T17:00:00.000Z')).toBe(true);
    expect(data.jurisdiction.name).toBe('Khu vực Quận 7 cũ');
    expect(data.jurisdiction.units).toHaveLength(14);
    const year = new Date().getUTCFullYear();
    const thisYear = (await query(`{ summary(period: { from: "${year}-01-01T00:00:00Z", to: "${year + 1}-01-01T00:00:00Z" }) { wards { ward { id } sessions } } sessions(first: 100) { edges { node { scheduledAt hostBody ward { id } } } } }`));
    expect(thisYear.summary.wards.map((w: any) => w.ward.id)).toEqual(['tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025']);
    const recent = thisYear.sessions.edges.map((e: any) => e.node).filter((s: any) => s.scheduledAt >= `${year}`);
    expect(recent.length).toBeGreaterThan(5);
    expect(recent.every((s: any) => !s.ward || s.ward.id.endsWith('-2025'))).toBe(true);
    // The tax office's rounds this year: one closed, one LIVE today, one coming.
    expect(recent.filter((s: any) => s.hostBody.startsWith('Thuế cơ sở 7'))).toHaveLength(3);
  });

  it("has the tax office's rounds since the change: questions by topic (VAT refunds and e-invoices first), questions in advance, answers by letter, ratings, a LIVE round with its agenda and a coming one to triage", async () => {
    const since = { from: '2025-07-01T00:00:00.000Z', to: `${new Date().getUTCFullYear() + 1}-01-01T00:00:00.000Z` };
    const data = await query(
      `query ($p: PeriodInput) {
        stats: taxDialogueStats(period: $p, taxOfficeId: "thue-co-so-7-tphcm") { rounds businessesAttending questionsInAdvance byTopic { topic raised answeredOnSpot answeredInWriting } satisfaction { responses average } }
        live: sessions(kind: BUSINESS_TAX, status: LIVE) { edges { node { attendance taxOffice { id } taxAgenda { status } } } }
        coming: sessions(kind: BUSINESS_TAX, status: SCHEDULED) { edges { node { id } } }
        answers: publicTaxAnswers(first: 50) { topic answerForm }
      }`,
      { p: since },
    );
    const { stats } = data;
    expect(stats.rounds).toBe(4); // autumn 2025, this year's closed one, today's LIVE one, and the coming one
    const raised = [...stats.byTopic].sort((a: any, b: any) => b.raised - a.raised).map((r: any) => r.topic);
    expect(raised.slice(0, 2).sort()).toEqual(['E_INVOICE', 'VAT_REFUND']);
    expect(stats.byTopic.reduce((n: number, r: any) => n + r.answeredInWriting, 0)).toBeGreaterThanOrEqual(3);
    expect(stats.questionsInAdvance).toBeGreaterThanOrEqual(15);
    expect(stats.satisfaction.responses).toBe(23);
    expect(stats.satisfaction.average).toBeGreaterThan(3);
    const live = data.live.edges.map((e: any) => e.node);
    expect(live).toHaveLength(1);
    expect(live[0].taxOffice.id).toBe('thue-co-so-7-tphcm');
    expect(live[0].attendance).toBe(18);
    expect(live[0].taxAgenda.map((q: any) => q.status).sort()).toEqual(['RAISED', 'SELECTED', 'SELECTED', 'SELECTED', 'SELECTED']);
    const waiting = (await query('query ($id: ID!) { taxQuestions(sessionId: $id, status: RECEIVED) { edges { node { id } } } }', { id: data.coming.edges[0].node.id })).taxQuestions.edges;
    expect(waiting).toHaveLength(8);
    expect(data.answers.some((a: any) => a.answerForm === 'IN_WRITING')).toBe(true);
  });

  it('carries open concerns over the change: handed to the successor with one history entry, district-level ones to the ward, Phú Mỹ waiting for a pick', async () => {
    const waiting = (await query('{ concernsAwaitingSuccessor { id ward { id } authority handledBy { id } successorCandidates { id } } }')).concernsAwaitingSuccessor;
    const phuMy = waiting.find((c: any) => c.ward?.id === 'phu-my');
    expect(phuMy).toMatchObject({ handledBy: null, successorCandidates: [{ id: 'phu-thuan-2025' }, { id: 'tan-my-2025' }] });
    const noWard = waiting.find((c: any) => c.ward === null);
    expect(noWard.successorCandidates.map((w: any) => w.id)).toEqual(['tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025']);
    const kieng = (await query('{ concerns(wardId: "tan-kieng", first: 50) { edges { node { status authority handledBy { id } history { from to note authority handedOverTo { id } legalBasis } } } } }')).concerns.edges.map((e: any) => e.node);
    const carried = kieng.find((c: any) => c.status === 'IN_PROGRESS');
    expect(carried.handledBy.id).toBe('tan-hung-2025');
    expect(carried.authority).toBe('WARD');
    const handover = carried.history.at(-1);
    expect(handover).toMatchObject({ from: 'IN_PROGRESS', to: 'IN_PROGRESS', authority: 'WARD', handedOverTo: { id: 'tan-hung-2025' }, legalBasis: 'Nghị quyết 1685/NQ-UBTVQH15' });
    expect(carried.history.filter((h: any) => h.handedOverTo)).toHaveLength(1);
  });

  it('names both sets of wards in the review report of 2025 and gives the thematic totals by category', async () => {
    const list = (await query('{ reviewReports(first: 20) { edges { node { number figures { units { atStart { wardId } atEnd { wardId } change { legalBasis explanation } } thematicTotals { sessions attendanceByCategory { category count } } } } } } }')).reviewReports.edges.map((e: any) => e.node);
    const r2025 = list.find((r: any) => r.number === '03/BC-BCĐ').figures;
    expect(r2025.units.atStart).toHaveLength(10);
    expect(r2025.units.atEnd.map((u: any) => u.wardId)).toEqual(['tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025']);
    expect(r2025.units.change.legalBasis).toBe('Nghị quyết 1685/NQ-UBTVQH15');
    expect(r2025.units.change.explanation).toMatch(/10 phường .* 4 phường/);
    const final = list.find((r: any) => r.number === '12/BC-UBND').figures;
    expect(final.units.change).toBeNull();
    expect(final.thematicTotals.sessions).toBe(4);
    expect(final.thematicTotals.attendanceByCategory).toEqual([
      { category: 'YOUTH_UNION_MEMBER', count: 396 },
      { category: 'PARTY_MEMBER', count: 122 },
      { category: 'WOMENS_UNION_MEMBER', count: 47 },
    ]);
  });

  it('loads nothing the second time: a restart on the same data keeps the same sessions', async () => {
    const before = (await query('{ sessions { totalCount } }')).sessions.totalCount;
    await stack.stop();
    stack = await startStack({ demo: true, dataDir: stack.dataDir });
    token = await stack.token('LEADERSHIP');
    expect((await query('{ sessions { totalCount } }')).sessions.totalCount).toBe(before);
    expect(stack.output()).toMatch(/already holds sessions/);
  }, 180_000);
});
