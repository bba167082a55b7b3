import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import { createDomain } from '../../functions/domain/index.js';
import { createStores } from '../../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { collect, connectClient, dynamoEndpointOf, tableOf } from '../support/realtime-clients.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';
import { dueAfterWorkingDays } from '../../functions/domain/kernel/working-days.js';

// The tax office's dialogues on the real stack (../shared/contract/README.md, "Tax dialogues"): offices through
// time, who must answer, how answers were given, questions in advance, published answers,
// satisfaction and the period's figures. Every refusal is read back: nothing written.
const NOW_OFFICE = 'thue-co-so-7-tphcm';
const OLD_OFFICE = 'chi-cuc-thue-quan-7';
const PERIOD = { from: '2032-01-01T00:00:00.000Z', to: '2033-01-01T00:00:00.000Z' };
const TAX_CONCERN = 'id status authority taxTopic responsibleBody taxOffice { id level } answerForm answerDocument topic text business { id } ward { id }';
const RAISE = `mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { ${TAX_CONCERN} } }`;
const MOVE = `mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { ${TAX_CONCERN} } }`;
const SUBMIT = 'mutation ($input: SubmitTaxQuestionInput!) { submitTaxQuestion(input: $input) { id lookupCode status topic } }';
const TRIAGE = 'mutation ($input: TriageTaxQuestionInput!) { triageTaxQuestion(input: $input) { id status supporters note mergedInto { id } } }';
const RAISE_FROM = `mutation ($q: ID!, $a: Authority!, $r: String!) { raiseFromTaxQuestion(questionId: $q, authority: $a, requestId: $r) { ${TAX_CONCERN} } }`;
const RATE = 'mutation ($input: SubmitSatisfactionInput!) { submitSatisfaction(input: $input) { responses average } }';
const STATS = `query ($p: PeriodInput, $o: ID) { taxDialogueStats(period: $p, taxOfficeId: $o) { rounds businessesAttending bySector { sector count } questionsInAdvance unclassified
  byTopic { topic raised answeredOnSpot answeredInWriting open overdue medianDaysToAnswer } satisfaction { responses average } } }`;
const QUESTIONS = 'query ($s: ID) { taxQuestions(sessionId: $s, first: 100) { edges { node { id status supporters topic } } } }';
const LOOKUP = 'query ($c: String!) { lookupTaxQuestion(code: $c) { code topic status answer answerForm answerDocument answeredAt } }';
const ANSWERS = 'query ($t: TaxTopic) { publicTaxAnswers(topic: $t, first: 100) { topic question answer answerForm answeredAt taxOffice { id name } } }';

describe('tax dialogues', () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  let taxCodeSeq = 0;
  const newTaxCode = () => `03${String(Date.now() % 1e6).padStart(6, '0')}${String(++taxCodeSeq).padStart(2, '0')}`;
  const scheduledIn2032 = (day: number) => `2032-03-${String(day).padStart(2, '0')}T01:00:00.000Z`;
  const stats = async (taxOfficeId?: string) => (await api.ok<any>(STATS, { p: PERIOD, o: taxOfficeId ?? null }, who.admin)).taxDialogueStats;
  const questions = async (sessionId: string) => (await api.ok<any>(QUESTIONS, { s: sessionId }, who.tax)).taxQuestions.edges.map((e: any) => e.node);
  const publicCall = (query: string, variables: Record<string, unknown>) => stack.graphql(query, variables);

  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  describe('tax offices through time', () => {
    it('lists the offices in force at a moment, with their line, the units they serve and their predecessors', async () => {
      const q = 'query ($at: DateTime) { taxOffices(asOf: $at) { id name level parent { id parent { id } } serves { id } predecessors { id } } }';
      const before = (await api.ok<any>(q, { at: '2024-06-01T00:00:00.000Z' }, who.leadership)).taxOffices;
      const after = (await api.ok<any>(q, { at: '2026-06-01T00:00:00.000Z' }, who.leadership)).taxOffices;
      const local = (list: any[]) => list.find((o) => o.level === 'LOCAL');
      expect(local(before)).toMatchObject({ id: OLD_OFFICE, name: 'Chi cục Thuế Quận 7', parent: { id: 'cuc-thue-tphcm', parent: { id: 'tong-cuc-thue' } } });
      expect(local(before).serves).toHaveLength(10);
      expect(local(after)).toMatchObject({ id: NOW_OFFICE, parent: { id: 'thue-tphcm', parent: { id: 'cuc-thue' } }, predecessors: [{ id: OLD_OFFICE }] });
      expect(local(after).serves.map((w: any) => w.id).sort()).toEqual(['phu-thuan-2025', 'tan-hung-2025', 'tan-my-2025', 'tan-thuan-2025']);
      expect(after.map((o: any) => o.level).sort()).toEqual(['CITY', 'LOCAL', 'NATIONAL']);
      expect((await api.refused(q, { at: '1/7/2025' }, who.leadership)).code).toBe('BAD_USER_INPUT');
    });

    it("hosts a round at the LOCAL office in force on its date, and refuses an office not in force then, naming the one that is (nothing written)", async () => {
      const old = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: '2024-05-10T01:00:00.000Z' });
      const now = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: scheduledIn2032(1) });
      const office = async (id: string) => (await api.ok<any>('query ($id: ID!) { session(id: $id) { taxOffice { id } } }', { id }, who.tax)).session.taxOffice.id;
      expect(await office(old.id)).toBe(OLD_OFFICE);
      expect(await office(now.id)).toBe(NOW_OFFICE);
      const count = async () => (await api.ok<any>('query { sessions(kind: BUSINESS_TAX) { totalCount } }', {}, who.admin)).sessions.totalCount;
      const before = await count();
      const scheduleWith = (taxOfficeId: string) =>
        api.refused('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', { input: { kind: 'BUSINESS_TAX', title: 'x', hostBody: 'x', scheduledAt: scheduledIn2032(2), taxOfficeId } }, who.tax);
      const wrong = await scheduleWith(OLD_OFFICE);
      expect(wrong.code).toBe('BAD_USER_INPUT');
      expect(wrong.message).toContain(NOW_OFFICE);
      expect((await scheduleWith('no-such-office')).code).toBe('BAD_USER_INPUT');
      expect(await count()).toBe(before);
    });
  });

  describe('who must answer, and how it was answered', () => {
    let round: any;
    let business: any;
    beforeAll(async () => {
      round = await api.live(who.tax, { kind: 'BUSINESS_TAX', wardId: null, scheduledAt: scheduledIn2032(3) });
      business = await api.register(who.tax, { taxCode: newTaxCode(), wardId: 'tan-hung-2025', sector: 'MANUFACTURING' });
    });

    it('sends a tax question up the host office’s line: WARD → Thuế cơ sở, CITY → Thuế Thành phố, CENTRAL → Cục Thuế', async () => {
      const c = (await api.ok<any>(RAISE, { input: { sessionId: round.id, topic: 'Hoàn thuế GTGT chậm', text: 'Hồ sơ hoàn thuế nộp từ tháng 8 chưa được giải quyết.', authority: 'WARD', taxTopic: 'VAT_REFUND', requestId: rid() } }, who.tax)).raiseConcern;
      expect(c).toMatchObject({ taxTopic: 'VAT_REFUND', responsibleBody: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', taxOffice: { id: NOW_OFFICE, level: 'LOCAL' } });
      const city = (await api.ok<any>(MOVE, { input: { concernId: c.id, to: 'ESCALATED', authority: 'CITY', note: 'Chuyển Thuế Thành phố' } }, who.tax)).moveConcern;
      expect(city).toMatchObject({ responsibleBody: 'Thuế Thành phố Hồ Chí Minh', taxOffice: { id: 'thue-tphcm', level: 'CITY' } });
      const c2 = (await api.ok<any>(RAISE, { input: { sessionId: round.id, topic: 'Sửa Luật Quản lý thuế', text: 'Đề nghị sửa quy định.', authority: 'CENTRAL', taxTopic: 'POLICY', requestId: rid() } }, who.tax)).raiseConcern;
      expect(c2).toMatchObject({ responsibleBody: 'Cục Thuế', taxOffice: { id: 'cuc-thue', level: 'NATIONAL' } });
    });

    it("sends a NON_TAX question to the People's Committee of the business's ward, and refuses one at WARD with no ward known (nothing written)", async () => {
      const c = (await api.ok<any>(RAISE, { input: { sessionId: round.id, businessId: business.id, topic: 'Mặt bằng', text: 'Xin hỗ trợ mặt bằng sản xuất.', authority: 'WARD', taxTopic: 'NON_TAX', requestId: rid() } }, who.tax)).raiseConcern;
      expect(c).toMatchObject({ responsibleBody: 'UBND phường Tân Hưng', taxOffice: null, ward: { id: 'tan-hung-2025' } });
      const before = (await api.session(who.tax, round.id)).concerns.totalCount;
      const refused = await api.refused(RAISE, { input: { sessionId: round.id, topic: 'Vốn', text: 'Vay vốn.', authority: 'WARD', taxTopic: 'NON_TAX', requestId: rid() } }, who.tax);
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect((await api.session(who.tax, round.id)).concerns.totalCount).toBe(before);
    });

    it('refuses a tax topic outside a tax round (BAD_USER_INPUT, nothing written)', async () => {
      const meeting = await api.live(who.admin, { kind: 'PUBLIC', wardId: 'tan-hung-2025', scheduledAt: scheduledIn2032(4) });
      const refused = await api.refused(RAISE, { input: { sessionId: meeting.id, topic: 'x', text: 'y', authority: 'WARD', taxTopic: 'E_INVOICE', requestId: rid() } }, who.admin);
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect((await api.session(who.admin, meeting.id)).concerns.totalCount).toBe(0);
      const resident = (await api.ok<any>(RAISE, { input: { sessionId: meeting.id, topic: 'Ngập', text: 'Hẻm ngập.', authority: 'WARD', requestId: rid() } }, who.admin)).raiseConcern;
      expect(resident).toMatchObject({ taxTopic: null, responsibleBody: 'UBND phường Tân Hưng', taxOffice: null });
    });

    it('records ON_THE_SPOT for an answer in the room, IN_WRITING with the letter for one by letter, and refuses IN_WRITING without the letter (nothing written)', async () => {
      const raise = async () => (await api.ok<any>(RAISE, { input: { sessionId: round.id, topic: 'Hóa đơn', text: 'Lỗi hóa đơn điện tử.', authority: 'WARD', taxTopic: 'E_INVOICE', requestId: rid() } }, who.tax)).raiseConcern;
      const spot = (await api.ok<any>(MOVE, { input: { concernId: (await raise()).id, to: 'ANSWERED_ON_SPOT', response: 'Đã hướng dẫn tại buổi đối thoại.' } }, who.tax)).moveConcern;
      expect(spot).toMatchObject({ answerForm: 'ON_THE_SPOT', answerDocument: null });
      const letter = await raise();
      const refused = await api.refused(MOVE, { input: { concernId: letter.id, to: 'RESOLVED', response: 'Đã trả lời bằng văn bản.', answerForm: 'IN_WRITING' } }, who.tax);
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(await api.concern(who.tax, letter.id)).toMatchObject({ status: 'OPEN' });
      const done = (await api.ok<any>(MOVE, { input: { concernId: letter.id, to: 'RESOLVED', response: 'Đã trả lời bằng văn bản.', answerForm: 'IN_WRITING', answerDocument: '1234/TCS7-NVDTPC ngày 05/12/2032' } }, who.tax)).moveConcern;
      expect(done).toMatchObject({ status: 'RESOLVED', answerForm: 'IN_WRITING', answerDocument: '1234/TCS7-NVDTPC ngày 05/12/2032' });
      const open = await raise();
      const wrongForm = await api.refused(MOVE, { input: { concernId: open.id, to: 'ANSWERED_ON_SPOT', response: 'x', answerForm: 'IN_WRITING', answerDocument: '1/x' } }, who.tax);
      expect(wrongForm.code).toBe('BAD_USER_INPUT');
      const letterWithoutAnswer = await api.refused(MOVE, { input: { concernId: open.id, to: 'ESCALATED', authority: 'CITY', answerDocument: '1/x' } }, who.tax);
      expect(letterWithoutAnswer.code).toBe('BAD_USER_INPUT');
      expect(await api.concern(who.tax, open.id)).toMatchObject({ status: 'OPEN', authority: 'WARD' });
    });
  });

  describe('questions in advance, the agenda, the answer and its publication', () => {
    let round: any;
    let business: any;
    let other: any;
    beforeAll(async () => {
      round = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', wardId: null, scheduledAt: scheduledIn2032(10) });
      business = await api.register(who.tax, { taxCode: newTaxCode(), wardId: 'tan-my-2025', sector: 'TRADE' });
      other = await api.register(who.tax, { taxCode: newTaxCode(), wardId: 'tan-thuan-2025', sector: 'SERVICES' });
    });

    it('takes a question from the public form without a token, once per requestId however many arrive at once, and lets it read back only its own fields', async () => {
      const requestId = rid();
      const input = { sessionId: round.id, taxCode: business.taxCode, topic: 'VAT_REFUND', text: 'Hồ sơ hoàn thuế GTGT hàng xuất khẩu kéo dài.', requestId };
      const answers = await Promise.all(Array.from({ length: 8 }, () => publicCall(SUBMIT, { input })));
      const ids = new Set(answers.map((a) => a.body.data.submitTaxQuestion.id));
      expect(ids.size).toBe(1);
      expect(await questions(round.id)).toHaveLength(1);
      expect((await stats()).questionsInAdvance).toBe(1);
      const leak = await publicCall('mutation ($input: SubmitTaxQuestionInput!) { submitTaxQuestion(input: $input) { id business { name } } }', { input: { ...input, requestId: rid() } });
      expect(leak.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const list = await publicCall('query { taxQuestions { edges { node { text } } } }', {});
      expect(list.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await questions(round.id)).toHaveLength(1);
    });

    it('refuses a bad or unregistered tax code, and a round that is not SCHEDULED (nothing written)', async () => {
      const base = { sessionId: round.id, topic: 'E_INVOICE', text: 'Câu hỏi.', requestId: rid() };
      for (const taxCode of ['12345', '0399999999']) {
        const r = await publicCall(SUBMIT, { input: { ...base, taxCode, requestId: rid() } });
        expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const live = await api.live(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: scheduledIn2032(11) });
      const late = await publicCall(SUBMIT, { input: { ...base, sessionId: live.id, taxCode: business.taxCode } });
      expect(late.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const leader = await api.refused(SUBMIT, { input: { ...base, taxCode: business.taxCode, requestId: rid() } }, who.leadership);
      expect(leader.code).toBe('FORBIDDEN');
      expect(await questions(round.id)).toHaveLength(1);
      expect(await questions(live.id)).toHaveLength(0);
    });

    it('triages by the tax office only: select, merge a duplicate (its businesses add up), decline with a reason the business reads', async () => {
      const [first] = await questions(round.id);
      const dup = (await api.ok<any>(SUBMIT, { input: { sessionId: round.id, taxCode: other.taxCode, topic: 'VAT_REFUND', text: 'Hoàn thuế GTGT chậm.', requestId: rid() } }, who.tax)).submitTaxQuestion;
      const off = (await publicCall(SUBMIT, { input: { sessionId: round.id, taxCode: other.taxCode, topic: 'NON_TAX', text: 'Giá thuê mặt bằng cao.', requestId: rid() } })).body.data.submitTaxQuestion;
      const officer = await who.ward('tan-my-2025');
      expect((await api.refused(TRIAGE, { input: { id: first.id, to: 'SELECTED' } }, officer)).code).toBe('FORBIDDEN');
      expect((await api.ok<any>(TRIAGE, { input: { id: first.id, to: 'SELECTED' } }, who.tax)).triageTaxQuestion.status).toBe('SELECTED');
      expect((await api.ok<any>(TRIAGE, { input: { id: dup.id, to: 'MERGED', mergedIntoId: first.id } }, who.tax)).triageTaxQuestion.mergedInto.id).toBe(first.id);
      expect((await api.refused(TRIAGE, { input: { id: off.id, to: 'DECLINED' } }, who.tax)).code).toBe('BAD_USER_INPUT');
      await api.ok(TRIAGE, { input: { id: off.id, to: 'DECLINED', note: 'Ngoài thẩm quyền ngành thuế; đã chuyển UBND phường.' } }, who.tax);
      expect((await api.refused(TRIAGE, { input: { id: off.id, to: 'SELECTED' } }, who.tax)).code).toBe('CONFLICT');
      const byId = new Map((await questions(round.id)).map((q: any) => [q.id, q]));
      expect(byId.get(first.id)).toMatchObject({ status: 'SELECTED', supporters: 2 });
      const declined = (await publicCall(LOOKUP, { c: off.lookupCode })).body.data.lookupTaxQuestion;
      expect(declined).toMatchObject({ status: 'DECLINED', answer: 'Ngoài thẩm quyền ngành thuế; đã chuyển UBND phường.' });
      const agenda = (await api.ok<any>('query ($id: ID!) { session(id: $id) { taxAgenda { id } } publicTaxRounds { id agenda { topic businesses } } }', { id: round.id }, who.tax));
      expect(agenda.session.taxAgenda.map((q: any) => q.id)).toEqual([first.id]);
      expect(agenda.publicTaxRounds.find((r: any) => r.id === round.id).agenda).toEqual([{ topic: 'VAT_REFUND', businesses: 2 }]);
    });

    it('raises a question from the agenda in the live round, escalated to the city and answered by letter; the business finds it by its code, the public on the answers page without the business', async () => {
      const [first] = (await questions(round.id)).filter((q: any) => q.status === 'SELECTED');
      const code = (await api.ok<any>('query ($s: ID) { taxQuestions(sessionId: $s, status: SELECTED) { edges { node { lookupCode } } } }', { s: round.id }, who.tax)).taxQuestions.edges[0].node.lookupCode;
      expect((await api.refused(RAISE_FROM, { q: first.id, a: 'WARD', r: rid() }, who.tax)).code).toBe('CONFLICT');
      await api.start(who.tax, round.id);
      expect((await api.refused(RAISE_FROM, { q: first.id, a: 'WARD', r: rid() }, await who.ward('tan-my-2025'))).code).toBe('FORBIDDEN');
      expect((await questions(round.id)).find((q: any) => q.id === first.id).status).toBe('SELECTED');
      const engaged = async () => (await api.ok<any>('query ($p: PeriodInput) { summary(period: $p) { tax { businessesEngaged } } }', { p: PERIOD }, who.admin)).summary.tax.businessesEngaged;
      const engagedBefore = await engaged();
      const concern = (await api.ok<any>(RAISE_FROM, { q: first.id, a: 'WARD', r: rid() }, who.tax)).raiseFromTaxQuestion;
      expect(concern).toMatchObject({ topic: 'Hoàn thuế GTGT', taxTopic: 'VAT_REFUND', business: { id: business.id }, taxOffice: { id: NOW_OFFICE } });
      // The business asked in the round: it is engaged in it, as a business raising a concern is (contract, "Attendance").
      expect(await engaged()).toBe(engagedBefore + 1);
      expect((await questions(round.id)).find((q: any) => q.id === first.id).status).toBe('RAISED');
      await api.ok(MOVE, { input: { concernId: concern.id, to: 'ESCALATED', authority: 'CITY' } }, who.tax);
      const answered = (await api.ok<any>(MOVE, { input: { concernId: concern.id, to: 'ANSWERED', response: 'Thuế Thành phố đã giải quyết hồ sơ hoàn thuế.', answerForm: 'IN_WRITING', answerDocument: '5678/TPHCM-TTHT ngày 12/03/2032' } }, who.tax)).moveConcern;
      expect(answered).toMatchObject({ answerForm: 'IN_WRITING', taxOffice: { id: 'thue-tphcm' } });
      const found = (await publicCall(LOOKUP, { c: code.toLowerCase().replace('-', '') })).body.data.lookupTaxQuestion;
      expect(found).toMatchObject({ status: 'RAISED', answer: 'Thuế Thành phố đã giải quyết hồ sơ hoàn thuế.', answerForm: 'IN_WRITING', answerDocument: '5678/TPHCM-TTHT ngày 12/03/2032' });
      // Not published while the round is LIVE; published once it is CLOSED, with no business and no question text.
      const published = async () => (await publicCall(ANSWERS, { t: 'VAT_REFUND' })).body.data.publicTaxAnswers.filter((a: any) => a.answer.startsWith('Thuế Thành phố đã giải quyết'));
      expect(await published()).toHaveLength(0);
      await api.close(who.tax, round.id);
      const [answer] = await published();
      expect(answer).toMatchObject({ topic: 'VAT_REFUND', question: 'Hoàn thuế GTGT', answerForm: 'IN_WRITING', taxOffice: { id: 'thue-tphcm', name: 'Thuế Thành phố Hồ Chí Minh' } });
      expect(JSON.stringify(answer)).not.toContain(business.name);
      const leak = await publicCall('query { publicTaxAnswers { taxOffice { serves { id } } } concerns { totalCount } }', {});
      expect(leak.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it("keeps a caller without a token to the public fields: an office's name, never the units it serves and what they lead to", async () => {
      for (const query of [
        'query { publicTaxAnswers { answer taxOffice { serves { sessions { edges { node { concerns { edges { node { text business { name } } } } } } } } } } }',
        'query { publicTaxRounds { id taxOffice { parent { id } } } }',
        'query { ratableTaxRounds { ...R } } fragment R on PublicTaxRound { id }',
        'query { publicTaxRounds { id agenda { topic businesses } taxOffice { successors { id } } } }',
      ]) {
        const refused = await publicCall(query, {});
        expect(refused.body.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
        expect(refused.body.data ?? null, query).toBeNull();
      }
      const open = await publicCall('query { publicTaxRounds { id title taxOffice { name level } agenda { topic businesses } } publicTaxAnswers(first: 5) { topic answer taxOffice { name } } }', {});
      expect(open.body.errors).toBeUndefined();
      expect(open.body.data.publicTaxRounds.length).toBeGreaterThan(0);
    });
  });

  describe('satisfaction and the period’s figures', () => {
    let round: any;
    let came: any[];
    let stayedAway: any;
    beforeAll(async () => {
      round = await api.live(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: scheduledIn2032(20) });
      came = [
        await api.register(who.tax, { taxCode: newTaxCode(), wardId: 'tan-hung-2025', sector: 'TRADE' }),
        await api.register(who.tax, { taxCode: newTaxCode(), wardId: 'tan-hung-2025', sector: 'TRADE' }),
        await api.register(who.tax, { taxCode: newTaxCode(), wardId: 'tan-my-2025', sector: 'CONSTRUCTION' }),
      ];
      stayedAway = await api.register(who.tax, { taxCode: newTaxCode(), sector: 'SERVICES' });
      for (const b of came) await api.checkIn(who.tax, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: b.id, count: 2, requestId: rid() });
      await api.checkIn(who.tax, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: came[0].id, requestId: rid() });
      await api.ok(RAISE, { input: { sessionId: round.id, topic: 'Không phân loại', text: 'Câu hỏi chưa phân loại.', authority: 'WARD', requestId: rid() } }, who.tax);
    });

    it('refuses a rating before the round closes, from a business that did not attend, and a second one (nothing written)', async () => {
      // NOTE: most calls carry a token, so that the public page's per-client limit (shared by every public form) is not what refuses them.
      const rate = (taxCode: string, score: number, requestId = rid(), token: string | undefined = who.tax) => stack.graphql(RATE, { input: { sessionId: round.id, taxCode, score, requestId } }, token);
      expect((await rate(came[0].taxCode, 5)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await api.close(who.tax, round.id);
      expect((await rate(stayedAway.taxCode, 5, rid(), undefined)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await rate(came[0].taxCode, 9)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const requestId = rid();
      expect((await rate(came[0].taxCode, 5, requestId, undefined)).body.data.submitSatisfaction).toEqual({ responses: 1, average: 5 });
      expect((await rate(came[0].taxCode, 5, requestId)).body.data.submitSatisfaction).toEqual({ responses: 1, average: 5 });
      expect((await rate(came[0].taxCode, 1)).body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect((await rate(came[1].taxCode, 4)).body.data.submitSatisfaction).toEqual({ responses: 2, average: 4.5 });
    });

    it("counts the period's rounds by office: businesses attending by sector, questions by topic adding up with the unclassified, satisfaction", async () => {
      const s = await stats(NOW_OFFICE);
      expect(s.rounds).toBe(5);
      const sector = (name: string) => s.bySector.find((x: any) => x.sector === name).count;
      expect(s.bySector).toHaveLength(6);
      expect(sector('CONSTRUCTION')).toBe(1);
      expect(s.businessesAttending).toBe(s.bySector.reduce((n: number, x: any) => n + x.count, 0));
      expect(s.byTopic.map((t: any) => t.topic)).toEqual(['VAT_REFUND', 'E_INVOICE', 'REGISTRATION', 'DECLARATION_PAYMENT', 'ARREARS_PENALTIES', 'PERSONAL_INCOME_TAX', 'HOUSEHOLD_BUSINESS', 'LAND_AND_FEES', 'PROCEDURES', 'POLICY', 'NON_TAX']);
      const concerns = (await api.ok<any>('query { concerns(first: 100) { edges { node { session { kind scheduledAt } taxTopic } } } }', {}, who.admin)).concerns.edges
        .map((e: any) => e.node)
        .filter((c: any) => c.session.kind === 'BUSINESS_TAX' && c.session.scheduledAt >= PERIOD.from && c.session.scheduledAt < PERIOD.to);
      expect(s.byTopic.reduce((n: number, t: any) => n + t.raised, 0) + s.unclassified).toBe(concerns.length);
      expect(s.unclassified).toBe(concerns.filter((c: any) => !c.taxTopic).length);
      const vat = s.byTopic.find((t: any) => t.topic === 'VAT_REFUND');
      expect(vat).toMatchObject({ raised: 2, answeredInWriting: 1, answeredOnSpot: 0, open: 1 });
      const invoice = s.byTopic.find((t: any) => t.topic === 'E_INVOICE');
      expect(invoice).toMatchObject({ raised: 3, answeredOnSpot: 1, answeredInWriting: 1, open: 1, medianDaysToAnswer: 0 });
      expect(s.questionsInAdvance).toBe(3);
      expect(s.satisfaction).toEqual({ responses: 2, average: 4.5 });
      expect((await stats(OLD_OFFICE)).rounds).toBe(0);
    });
  });
  describe('live: the tax view follows the same summary fan-out', () => {
    it('pushes summaryChanged over a real WebSocket when a question is sent in advance and when a round is rated', async () => {
      const round = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: scheduledIn2032(25) });
      const business = await api.register(who.tax, { taxCode: newTaxCode(), sector: 'TRANSPORT' });
      const client = connectClient(stack, await stack.token('LEADERSHIP'));
      try {
        const pushes = collect(client, { query: 'subscription { summaryChanged { tax { rounds } } }' });
        await tableOf(stack).waitForSubscriptions('SUMMARY');
        // Each write is made once the stream has gone quiet, so the push that follows is its own.
        const quietCount = async () => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          return pushes.values.length;
        };
        const beforeQuestion = await quietCount();
        await publicCall(SUBMIT, { input: { sessionId: round.id, taxCode: business.taxCode, topic: 'PROCEDURES', text: 'Thời gian giải quyết hồ sơ.', requestId: rid() } });
        await pushes.waitFor(beforeQuestion + 1);
        await api.start(who.tax, round.id);
        await api.checkIn(who.tax, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: business.id, requestId: rid() });
        await api.close(who.tax, round.id);
        const beforeRating = await quietCount();
        await publicCall(RATE, { input: { sessionId: round.id, taxCode: business.taxCode, score: 3, requestId: rid() } });
        await pushes.waitFor(beforeRating + 1);
      } finally {
        await client.dispose();
      }
    });
  });

  describe('through time (the domain on the same table, with a clock)', () => {
    const ADMIN: Actor = { id: 'test-admin', role: 'ADMIN' };
    const domainAt = () => {
      const domain = createDomain(createStores({ tableName: LOCAL_TABLE_NAME, endpoint: dynamoEndpointOf(stack) }));
      return (instant: string) => domain.withClock(() => new Date(instant));
    };

    it("passes a question still open on 1/7/2025 to the successor office, keeps a 2024 district-level one with UBND Quận 7, and counts an overdue question under its topic", async () => {
      const at = domainAt();
      const may = '2025-05-20T02:00:00.000Z';
      const round = await at(may).sessions.scheduleSession(ADMIN, { kind: 'BUSINESS_TAX', title: 'Đối thoại thuế tháng 5/2025', hostBody: 'Chi cục Thuế Quận 7', scheduledAt: may });
      expect(round.taxOfficeId).toBe(OLD_OFFICE);
      await at(may).sessions.startSession(ADMIN, round.id);
      const open = await at(may).concerns.raiseConcern(ADMIN, { sessionId: round.id, topic: 'Nợ thuế', text: 'Đề nghị khoanh nợ.', authority: 'WARD', taxTopic: 'ARREARS_PENALTIES', requestId: rid() });
      const district = await at(may).concerns.raiseConcern(ADMIN, { sessionId: round.id, topic: 'Mặt bằng kinh doanh', text: 'Thiếu mặt bằng.', authority: 'DISTRICT', taxTopic: 'NON_TAX', requestId: rid() });
      const read = async (id: string) => (await api.ok<any>('query ($id: ID!) { concern(id: $id) { responsibleBody taxOffice { id } } }', { id }, who.leadership)).concern;
      // Read today: Chi cục Thuế Quận 7 ended, so its open question is Thuế cơ sở 7's now.
      expect(await read(open.id)).toEqual({ responsibleBody: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', taxOffice: { id: NOW_OFFICE } });
      // A question outside tax answered by the district in June 2025 names the body of that day.
      await at('2025-06-10T02:00:00.000Z').concerns.moveConcern(ADMIN, { concernId: district.id, to: 'RESOLVED', response: 'UBND quận đã bố trí mặt bằng.' });
      expect(await read(district.id)).toEqual({ responsibleBody: 'UBND Quận 7', taxOffice: null });
      // Raised in May 2025 at WARD: due after 15 working days, long past; counted overdue under its topic.
      const stats = (await api.ok<any>(STATS, { p: { from: '2025-05-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' }, o: OLD_OFFICE }, who.admin)).taxDialogueStats;
      expect(stats.rounds).toBe(1);
      expect(stats.byTopic.find((t: any) => t.topic === 'ARREARS_PENALTIES')).toMatchObject({ raised: 1, open: 1, overdue: 1 });
      expect(stats.byTopic.find((t: any) => t.topic === 'NON_TAX')).toMatchObject({ raised: 1, answeredInWriting: 1, open: 0, overdue: 0 });
    });

    it('refuses a rating more than 30 days after the round closed (nothing written)', async () => {
      const at = domainAt();
      const when = '2031-01-10T02:00:00.000Z';
      const round = await at(when).sessions.scheduleSession(ADMIN, { kind: 'BUSINESS_TAX', title: 'Đối thoại thuế 2031', hostBody: 'Thuế cơ sở 7', scheduledAt: when });
      const business = await api.register(who.tax, { taxCode: newTaxCode(), sector: 'OTHER' });
      await at(when).sessions.startSession(ADMIN, round.id);
      await at(when).sessions.checkIn(ADMIN, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: business.id, requestId: rid() });
      await at(when).sessions.closeSession(ADMIN, round.id);
      const late = { sessionId: round.id, taxCode: business.taxCode, score: 4, requestId: rid() };
      await expect(at('2031-02-10T02:00:00.000Z').tax.submitSatisfaction(late)).rejects.toThrow(/within 30 days/);
      expect(await at('2031-02-10T02:00:00.000Z').tax.roundSatisfaction(round.id)).toEqual({ responses: 0, average: null });
      expect(await at('2031-02-08T02:00:00.000Z').tax.submitSatisfaction({ ...late, requestId: rid() })).toEqual({ responses: 1, average: 4 });
    });

    it('takes exactly one of many ratings of one business sent at once with different requestIds; the others are CONFLICT', async () => {
      const round = await api.live(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: scheduledIn2032(27) });
      const business = await api.register(who.tax, { taxCode: newTaxCode(), sector: 'TRADE' });
      await api.checkIn(who.tax, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: business.id, requestId: rid() });
      await api.close(who.tax, round.id);
      const answers = await Promise.all([1, 2, 3, 4, 5, 5].map((score) => stack.graphql(RATE, { input: { sessionId: round.id, taxCode: business.taxCode, score, requestId: rid() } }, who.tax)));
      expect(answers.filter((a) => a.body.data?.submitSatisfaction)).toHaveLength(1);
      expect(answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(5);
      const after = (await api.ok<any>('query ($id: ID!) { session(id: $id) { satisfaction { responses } } }', { id: round.id }, who.tax)).session.satisfaction;
      expect(after.responses).toBe(1);
    });
  });

  it("gives a tax question the tax office's time at each level of its line: 15 working days at the Thuế cơ sở (WARD), the city's 32 at CITY", async () => {
    const round = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: scheduledIn2032(20) });
    await api.start(who.tax, round.id);
    const raise = async (authority: string) => (await api.ok<any>('mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { raisedAt dueAt } }', { input: { sessionId: round.id, topic: 'Hoàn thuế', text: 'Hồ sơ hoàn thuế chậm.', authority, taxTopic: 'VAT_REFUND', requestId: rid() } }, who.tax)).raiseConcern;
    const ward = await raise('WARD');
    const city = await raise('CITY');
    expect(ward.dueAt).toBe(dueAfterWorkingDays(ward.raisedAt, 15));
    expect(city.dueAt).toBe(dueAfterWorkingDays(city.raisedAt, 32));
  });
});

