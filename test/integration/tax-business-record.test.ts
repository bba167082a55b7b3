import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

// A business's record on the real stack (issue #27, "a business's page"): the sessions it took part
// in, the questions it sent in advance and the concerns raised for it; nothing of another business.
const RECORD = `query ($c: String!) { business(taxCode: $c) { id
  sessions { id title }
  taxQuestions { id topic status lookupCode session { id } concern { id } }
  concerns { id topic taxTopic responsibleBody session { id } } } }`;

describe("a business's record", () => {
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

  it('lists the rounds it took part in, its questions sent in advance and the concerns raised for it, newest first, and nothing of another business', async () => {
    const code = (n: number) => `0322${String((Date.now() + n) % 1e6).padStart(6, '0')}`;
    const mine = await api.register(who.tax, { taxCode: code(1), wardId: 'tan-hung-2025', sector: 'TRADE' });
    const other = await api.register(who.tax, { taxCode: code(2), wardId: 'tan-my-2025', sector: 'SERVICES' });
    const first = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: '2035-03-05T01:00:00.000Z' });
    const second = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: '2035-06-05T01:00:00.000Z' });
    const skipped = await api.schedule(who.tax, { kind: 'BUSINESS_TAX', scheduledAt: '2035-04-05T01:00:00.000Z' });
    // A question sent before the second round, put on its agenda.
    const asked = (await api.ok<any>('mutation ($input: SubmitTaxQuestionInput!) { submitTaxQuestion(input: $input) { id } }', { input: { sessionId: second.id, taxCode: mine.taxCode, topic: 'E_INVOICE', text: 'Hóa đơn điện tử bị cảnh báo rủi ro.', requestId: rid() } }, who.tax)).submitTaxQuestion;
    await api.ok<any>('mutation ($input: SubmitTaxQuestionInput!) { submitTaxQuestion(input: $input) { id } }', { input: { sessionId: second.id, taxCode: other.taxCode, topic: 'VAT_REFUND', text: 'Hoàn thuế chậm.', requestId: rid() } }, who.tax);
    await api.ok<any>('mutation ($input: TriageTaxQuestionInput!) { triageTaxQuestion(input: $input) { id } }', { input: { id: asked.id, to: 'SELECTED' } }, who.tax);
    for (const round of [first, second, skipped]) await api.start(who.tax, round.id);
    await api.checkIn(who.tax, { sessionId: first.id, category: 'BUSINESS_REPRESENTATIVE', businessId: mine.id, requestId: rid() });
    await api.checkIn(who.tax, { sessionId: skipped.id, category: 'BUSINESS_REPRESENTATIVE', businessId: other.id, requestId: rid() });
    const raisedInFirst = (await api.ok<any>('mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }', { input: { sessionId: first.id, businessId: mine.id, topic: 'Hoàn thuế', text: 'Hoàn thuế GTGT chậm.', authority: 'WARD', taxTopic: 'VAT_REFUND', requestId: rid() } }, who.tax)).raiseConcern;
    await api.ok<any>('mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }', { input: { sessionId: first.id, businessId: other.id, topic: 'Nợ thuế', text: 'Xin gia hạn.', authority: 'WARD', taxTopic: 'ARREARS_PENALTIES', requestId: rid() } }, who.tax);
    // Raised from the agenda: the business took part in the second round without a check-in.
    const fromAgenda = (await api.ok<any>('mutation ($q: ID!, $a: Authority!, $r: String!) { raiseFromTaxQuestion(questionId: $q, authority: $a, requestId: $r) { id } }', { q: asked.id, a: 'CITY', r: rid() }, who.tax)).raiseFromTaxQuestion;

    const record = (await api.ok<any>(RECORD, { c: mine.taxCode }, who.leadership)).business;
    expect(record.sessions.map((s: any) => s.id)).toEqual([second.id, first.id]);
    expect(record.taxQuestions).toEqual([{ id: asked.id, topic: 'E_INVOICE', status: 'RAISED', lookupCode: expect.any(String), session: { id: second.id }, concern: { id: fromAgenda.id } }]);
    expect(record.concerns.map((c: any) => [c.id, c.session.id, c.taxTopic])).toEqual([
      [fromAgenda.id, second.id, 'E_INVOICE'],
      [raisedInFirst.id, first.id, 'VAT_REFUND'],
    ]);
    expect(record.concerns[0].responsibleBody).toBe('Thuế Thành phố Hồ Chí Minh');
    const others = (await api.ok<any>(RECORD, { c: other.taxCode }, who.leadership)).business;
    expect(others.sessions.map((s: any) => s.id).sort()).toEqual([first.id, skipped.id].sort());
    expect(others.taxQuestions).toHaveLength(1);
    expect(others.concerns).toHaveLength(1);
  });

  it('finds businesses by part of their name, with or without diacritics, and refuses a search too short', async () => {
    const code = (n: number) => `0323${String((Date.now() + n) % 1e6).padStart(6, '0')}`;
    const saigon = await api.register(who.tax, { taxCode: code(1), name: 'Công ty TNHH Bao Bì Sông Sài Gòn', wardId: 'tan-hung-2025', sector: 'MANUFACTURING' });
    await api.register(who.tax, { taxCode: code(2), name: 'Công ty Cổ phần Đông Á', wardId: 'tan-my-2025', sector: 'TRADE' });
    const search = async (q: string, sector?: string) => (await api.ok<any>('query ($q: String, $s: BusinessSector) { businesses(search: $q, sector: $s, first: 10) { totalCount edges { node { id } } } }', { q, s: sector ?? null }, who.tax)).businesses;
    for (const q of ['song sai gon', 'SÔNG SÀI GÒN', 'Sài Gòn', 'bao bi']) expect((await search(q)).edges.map((e: any) => e.node.id), q).toEqual([saigon.id]);
    expect((await search('dong a')).edges).toHaveLength(1);
    expect((await search('song sai gon', 'TRADE')).totalCount).toBe(0);
    expect((await search('sai gon', 'MANUFACTURING')).totalCount).toBe(1);
    expect((await api.refused('{ businesses(search: "a") { totalCount } }', {}, who.tax)).code).toBe('BAD_USER_INPUT');
  });
});
