import type { TaxTopic } from '../../functions/domain/kernel/tax-topics.js';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import type { AttendeeCategory, Authority, ConcernStatus, SessionKind } from '../../functions/domain/kernel/model.js';

/** What the demo's sessions are made of: actors, names, topics and plan types (infra/local/demo.ts loads them). */

// Demo actors: role accounts, not people.
export const ADMIN: Actor = { id: 'demo-admin', role: 'ADMIN' };
export const TAX: Actor = { id: 'demo-tax-officer', role: 'TAX_OFFICER' };
export const wardOfficer = (wardId: string): Actor => ({ id: `demo-ward-officer-${wardId}`, role: 'WARD_OFFICER', wardId });

export const WARD_NAMES: Record<string, string> = {
  'phu-thuan': 'Phú Thuận',
  'tan-quy': 'Tân Quy',
  'tan-phong': 'Tân Phong',
  'tan-hung': 'Tân Hưng',
  'binh-thuan': 'Bình Thuận',
  'tan-thuan-dong': 'Tân Thuận Đông',
  'tan-thuan-tay': 'Tân Thuận Tây',
  'tan-kieng': 'Tân Kiểng',
  'tan-phu': 'Tân Phú',
  'phu-my': 'Phú Mỹ',
};
/** The wards of the city formed on 1/7/2025 (functions/data/units.json). */
export const NEW_WARD_NAMES: Record<string, string> = {
  'tan-thuan-2025': 'Tân Thuận',
  'tan-hung-2025': 'Tân Hưng',
  'phu-thuan-2025': 'Phú Thuận',
  'tan-my-2025': 'Tân Mỹ',
};

export const PUBLIC_TOPICS = [
  'trật tự đô thị và lấn chiếm vỉa hè',
  'bồi thường, giải phóng mặt bằng dự án nâng cấp đô thị',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'chống ngập và chỉnh trang kênh rạch',
  'an ninh trật tự khu phố',
  'vệ sinh môi trường và thu gom rác',
  'xây dựng nếp sống văn minh đô thị',
  'chính sách an sinh xã hội và giảm nghèo',
  'cải cách thủ tục hành chính một cửa',
  'chăm sóc sức khỏe ban đầu và trạm y tế phường',
];

export const RESIDENT_CONCERNS: { topic: string; text: string }[] = [
  { topic: 'Lấn chiếm lòng lề đường', text: 'Nhiều hộ kinh doanh lấn chiếm vỉa hè trên tuyến đường chính của khu phố, người đi bộ phải đi xuống lòng đường.' },
  { topic: 'Ngập nước khi triều cường', text: 'Mỗi khi triều cường, hẻm trong khu phố ngập sâu, đề nghị phường sớm nâng cấp hệ thống thoát nước.' },
  { topic: 'Chậm cấp giấy chứng nhận nhà đất', text: 'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp đã lâu nhưng chưa được giải quyết.' },
  { topic: 'Đèn chiếu sáng hẻm', text: 'Hẻm thiếu đèn chiếu sáng, ban đêm mất an toàn, đề nghị lắp thêm đèn.' },
  { topic: 'Thu gom rác', text: 'Giờ thu gom rác không cố định, rác tồn đọng gây ô nhiễm.' },
  { topic: 'Bồi thường giải tỏa', text: 'Người dân trong diện giải tỏa đề nghị công khai đơn giá bồi thường và tiến độ tái định cư.' },
];

export const TAX_CONCERNS: { topic: string; text: string; authority: Authority; outcome: 'ANSWERED_ON_SPOT' | 'RESOLVED' | 'ANSWERED'; taxTopic: TaxTopic }[] = [
  { topic: 'Khó khăn tiếp cận vốn vay', text: 'Doanh nghiệp nhỏ khó tiếp cận vốn vay ngân hàng do thiếu tài sản bảo đảm.', authority: 'CITY', outcome: 'ANSWERED', taxTopic: 'NON_TAX' },
  { topic: 'Thuế GTGT dịch vụ vận tải', text: 'Đề nghị hướng dẫn thuế suất thuế giá trị gia tăng đối với dịch vụ vận tải hàng hóa.', authority: 'DISTRICT', outcome: 'ANSWERED_ON_SPOT', taxTopic: 'DECLARATION_PAYMENT' },
  { topic: 'Thủ tục hoàn thuế', text: 'Thời gian giải quyết hồ sơ hoàn thuế còn kéo dài, ảnh hưởng vốn lưu động của doanh nghiệp.', authority: 'DISTRICT', outcome: 'RESOLVED', taxTopic: 'VAT_REFUND' },
  { topic: 'Nghĩa vụ thuế thu nhập doanh nghiệp', text: 'Doanh nghiệp xây dựng hỏi về cách xác định chi phí được trừ khi tính thuế thu nhập doanh nghiệp.', authority: 'DISTRICT', outcome: 'ANSWERED_ON_SPOT', taxTopic: 'DECLARATION_PAYMENT' },
  { topic: 'Hóa đơn trong xây dựng', text: 'Vướng mắc về thời điểm lập hóa đơn đối với công trình xây dựng nghiệm thu từng phần.', authority: 'DISTRICT', outcome: 'RESOLVED', taxTopic: 'E_INVOICE' },
  { topic: 'Gia hạn nộp thuế', text: 'Đề nghị gia hạn nộp thuế cho doanh nghiệp thương mại gặp khó khăn do suy giảm kinh tế.', authority: 'CENTRAL', outcome: 'ANSWERED', taxTopic: 'ARREARS_PENALTIES' },
];

export interface CheckInPlan {
  category: AttendeeCategory;
  count: number;
  businessIndex?: number;
}

export interface ConcernPlan {
  topic: string;
  text: string;
  authority: Authority;
  businessIndex?: number;
  /** A tax round's question: its topic (contract, "Tax dialogues"). */
  taxTopic?: TaxTopic;
  /** The moves, in order, with their responses. */
  moves: { to: ConcernStatus; authority?: Authority; response?: string; note?: string; answerForm?: 'ON_THE_SPOT' | 'IN_WRITING'; answerDocument?: string }[];
}

/** A question a business sends before a tax round, as the tax office then handles it. */
export interface QuestionPlan {
  businessIndex: number;
  topic: TaxTopic;
  text: string;
  /** Triage before the round; none: still RECEIVED. */
  triage?: { to: 'SELECTED' } | { to: 'DECLINED'; note: string } | { to: 'MERGED'; into: number };
  /** SELECTED ones raised at the round (LIVE or CLOSED), with the concern's moves. */
  raise?: { authority: Authority; moves: ConcernPlan['moves'] };
}

export interface SessionPlan {
  kind: SessionKind;
  title: string;
  wardId?: string;
  hostBody: string;
  place?: string;
  scheduledAt: string;
  actor: Actor;
  checkIns: CheckInPlan[];
  concerns: ConcernPlan[];
  /** The final status (default CLOSED). */
  status?: 'SCHEDULED' | 'LIVE' | 'CLOSED';
  /** BUSINESS_TAX: questions sent in advance (10 days before), triaged 3 days before, raised at the round. */
  questions?: QuestionPlan[];
  /** BUSINESS_TAX, CLOSED: ratings by businesses that checked in, in the days after the close. */
  ratings?: { businessIndex: number; score: number; comment?: string }[];
}

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const iso = (y: number, m: number, d: number, h = 1) => new Date(Date.UTC(y, m - 1, d, h)).toISOString(); // 08:00 in Vietnam = 01:00 UTC
export const plus = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

/** Splits a session's attendance into residents and officials (the categories of the report's years). */
export function residentsAndOfficials(total: number, officials: number): CheckInPlan[] {
  const residents = total - officials;
  const first = Math.ceil(residents / 2);
  return [
    { category: 'RESIDENT', count: first },
    { category: 'RESIDENT', count: residents - first },
    { category: 'OFFICIAL', count: officials },
  ];
}

export function residentConcerns(random: () => number, n: number, higher: Authority = 'DISTRICT'): ConcernPlan[] {
  return Array.from({ length: n }, (_, i) => {
    const c = RESIDENT_CONCERNS[Math.floor(random() * RESIDENT_CONCERNS.length)];
    const kind = (i + Math.floor(random() * 3)) % 3;
    const moves: ConcernPlan['moves'] =
      kind === 0
        ? [{ to: 'ANSWERED_ON_SPOT', response: 'Lãnh đạo phường trả lời trực tiếp tại buổi đối thoại.' }]
        : kind === 1
          ? [
              { to: 'IN_PROGRESS', note: 'Giao khu phố và bộ phận chuyên môn kiểm tra, báo cáo.' },
              { to: 'RESOLVED', response: 'Phường đã xử lý xong và thông báo kết quả cho người dân.' },
            ]
          : higher === 'DISTRICT'
            ? [{ to: 'RESOLVED', authority: 'DISTRICT', response: 'UBND quận đã chỉ đạo giải quyết và trả lời bằng văn bản.' }]
            : [{ to: 'RESOLVED', authority: 'WARD', response: 'UBND phường đã giải quyết và trả lời bằng văn bản.' }];
    return { topic: c.topic, text: c.text, authority: 'WARD', moves };
  });
}

