import type { ReportFiguresFragment, ReviewReportFieldsFragment } from '../../gql/graphql.js';

import { vnDate, vnLongDate, vnNumber, type DocBlock, type DocSection, type ReportDocument } from '../../lib/official-document/document.js';

export type { DocBlock, ReportDocument } from '../../lib/official-document/document.js';
export { vnDate, vnLongDate, vnNumber } from '../../lib/official-document/document.js';

/** The last day a [from, to) period includes: `to` is exclusive. */
const lastDay = (to: string) => new Date(Date.parse(to) - 1).toISOString();

const WAVE: Record<string, string> = { PILOT: 'Thí điểm', SECOND: 'Đợt 2', THIRD: 'Đợt 3' };
const KIND: Record<string, string> = { PUBLIC: 'Đối thoại trực tiếp với nhân dân', THEMATIC: 'Đối thoại chuyên đề', BUSINESS_TAX: 'Đối thoại với doanh nghiệp về thuế' };
const CATEGORY: Record<string, string> = {
  RESIDENT: 'nhân dân',
  YOUTH_UNION_MEMBER: 'đoàn viên',
  PARTY_MEMBER: 'đảng viên',
  WOMENS_UNION_MEMBER: 'hội viên phụ nữ',
  BUSINESS_REPRESENTATIVE: 'đại diện doanh nghiệp',
  OFFICIAL: 'cán bộ',
  OTHER: 'khác',
};
export const SECTOR: Record<string, string> = { TRADE: 'Thương mại', SERVICES: 'Dịch vụ', TRANSPORT: 'Vận tải', CONSTRUCTION: 'Xây dựng', MANUFACTURING: 'Sản xuất', OTHER: 'Khác' };
const AUTHORITY: Record<string, string> = { WARD: 'Phường', DISTRICT: 'Quận', CITY: 'Thành phố', CENTRAL: 'Trung ương' };
const STATUS: Record<string, string> = { OPEN: 'Mới tiếp nhận', IN_PROGRESS: 'Đang giải quyết', ESCALATED: 'Đã chuyển cấp trên' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

function change(now: number, before: number): string {
  const d = now - before;
  return d === 0 ? '0' : `${d > 0 ? '+' : '−'}${vnNumber(Math.abs(d))}`;
}

const paragraphs = (text: string): DocBlock[] =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph', text: t }));

/** A narrative part: its paragraphs, or "(Chưa có nội dung.)" while empty. */
export const narrative = (text: string): DocBlock[] => (text.trim() ? paragraphs(text) : [{ kind: 'paragraph', text: '(Chưa có nội dung.)' }]);

/** The row of what belongs to no ward, when there is any: the totals less the wards' rows. */
function withoutWard(f: ReportFiguresFragment): string[][] {
  const sessions = f.totals.sessions - f.wards.reduce((n, w) => n + w.sessions, 0);
  const attendance = f.totals.attendance - f.wards.reduce((n, w) => n + w.attendance, 0);
  return sessions > 0 || attendance > 0 ? [['', 'Không thuộc phường, xã', '', vnNumber(sessions), vnNumber(attendance)]] : [];
}

/** The document of a review report: its narrative and its figures (an issued report's frozen ones). */
export function buildReportDocument(report: ReviewReportFieldsFragment, f: ReportFiguresFragment): ReportDocument {
  const draft = report.status !== 'ISSUED';
  const bodyWords = report.issuingBody.toLocaleUpperCase('vi');
  // "ỦY BAN NHÂN DÂN PHƯỜNG TÂN HƯNG" → two lines, as printed: the body, then the locality.
  const split = /^(ỦY BAN NHÂN DÂN)\s+(.+)$/u.exec(bodyWords);
  const issuingBody = split ? [split[1]!, split[2]!] : [bodyWords];
  const symbol = (report.number ?? '').split('/')[1] ?? 'BC-UBND';
  const dateIso = report.issuedAt ?? f.generatedAt;
  // What it covers, from the data in force on its last day (Report.areaName): a district only while there was one.
  const scope = f.areaName;
  const t = f.totals;

  const results: DocBlock[] = [
    {
      kind: 'paragraph',
      text: `Trong kỳ báo cáo, trên địa bàn ${scope} đã tổ chức ${vnNumber(t.sessions)} buổi đối thoại với ${vnNumber(t.attendance)} lượt người tham dự; tiếp nhận ${vnNumber(t.concerns)} ý kiến, kiến nghị, đã trả lời, giải quyết ${vnNumber(t.concernsClosed)} ý kiến.`,
    },
    // A period across a reorganisation names both sets of units and says why (units through time).
    ...(f.units.change && !f.wardName
      ? ([
          { kind: 'paragraph', text: f.units.change.explanation },
          { kind: 'paragraph', text: `Đơn vị đầu kỳ (${vnNumber(f.units.atStart.length)} phường): ${f.units.atStart.map((u) => u.wardName).join(', ')}. Đơn vị cuối kỳ (${vnNumber(f.units.atEnd.length)} phường): ${f.units.atEnd.map((u) => u.wardName).join(', ')}.` },
        ] as DocBlock[])
      : []),
    { kind: 'heading', text: '1. Đối thoại tại các phường' },
    {
      kind: 'table',
      table: {
        header: ['STT', 'Phường', 'Đợt triển khai', 'Số buổi', 'Lượt người tham dự'],
        // The rows add up to the totals: what belongs to no ward (district-level and thematic sessions, tax rounds) is a row too.
        rows: [
          ...f.wards.map((w, i) => [String(i + 1), w.wardName, WAVE[w.rolloutWave] ?? w.rolloutWave, vnNumber(w.sessions), vnNumber(w.attendance)]),
          ...withoutWard(f),
        ],
        numeric: [0, 3, 4],
      },
    },
    { kind: 'heading', text: '2. Theo đợt triển khai' },
    {
      kind: 'table',
      table: { header: ['Đợt triển khai', 'Số phường', 'Số buổi', 'Lượt người tham dự'], rows: f.waves.map((w) => [WAVE[w.wave] ?? w.wave, vnNumber(w.wards), vnNumber(w.sessions), vnNumber(w.attendance)]), numeric: [1, 2, 3] },
    },
    { kind: 'heading', text: '3. Theo hình thức đối thoại' },
    {
      kind: 'table',
      table: { header: ['Hình thức', 'Số buổi', 'Lượt người tham dự'], rows: f.kinds.map((k) => [KIND[k.kind] ?? k.kind, vnNumber(k.sessions), vnNumber(k.attendance)]), numeric: [1, 2] },
    },
    { kind: 'heading', text: '4. Đối thoại chuyên đề' },
    f.thematicDialogues.length === 0
      ? { kind: 'paragraph', text: 'Trong kỳ không tổ chức đối thoại chuyên đề.' }
      : {
          kind: 'table',
          table: {
            header: ['STT', 'Ngày', 'Nội dung', 'Cơ quan chủ trì', 'Thành phần tham dự', 'Lượt người'],
            rows: f.thematicDialogues.map((d, i) => [
              String(i + 1),
              vnDate(d.scheduledAt),
              d.title,
              d.hostBody,
              d.attendanceByCategory.map((c) => `${vnNumber(c.count)} ${CATEGORY[c.category] ?? c.category}`).join('; '),
              vnNumber(d.attendance),
            ]),
            numeric: [0, 5],
          },
        },
    ...(f.thematicDialogues.length === 0
      ? []
      : ([
          {
            kind: 'paragraph',
            text: `Tổng cộng ${vnNumber(f.thematicTotals.sessions)} buổi đối thoại chuyên đề với ${vnNumber(f.thematicTotals.attendance)} lượt người tham dự, gồm: ${f.thematicTotals.attendanceByCategory.map((c) => `${vnNumber(c.count)} ${CATEGORY[c.category] ?? c.category}`).join('; ')}.`,
          },
        ] as DocBlock[])),
    { kind: 'heading', text: '5. Đối thoại với doanh nghiệp về thuế' },
    {
      kind: 'paragraph',
      text: `Tổ chức ${vnNumber(f.tax.rounds)} đợt đối thoại với ${vnNumber(f.tax.businessesEngaged)} doanh nghiệp; ${vnNumber(f.tax.escalatedToCity)} kiến nghị thuộc thẩm quyền Thành phố, Trung ương đã được trình xin ý kiến.`,
    },
    {
      kind: 'table',
      table: { header: ['Lĩnh vực', 'Số doanh nghiệp'], rows: [...f.tax.bySector.map((s) => [SECTOR[s.sector] ?? s.sector, vnNumber(s.businesses)]), ['Tổng cộng', vnNumber(f.tax.businessesEngaged)]], numeric: [1] },
    },
    { kind: 'heading', text: '6. Kết quả trả lời, giải quyết ý kiến, kiến nghị' },
    {
      kind: 'table',
      table: {
        header: ['Kết quả', 'Số ý kiến'],
        rows: [
          ['Tổng số ý kiến, kiến nghị tiếp nhận', vnNumber(f.concerns.raised)],
          ['Trả lời trực tiếp tại buổi đối thoại', vnNumber(f.concerns.answeredOnSpot)],
          ['Phường giải quyết', vnNumber(f.concerns.resolvedByWard)],
          ['Quận giải quyết', vnNumber(f.concerns.resolvedByDistrict)],
          ['Trình Thành phố, Trung ương và đã trả lời', vnNumber(f.concerns.answeredAfterEscalation)],
          ['Đã trình Thành phố, Trung ương, đang chờ trả lời', vnNumber(f.concerns.escalatedWaiting)],
          ['Còn chờ trả lời (tổng số)', vnNumber(f.concerns.waiting)],
          ['Trong đó: quá hạn trả lời', vnNumber(f.concerns.overdue)],
        ],
        numeric: [1],
      },
    },
    { kind: 'heading', text: '7. Ý kiến, kiến nghị còn chờ trả lời' },
    f.waitingConcerns.length === 0
      ? { kind: 'paragraph', text: 'Không còn ý kiến, kiến nghị chờ trả lời.' }
      : {
          kind: 'table',
          table: {
            header: ['STT', 'Nội dung', 'Phường', 'Cấp giải quyết', 'Tình trạng', 'Ngày tiếp nhận', 'Số ngày chờ'],
            rows: f.waitingConcerns.map((c, i) => [String(i + 1), c.topic, c.wardName ?? '—', AUTHORITY[c.authority] ?? c.authority, STATUS[c.status] ?? c.status, vnDate(c.raisedAt), vnNumber(c.daysWaited)]),
            numeric: [0, 6],
          },
        },
    { kind: 'heading', text: '8. Ý kiến, kiến nghị quá hạn trả lời' },
    f.overdueConcerns.length === 0
      ? { kind: 'paragraph', text: 'Không có ý kiến, kiến nghị quá hạn trả lời.' }
      : {
          kind: 'table',
          table: {
            header: ['STT', 'Nội dung', 'Phường', 'Cấp giải quyết', 'Ngày tiếp nhận', 'Hạn trả lời', 'Số ngày chờ'],
            rows: f.overdueConcerns.map((c, i) => [String(i + 1), c.topic, c.wardName ?? '—', AUTHORITY[c.authority] ?? c.authority, vnDate(c.raisedAt), c.dueAt ? vnDate(c.dueAt) : '—', vnNumber(c.daysWaited)]),
            numeric: [0, 6],
          },
        },
    { kind: 'heading', text: '9. So sánh với kỳ trước' },
    {
      kind: 'table',
      table: {
        header: ['Chỉ tiêu', `Kỳ trước (${vnDate(f.previous.period.from)} - ${vnDate(lastDay(f.previous.period.to))})`, 'Kỳ này', 'Tăng, giảm'],
        rows: (
          [
            ['Số buổi đối thoại', f.previous.sessions, t.sessions],
            ['Lượt người tham dự', f.previous.attendance, t.attendance],
            ['Ý kiến, kiến nghị tiếp nhận', f.previous.concerns, t.concerns],
            ['Ý kiến đã trả lời, giải quyết', f.previous.concernsClosed, t.concernsClosed],
            ['Đợt đối thoại về thuế', f.previous.taxRounds, t.taxRounds],
            ['Doanh nghiệp tham gia', f.previous.businessesEngaged, t.businessesEngaged],
          ] as [string, number, number][]
        ).map(([label, before, now]) => [label, vnNumber(before), vnNumber(now), change(now, before)]),
        numeric: [1, 2, 3],
      },
    },
  ];
  const o = f.opinions;
  if (o && o.received > 0) {
    results.push(
      { kind: 'heading', text: '10. Ý kiến của Nhân dân thu thập trước đối thoại' },
      {
        kind: 'paragraph',
        text: `Các khu phố, tổ dân phố và cổng ý kiến đã tiếp nhận ${vnNumber(o.received)} ý kiến của ${vnNumber(o.supporters)} lượt người dân; ${vnNumber(o.selected)} ý kiến được chọn đưa vào nội dung đối thoại, ${vnNumber(o.raised)} ý kiến đã nêu tại buổi đối thoại, ${vnNumber(o.answered)} ý kiến đã có câu trả lời${o.medianDaysToAnswer === null || o.medianDaysToAnswer === undefined ? '' : ` (trung vị ${vnNumber(o.medianDaysToAnswer)} ngày từ khi tiếp nhận đến khi trả lời)`}; ${vnNumber(o.merged)} ý kiến trùng được gộp, ${vnNumber(o.declined)} ý kiến không đưa vào đối thoại.`,
      },
      {
        kind: 'table',
        table: {
          header: ['Phường', 'Ý kiến tiếp nhận', 'Lượt người nêu', 'Đưa vào đối thoại', 'Đã nêu tại đối thoại', 'Đã trả lời'],
          rows: [...o.byWard.filter((w) => w.received > 0).map((w) => [w.wardName, vnNumber(w.received), vnNumber(w.supporters), vnNumber(w.selected), vnNumber(w.raised), vnNumber(w.answered)]), ['Tổng cộng', vnNumber(o.received), vnNumber(o.supporters), vnNumber(o.selected), vnNumber(o.raised), vnNumber(o.answered)]],
          numeric: [1, 2, 3, 4, 5],
        },
      },
    );
  }
  const sections: DocSection[] = [
    { heading: 'KẾT QUẢ THỰC HIỆN', blocks: results },
    { heading: 'ĐÁNH GIÁ CHUNG', blocks: narrative(report.assessment) },
    { heading: 'BÀI HỌC KINH NGHIỆM', blocks: narrative(report.lessons) },
    { heading: 'PHƯƠNG HƯỚNG, NHIỆM VỤ', blocks: narrative(report.nextSteps) },
  ].map((s, i) => ({ ...s, heading: `${ROMAN[i]}. ${s.heading}` }));
  return {
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    issuingBody,
    numberLine: draft ? `Số:        /${symbol}` : `Số: ${report.number}`,
    placeDate: `${report.place}, ${draft ? 'ngày      tháng      năm' : vnLongDate(dateIso)}`,
    typeName: 'BÁO CÁO',
    title: report.title,
    periodLine: `(Từ ngày ${vnDate(f.period.from)} đến ngày ${vnDate(lastDay(f.period.to))})`,
    draft,
    sections,
    signerTitle: report.signerTitle.split('\n').map((l) => l.trim().toLocaleUpperCase('vi')).filter(Boolean),
    signerName: report.signerName,
    recipients: [`${f.sentTo};`, 'Ban Chỉ đạo đối thoại trực tiếp với nhân dân;', 'Lưu: VT.'],
    fileName: `bao-cao-${report.kind === 'SO_KET' ? 'so-ket' : 'tong-ket'}-${draft ? 'du-thao' : (report.number ?? '').replace(/[^A-Za-z0-9]+/g, '-')}-${vnDate(dateIso).split('/').reverse().join('-')}`,
  };
}
