import type { ReviewReportFieldsFragment, TaxReportStatsFragment } from '../../gql/graphql.js';
import { TAX_TOPIC_NAMES, type TaxTopic } from '../../../../functions/domain/kernel/tax-topics.js';
import { vnDate, vnLongDate, vnNumber, type DocBlock, type DocSection, type ReportDocument } from '../../lib/official-document/document.js';
import { narrative, SECTOR } from './report-document.js';

// A tax office's own review report (Decree 30/2020/NĐ-CP layout, as the units' reports): issued by the
// office under its superior, its rounds' figures by topic and sector, the businesses' satisfaction, and
// the office's narrative. Always in Vietnamese.

/** The report's office, with its superior for the heading. */
export interface ReportTaxOffice {
  name: string;
  parent?: { name: string } | null;
}

const lastDay = (to: string) => new Date(Date.parse(to) - 1).toISOString();
const ROMAN = ['I', 'II', 'III', 'IV'];

export function buildTaxReportDocument(report: ReviewReportFieldsFragment, office: ReportTaxOffice, s: TaxReportStatsFragment, generatedAt: string): ReportDocument {
  const draft = report.status !== 'ISSUED';
  const dateIso = report.issuedAt ?? generatedAt;
  const topics = s.byTopic.filter((t) => t.raised > 0);
  const sum = (pick: (t: (typeof topics)[number]) => number) => topics.reduce((n, t) => n + pick(t), 0);
  const raised = sum((t) => t.raised);
  const results: DocBlock[] = [
    {
      kind: 'paragraph',
      text:
        `Trong kỳ báo cáo, ${office.name} đã tổ chức ${vnNumber(s.rounds)} buổi đối thoại với doanh nghiệp, ${vnNumber(s.businessesAttending)} doanh nghiệp tham dự; ` +
        `nhận ${vnNumber(s.questionsInAdvance)} câu hỏi doanh nghiệp gửi trước; tiếp nhận ${vnNumber(raised + s.unclassified)} câu hỏi, vướng mắc tại các buổi đối thoại, ` +
        `trong đó trả lời trực tiếp ${vnNumber(sum((t) => t.answeredOnSpot))}, trả lời bằng văn bản ${vnNumber(sum((t) => t.answeredInWriting))}, ` +
        `còn ${vnNumber(sum((t) => t.open))} câu hỏi chưa trả lời (${vnNumber(sum((t) => t.overdue))} câu hỏi quá hạn).`,
    },
  ];
  if (topics.length) {
    results.push(
      { kind: 'heading', text: '1. Câu hỏi, vướng mắc theo lĩnh vực' },
      {
        kind: 'table',
        table: {
          header: ['Lĩnh vực', 'Tiếp nhận', 'Trả lời tại chỗ', 'Trả lời bằng văn bản', 'Chưa trả lời', 'Quá hạn', 'Số ngày làm việc (trung vị)'],
          rows: [
            ...topics.map((t) => [TAX_TOPIC_NAMES[t.topic as TaxTopic] ?? t.topic, vnNumber(t.raised), vnNumber(t.answeredOnSpot), vnNumber(t.answeredInWriting), vnNumber(t.open), vnNumber(t.overdue), t.medianDaysToAnswer == null ? '—' : vnNumber(t.medianDaysToAnswer)]),
            ['Tổng cộng', vnNumber(raised), vnNumber(sum((t) => t.answeredOnSpot)), vnNumber(sum((t) => t.answeredInWriting)), vnNumber(sum((t) => t.open)), vnNumber(sum((t) => t.overdue)), ''],
          ],
          numeric: [1, 2, 3, 4, 5, 6],
        },
      },
    );
  }
  const sectors = s.bySector.filter((x) => x.count > 0);
  if (sectors.length) {
    results.push(
      { kind: 'heading', text: `${topics.length ? '2' : '1'}. Doanh nghiệp tham dự theo ngành nghề` },
      { kind: 'table', table: { header: ['Ngành nghề', 'Số doanh nghiệp'], rows: [...sectors.map((x) => [SECTOR[x.sector] ?? x.sector, vnNumber(x.count)]), ['Tổng cộng', vnNumber(s.businessesAttending)]], numeric: [1] } },
    );
  }
  results.push({
    kind: 'paragraph',
    text: s.satisfaction.responses
      ? `Mức độ hài lòng của doanh nghiệp: ${vnNumber(s.satisfaction.responses)} lượt đánh giá, điểm bình quân ${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(s.satisfaction.average ?? 0)}/5.`
      : 'Chưa có doanh nghiệp đánh giá mức độ hài lòng trong kỳ.',
  });
  const sections: DocSection[] = [
    { heading: 'KẾT QUẢ THỰC HIỆN', blocks: results },
    { heading: 'ĐÁNH GIÁ CHUNG', blocks: narrative(report.assessment) },
    { heading: 'BÀI HỌC KINH NGHIỆM', blocks: narrative(report.lessons) },
    { heading: 'PHƯƠNG HƯỚNG, NHIỆM VỤ', blocks: narrative(report.nextSteps) },
  ].map((x, i) => ({ ...x, heading: `${ROMAN[i]}. ${x.heading}` }));
  const symbol = (report.number ?? '').split('/')[1] ?? 'BC-CQT';
  return {
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    issuingBody: [...(office.parent ? [office.parent.name.toLocaleUpperCase('vi')] : []), report.issuingBody.toLocaleUpperCase('vi')],
    numberLine: draft ? `Số:        /${symbol}` : `Số: ${report.number}`,
    placeDate: `${report.place}, ${draft ? 'ngày      tháng      năm' : vnLongDate(dateIso)}`,
    typeName: 'BÁO CÁO',
    title: report.title,
    periodLine: `(Từ ngày ${vnDate(report.period.from)} đến ngày ${vnDate(lastDay(report.period.to))})`,
    draft,
    sections,
    signerTitle: report.signerTitle.split('\n').map((l) => l.trim().toLocaleUpperCase('vi')).filter(Boolean),
    signerName: report.signerName,
    recipients: [`${office.parent?.name ?? 'Cơ quan thuế cấp trên'} (để báo cáo);`, 'UBND các phường trên địa bàn;', 'Lưu: VT.'],
    fileName: `bao-cao-doi-thoai-doanh-nghiep-${draft ? 'du-thao' : (report.number ?? '').replace(/[^A-Za-z0-9]+/g, '-')}-${vnDate(dateIso).split('/').reverse().join('-')}`,
  };
}
