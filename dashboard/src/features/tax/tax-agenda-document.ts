import { formatTime } from '../../lib/format.js';
import { vnDate, vnLongDate, vnNumber, type ReportDocument } from '../../lib/official-document/document.js';
import { TAX_TOPIC_NAMES, TAX_TOPICS, type TaxTopic } from '../../../../functions/domain/kernel/tax-topics.js';

// A tax round's programme as an administrative document, in the layout of the other documents (Decree
// 30/2020/NĐ-CP): issued by the hosting tax office under its superior, the agenda by topic from the
// questions businesses sent in advance (never a business's name or a question's text), and the QR code
// of the round's rating link. Always in Vietnamese.

export interface TaxAgendaRound {
  id: string;
  title: string;
  scheduledAt: string;
  place?: string | null;
  hostBody: string;
  taxOffice?: { name: string; parent?: { name: string } | null } | null;
  agenda: readonly { topic: string; supporters: number }[];
}

const timeOf = formatTime;
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The city a tax office's line sits in, for the place line: "Thuế Thành phố Hồ Chí Minh" → "Thành phố Hồ Chí Minh". */
const placeOf = (office: TaxAgendaRound['taxOffice']) => office?.parent?.name.replace(/^(Thuế|Cục Thuế)\s+/, '') || office?.name || '';

/** The rating link printed on the round's documents (the businesses' public page, /doanh-nghiep). */
export const ratingLink = (origin: string, roundId: string) => `${origin}/doanh-nghiep?danh-gia=${encodeURIComponent(roundId)}`;

/** The agenda's topics, most businesses first: each with how many questions and businesses. */
export function agendaByTopic(agenda: TaxAgendaRound['agenda']): { topic: TaxTopic; questions: number; businesses: number }[] {
  const rows = TAX_TOPICS.map((topic) => {
    const items = agenda.filter((q) => q.topic === topic);
    return { topic, questions: items.length, businesses: items.reduce((sum, q) => sum + q.supporters, 0) };
  }).filter((r) => r.questions > 0);
  return rows.sort((a, b) => b.businesses - a.businesses || TAX_TOPICS.indexOf(a.topic) - TAX_TOPICS.indexOf(b.topic));
}

/** Who signs for the office: the head of a Thuế cơ sở, of a Chi cục Thuế, or of another office. */
const signerOf = (office: string) => (/^Thuế cơ sở/i.test(office) ? 'TRƯỞNG THUẾ CƠ SỞ' : /^Chi cục Thuế/i.test(office) ? 'CHI CỤC TRƯỞNG' : 'THỦ TRƯỞNG CƠ QUAN');

export function buildTaxAgendaDocument(round: TaxAgendaRound, origin: string, today: string = new Date().toISOString()): ReportDocument {
  const office = round.taxOffice?.name ?? round.hostBody;
  const rows = agendaByTopic(round.agenda);
  const businesses = rows.reduce((sum, r) => sum + r.businesses, 0);
  return {
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    issuingBody: [...(round.taxOffice?.parent ? [upper(round.taxOffice.parent.name)] : []), upper(office)],
    numberLine: 'Số:        /CTr-CQT',
    placeDate: `${placeOf(round.taxOffice) || office}, ${vnLongDate(today)}`,
    typeName: 'CHƯƠNG TRÌNH',
    title: round.title,
    periodLine: `(${timeOf(round.scheduledAt)} ngày ${vnDate(round.scheduledAt)}${round.place ? `, tại ${round.place}` : ''})`,
    draft: false,
    sections: [
      {
        heading: 'I. THÀNH PHẦN, CHỦ TRÌ',
        blocks: [{ kind: 'paragraph', text: `Chủ trì: ${office}. Mời đại diện các doanh nghiệp, hộ kinh doanh do ${office} quản lý tham dự.` }],
      },
      {
        heading: 'II. NỘI DUNG ĐỐI THOẠI',
        blocks:
          rows.length === 0
            ? [{ kind: 'paragraph', text: 'Chưa có câu hỏi nào được chọn từ các câu hỏi doanh nghiệp gửi trước.' }]
            : [
                { kind: 'paragraph', text: `Các nội dung được chọn từ ${vnNumber(round.agenda.length)} câu hỏi doanh nghiệp gửi trước (${vnNumber(businesses)} lượt doanh nghiệp hỏi), theo lĩnh vực:` },
                {
                  kind: 'table',
                  table: { header: ['STT', 'Lĩnh vực', 'Số câu hỏi', 'Số doanh nghiệp hỏi'], rows: rows.map((r, n) => [String(n + 1), TAX_TOPIC_NAMES[r.topic], vnNumber(r.questions), vnNumber(r.businesses)]), numeric: [0, 2, 3] },
                },
              ],
      },
      {
        heading: 'III. TỔ CHỨC THỰC HIỆN',
        blocks: [
          { kind: 'paragraph', text: 'Các câu hỏi được trả lời trực tiếp tại buổi đối thoại; câu hỏi chưa trả lời được sẽ được trả lời bằng văn bản hoặc chuyển cơ quan thuế cấp trên, và doanh nghiệp tra cứu kết quả bằng mã tra cứu.' },
          { kind: 'paragraph', text: 'Sau buổi đối thoại, mỗi doanh nghiệp tham dự đánh giá mức độ hài lòng một lần, trong 30 ngày, bằng mã QR hoặc đường dẫn dưới đây.' },
          { kind: 'qr', qr: { url: ratingLink(origin, round.id), caption: 'Đánh giá buổi đối thoại' } },
        ],
      },
    ],
    signerTitle: [signerOf(office)],
    signerName: '',
    recipients: ['Các doanh nghiệp được mời;', `${round.taxOffice?.parent?.name ?? 'Cơ quan thuế cấp trên'} (để báo cáo);`, 'Lưu: VT.'],
    fileName: `chuong-trinh-doi-thoai-thue-${vnDate(round.scheduledAt).split('/').reverse().join('-')}`,
  };
}
