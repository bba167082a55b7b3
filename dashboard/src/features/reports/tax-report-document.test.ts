import { describe, expect, it } from 'vitest';
import type { ReviewReportFieldsFragment, TaxReportStatsFragment } from '../../gql/graphql.js';
import { buildTaxReportDocument } from './tax-report-document.js';

const office = { name: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', parent: { name: 'Thuế Thành phố Hồ Chí Minh' } };
const report: ReviewReportFieldsFragment = {
  id: 'r1', kind: 'TONG_KET', status: 'ISSUED', period: { from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' }, ward: null,
  taxOffice: { id: 'thue-co-so-7-tphcm', ...office }, title: 'Tổng kết công tác đối thoại với doanh nghiệp', issuingBody: 'THUẾ CƠ SỞ 7 THÀNH PHỐ HỒ CHÍ MINH',
  place: 'TP. Hồ Chí Minh', assessment: 'Doanh nghiệp hài lòng.', lessons: '', nextSteps: '', signerTitle: 'TRƯỞNG THUẾ CƠ SỞ', signerName: '',
  number: '15/BC-TCS7', issuedAt: '2026-12-20T02:00:00.000Z', mayEdit: false, createdAt: '', updatedAt: '', createdBy: 'u',
};
const topic = (t: string, raised: number, onSpot: number, inWriting: number, overdue: number, median: number | null) => ({ topic: t as 'VAT_REFUND', raised, answeredOnSpot: onSpot, answeredInWriting: inWriting, open: raised - onSpot - inWriting, overdue, medianDaysToAnswer: median });
const stats: TaxReportStatsFragment = {
  rounds: 3, businessesAttending: 61, questionsInAdvance: 18, unclassified: 1,
  bySector: [{ sector: 'TRADE', count: 30 }, { sector: 'SERVICES', count: 31 }, { sector: 'TRANSPORT', count: 0 }],
  byTopic: [topic('VAT_REFUND', 7, 3, 2, 1, 8), topic('E_INVOICE', 6, 4, 2, 0, 5), topic('POLICY', 0, 0, 0, 0, null)],
  satisfaction: { responses: 23, average: 4.17 },
};

describe("a tax office's review report as a document", () => {
  const doc = buildTaxReportDocument(report, office, stats, '2026-12-20T02:00:00.000Z');
  const text = JSON.stringify(doc);

  it('is headed by the office under its superior, numbered and dated, signed by the head of the Thuế cơ sở', () => {
    expect(doc.issuingBody).toEqual(['THUẾ THÀNH PHỐ HỒ CHÍ MINH', 'THUẾ CƠ SỞ 7 THÀNH PHỐ HỒ CHÍ MINH']);
    expect(doc.numberLine).toBe('Số: 15/BC-TCS7');
    expect(doc.placeDate).toBe('TP. Hồ Chí Minh, ngày 20 tháng 12 năm 2026');
    expect(doc.periodLine).toBe('(Từ ngày 01/01/2026 đến ngày 31/12/2026)');
    expect(doc.signerTitle).toEqual(['TRƯỞNG THUẾ CƠ SỞ']);
    expect(doc.recipients[0]).toBe('Thuế Thành phố Hồ Chí Minh (để báo cáo);');
    expect(text).not.toMatch(/Quận 7|UBND Quận/);
  });

  it('gives the rounds, the questions by topic with their total, the sectors that came and the satisfaction', () => {
    const [results] = doc.sections;
    expect(results!.heading).toBe('I. KẾT QUẢ THỰC HIỆN');
    expect(results!.blocks[0]).toMatchObject({ kind: 'paragraph' });
    expect((results!.blocks[0] as { text: string }).text).toContain('đã tổ chức 3 buổi đối thoại với doanh nghiệp, 61 doanh nghiệp tham dự; nhận 18 câu hỏi doanh nghiệp gửi trước; tiếp nhận 14 câu hỏi');
    const tables = results!.blocks.filter((b) => b.kind === 'table').map((b) => (b as { table: { rows: string[][] } }).table.rows);
    expect(tables[0]).toEqual([
      ['Hoàn thuế GTGT', '7', '3', '2', '2', '1', '8'],
      ['Hóa đơn điện tử', '6', '4', '2', '0', '0', '5'],
      ['Tổng cộng', '13', '7', '4', '2', '1', ''],
    ]);
    expect(tables[1]).toEqual([['Thương mại', '30'], ['Dịch vụ', '31'], ['Tổng cộng', '61']]);
    expect(text).toContain('23 lượt đánh giá, điểm bình quân 4,2/5');
    expect(doc.sections.map((s) => s.heading)).toEqual(['I. KẾT QUẢ THỰC HIỆN', 'II. ĐÁNH GIÁ CHUNG', 'III. BÀI HỌC KINH NGHIỆM', 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ']);
  });
});
