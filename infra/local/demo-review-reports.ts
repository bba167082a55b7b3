import type { Actor } from '../../functions/domain/kernel/actor.js';
import type { Domain } from '../../functions/domain/index.js';
import { vietnamDateParts, vietnamMidnight } from '../../functions/domain/kernel/vietnam-time.js';

const LEADER: Actor = { id: 'demo-leadership', role: 'LEADERSHIP' };
/** Midnight in Vietnam of a calendar date (month 1–12), as an instant: the /reports screen's period bounds. */
const vnMidnight = (y: number, m: number, d: number) => vietnamMidnight(y, m - 1, d);

/**
 * The review reports of the demo (issue #11): the interim review of the second half of 2006 (the
 * source dates the sơ kết "giữa năm 2006"; the demo's pilot session is in October 2006, after guidance
 * 12-HD/QU of 31/8/2006), the final review of 2006–2010 with the report's figures, the final review of
 * 2025 (across the reorganisation), all issued, and a draft for the current year. Written through the
 * domain with the clock at each date.
 */
export async function loadDemoReviewReports(domain: Domain, now: Date): Promise<void> {
  const at = (instant: string) => domain.withClock(() => new Date(instant));
  type Draft = Parameters<Domain['reviewReports']['createReport']>[1];
  /** A report drafted on one day and issued with its number on another (its figures frozen then). */
  const issued = async (drafted: string, issuedOn: string, number: string, draft: Draft) => {
    const report = await at(drafted).reviewReports.createReport(LEADER, draft);
    await at(issuedOn).reviewReports.issueReport(LEADER, { id: report.id, number });
  };
  await issued('2007-01-08T02:00:00.000Z', '2007-01-15T02:00:00.000Z', '05/BC-UBND', {
    kind: 'SO_KET',
    period: { from: vnMidnight(2006, 7, 1), to: vnMidnight(2007, 1, 1) },
    title: 'Sơ kết thực hiện mô hình đối thoại trực tiếp với nhân dân 6 tháng cuối năm 2006',
    assessment:
      'Sau khi Quận ủy ban hành Hướng dẫn số 12-HD/QU ngày 31/8/2006, Ban Chỉ đạo Quận chọn phường Phú Thuận làm điểm. Buổi đối thoại điểm được tổ chức chu đáo, người dân tham dự đông và mạnh dạn nêu ý kiến; phần lớn ý kiến được lãnh đạo phường trả lời trực tiếp tại buổi đối thoại.',
    lessons:
      'Chọn nội dung đối thoại từ những vấn đề người dân bức xúc do Mặt trận Tổ quốc, khu phố, tổ dân phố nắm bắt trước; người đứng đầu cấp ủy, chính quyền trực tiếp đối thoại; ý kiến chưa trả lời được tại chỗ phải có địa chỉ và thời hạn giải quyết.',
    nextSteps: 'Nhân rộng mô hình ra các phường Tân Quy, Tân Phong, Tân Hưng, Bình Thuận trong năm 2007; mỗi phường tổ chức ít nhất một buổi đối thoại trong 6 tháng.',
    signerName: 'Nguyễn Văn A',
    signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
  });
  await issued('2011-01-10T02:00:00.000Z', '2011-01-20T02:00:00.000Z', '12/BC-UBND', {
    kind: 'TONG_KET',
    period: { from: vnMidnight(2006, 1, 1), to: vnMidnight(2011, 1, 1) },
    title: 'Tổng kết 5 năm thực hiện đối thoại trực tiếp với nhân dân giai đoạn 2006 - 2010',
    assessment:
      'Công tác đối thoại trực tiếp với nhân dân của các cấp ủy, chính quyền cơ sở có nhiều chuyển biến tích cực. Đảng ủy - UBND phường Bình Thuận tổ chức 05 buổi với 293 lượt người tham dự; phường Tân Hưng 06 buổi với 306 lượt người. Thường trực Quận ủy tổ chức 03 buổi đối thoại với 396 đoàn viên ưu tú và 122 đảng viên mới, 01 buổi với 47 cán bộ Hội Liên hiệp Phụ nữ; Chi cục Thuế Quận 7 tổ chức 06 đợt đối thoại với 435 doanh nghiệp.',
    lessons:
      'Chỉ đạo điểm rồi nhân rộng; chọn nội dung sát với tâm tư, nguyện vọng của nhân dân; vấn đề thuộc thẩm quyền Thành phố, Trung ương được trình xin ý kiến và trả lời lại cho người dân, doanh nghiệp.',
    nextSteps: 'Duy trì đối thoại định kỳ tại 10 phường; đối thoại chuyên đề với thanh niên, phụ nữ hằng năm; phối hợp Chi cục Thuế tiếp tục đối thoại với doanh nghiệp.',
    signerName: 'Nguyễn Văn A',
    signerTitle: 'CHỦ TỊCH',
  });
  // 2025, the year of the reorganisation: the report names both sets of wards and says why.
  if (now.toISOString() >= '2026-01-20T02:00:00.000Z') {
    await issued('2026-01-12T02:00:00.000Z', '2026-01-20T02:00:00.000Z', '03/BC-BCĐ', {
      kind: 'TONG_KET',
      period: { from: vnMidnight(2025, 1, 1), to: vnMidnight(2026, 1, 1) },
      title: 'Tổng kết công tác đối thoại trực tiếp với nhân dân năm 2025 trên địa bàn khu vực Quận 7 cũ',
      issuingBody: 'BAN CHỈ ĐẠO KHU VỰC QUẬN 7 CŨ',
      place: 'Thành phố Hồ Chí Minh',
      assessment:
        'Sáu tháng đầu năm, các phường thuộc Quận 7 duy trì đối thoại định kỳ. Từ ngày 01/7/2025, thực hiện Nghị quyết 1685/NQ-UBTVQH15, 10 phường được sắp xếp thành 4 phường Tân Thuận, Tân Hưng, Phú Thuận, Tân Mỹ; các ý kiến chưa giải quyết xong được chuyển giao cho phường mới tiếp nhận.',
      lessons: 'Chuyển giao đầy đủ hồ sơ ý kiến của người dân khi sắp xếp đơn vị hành chính; ý kiến của phường bị chia tách phải được phân công rõ đơn vị tiếp nhận.',
      nextSteps: 'Các phường mới xây dựng kế hoạch đối thoại năm 2026; theo dõi đến khi trả lời xong các ý kiến được chuyển giao.',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'TRƯỞNG BAN',
    });
  }
  const year = vietnamDateParts(now).year;
  await at(now.toISOString()).reviewReports.createReport(LEADER, {
    kind: 'SO_KET',
    period: { from: vnMidnight(year, 1, 1), to: vnMidnight(year + 1, 1, 1) },
    title: `Sơ kết công tác đối thoại trực tiếp với nhân dân năm ${year}`,
    assessment: 'Dự thảo: Ban Chỉ đạo bổ sung đánh giá sau khi các phường gửi báo cáo.',
  });
}
