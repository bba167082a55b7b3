import { ADMIN, iso, NEW_WARD_NAMES, PUBLIC_TOPICS, RESIDENT_CONCERNS, residentConcerns, TAX, TAX_CONCERNS, wardOfficer, WARD_NAMES, type SessionPlan } from './demo-plans.js';
import { taxRoundsNow } from './demo-tax.js';

/**
 * The demo after the report's years: the first half of 2025 in District 7's old wards (with concerns
 * still open on 30/6/2025), the reorganisation of 1/7/2025 applied to them, and this year in the four
 * wards of the city, hosted by the bodies as they are named now.
 */

export const REORGANISATION_ID = '2025-07-01-hcmc';
/** The morning of 1/7/2025 (09:00 Vietnam time): when the demo's administrator applies the hand-over. */
export const REORGANISATION_APPLIED_AT = '2025-07-01T02:00:00.000Z';

const hostOfOld = (wardId: string) => `Đảng ủy - UBND phường ${WARD_NAMES[wardId]}`;
const hostOfNew = (wardId: string) => `Đảng ủy - UBND phường ${NEW_WARD_NAMES[wardId]}`;
/** From 1/3/2025 to 30/6/2025 (the same caveat). */
export const TAX_OFFICE_2025 = 'Chi cục Thuế khu vực II';

/**
 * Sessions of May–June 2025 whose concerns are still open when the district level ends: one passes
 * whole to Tân Thuận, a district-level one to Tân Hưng (as WARD), and one of Phú Mỹ (divided) and one
 * of the district with no ward wait for an admin or leader to pick the unit that takes them over.
 */
export function beforeTheChange(): SessionPlan[] {
  return [
    {
      kind: 'PUBLIC',
      title: 'Đối thoại trực tiếp với nhân dân phường Tân Thuận Đông về chống ngập năm 2025',
      wardId: 'tan-thuan-dong',
      hostBody: hostOfOld('tan-thuan-dong'),
      scheduledAt: iso(2025, 5, 17),
      actor: wardOfficer('tan-thuan-dong'),
      checkIns: [
        { category: 'RESIDENT', count: 61 },
        { category: 'OFFICIAL', count: 6 },
      ],
      concerns: [
        { ...RESIDENT_CONCERNS[1], authority: 'WARD', moves: [] },
        { ...RESIDENT_CONCERNS[4], authority: 'WARD', moves: [{ to: 'ANSWERED_ON_SPOT', response: 'Phường đã điều chỉnh lịch thu gom rác, công khai tại khu phố.' }] },
      ],
    },
    {
      kind: 'PUBLIC',
      title: 'Đối thoại trực tiếp với nhân dân phường Tân Kiểng về bồi thường giải tỏa năm 2025',
      wardId: 'tan-kieng',
      hostBody: hostOfOld('tan-kieng'),
      scheduledAt: iso(2025, 5, 24),
      actor: wardOfficer('tan-kieng'),
      checkIns: [
        { category: 'RESIDENT', count: 48 },
        { category: 'OFFICIAL', count: 5 },
      ],
      concerns: [{ ...RESIDENT_CONCERNS[5], authority: 'WARD', moves: [{ to: 'IN_PROGRESS', authority: 'DISTRICT', note: 'Chuyển UBND quận xem xét đơn giá bồi thường.' }] }],
    },
    {
      kind: 'PUBLIC',
      title: 'Đối thoại trực tiếp với nhân dân phường Phú Mỹ về trật tự đô thị năm 2025',
      wardId: 'phu-my',
      hostBody: hostOfOld('phu-my'),
      scheduledAt: iso(2025, 6, 7),
      actor: wardOfficer('phu-my'),
      checkIns: [
        { category: 'RESIDENT', count: 44 },
        { category: 'OFFICIAL', count: 5 },
      ],
      concerns: [{ ...RESIDENT_CONCERNS[0], authority: 'WARD', moves: [] }],
    },
    {
      kind: 'THEMATIC',
      title: 'Ban Thường vụ Quận ủy đối thoại với đoàn viên thanh niên năm 2025',
      hostBody: 'Ban Thường vụ Quận ủy - Quận Đoàn 7',
      scheduledAt: iso(2025, 3, 26),
      actor: ADMIN,
      checkIns: [
        { category: 'YOUTH_UNION_MEMBER', count: 96 },
        { category: 'PARTY_MEMBER', count: 31 },
      ],
      concerns: [
        {
          topic: 'Sân chơi cho thanh thiếu nhi',
          text: 'Đoàn viên đề nghị quận bố trí quỹ đất làm sân chơi, sân tập thể thao cho thanh thiếu nhi.',
          authority: 'DISTRICT',
          moves: [],
        },
      ],
    },
    {
      kind: 'BUSINESS_TAX',
      title: 'Đối thoại chính sách thuế với doanh nghiệp năm 2025',
      hostBody: TAX_OFFICE_2025,
      scheduledAt: iso(2025, 5, 15),
      actor: TAX,
      checkIns: [3, 44, 120, 260, 333].map((b) => ({ category: 'BUSINESS_REPRESENTATIVE' as const, count: 1, businessIndex: b })),
      concerns: [{ ...TAX_CONCERNS[0], businessIndex: 44, moves: [{ to: 'ESCALATED', note: 'Báo cáo Thành phố xin ý kiến.' }] }],
    },
  ];
}

/** After the change, in the four wards of the city: this year's closed sessions, overdue concerns, LIVE sessions and scheduled ones; the tax office's rounds since the autumn of 2025. */
export function thisYear(random: () => number, now: Date): SessionPlan[] {
  const year = now.getUTCFullYear();
  const today = Date.UTC(year, now.getUTCMonth(), now.getUTCDate(), 1);
  const daysAgo = (n: number) => new Date(Math.max(Date.UTC(year, 0, 1, 1), today - n * 86_400_000)).toISOString();
  const plans: SessionPlan[] = [];
  const wards = ['tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025', 'tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025'];
  wards.forEach((wardId, i) => {
    const topic = PUBLIC_TOPICS[(i * 7 + 2) % PUBLIC_TOPICS.length];
    plans.push({
      kind: 'PUBLIC',
      title: `Đối thoại trực tiếp với nhân dân phường ${NEW_WARD_NAMES[wardId]} về ${topic} năm ${year}`,
      wardId,
      hostBody: hostOfNew(wardId),
      scheduledAt: daysAgo(12 + i * 9),
      actor: wardOfficer(wardId),
      checkIns: [
        { category: 'RESIDENT', count: 40 + Math.floor(random() * 30) },
        { category: 'PARTY_MEMBER', count: 5 + Math.floor(random() * 8) },
        { category: 'OFFICIAL', count: 4 + (i % 3) },
      ],
      concerns: residentConcerns(random, 2, 'WARD').map((c, k) => (k === 1 && i % 2 === 0 ? { ...c, moves: c.moves.slice(0, 1).filter((m) => m.to === 'IN_PROGRESS') } : c)),
    });
  });
  // Deadlines (issue 11): a session 75 days ago (whatever the date, so also early in January) whose
  // concerns still wait past their deadline, one at the ward and one escalated to the city, next to one
  // answered: the demo always shows overdue concerns, in this ward and in the summary.
  plans.push({
    kind: 'PUBLIC',
    title: `Đối thoại trực tiếp với nhân dân phường ${NEW_WARD_NAMES['tan-thuan-2025']} về trật tự đô thị`,
    wardId: 'tan-thuan-2025',
    hostBody: hostOfNew('tan-thuan-2025'),
    scheduledAt: new Date(today - 75 * 86_400_000).toISOString(),
    actor: wardOfficer('tan-thuan-2025'),
    checkIns: [
      { category: 'RESIDENT', count: 52 },
      { category: 'OFFICIAL', count: 6 },
    ],
    concerns: [
      { ...RESIDENT_CONCERNS[0], authority: 'WARD', moves: [{ to: 'IN_PROGRESS', note: 'Giao khu phố kiểm tra, báo cáo.' }] },
      { ...RESIDENT_CONCERNS[2], authority: 'WARD', moves: [{ to: 'ESCALATED', authority: 'CITY', note: 'Vượt thẩm quyền của phường: báo cáo Thành phố.' }] },
      {
        ...RESIDENT_CONCERNS[3],
        authority: 'WARD',
        moves: [
          { to: 'IN_PROGRESS', note: 'Giao bộ phận chuyên môn.' },
          { to: 'RESOLVED', response: 'Phường đã xử lý xong và thông báo kết quả cho người dân.' },
        ],
      },
    ],
  });
  // The tax office's rounds since the change: autumn 2025, closed this year, LIVE today and coming (demo-tax.ts).
  plans.push(...taxRoundsNow(now, daysAgo(20)));
  plans.push({
    kind: 'PUBLIC',
    title: `Đối thoại trực tiếp với nhân dân phường Tân Thuận về chống ngập năm ${year}`,
    wardId: 'tan-thuan-2025',
    hostBody: hostOfNew('tan-thuan-2025'),
    scheduledAt: new Date(Math.min(today, now.getTime() - 3_600_000)).toISOString(),
    actor: wardOfficer('tan-thuan-2025'),
    checkIns: [
      { category: 'RESIDENT', count: 37 },
      { category: 'OFFICIAL', count: 5 },
    ],
    concerns: [{ ...RESIDENT_CONCERNS[1], authority: 'WARD', moves: [] }],
    status: 'LIVE',
  });
  plans.push({
    kind: 'THEMATIC',
    title: `Đảng ủy phường Tân Hưng đối thoại với đoàn viên thanh niên năm ${year}`,
    wardId: 'tan-hung-2025',
    hostBody: 'Ban Thường vụ Đảng ủy phường Tân Hưng - Đoàn phường Tân Hưng',
    scheduledAt: new Date(today + 14 * 86_400_000).toISOString(),
    actor: ADMIN,
    checkIns: [],
    concerns: [],
    status: 'SCHEDULED',
  });
  return plans;
}
