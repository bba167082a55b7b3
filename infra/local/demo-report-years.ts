import type { BusinessSector } from '../../functions/domain/kernel/model.js';
import { ADMIN, iso, PUBLIC_TOPICS, residentConcerns, residentsAndOfficials, TAX, TAX_CONCERNS, wardOfficer, WARD_NAMES, type CheckInPlan, type ConcernPlan, type SessionPlan } from './demo-plans.js';

/**
 * The demo's 2006–2010: District 7's dialogues as the report tells them (../shared/seed), and the
 * businesses of its tax rounds. Deterministic: the same input data and a seeded generator.
 *
 * Figures reproduced exactly (sessions scheduled 2006-01-01 .. 2011-01-01):
 * - Bình Thuận 5 sessions / 293 attendance; Tân Hưng 6 / 306;
 * - 3 THEMATIC youth sessions: 396 YOUTH_UNION_MEMBER + 122 PARTY_MEMBER; 1 THEMATIC women's union
 *   session: 47 WOMENS_UNION_MEMBER (no other session of those years checks in those categories);
 * - 6 BUSINESS_TAX rounds engaging 435 distinct businesses.
 */

/** The report's years, 2006–2010. Ward session sizes are chosen so the two reported wards add up exactly. */
export function reportYears(random: () => number): SessionPlan[] {
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
      return { topic: c.topic, text: c.text, authority: c.authority, taxTopic: c.taxTopic, businessIndex: business + k * 7, moves };
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

const SECTOR_WORDS: Record<string, string[]> = {
  TRADE: ['Thương mại', 'Thương mại Dịch vụ', 'Xuất nhập khẩu'],
  SERVICES: ['Dịch vụ', 'Tư vấn', 'Dịch vụ Du lịch'],
  TRANSPORT: ['Vận tải', 'Giao nhận Vận tải', 'Logistics'],
  CONSTRUCTION: ['Xây dựng', 'Xây dựng Công trình', 'Đầu tư Xây dựng'],
};
const FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân', 'Công ty TNHH MTV'];
const NAMES = ['Phú Mỹ Hưng', 'Tân Thuận', 'Sông Sài Gòn', 'Nam Sài Gòn', 'Minh Phát', 'Hưng Thịnh', 'Thành Công', 'Đại Phát', 'An Khang', 'Phước Lộc', 'Kim Long', 'Bình Minh', 'Hoàng Gia', 'Việt Tín', 'Thuận Phát', 'Gia Phú', 'Trường An', 'Hòa Bình', 'Đông Á', 'Sao Việt', 'Tân Cảng', 'Kênh Tẻ', 'Rạch Ông', 'Mỹ Khánh', 'Quang Trung', 'Lê Văn Lương', 'Huỳnh Tấn Phát', 'Nguyễn Thị Thập'];

/**
 * Shares as a district's register has them, not equal: trade and services first, then construction and
 * transport (the report's four sectors); the most firms in Tân Phong (Phú Mỹ Hưng) and Tân Thuận Đông
 * (the export processing zone), the fewest in the residential wards. Illustrative weights, not data.
 */
const SECTOR_SHARES: [BusinessSector, number][] = [
  ['TRADE', 0.38],
  ['SERVICES', 0.3],
  ['CONSTRUCTION', 0.18],
  ['TRANSPORT', 0.14],
];
const WARD_SHARES: [string, number][] = [
  ['tan-phong', 18],
  ['tan-thuan-dong', 16],
  ['tan-phu', 13],
  ['tan-hung', 10],
  ['tan-kieng', 9],
  ['phu-my', 8],
  ['binh-thuan', 8],
  ['tan-quy', 7],
  ['tan-thuan-tay', 6],
  ['phu-thuan', 5],
];
/** The i-th pick from weighted shares: a low-discrepancy sequence, so n picks follow the shares closely and deterministically. */
function pick<T>(shares: [T, number][], i: number, step: number): T {
  const total = shares.reduce((sum, [, w]) => sum + w, 0);
  let u = ((i * step) % 1) * total;
  for (const [value, weight] of shares) {
    if (u < weight) return value;
    u -= weight;
  }
  return shares.at(-1)![0];
}

export function businesses(): { taxCode: string; name: string; sector: BusinessSector; wardId: string }[] {
  return Array.from({ length: 435 }, (_, i) => {
    const sector = pick(SECTOR_SHARES, i, 0.6180339887);
    const words = SECTOR_WORDS[sector][Math.floor(i / 4) % 3];
    const form = FORMS[Math.floor(i / 12) % FORMS.length];
    const base = NAMES[(i * 11) % NAMES.length];
    // NOTE: fictitious tax codes in HCMC's 03xx range; every 25th is a branch (10 digits + "-" + 3).
    const taxCode = `0312${String(100_000 + i * 137).padStart(6, '0')}${i % 25 === 24 ? '-001' : ''}`;
    return { taxCode, name: `${form} ${words} ${base} ${i + 1}`, sector, wardId: pick(WARD_SHARES, i, 0.7548776662) };
  });
}

