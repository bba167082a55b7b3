import { describe, expect, it } from 'vitest';
import { answerFormOf } from '../../functions/domain/concerns/concern-service.js';
import { InvalidInputError } from '../../functions/domain/kernel/errors.js';
import { publicRefusal } from '../../functions/graphql/public-access.js';
import { answeringOffice, buildTaxOffices, createTaxOfficeDirectory, officeCarryingOn, referenceTaxOffices, unitsServedBy } from '../../functions/domain/units/tax-offices.js';
import { statsFrom } from '../../functions/domain/tax/tax-service.js';
import { counterAttributes, totalsFrom } from '../../functions/store/counters.js';

const offices = referenceTaxOffices();
const BEFORE = '2024-06-01T00:00:00.000Z';
const AFTER = '2026-06-01T00:00:00.000Z';

describe('tax offices through time', () => {
  it('answers up the host office line, and passes to the successor office in force at the moment', () => {
    expect(answeringOffice(offices, 'chi-cuc-thue-quan-7', 'WARD', BEFORE)?.id).toBe('chi-cuc-thue-quan-7');
    expect(answeringOffice(offices, 'chi-cuc-thue-quan-7', 'DISTRICT', BEFORE)?.id).toBe('chi-cuc-thue-quan-7');
    expect(answeringOffice(offices, 'chi-cuc-thue-quan-7', 'CITY', BEFORE)?.id).toBe('cuc-thue-tphcm');
    expect(answeringOffice(offices, 'chi-cuc-thue-quan-7', 'CENTRAL', BEFORE)?.id).toBe('tong-cuc-thue');
    // The same 2024 question, still open in 2026: the offices that carry the work on now.
    expect(answeringOffice(offices, 'chi-cuc-thue-quan-7', 'WARD', AFTER)?.id).toBe('thue-co-so-7-tphcm');
    expect(answeringOffice(offices, 'chi-cuc-thue-quan-7', 'CITY', AFTER)?.id).toBe('thue-tphcm');
    expect(answeringOffice(offices, 'chi-cuc-thue-quan-7', 'CENTRAL', AFTER)?.id).toBe('cuc-thue');
    expect(answeringOffice(offices, 'thue-co-so-7-tphcm', 'CENTRAL', AFTER)?.id).toBe('cuc-thue');
    expect(officeCarryingOn(offices, 'tong-cuc-thue', '2025-03-05T00:00:00.000Z')?.id).toBe('cuc-thue');
  });

  it('hosts a round at the one LOCAL office in force, and serves the units of the offices below', () => {
    const directory = createTaxOfficeDirectory(offices);
    expect(directory.hostOf({ scheduledAt: BEFORE })).toBe('chi-cuc-thue-quan-7');
    expect(directory.hostOf({ scheduledAt: AFTER })).toBe('thue-co-so-7-tphcm');
    expect(directory.hostOf({ scheduledAt: AFTER, taxOfficeId: 'x' })).toBe('x');
    expect(unitsServedBy(offices, 'thue-tphcm').sort()).toEqual(['phu-thuan-2025', 'tan-hung-2025', 'tan-my-2025', 'tan-thuan-2025']);
    const two = createTaxOfficeDirectory(buildTaxOffices({ offices: [{ id: 'a', name: 'A', level: 'LOCAL' }, { id: 'b', name: 'B', level: 'LOCAL' }] }));
    expect(two.localAt(AFTER)).toEqual({ office: undefined, count: 2 });
  });

  it('refuses a broken offices file, saying what is wrong', () => {
    expect(() => buildTaxOffices({})).toThrow(/"offices" list/);
    expect(() => buildTaxOffices({ offices: [{ id: 'a', name: 'A', level: 'DISTRICT' }] })).toThrow(/level DISTRICT/);
    expect(() => buildTaxOffices({ offices: [{ id: 'a', name: 'A', level: 'LOCAL', parent: 'z' }] })).toThrow(/parent z/);
    expect(() => buildTaxOffices({ offices: [{ id: 'a', name: 'A', level: 'LOCAL', predecessors: ['z'] }] })).toThrow(/predecessor z/);
    expect(() => buildTaxOffices({ offices: [{ id: 'a', name: 'A', level: 'LOCAL' }, { id: 'a', name: 'B', level: 'LOCAL' }] })).toThrow(/twice/);
    expect(() => buildTaxOffices({ offices: [{ id: 'a', name: 'A', level: 'LOCAL', validTo: '1/7/2025' }] })).toThrow(/YYYY-MM-DD/);
    expect(() => buildTaxOffices({ offices: [{ name: 'A', level: 'LOCAL' }] })).toThrow(/an id and a name/);
  });
});

describe('how an answer was given', () => {
  it('is ON_THE_SPOT in the room, IN_WRITING by default otherwise, and a letter is needed only when IN_WRITING is asked for', () => {
    expect(answerFormOf('ANSWERED_ON_SPOT', undefined, undefined)).toEqual({ answerForm: 'ON_THE_SPOT' });
    expect(answerFormOf('RESOLVED', undefined, undefined)).toEqual({ answerForm: 'IN_WRITING' });
    expect(answerFormOf('ANSWERED', 'IN_WRITING', '12/TCS7 ngày 01/12/2026')).toEqual({ answerForm: 'IN_WRITING', answerDocument: '12/TCS7 ngày 01/12/2026' });
    expect(answerFormOf('RESOLVED', 'ON_THE_SPOT', undefined)).toEqual({ answerForm: 'ON_THE_SPOT' });
    for (const [to, form, doc] of [['RESOLVED', 'IN_WRITING', undefined], ['ANSWERED_ON_SPOT', 'IN_WRITING', 'x'], ['ANSWERED_ON_SPOT', undefined, 'x'], ['ANSWERED', 'ON_THE_SPOT', 'x']] as const) {
      expect(() => answerFormOf(to, form, doc)).toThrow(InvalidInputError);
    }
  });
});

describe("a period's tax figures", () => {
  it('adds rounds up by topic (every topic, in order), counts each business once with its sector, and averages the ratings', () => {
    const round = (tally: Parameters<typeof counterAttributes>[0]) => totalsFrom(counterAttributes(tally));
    const reads = [
      { totals: round({ taxTopics: [{ topic: 'E_INVOICE', measure: 'raised', add: 3 }, { topic: 'E_INVOICE', measure: 'inWriting', add: 2 }, { topic: 'NONE', measure: 'raised', add: 1 }], taxAnswerDays: [{ topic: 'E_INVOICE', bin: 4, add: 1 }, { topic: 'E_INVOICE', bin: 12, add: 1 }], taxQuestions: 2, satisfactionResponses: 2, satisfactionScore: 9 }), attendees: [{ businessId: 'b1', sector: 'TRADE' }, { businessId: 'b2', sector: 'SERVICES' }] },
      { totals: round({ taxTopics: [{ topic: 'E_INVOICE', measure: 'raised', add: 1 }, { topic: 'E_INVOICE', measure: 'onSpot', add: 1 }, { topic: 'VAT_REFUND', measure: 'raised', add: 1 }], taxAnswerDays: [{ topic: 'E_INVOICE', bin: 30, add: 1 }], satisfactionResponses: 1, satisfactionScore: 3 }), attendees: [{ businessId: 'b1', sector: 'TRADE' }, { businessId: 'b3' }] },
    ];
    const stats = statsFrom(reads, [{ topic: 'VAT_REFUND' }], 2);
    expect(stats.byTopic.map((t) => t.topic)[0]).toBe('VAT_REFUND');
    expect(stats.byTopic).toHaveLength(11);
    expect(stats.byTopic.find((t) => t.topic === 'E_INVOICE')).toEqual({ topic: 'E_INVOICE', raised: 4, answeredOnSpot: 1, answeredInWriting: 2, open: 1, overdue: 0, medianDaysToAnswer: 12 });
    expect(stats.byTopic.find((t) => t.topic === 'VAT_REFUND')).toMatchObject({ raised: 1, open: 1, overdue: 1, medianDaysToAnswer: null });
    expect(stats.unclassified).toBe(1);
    expect(stats.businessesAttending).toBe(3);
    expect(stats.bySector.find((s) => s.sector === 'TRADE')?.count).toBe(1);
    expect(stats.bySector.find((s) => s.sector === 'OTHER')?.count).toBe(1);
    expect(stats.questionsInAdvance).toBe(2);
    expect(stats.satisfaction).toEqual({ responses: 3, average: 4 });
  });
});

describe('the public gate for the tax pages', () => {
  const body = (query: string) => JSON.stringify({ query });
  it('lets the public pages read their own fields, and nothing a TaxOffice leads on to', () => {
    expect(publicRefusal(body('{ publicTaxAnswers { topic question answer answerForm answeredAt taxOffice { id name level } } }'))).toBeUndefined();
    expect(publicRefusal(body('{ publicTaxRounds { id title place scheduledAt status taxOffice { name } agenda { topic businesses } } }'))).toBeUndefined();
    expect(publicRefusal(body('{ publicTaxAnswers { taxOffice { serves { id } } } }'))).toMatch(/publicTaxAnswers may select only these fields/);
    expect(publicRefusal(body('{ publicTaxRounds { taxOffice } }'))).toBeDefined();
    expect(publicRefusal(body('{ ratableTaxRounds { ... on PublicTaxRound { id } } }'))).toBeDefined();
    expect(publicRefusal(body('mutation { submitTaxQuestion(input: {sessionId: "s", taxCode: "0301234567", topic: VAT_REFUND, text: "t", requestId: "r"}) { id session { id } } }'))).toMatch(/the question's own fields back/);
  });
});
