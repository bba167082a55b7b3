import type { SharedStores, WaitingConcernRecord } from '../kernel/ports.js';
import type { Totals } from '../kernel/counts.js';
import type { Clock } from '../kernel/clock.js';
import {
  ATTENDEE_CATEGORIES,
  AUTHORITIES,
  BUSINESS_SECTORS,
  categoryCounts,
  CLOSING_STATUSES,
  CONCERN_STATUSES,
  concernOutcomes,
  SESSION_KINDS,
  type Authority,
  type BusinessSector,
  type ConcernStatus,
} from '../kernel/model.js';
import { parsePeriod, type Period } from '../kernel/period.js';
import type { ReportFigures, ReportTotals, ReportUnits, ReportWaitingConcern } from './report-model.js';
import { wardStatsFrom } from '../figures/summary-service.js';
import { inputStatsFrom } from '../voice/input-stats.js';
import type { WardService } from '../units/ward-service.js';
import { ROLLOUT_WAVES, unitsAt, type Jurisdiction, type Ward } from '../units/wards.js';
import { formatVietnamDate, vietnamDateParts, vietnamMidnight } from '../kernel/vietnam-time.js';

/** At most this many waiting concerns are listed (the count is exact; the list is for reading). */
export const WAITING_LISTED = 200;
const DAY_MS = 86_400_000;
const WAITING_STATUSES: readonly ConcernStatus[] = ['OPEN', 'IN_PROGRESS', 'ESCALATED'];

/** Status counts of one scope: the district keeps them by status (as summary reads them); a ward, by status and level, summed. */
function statusCount(t: Totals, scope: 'district' | 'ward') {
  return (status: ConcernStatus) => (scope === 'district' ? t.byStatus[status] : AUTHORITIES.reduce((n, a) => n + t.byLevel[status][a], 0));
}

/** The period of the same length that ends where `p` starts. */
/**
 * The period a report compares with: the same number of calendar months before, when the period is
 * whole months in Vietnam time (a year's report: the year before, leap days and all); otherwise the
 * same length just before.
 */
export function previousPeriod(p: Period): Period {
  const from = vietnamDateParts(p.from);
  const to = vietnamDateParts(p.to);
  if (vietnamMidnight(from.year, from.month - 1, 1) === p.from && vietnamMidnight(to.year, to.month - 1, 1) === p.to) {
    const months = (to.year - from.year) * 12 + (to.month - from.month);
    return { from: vietnamMidnight(from.year, from.month - 1 - months, 1), to: p.from };
  }
  const length = Date.parse(p.to) - Date.parse(p.from);
  return { from: new Date(Date.parse(p.from) - length).toISOString(), to: p.from };
}

/** The thematic dialogues together, by attendee category (the source report: 396 youth-union members, 122 party members). */
export function thematicTotalsOf(dialogues: ReportFigures['thematicDialogues']): NonNullable<ReportFigures['thematicTotals']> {
  return {
    sessions: dialogues.length,
    attendance: dialogues.reduce((n, d) => n + d.attendance, 0),
    attendanceByCategory: ATTENDEE_CATEGORIES.map((category) => ({
      category,
      count: dialogues.reduce((n, d) => n + (d.attendanceByCategory.find((c) => c.category === category)?.count ?? 0), 0),
    })).filter((c) => c.count !== 0),
  };
}

/**
 * The units a period covers. When a reorganisation took effect inside it, the report names both sets
 * and says why: each record stays counted once, in the unit where it happened.
 */
export function reportUnits(j: Jurisdiction, period: Period): ReportUnits {
  const lastInstant = new Date(Date.parse(period.to) - 1).toISOString();
  const row = (w: Ward) => ({ wardId: w.id, wardName: w.name });
  const atStart = unitsAt(j, period.from).map(row);
  const atEnd = unitsAt(j, lastInstant).map(row);
  const r = j.reorganisations.find((x) => x.effectiveAt > period.from && x.effectiveAt < period.to);
  if (!r) return { atStart, atEnd };
  const date = formatVietnamDate(r.effectiveAt);
  return {
    atStart,
    atEnd,
    change: {
      effectiveAt: r.effectiveAt,
      legalBasis: r.legalBasis,
      explanation: `Kỳ báo cáo có thay đổi đơn vị hành chính: từ ngày ${date}, theo ${r.legalBasis}, ${atStart.length} phường trước đây được sắp xếp thành ${atEnd.length} phường${r.endsParentLevel ? ' và cấp huyện kết thúc hoạt động' : ''}. Số liệu trước ngày ${date} được ghi nhận theo các phường cũ, từ ngày ${date} theo các phường mới; mỗi buổi đối thoại, lượt người tham dự và ý kiến chỉ được tính một lần, tại đơn vị nơi diễn ra.`,
    },
  };
}

/** The waiting and overdue concerns a report lists (the first WAITING_LISTED of each): the waiting markers carry each one's deadline, so no other read is needed. */
function waitingLists(records: WaitingConcernRecord[], wardNames: Map<string, string>, generatedAt: string) {
  const now = Date.parse(generatedAt);
  const listed = (c: WaitingConcernRecord): ReportWaitingConcern => ({
    concernId: c.id,
    topic: c.topic,
    wardId: c.wardId,
    wardName: c.wardId ? wardNames.get(c.wardId) : undefined,
    authority: c.authority,
    status: c.status,
    raisedAt: c.raisedAt,
    daysWaited: Math.max(0, Math.floor((now - Date.parse(c.raisedAt)) / DAY_MS)),
    ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    overdue: !!c.dueAt && c.dueAt < generatedAt,
  });
  const overdueRecords = records.filter((c) => !!c.dueAt && c.dueAt < generatedAt).sort((x, y) => x.dueAt!.localeCompare(y.dueAt!));
  return { waitingConcerns: records.slice(0, WAITING_LISTED).map(listed), overdueConcerns: overdueRecords.slice(0, WAITING_LISTED).map(listed), overdue: overdueRecords.length };
}

/** The concerns' figures of a scope's counters: by outcome, by level, waiting and overdue. */
function concernFigures(t: Totals, wardId: string | undefined, overdue: number): ReportFigures['concerns'] {
  const n = statusCount(t, wardId ? 'ward' : 'district');
  const level = (status: ConcernStatus, authority: Authority) => t.byLevel[status][authority];
  return {
    raised: t.concerns,
    answeredOnSpot: n('ANSWERED_ON_SPOT'),
    resolvedByWard: level('RESOLVED', 'WARD'),
    resolvedByDistrict: level('RESOLVED', 'DISTRICT'),
    escalatedWaiting: n('ESCALATED'),
    answeredAfterEscalation: n('ANSWERED'),
    waiting: WAITING_STATUSES.reduce((s, st) => s + n(st), 0),
    overdue,
    outcomes: concernOutcomes(n),
    byLevel: CONCERN_STATUSES.flatMap((status) => AUTHORITIES.map((authority) => ({ status, authority, count: level(status, authority) }))).filter((c) => c.count !== 0),
  };
}

/** Residents' inputs: the wards' counters (the same reads as the ward rows), histograms merged. */
function opinionFigures(perWard: { w: Ward; inputs: Totals }[]): ReportFigures['opinions'] {
  return {
    ...inputStatsFrom(...perWard.map((p) => p.inputs)),
    byWard: perWard.map(({ w, inputs }) => {
      const s = inputStatsFrom(inputs);
      return { wardId: w.id, wardName: w.name, received: s.received, supporters: s.supporters, selected: s.selected, raised: s.raised, answered: s.answered };
    }),
  };
}

/** What a report reads besides its units' rows: a scope's totals with its engaged businesses, and the thematic dialogues. */
/** What the reports work with. */
interface ReportDeps {
  stores: SharedStores;
  wards: WardService;
}

function reportReads({ stores }: Pick<ReportDeps, 'stores'>) {
  // The whole jurisdiction's totals come from its roll-up (a read that does not grow with the units);
  // a ward's from its own buckets.
  const bucketTotals = async (period: Period, wardId?: string) => (wardId ? stores.stats.readWardTotals(wardId, period) : stores.stats.readJurisdictionTotals(period));

  /** Engaged businesses (distinct) with their sectors; a marker written before sectors were recorded is looked up. */
  async function engaged(period: Period, wardId?: string) {
    const list = await stores.stats.readEngagedBusinesses(period);
    const withSector = await Promise.all(
      list.map(async (b) => (b.sector ? b : { ...b, ...(await stores.businesses.getBusiness(b.businessId).then((x) => ({ sector: x?.sector, wardId: x?.wardId }))) })),
    );
    return wardId ? withSector.filter((b) => b.wardId === wardId) : withSector;
  }

  async function totalsOf(period: Period, wardId?: string, units?: Promise<{ total: Totals }>): Promise<{ totals: ReportTotals; buckets: Totals; engagedList: Awaited<ReturnType<typeof engaged>> }> {
    const [buckets, engagedList] = await Promise.all([units ? units.then((u) => u.total) : bucketTotals(period, wardId), engaged(period, wardId)]);
    const n = statusCount(buckets, wardId ? 'ward' : 'district');
    return {
      buckets,
      engagedList,
      totals: {
        period,
        sessions: buckets.sessions,
        attendance: buckets.attendance,
        concerns: buckets.concerns,
        concernsClosed: CLOSING_STATUSES.reduce((sum, s) => sum + n(s), 0),
        // A ward's rounds are its BUSINESS_TAX sessions; the district's, every round (with or without a ward).
        taxRounds: wardId ? buckets.sessionsByKind.BUSINESS_TAX : buckets.taxRounds,
        businessesEngaged: engagedList.length,
      },
    };
  }

  async function thematicDialogues(period: Period, wardId?: string): Promise<ReportFigures['thematicDialogues']> {
    const sessions = [];
    let after: string | null | undefined;
    do {
      const page = await stores.sessions.listSessions({ kind: 'THEMATIC', wardId, period }, 100, after);
      sessions.push(...page.sessions);
      after = page.hasNextPage ? page.items.at(-1)?.cursor : undefined;
    } while (after);
    sessions.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
    return Promise.all(
      sessions.map(async (s) => {
        const t = await stores.stats.readSessionTotals(s.id);
        return {
          sessionId: s.id,
          title: s.title,
          hostBody: s.hostBody,
          scheduledAt: s.scheduledAt,
          attendance: t.attendance,
          attendanceByCategory: categoryCounts(t.attendanceByCategory),
        };
      }),
    );
  }
  return { totalsOf, thematicDialogues };
}

export function createReportService(stores: SharedStores, wards: WardService, clock: Clock) {
  const { totalsOf, thematicDialogues } = reportReads({ stores });

  return {
    /**
     * Every figure of a review report for [from, to), for the district or one ward: counter buckets
     * (the same ones summary and Ward.stats read), the period's thematic sessions, engagement markers
     * and waiting-concern markers. Nothing it reads grows with check-ins or with answered concerns.
     */
    async reportFigures(periodInput: { from: string; to: string }, wardIdInput?: string | null): Promise<ReportFigures> {
      const period = parsePeriod(periodInput)!;
      const ward = wardIdInput ? await wards.requireWard(wardIdInput) : undefined;
      const wardId = ward?.id;
      const generatedAt = clock().toISOString();
      const j = await wards.jurisdiction();
      const allWards = await wards.unitsDuring(period);
      const scopeWards: Ward[] = ward ? [ward] : allWards;
      // The district's totals and its ward rows: one read of every unit.
      const units = ward ? undefined : stores.stats.readUnitTotals(allWards.map((w) => w.id), period);
      const wardTotals = (id: string) => (units ? units.then((u) => u.wards.get(id)!) : stores.stats.readWardTotals(id, period));
      const [current, previous, perWard, dialogues, waitingRecords] = await Promise.all([
        totalsOf(period, wardId, units),
        totalsOf(previousPeriod(period), wardId),
        Promise.all(scopeWards.map(async (w) => { const [totals, inputs] = await Promise.all([wardTotals(w.id), stores.stats.readInputTotals(w.id, period)]); return { w, t: wardStatsFrom(w.id, totals, period), totals, inputs }; })),
        thematicDialogues(period, wardId),
        stores.concerns.listWaitingConcerns(period, wardId),
      ]);
      const t = current.buckets;
      const wardNames = new Map(j.units.map((w) => [w.id, w.name]));
      const sectors = new Map<BusinessSector, number>();
      for (const b of current.engagedList) if (b.sector) sectors.set(b.sector as BusinessSector, (sectors.get(b.sector as BusinessSector) ?? 0) + 1);
      const { waitingConcerns, overdueConcerns, overdue } = waitingLists(waitingRecords, wardNames, generatedAt);

      const wardRows = perWard.map(({ w, t: wt }) => ({
        wardId: w.id,
        wardName: w.name,
        rolloutWave: w.rolloutWave,
        sessions: wt.sessions,
        attendance: wt.attendance,
        concerns: wt.concerns,
        concernsClosed: wt.concernsClosed,
      }));
      return {
        period,
        wardId,
        wardName: ward?.name,
        generatedAt,
        totals: current.totals,
        attendanceByCategory: categoryCounts(t.attendanceByCategory),
        wards: wardRows,
        waves: ROLLOUT_WAVES.map((wave) => {
          const rows = wardRows.filter((r) => r.rolloutWave === wave);
          return { wave, wards: rows.length, sessions: rows.reduce((s, r) => s + r.sessions, 0), attendance: rows.reduce((s, r) => s + r.attendance, 0) };
        }).filter((w) => w.wards > 0),
        kinds: SESSION_KINDS.map((kind) => ({ kind, sessions: t.sessionsByKind[kind], attendance: t.attendanceByKind[kind] })),
        thematicDialogues: dialogues,
        thematicTotals: thematicTotalsOf(dialogues),
        units: reportUnits(j, period),
        tax: {
          rounds: current.totals.taxRounds,
          businessesEngaged: current.totals.businessesEngaged,
          bySector: BUSINESS_SECTORS.map((sector) => ({ sector, businesses: sectors.get(sector) ?? 0 })).filter((s) => s.businesses > 0),
          outcomes: concernOutcomes((s) => t.taxByStatus[s]),
          escalatedToCity: t.taxEscalated,
        },
        concerns: concernFigures(t, wardId, overdue),
        waitingConcerns,
        overdueConcerns,
        previous: previous.totals,
        opinions: opinionFigures(perWard),
      };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
