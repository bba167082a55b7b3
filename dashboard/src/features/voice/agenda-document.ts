import { formatTime } from '../../lib/format.js';
import { vnDate, vnLongDate, vnNumber, type ReportDocument } from '../../lib/official-document/document.js';

// A dialogue's agenda as an administrative document, in the layout of the review reports (Decree
// 30/2020/NĐ-CP): the People's Committee of the ward issues the programme of the dialogue, its items
// the residents' inputs selected for it, most supporters first. Always in Vietnamese.
const CHANNEL: Record<string, string> = { NEIGHBOURHOOD_MEETING: 'Họp khu phố', RESIDENTIAL_GROUP: 'Tổ dân phố', PUBLIC_FORM: 'Cổng ý kiến', OFFICE: 'Tại trụ sở' };

const timeOf = formatTime;

export interface AgendaSession {
  id: string;
  title: string;
  scheduledAt: string;
  hostBody: string;
  place?: string | null;
  agenda: readonly { topic: string; supporters: number; channel: string; neighbourhood?: { name: string } | null }[];
}

export function buildAgendaDocument(wardName: string, session: AgendaSession, today: string = new Date().toISOString()): ReportDocument {
  const total = session.agenda.reduce((sum, i) => sum + i.supporters, 0);
  return {
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    issuingBody: ['ỦY BAN NHÂN DÂN', `PHƯỜNG ${wardName.toLocaleUpperCase('vi')}`],
    numberLine: 'Số:        /CTr-UBND',
    placeDate: `${wardName}, ${vnLongDate(today)}`,
    typeName: 'CHƯƠNG TRÌNH',
    title: session.title,
    periodLine: `(${timeOf(session.scheduledAt)} ngày ${vnDate(session.scheduledAt)}${session.place ? `, tại ${session.place}` : ''})`,
    draft: false,
    sections: [
      {
        heading: 'I. THÀNH PHẦN, CHỦ TRÌ',
        blocks: [{ kind: 'paragraph', text: `Chủ trì: ${session.hostBody}. Mời đại diện Nhân dân các khu phố, tổ dân phố trên địa bàn phường tham dự.` }],
      },
      {
        heading: 'II. NỘI DUNG ĐỐI THOẠI',
        blocks:
          session.agenda.length === 0
            ? [{ kind: 'paragraph', text: 'Chưa có nội dung được chọn từ ý kiến của Nhân dân.' }]
            : [
                { kind: 'paragraph', text: `Các nội dung được chọn từ ${vnNumber(session.agenda.length)} ý kiến, kiến nghị của Nhân dân (${vnNumber(total)} lượt người nêu), xếp theo số người nêu:` },
                {
                  kind: 'table',
                  table: {
                    header: ['STT', 'Nội dung', 'Khu phố', 'Nguồn', 'Số người nêu'],
                    rows: session.agenda.map((i, n) => [String(n + 1), i.topic, i.neighbourhood?.name ?? '—', CHANNEL[i.channel] ?? i.channel, vnNumber(i.supporters)]),
                    numeric: [0, 4],
                  },
                },
              ],
      },
      {
        heading: 'III. TỔ CHỨC THỰC HIỆN',
        blocks: [{ kind: 'paragraph', text: 'Các ý kiến được trả lời trực tiếp tại buổi đối thoại; ý kiến chưa trả lời được sẽ được phường giải quyết hoặc chuyển cấp có thẩm quyền và thông báo kết quả đến người dân theo mã tra cứu.' }],
      },
    ],
    signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    signerName: '',
    recipients: ['Thường trực Đảng ủy phường;', 'Ủy ban MTTQ Việt Nam phường;', 'Các khu phố;', 'Lưu: VT.'],
    fileName: `chuong-trinh-doi-thoai-${vnDate(session.scheduledAt).split('/').reverse().join('-')}`,
  };
}
