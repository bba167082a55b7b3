import type { Actor } from '../../functions/domain/actor.js';
import type { Domain } from '../../functions/domain/index.js';
import type { BusinessSector } from '../../functions/domain/model.js';
import { ADMIN, iso, plus, PUBLIC_TOPICS, residentConcerns, residentsAndOfficials, seeded, TAX, TAX_CONCERNS, wardOfficer, WARD_NAMES, type CheckInPlan, type ConcernPlan, type SessionPlan } from './demo-plans.js';
import { beforeTheChange, REORGANISATION_APPLIED_AT, REORGANISATION_ID, thisYear } from './demo-today.js';
import { vietnamDateParts, vietnamMidnight } from '../../functions/domain/vietnam-time.js';

/**
 * The demo dataset: District 7's dialogues as the report tells them (../shared/seed), plus activity
 * in the current year with one LIVE session. Everything goes through the domain (the same rules and
 * counters as the API), with a clock set to each event's time. Deterministic: the same input data and
 * a seeded generator; only the current-year dates follow today's date.
 *
 * Figures reproduced exactly (sessions scheduled 2006-01-01 .. 2011-01-01):
 * - Bình Thuận 5 sessions / 293 attendance; Tân Hưng 6 / 306;
 * - 3 THEMATIC youth sessions: 396 YOUTH_UNION_MEMBER + 122 PARTY_MEMBER; 1 THEMATIC women's union
 *   session: 47 WOMENS_UNION_MEMBER (no other session of those years checks in those categories);
 * - 6 BUSINESS_TAX rounds engaging 435 distinct businesses.
 */

/** The report's years, 2006–2010. Ward session sizes are chosen so the two reported wards add up exactly. */
function reportYears(random: () => number): SessionPlan[] {
  const plans: SessionPlan[] = [];
  const wardSessions = (wardId: string, dates: [number, number, number][], attendance: number[]) => {
    dates.forEach(([y, m, d], i) => {
      const topic = PUBLIC_TOPICS[(i * 3 + wardId.length) % PUBLIC_TOPICS.length];
      plans.push({
        kind: 'PUBLIC',
        title: `Đối thoại trực tiếp với nhân dân phường ${WARD_NAMES[wardId]} về ${topic}`,
        wardId,
        hostBody: `Đảng ủy - UBND phường ${WARD_NAMES[wardId]}`,
        scheduledAt: iso(y, m, d),
        actor: wardOfficer(wardId),
        checkIns: residentsAndOfficials(attendance[i], 4 + (i % 3)),
        concerns: residentConcerns(random, 1 + (i % 2)),
      });
    });
  };
  // The pilot ward first (guidance 12-HD/QU of 31/8/2006), then the second wave, then the others.
  wardSessions('phu-thuan', [[2006, 10, 14], [2007, 3, 17], [2007, 9, 22], [2008, 5, 10], [2009, 6, 13], [2010, 8, 21]], [72, 65, 58, 61, 54, 66]);
  wardSessions('tan-quy', [[2007, 4, 21], [2008, 6, 14], [2009, 9, 19], [2010, 10, 9]], [51, 47, 56, 49]);
  wardSessions('tan-phong', [[2007, 5, 12], [2008, 7, 19], [2009, 10, 17], [2010, 11, 13]], [44, 52, 48, 50]);
  wardSessions('tan-hung', [[2007, 4, 14], [2007, 11, 10], [2008, 6, 7], [2009, 3, 21], [2009, 11, 14], [2010, 9, 18]], [48, 52, 55, 47, 50, 54]); // 306
  wardSessions('binh-thuan', [[2007, 5, 19], [2008, 3, 15], [2008, 12, 6], [2009, 8, 8], [2010, 7, 17]], [58, 61, 55, 62, 57]); // 293
  for (const [i, wardId] of ['tan-thuan-dong', 'tan-thuan-tay', 'tan-kieng', 'tan-phu', 'phu-my'].entries()) {
    wardSessions(wardId, [[2008, 9, 6 + i], [2009, 7, 11 + i], [2010, 6, 12 + i]], [45 + i * 3, 53 - i, 49 + i * 2]);
  }
  // District standing committee with the youth: 396 youth-union members + 122 new party members.
  const youth: [string, number, number, [number, number, number]][] = [
    ['Ban Thường vụ Quận ủy đối thoại với đoàn viên thanh niên tiêu biểu năm 2008', 140, 40, [2008, 3, 26]],
    ['Ban Thường vụ Quận ủy đối thoại với thanh niên về học tập và việc làm', 128, 42, [2009, 3, 26]],
    ['Ban Thường vụ Quận ủy đối thoại với đoàn viên thanh niên và đảng viên trẻ', 128, 40, [2010, 3, 26]],
  ];
  for (const [title, youthCount, party, [y, m, d]] of youth) {
    plans.push({
      kind: 'THEMATIC',
      title,
      hostBody: 'Ban Thường vụ Quận ủy - Quận Đoàn 7',
      scheduledAt: iso(y, m, d),
      actor: ADMIN,
      checkIns: [
        { category: 'YOUTH_UNION_MEMBER', count: Math.ceil(youthCount / 2) },
        { category: 'YOUTH_UNION_MEMBER', count: Math.floor(youthCount / 2) },
        { category: 'PARTY_MEMBER', count: party },
      ],
      concerns: [
        {
          topic: 'Việc làm cho thanh niên',
          text: 'Đoàn viên đề nghị quận tổ chức thêm ngày hội việc làm và lớp dạy nghề ngắn hạn.',
          authority: 'DISTRICT',
          moves: [{ to: 'ANSWERED_ON_SPOT', response: 'Thường trực Quận ủy giao Quận Đoàn phối hợp Phòng Lao động tổ chức trong quý tới.' }],
        },
      ],
    });
  }
  plans.push({
    kind: 'THEMATIC',
    title: 'Ban Thường vụ Quận ủy đối thoại với cán bộ Hội Liên hiệp Phụ nữ về công tác phát triển Đảng',
    hostBody: 'Ban Thường vụ Quận ủy - Hội Liên hiệp Phụ nữ Quận 7',
    scheduledAt: iso(2009, 10, 20),
    actor: ADMIN,
    checkIns: [{ category: 'WOMENS_UNION_MEMBER', count: 47 }],
    concerns: [],
  });
  // The Tax Sub-department's rounds with businesses, since 2007: 435 distinct businesses in six rounds.
  const roundSizes = [70, 72, 73, 74, 73, 73];
  const roundDates: [number, number, number][] = [[2007, 8, 23], [2008, 4, 17], [2008, 11, 20], [2009, 5, 14], [2009, 12, 10], [2010, 6, 24]];
  let business = 0;
  roundSizes.forEach((size, r) => {
    const [y, m, d] = roundDates[r];
    const checkIns: CheckInPlan[] = Array.from({ length: size }, (_, i) => ({ category: 'BUSINESS_REPRESENTATIVE' as const, count: 1 + ((business + i) % 3 === 0 ? 1 : 0), businessIndex: business + i }));
    const concerns: ConcernPlan[] = [0, 1, 2].map((k) => {
      const c = TAX_CONCERNS[(r * 3 + k) % TAX_CONCERNS.length];
      const moves: ConcernPlan['moves'] =
        c.outcome === 'ANSWERED_ON_SPOT'
          ? [{ to: 'ANSWERED_ON_SPOT', response: 'Lãnh đạo Chi cục Thuế trả lời trực tiếp tại buổi đối thoại.' }]
          : c.outcome === 'RESOLVED'
            ? [
                { to: 'IN_PROGRESS', note: 'Chuyển UBND quận nghiên cứu giải quyết.' },
                { to: 'RESOLVED', response: 'UBND quận đã giải quyết và thông báo cho doanh nghiệp.' },
              ]
            : [
                { to: 'ESCALATED', note: 'Vượt thẩm quyền của quận: báo cáo Thành phố xin ý kiến.' },
                { to: 'ANSWERED', response: 'Đã có ý kiến của Thành phố; Chi cục Thuế đã trả lời doanh nghiệp.' },
              ];
      return { topic: c.topic, text: c.text, authority: c.authority, businessIndex: business + k * 7, moves };
    });
    plans.push({
      kind: 'BUSINESS_TAX',
      title: `Đối thoại chính sách thuế với doanh nghiệp lần ${r + 1} (năm ${y})`,
      hostBody: 'Chi cục Thuế Quận 7',
      scheduledAt: iso(y, m, d),
      actor: TAX,
      checkIns,
      concerns,
    });
    business += size;
  });
  return plans;
}

const SECTORS: BusinessSector[] = ['TRADE', 'SERVICES', 'TRANSPORT', 'CONSTRUCTION'];
const SECTOR_WORDS: Record<string, string[]> = {
  TRADE: ['Thương mại', 'Thương mại Dịch vụ', 'Xuất nhập khẩu'],
  SERVICES: ['Dịch vụ', 'Tư vấn', 'Dịch vụ Du lịch'],
  TRANSPORT: ['Vận tải', 'Giao nhận Vận tải', 'Logistics'],
  CONSTRUCTION: ['Xây dựng', 'Xây dựng Công trình', 'Đầu tư Xây dựng'],
};
const FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân', 'Công ty TNHH MTV'];
const NAMES = ['Phú Mỹ Hưng', 'Tân Thuận', 'Sông Sài Gòn', 'Nam Sài Gòn', 'Minh Phát', 'Hưng Thịnh', 'Thành Công', 'Đại Phát', 'An Khang', 'Phước Lộc', 'Kim Long', 'Bình Minh', 'Hoàng Gia', 'Việt Tín', 'Thuận Phát', 'Gia Phú', 'Trường An', 'Hòa Bình', 'Đông Á', 'Sao Việt', 'Tân Cảng', 'Kênh Tẻ', 'Rạch Ông', 'Mỹ Khánh', 'Quang Trung', 'Lê Văn Lương', 'Huỳnh Tấn Phát', 'Nguyễn Thị Thập'];

function businesses(): { taxCode: string; name: string; sector: BusinessSector; wardId: string }[] {
  const wardIds = Object.keys(WARD_NAMES);
  return Array.from({ length: 435 }, (_, i) => {
    const sector = SECTORS[i % 4];
    const words = SECTOR_WORDS[sector][Math.floor(i / 4) % 3];
    const form = FORMS[Math.floor(i / 12) % FORMS.length];
    const base = NAMES[(i * 11) % NAMES.length];
    // NOTE: fictitious tax codes in HCMC's 03xx range; every 25th is a branch (10 digits + "-" + 3).
    const taxCode = `0312${String(100_000 + i * 137).padStart(6, '0')}${i % 25 === 24 ? '-001' : ''}`;
    return { taxCode, name: `${form} ${words} ${base} ${i + 1}`, sector, wardId: wardIds[(i * 3) % wardIds.length] };
  });
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Loads the demo dataset through the domain code when the database holds no sessions yet. */
export async function loadDemoDataIfEmpty(domain: Domain, log: (line: string) => void, now: Date = new Date()): Promise<void> {
  const existing = await domain.sessions.listSessions({ first: 1 });
  if (existing.items.length > 0) {
    log('demo data: the database already holds sessions; nothing loaded');
    return;
  }
  const started = performance.now();
  const random = seeded(7);
  // The long sessions (tax rounds: 70+ check-ins each) first, so they do not make the tail.
  const byLength = (a: SessionPlan, b: SessionPlan) => b.checkIns.length - a.checkIns.length;
  const before = [...reportYears(random), ...beforeTheChange()].sort(byLength);
  const after = thisYear(random, now).sort(byLength);
  const plans = [...before, ...after];
  const firms = businesses();
  const writes = firms.length + plans.reduce((n, p) => n + 3 + p.checkIns.length + p.concerns.reduce((k, c) => k + 1 + c.moves.length, 0), 0);
  let done = 0;
  let reported = 0;
  const progress = () => {
    done += 1;
    if (done === writes || done - reported >= writes / 10) {
      reported = done;
      log(`demo data: ${done}/${writes} writes (${Math.round((done / writes) * 100)}%)`);
    }
  };
  const at = (instant: string) => domain.withClock(() => new Date(instant));

  const businessIds: string[] = new Array(firms.length);
  await inParallel(
    firms.map((f, i) => ({ f, i })),
    12,
    async ({ f, i }) => {
      const b = await at(iso(2007, 7, 1 + (i % 28))).businesses.registerBusiness(TAX, f);
      businessIds[i] = b.id;
      progress();
    },
  );

  const loadPlan = async (plan: SessionPlan) => {
    const t = plan.scheduledAt;
    const session = await at(plus(t, -20 * 24 * 60)).sessions.scheduleSession(plan.actor, plan);
    progress();
    if (plan.status === 'SCHEDULED') {
      done += 2; // not started nor closed
      return;
    }
    await at(t).sessions.startSession(plan.actor, session.id);
    progress();
    // Check-ins of one session in parallel: each has its own time and requestId, so order does not matter.
    await inParallel([...plan.checkIns.entries()], 8, async ([i, c]) => {
      await at(plus(t, 5 + i)).sessions.checkIn(
        plan.actor,
        {
          sessionId: session.id,
          category: c.category,
          count: c.count,
          businessId: c.businessIndex === undefined ? undefined : businessIds[c.businessIndex],
          requestId: `demo-${session.id}-${i}`,
        },
        { readAttendance: false },
      );
      progress();
    });
    for (const [i, c] of plan.concerns.entries()) {
      const raisedAt = plus(t, 60 + i * 10);
      const concern = await at(raisedAt).concerns.raiseConcern(plan.actor, {
        sessionId: session.id,
        businessId: c.businessIndex === undefined ? undefined : businessIds[c.businessIndex],
        topic: c.topic,
        text: c.text,
        authority: c.authority,
        requestId: `demo-concern-${session.id}-${i}`,
      });
      progress();
      for (const [k, move] of c.moves.entries()) {
        const moveAt = plan.status === 'LIVE' ? plus(raisedAt, 5 + k) : plus(raisedAt, (k + 1) * 60 * 24 * 7);
        await at(moveAt < now.toISOString() ? moveAt : now.toISOString()).concerns.moveConcern(plan.actor, { concernId: concern.id, ...move });
        progress();
      }
    }
    if (plan.status === 'LIVE') {
      done += 1;
      return;
    }
    await at(plus(t, 180)).sessions.closeSession(plan.actor, session.id);
    progress();
  };
  // The old world, then the reorganisation of 1/7/2025 applied to the concerns still open, then this year.
  await inParallel(before, 6, loadPlan);
  const handover = await at(REORGANISATION_APPLIED_AT).handovers.applyReorganisation(ADMIN, REORGANISATION_ID, false);
  log(`demo data: reorganisation ${REORGANISATION_ID} handed ${handover.moves.length} open concerns over (${handover.awaitingSuccessor} await a successor)`);
  await inParallel(after, 6, loadPlan);
  await loadDemoReviewReports(domain, now);
  log(`demo data: loaded ${plans.length} sessions, ${firms.length} businesses and 4 review reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const LEADER: Actor = { id: 'demo-leadership', role: 'LEADERSHIP' };
/** Midnight in Vietnam of a calendar date (month 1–12), as an instant: the /reports screen's period bounds. */
const vnMidnight = (y: number, m: number, d: number) => vietnamMidnight(y, m - 1, d);

/**
 * The review reports of the demo (issue #11): the interim review of the second half of 2006 (the
 * source dates the sơ kết "giữa năm 2006"; the demo's pilot session is in October 2006, after guidance
 * 12-HD/QU of 31/8/2006), the final review of 2006–2010 with the report's figures, both issued, and a
 * draft for the current year. Issued through the domain with the clock at the issuing date.
 */
async function loadDemoReviewReports(domain: Domain, now: Date): Promise<void> {
  const at = (instant: string) => domain.withClock(() => new Date(instant));
  const soKet = await at('2007-01-08T02:00:00.000Z').reviewReports.createReport(LEADER, {
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
  await at('2007-01-15T02:00:00.000Z').reviewReports.issueReport(LEADER, { id: soKet.id, number: '05/BC-UBND' });
  const tongKet = await at('2011-01-10T02:00:00.000Z').reviewReports.createReport(LEADER, {
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
  await at('2011-01-20T02:00:00.000Z').reviewReports.issueReport(LEADER, { id: tongKet.id, number: '12/BC-UBND' });
  // 2025, the year of the reorganisation: the report names both sets of wards and says why.
  if (now.toISOString() >= '2026-01-20T02:00:00.000Z') {
    const year2025 = await at('2026-01-12T02:00:00.000Z').reviewReports.createReport(LEADER, {
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
    await at('2026-01-20T02:00:00.000Z').reviewReports.issueReport(LEADER, { id: year2025.id, number: '03/BC-BCĐ' });
  }
  const year = vietnamDateParts(now).year;
  await at(now.toISOString()).reviewReports.createReport(LEADER, {
    kind: 'SO_KET',
    period: { from: vnMidnight(year, 1, 1), to: vnMidnight(year + 1, 1, 1) },
    title: `Sơ kết công tác đối thoại trực tiếp với nhân dân năm ${year}`,
    assessment: 'Dự thảo: Ban Chỉ đạo bổ sung đánh giá sau khi các phường gửi báo cáo.',
  });
}
