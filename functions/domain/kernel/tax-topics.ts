/**
 * The tax office's questions (contract, "Tax dialogues"): their topics with the Vietnamese names a
 * concern's topic line takes, how an answer was given, and the rating window. Pure data: the dashboard
 * imports it too.
 */

export const TAX_TOPICS = [
  'VAT_REFUND',
  'E_INVOICE',
  'REGISTRATION',
  'DECLARATION_PAYMENT',
  'ARREARS_PENALTIES',
  'PERSONAL_INCOME_TAX',
  'HOUSEHOLD_BUSINESS',
  'LAND_AND_FEES',
  'PROCEDURES',
  'POLICY',
  'NON_TAX',
] as const;
export type TaxTopic = (typeof TAX_TOPICS)[number];

/** A topic's Vietnamese name: the topic line of a concern raised from a question in advance (contract). */
export const TAX_TOPIC_NAMES: Record<TaxTopic, string> = {
  VAT_REFUND: 'Hoàn thuế GTGT',
  E_INVOICE: 'Hóa đơn điện tử',
  REGISTRATION: 'Đăng ký thuế, mã số thuế',
  DECLARATION_PAYMENT: 'Kê khai, nộp thuế, quyết toán',
  ARREARS_PENALTIES: 'Nợ thuế, xử phạt, cưỡng chế',
  PERSONAL_INCOME_TAX: 'Thuế thu nhập cá nhân',
  HOUSEHOLD_BUSINESS: 'Hộ, cá nhân kinh doanh',
  LAND_AND_FEES: 'Tiền thuê đất, lệ phí',
  PROCEDURES: 'Thủ tục, thuế điện tử, thời gian giải quyết',
  POLICY: 'Kiến nghị sửa đổi chính sách',
  NON_TAX: 'Vướng mắc ngoài lĩnh vực thuế',
};

export const ANSWER_FORMS = ['ON_THE_SPOT', 'IN_WRITING'] as const;
export type AnswerForm = (typeof ANSWER_FORMS)[number];

/** Satisfaction ratings are accepted for this many days after a round closes (contract). */
export const SATISFACTION_WINDOW_DAYS = 30;
