import type { TaxTopic } from '../../functions/domain/kernel/tax-topics.js';
import { iso, TAX, TAX_CONCERNS, type CheckInPlan, type QuestionPlan, type SessionPlan } from './demo-plans.js';

/**
 * The tax office's rounds after 1/7/2025, hosted by Thuế cơ sở 7 Thành phố Hồ Chí Minh: one in the
 * autumn of 2025 and one this year, closed, rated, with questions sent in advance and answers given in
 * the room or by letter; one LIVE today with its agenda still to raise; one coming, with questions to
 * triage. The topics are as tax offices report them: VAT refunds and e-invoices first.
 */

/** The tax office's name from 1/7/2025 (docs/units-sources.md: secondary sources, not verified against the decision). */
export const TAX_OFFICE_NOW = 'Thuế cơ sở 7 Thành phố Hồ Chí Minh';

const Q: Record<string, { topic: TaxTopic; text: string }> = {
  exportRefund: { topic: 'VAT_REFUND', text: 'Hồ sơ hoàn thuế GTGT hàng xuất khẩu nộp từ tháng trước vẫn chưa có kết quả; đề nghị cho biết thời hạn giải quyết.' },
  exportRefundAgain: { topic: 'VAT_REFUND', text: 'Hoàn thuế GTGT cho hàng xuất khẩu bị kéo dài, doanh nghiệp thiếu vốn lưu động.' },
  checkFirst: { topic: 'VAT_REFUND', text: 'Hồ sơ hoàn thuế bị phân loại "kiểm tra trước, hoàn thuế sau" dù doanh nghiệp không có vi phạm; đề nghị giải thích tiêu chí phân loại.' },
  newProject: { topic: 'VAT_REFUND', text: 'Dự án đầu tư mới chưa có doanh thu có được hoàn thuế GTGT đầu vào không, hồ sơ gồm những gì?' },
  supplierGone: { topic: 'VAT_REFUND', text: 'Hoàn thuế chậm vì phải xác minh hóa đơn của nhà cung cấp đã ngừng hoạt động tại địa chỉ kinh doanh.' },
  riskyInvoice: { topic: 'E_INVOICE', text: 'Hóa đơn điện tử đầu vào bị cảnh báo rủi ro do người bán bỏ địa chỉ kinh doanh; doanh nghiệp mua hàng phải làm gì để được khấu trừ?' },
  prepaidService: { topic: 'E_INVOICE', text: 'Thời điểm lập hóa đơn điện tử với dịch vụ thu tiền trước theo Nghị định 70/2025/NĐ-CP.' },
  cashRegister: { topic: 'E_INVOICE', text: 'Hóa đơn điện tử khởi tạo từ máy tính tiền cho cửa hàng bán lẻ: thủ tục đăng ký và chi phí.' },
  wrongBuyerCode: { topic: 'E_INVOICE', text: 'Hóa đơn đã lập sai mã số thuế người mua và đã gửi cơ quan thuế thì xử lý thế nào?' },
  interestCap: { topic: 'DECLARATION_PAYMENT', text: 'Quyết toán thuế TNDN: chi phí lãi vay vượt 30% EBITDA có được chuyển sang năm sau không?' },
  fromLumpSum: { topic: 'HOUSEHOLD_BUSINESS', text: 'Hộ kinh doanh chuyển từ thuế khoán sang tự kê khai từ năm 2026 cần chuẩn bị sổ sách, hóa đơn gì?' },
  exitBan: { topic: 'ARREARS_PENALTIES', text: 'Người đại diện doanh nghiệp bị tạm hoãn xuất cảnh vì khoản nợ thuế nhỏ đã quá hạn; đề nghị hướng dẫn thủ tục gỡ.' },
  eTaxDown: { topic: 'PROCEDURES', text: 'Cổng thuế điện tử thường quá tải vào ngày cuối hạn nộp tờ khai; đề nghị có phương án dự phòng.' },
  landRent: { topic: 'LAND_AND_FEES', text: 'Tiền thuê đất hằng năm tăng mạnh sau khi áp dụng bảng giá đất mới của Thành phố.' },
  twoEmployers: { topic: 'PERSONAL_INCOME_TAX', text: 'Quyết toán thuế TNCN cho người lao động có thu nhập từ hai nơi: doanh nghiệp có được quyết toán thay không?' },
  premises: { topic: 'NON_TAX', text: 'Khó khăn thuê mặt bằng sản xuất trong khu chế xuất Tân Thuận, đề nghị Thành phố hỗ trợ.' },
};

const DECLINED_ANSWERED_BEFORE = 'Nội dung đã được hướng dẫn tại buổi đối thoại trước và đăng trên trang câu trả lời đã công bố; doanh nghiệp tra cứu theo lĩnh vực.';
const ON_THE_SPOT = (response: string) => [{ to: 'ANSWERED_ON_SPOT' as const, response, answerForm: 'ON_THE_SPOT' as const }];
const byLetter = (to: 'RESOLVED' | 'ANSWERED', response: string, letter: string) => ({ to, response, answerForm: 'IN_WRITING' as const, answerDocument: letter });
const attending = (indexes: number[]): CheckInPlan[] => indexes.map((b) => ({ category: 'BUSINESS_REPRESENTATIVE', count: 1, businessIndex: b }));
/** Businesses spread over the whole register, deterministic. */
const spread = (n: number, offset: number) => Array.from({ length: n }, (_, i) => (offset + i * 17) % 435);
/** Ratings by the first businesses that came, one each. */
const ratingsOf = (businesses: number[], scores: number[]) => scores.map((score, i) => ({ businessIndex: businesses[i]!, score }));

/** The autumn round of 2025: the first under the new office; answered in the room, by letter, and by the city's office. */
function autumn2025(): SessionPlan {
  const came = spread(26, 3);
  const questions: QuestionPlan[] = [
    { ...Q.exportRefund!, businessIndex: came[0]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: [{ to: 'ESCALATED', authority: 'CITY', note: 'Hồ sơ thuộc thẩm quyền Thuế Thành phố.' }, byLetter('ANSWERED', 'Thuế Thành phố đã giải quyết hồ sơ hoàn thuế GTGT hàng xuất khẩu trong 6 ngày làm việc sau khi bổ sung chứng từ thanh toán qua ngân hàng.', '3456/TPHCM-TTHT ngày 12/11/2025')] } },
    { ...Q.exportRefundAgain!, businessIndex: came[1]!, triage: { to: 'MERGED', into: 0 } },
    { ...Q.riskyInvoice!, businessIndex: came[2]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: ON_THE_SPOT('Doanh nghiệp mua hàng được khấu trừ khi hàng hóa có thật, thanh toán qua ngân hàng; cơ quan thuế xác minh người bán, không từ chối khấu trừ khi chưa có kết luận.') } },
    { ...Q.prepaidService!, businessIndex: came[3]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: [byLetter('RESOLVED', 'Với dịch vụ thu tiền trước, thời điểm lập hóa đơn là thời điểm thu tiền (Nghị định 123/2020/NĐ-CP, sửa đổi bởi Nghị định 70/2025/NĐ-CP).', '2210/TCS7-NVDTPC ngày 29/10/2025')] } },
    { ...Q.fromLumpSum!, businessIndex: came[4]!, triage: { to: 'DECLINED', note: DECLINED_ANSWERED_BEFORE } },
    { ...Q.eTaxDown!, businessIndex: came[5]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: ON_THE_SPOT('Cơ quan thuế đã nâng cấp hạ tầng; khi cổng gặp sự cố vào ngày cuối hạn, thời hạn nộp được lùi theo thông báo sự cố.') } },
  ];
  return {
    kind: 'BUSINESS_TAX',
    title: 'Đối thoại với doanh nghiệp về hoàn thuế và hóa đơn điện tử năm 2025',
    hostBody: TAX_OFFICE_NOW,
    place: 'Hội trường Thuế cơ sở 7, đường Nguyễn Thị Thập',
    scheduledAt: iso(2025, 10, 16),
    actor: TAX,
    checkIns: attending(came),
    concerns: [
      { ...TAX_CONCERNS[2]!, authority: 'WARD', businessIndex: came[7]!, moves: ON_THE_SPOT('Hồ sơ đủ điều kiện được giải quyết trong 6 ngày làm việc; cơ quan thuế hướng dẫn bổ sung chứng từ ngay tại buổi đối thoại.') },
      { topic: 'Tiền thuê đất', text: Q.landRent!.text, taxTopic: 'LAND_AND_FEES', authority: 'CITY', businessIndex: came[8]!, moves: [] },
      { topic: 'Hóa đơn điện tử từ máy tính tiền', text: Q.cashRegister!.text, taxTopic: 'E_INVOICE', authority: 'WARD', businessIndex: came[9]!, moves: ON_THE_SPOT('Đăng ký qua Cổng thuế điện tử, không thu phí; cơ quan thuế hỗ trợ kết nối phần mềm bán hàng.') },
    ],
    questions,
    ratings: ratingsOf(came, [5, 4, 4, 5, 3, 4, 5, 4, 2, 4, 5, 4, 3, 4]),
  };
}

/** This year's closed round, 20 days ago (the demo's long-standing one, now with questions in advance and ratings). */
function closedThisYear(year: number, month: string, at: string): SessionPlan {
  const came = [0, 5, 17, 90, 211, 300, 402, ...spread(14, 40)];
  return {
    kind: 'BUSINESS_TAX',
    title: `Đối thoại chính sách thuế với doanh nghiệp năm ${year}`,
    hostBody: TAX_OFFICE_NOW,
    place: 'Hội trường Thuế cơ sở 7, đường Nguyễn Thị Thập',
    scheduledAt: at,
    actor: TAX,
    checkIns: attending(came),
    concerns: [
      { ...TAX_CONCERNS[5]!, businessIndex: 17, moves: [{ to: 'ESCALATED', note: 'Báo cáo Thành phố xin ý kiến.' }] },
      // The district level is gone: a refund question is now the city tax office's.
      { ...TAX_CONCERNS[2]!, authority: 'CITY', businessIndex: 90, moves: [] },
      // Answered by letter, as an office files it: the letter's number and date.
      { ...TAX_CONCERNS[4]!, authority: 'WARD', businessIndex: 211, moves: [byLetter('RESOLVED', 'Đã hướng dẫn thời điểm lập hóa đơn theo Nghị định 123/2020/NĐ-CP (sửa đổi bởi Nghị định 70/2025/NĐ-CP).', `1234/TCS7-NVDTPC ngày 05/${month}/${year}`)] },
    ],
    questions: [
      { ...Q.checkFirst!, businessIndex: came[7]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: [{ to: 'ESCALATED', authority: 'CITY', note: 'Tiêu chí phân loại hồ sơ do Thuế Thành phố áp dụng.' }] } },
      { ...Q.supplierGone!, businessIndex: came[8]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: ON_THE_SPOT('Cơ quan thuế xác minh hóa đơn trong 10 ngày; phần không liên quan được hoàn trước.') } },
      { ...Q.wrongBuyerCode!, businessIndex: came[9]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: ON_THE_SPOT('Lập hóa đơn điều chỉnh hoặc thay thế theo Điều 19 Nghị định 123/2020/NĐ-CP; không phải hủy hóa đơn.') } },
      { ...Q.interestCap!, businessIndex: came[10]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: [byLetter('RESOLVED', 'Phần chi phí lãi vay không được trừ được chuyển sang kỳ sau, tối đa 5 năm (Nghị định 132/2020/NĐ-CP).', `1240/TCS7-NVDTPC ngày 06/${month}/${year}`)] } },
      { ...Q.riskyInvoice!, businessIndex: came[11]!, triage: { to: 'DECLINED', note: DECLINED_ANSWERED_BEFORE } },
    ],
    ratings: ratingsOf(came, [4, 5, 3, 4, 4, 5, 2, 4, 5]),
  };
}

/** Today's round, LIVE: the room filling up, one question answered, the rest of the agenda to raise. */
function liveToday(now: Date): SessionPlan {
  const came = spread(18, 101);
  return {
    kind: 'BUSINESS_TAX',
    title: 'Đối thoại với doanh nghiệp về hóa đơn điện tử và hoàn thuế',
    hostBody: TAX_OFFICE_NOW,
    place: 'Hội trường Thuế cơ sở 7, đường Nguyễn Thị Thập',
    scheduledAt: new Date(now.getTime() - 90 * 60_000).toISOString(),
    actor: TAX,
    checkIns: attending(came),
    concerns: [],
    status: 'LIVE',
    questions: [
      { ...Q.exportRefund!, businessIndex: came[0]!, triage: { to: 'SELECTED' }, raise: { authority: 'WARD', moves: ON_THE_SPOT('Hồ sơ đã đủ điều kiện; quyết định hoàn thuế được ban hành trong tuần.') } },
      { ...Q.newProject!, businessIndex: came[1]!, triage: { to: 'SELECTED' } },
      { ...Q.cashRegister!, businessIndex: came[2]!, triage: { to: 'SELECTED' } },
      { ...Q.prepaidService!, businessIndex: came[3]!, triage: { to: 'SELECTED' } },
      { ...Q.exitBan!, businessIndex: came[4]!, triage: { to: 'SELECTED' } },
      { ...Q.exportRefundAgain!, businessIndex: came[5]!, triage: { to: 'MERGED', into: 0 } },
      { ...Q.premises!, businessIndex: came[6]!, triage: { to: 'DECLINED', note: 'Nội dung thuộc thẩm quyền Ban Quản lý các khu chế xuất và công nghiệp; cơ quan thuế đã chuyển kiến nghị.' } },
    ],
  };
}

/** The next round, in 12 days: questions waiting for triage, two of them near-duplicates. */
function coming(now: Date): SessionPlan {
  const asked = spread(8, 230);
  return {
    kind: 'BUSINESS_TAX',
    title: 'Đối thoại với hộ kinh doanh về chuyển đổi từ thuế khoán',
    hostBody: TAX_OFFICE_NOW,
    place: 'Hội trường UBND phường Tân Hưng',
    scheduledAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 12, 1)).toISOString(),
    actor: TAX,
    checkIns: [],
    concerns: [],
    status: 'SCHEDULED',
    questions: [Q.fromLumpSum!, Q.cashRegister!, Q.exportRefund!, Q.exportRefundAgain!, Q.twoEmployers!, Q.riskyInvoice!, Q.eTaxDown!, Q.landRent!].map((q, i) => ({ ...q, businessIndex: asked[i]! })),
  };
}

/** The tax office's rounds after the change, for the demo's loader. */
export function taxRoundsNow(now: Date, closedAt: string): SessionPlan[] {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return [autumn2025(), closedThisYear(now.getUTCFullYear(), month, closedAt), liveToday(now), coming(now)];
}
