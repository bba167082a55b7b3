import { describe, expect, it } from 'vitest';
import type { ReportFiguresFragment, ReviewReportFieldsFragment } from '../../gql/graphql.js';
import { buildReportDocument, vnLongDate, vnNumber } from './report-document.js';

const period = { from: '2005-12-31T17:00:00.000Z', to: '2010-12-31T17:00:00.000Z' };
const report: ReviewReportFieldsFragment = {
  id: 'r1', kind: 'TONG_KET', status: 'ISSUED', period, ward: null, taxOffice: null, title: 'Tổng kết 2006 - 2010', issuingBody: 'ỦY BAN NHÂN DÂN QUẬN 7', place: 'Quận 7',
  assessment: 'Đoạn một.\n\nĐoạn hai.', lessons: '', nextSteps: 'Tiếp tục.', signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch', signerName: 'Nguyễn Văn A',
  number: '12/BC-UBND', issuedAt: '2011-01-20T02:00:00.000Z', mayEdit: false, createdAt: '', updatedAt: '', createdBy: 'u',
};
const totals = { period, sessions: 50, attendance: 3292, concerns: 78, concernsClosed: 70, taxRounds: 6, businessesEngaged: 435 };
const figures: ReportFiguresFragment = {
  period, wardId: null, wardName: null, areaName: 'Quận 7', sentTo: 'UBND Quận 7', issuingBody: 'ỦY BAN NHÂN DÂN QUẬN 7', place: 'Quận 7', generatedAt: '2011-01-20T02:00:00.000Z', totals, attendanceByCategory: [],
  wards: [{ wardId: 'binh-thuan', wardName: 'Bình Thuận', rolloutWave: 'SECOND', sessions: 5, attendance: 293, concerns: 4, concernsClosed: 4 }],
  waves: [{ wave: 'SECOND', wards: 1, sessions: 5, attendance: 293 }], kinds: [{ kind: 'PUBLIC', sessions: 40, attendance: 2147 }], thematicDialogues: [],
  thematicTotals: { sessions: 0, attendance: 0, attendanceByCategory: [] },
  units: { atStart: [{ wardId: 'binh-thuan', wardName: 'Bình Thuận' }], atEnd: [{ wardId: 'binh-thuan', wardName: 'Bình Thuận' }], change: null },
  tax: { rounds: 6, businessesEngaged: 435, bySector: [{ sector: 'TRADE', businesses: 435 }], escalatedToCity: 2, outcomes: { open: 0, answeredOnSpot: 1, inProgress: 0, resolved: 1, escalated: 0, answered: 2 } },
  concerns: { raised: 78, answeredOnSpot: 25, resolvedByWard: 19, resolvedByDistrict: 20, escalatedWaiting: 2, answeredAfterEscalation: 6, waiting: 8, overdue: 1, outcomes: { open: 5, answeredOnSpot: 25, inProgress: 1, resolved: 39, escalated: 2, answered: 6 }, byLevel: [] },
  waitingConcerns: [{ concernId: 'c', topic: 'Ngập nước', wardId: 'tan-hung', wardName: 'Tân Hưng', authority: 'CITY', status: 'ESCALATED', raisedAt: '2010-05-02T01:00:00.000Z', daysWaited: 263, dueAt: '2010-06-17T17:00:00.000Z', overdue: true }],
  overdueConcerns: [{ concernId: 'c', topic: 'Ngập nước', wardId: 'tan-hung', wardName: 'Tân Hưng', authority: 'CITY', status: 'ESCALATED', raisedAt: '2010-05-02T01:00:00.000Z', daysWaited: 263, dueAt: '2010-06-17T17:00:00.000Z', overdue: true }],
  previous: { ...totals, period: { from: '2000-12-31T17:00:00.000Z', to: period.from }, sessions: 0, attendance: 0 },
  opinions: null,
};

describe('the review report document (Decree 30/2020/NĐ-CP layout)', () => {
  it('writes dates as the decree wants: a leading zero for days below 10 and for January and February', () => {
    expect(vnLongDate('2011-01-20T02:00:00.000Z')).toBe('ngày 20 tháng 01 năm 2011');
    expect(vnLongDate('2007-03-04T17:30:00.000Z')).toBe('ngày 05 tháng 3 năm 2007'); // already the 5th in Vietnam
    expect(vnNumber(3292)).toBe('3.292');
  });

  it('builds the header, title, sections and signature of an issued report from its figures', () => {
    const doc = buildReportDocument(report, figures);
    expect(doc.issuingBody).toEqual(['ỦY BAN NHÂN DÂN', 'QUẬN 7']);
    expect([doc.numberLine, doc.placeDate, doc.periodLine]).toEqual(['Số: 12/BC-UBND', 'Quận 7, ngày 20 tháng 01 năm 2011', '(Từ ngày 01/01/2006 đến ngày 31/12/2010)']);
    expect(doc.sections.map((s) => s.heading)).toEqual(['I. KẾT QUẢ THỰC HIỆN', 'II. ĐÁNH GIÁ CHUNG', 'III. BÀI HỌC KINH NGHIỆM', 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ']);
    const tables = doc.sections[0]!.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    // The wards' rows and the row of what belongs to no ward add up to the totals (50 sessions, 3,292 attendances).
    expect(tables[0]!.rows).toEqual([['1', 'Bình Thuận', 'Đợt 2', '5', '293'], ['', 'Không thuộc phường, xã', '', '45', '2.999']]);
    expect(tables.flatMap((t) => t.rows).find((r) => r[1] === 'Ngập nước')).toEqual(['1', 'Ngập nước', 'Tân Hưng', 'Thành phố', 'Đã chuyển cấp trên', '02/05/2010', '263']);
    expect(tables.flatMap((t) => t.rows).find((r) => r[0] === 'Trong đó: quá hạn trả lời')).toEqual(['Trong đó: quá hạn trả lời', '1']);
    expect(tables.flatMap((t) => t.rows).filter((r) => r[1] === 'Ngập nước')[1]).toEqual(['1', 'Ngập nước', 'Tân Hưng', 'Thành phố', '02/05/2010', '18/06/2010', '263']);
    expect(tables.flatMap((t) => t.rows).find((r) => r[0] === 'Lượt người tham dự')).toEqual(['Lượt người tham dự', '0', '3.292', '+3.292']);
    expect(doc.sections[1]!.blocks).toEqual([{ kind: 'paragraph', text: 'Đoạn một.' }, { kind: 'paragraph', text: 'Đoạn hai.' }]);
    expect(doc.sections[2]!.blocks).toEqual([{ kind: 'paragraph', text: '(Chưa có nội dung.)' }]);
    expect(doc.signerTitle).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(doc.draft).toBe(false);
  });

  it('reports the residents’ opinions gathered and how they were answered, by ward, once there are any', () => {
    expect(buildReportDocument(report, figures).sections[0]!.blocks.some((b) => b.kind === 'heading' && b.text.includes('Ý kiến của Nhân dân'))).toBe(false);
    const opinions = {
      received: 42, supporters: 380, selected: 12, declined: 5, merged: 7, raised: 10, answered: 8, medianDaysToAnswer: 9,
      byWard: [{ wardId: 'tan-hung-2025', wardName: 'Tân Hưng', received: 30, supporters: 300, selected: 9, raised: 8, answered: 7 }, { wardId: 'tan-my-2025', wardName: 'Tân Mỹ', received: 12, supporters: 80, selected: 3, raised: 2, answered: 1 }],
    };
    const blocks = buildReportDocument(report, { ...figures, opinions }).sections[0]!.blocks;
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === '10. Ý kiến của Nhân dân thu thập trước đối thoại');
    expect(at).toBeGreaterThan(0);
    expect(blocks[at + 1]).toEqual({ kind: 'paragraph', text: 'Các khu phố, tổ dân phố và cổng ý kiến đã tiếp nhận 42 ý kiến của 380 lượt người dân; 12 ý kiến được chọn đưa vào nội dung đối thoại, 10 ý kiến đã nêu tại buổi đối thoại, 8 ý kiến đã có câu trả lời (trung vị 9 ngày từ khi tiếp nhận đến khi trả lời); 7 ý kiến trùng được gộp, 5 ý kiến không đưa vào đối thoại.' });
    const table = (blocks[at + 2] as { kind: 'table'; table: { rows: string[][] } }).table;
    expect(table.rows).toEqual([['Tân Hưng', '30', '300', '9', '8', '7'], ['Tân Mỹ', '12', '80', '3', '2', '1'], ['Tổng cộng', '42', '380', '12', '10', '8']]);
  });

  it('leaves the number and date blank on a draft and marks it DỰ THẢO', () => {
    const doc = buildReportDocument({ ...report, status: 'DRAFT', number: null, issuedAt: null }, figures);
    expect(doc.draft).toBe(true);
    expect(doc.numberLine).toMatch(/^Số:\s+\/BC-UBND$/);
    expect(doc.placeDate).toBe('Quận 7, ngày      tháng      năm');
  });

  it('gives the thematic dialogues\' totals by attendee category, as the source report states them', () => {
    const youth = (attendance: number, y: number, p: number) => ({ sessionId: `s${y}`, title: 'Đối thoại với thanh niên', hostBody: 'Quận Đoàn 7', scheduledAt: '2009-03-26T01:00:00.000Z', attendance, attendanceByCategory: [{ category: 'YOUTH_UNION_MEMBER' as const, count: y }, { category: 'PARTY_MEMBER' as const, count: p }] });
    const doc = buildReportDocument(report, {
      ...figures,
      thematicDialogues: [youth(180, 140, 40), youth(170, 128, 42), youth(168, 128, 40)],
      thematicTotals: { sessions: 3, attendance: 518, attendanceByCategory: [{ category: 'YOUTH_UNION_MEMBER', count: 396 }, { category: 'PARTY_MEMBER', count: 122 }] },
    });
    const texts = doc.sections[0]!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('Tổng cộng 3 buổi đối thoại chuyên đề với 518 lượt người tham dự, gồm: 396 đoàn viên; 122 đảng viên.');
  });

  it('names both sets of wards, and why, for a period across the reorganisation of 1/7/2025', () => {
    const change = { effectiveAt: '2025-06-30T17:00:00.000Z', legalBasis: 'Nghị quyết 1685/NQ-UBTVQH15', explanation: 'Kỳ báo cáo có thay đổi đơn vị hành chính.' };
    const doc = buildReportDocument(report, {
      ...figures,
      period: { from: '2024-12-31T17:00:00.000Z', to: '2025-12-31T17:00:00.000Z' },
      // What the server says for the demo's area at the end of 2025 (Report.areaName, Report.sentTo).
      areaName: 'Khu vực Quận 7 cũ',
      sentTo: 'UBND Thành phố Hồ Chí Minh',
      units: { atStart: [{ wardId: 'binh-thuan', wardName: 'Bình Thuận' }, { wardId: 'phu-my', wardName: 'Phú Mỹ' }], atEnd: [{ wardId: 'tan-thuan-2025', wardName: 'Tân Thuận' }], change },
    });
    const texts = doc.sections[0]!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts[0]).toContain('trên địa bàn Khu vực Quận 7 cũ');
    expect(doc.recipients[0]).toBe('UBND Thành phố Hồ Chí Minh;');
    expect(texts).toContain('Kỳ báo cáo có thay đổi đơn vị hành chính.');
    expect(texts).toContain('Đơn vị đầu kỳ (2 phường): Bình Thuận, Phú Mỹ. Đơn vị cuối kỳ (1 phường): Tân Thuận.');
  });
});
