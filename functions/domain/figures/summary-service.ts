import type { SharedStores } from '../kernel/ports.js';
import type { Totals } from '../kernel/counts.js';
import { answerTimesFrom } from './answer-times.js';
import { categoryCounts, concernOutcomes, sessionCountsFrom, type DistrictSummary, type LiveSessionCounts, type WardStats } from '../kernel/model.js';
import { parsePeriod, type Period } from '../kernel/period.js';

/** Reads of one summary made again when a write landed in between (see districtSummary). */
export const SUMMARY_READ_ATTEMPTS = 3;

/** Totals list every count in a fixed order (functions/store/counters.ts), so equal totals print alike. */
const sameTotals = (a: Totals, b: Totals) => JSON.stringify(a) === JSON.stringify(b);

/** A ward's counters over a period, from its time-bucketed counter items. */
export async function readWardStats(stores: Pick<SharedStores, 'stats'>, wardId: string, period?: Period): Promise<WardStats> {
  return wardStatsFrom(wardId, await stores.stats.readWardTotals(wardId, period), period);
}

/** A ward's stats from its summed counters (one read serves these and the ward's input figures). */
export function wardStatsFrom(wardId: string, t: Totals, period?: Period): WardStats {
  return {
    wardId,
    sessions: t.sessions,
    attendance: t.attendance,
    concerns: t.concerns,
    concernsClosed: t.concernsClosed,
    answerTimes: answerTimesFrom(t),
    period,
  };
}

/** Each unit's totals and their sum; without units, the jurisdiction's totals from its roll-up. */
async function readTotals(stores: Pick<SharedStores, 'stats'>, wardIds: readonly string[] | undefined, period?: Period) {
  if (wardIds) return stores.stats.readUnitTotals(wardIds, period);
  const [total, unassigned] = await Promise.all([stores.stats.readJurisdictionTotals(period), stores.stats.readUnassignedTotals(period)]);
  return { wards: new Map<string, Totals>(), total, unassigned };
}

export function createSummaryService(stores: SharedStores, wardService: { unitsDuring(period?: Period): Promise<{ id: string }[]> }) {
  /** The LIVE sessions and their counts: ids from the LIVE item (older data: the sessions index). */
  async function readLive(live: { count: number; ids?: string[] }): Promise<LiveSessionCounts[]> {
    let ids = live.ids;
    if (!ids || ids.length !== live.count) {
      const page = await stores.sessions.listSessions({ status: 'LIVE' }, 100);
      ids = page.sessions.map((s) => s.id);
    }
    const sessions = await Promise.all(
      ids.map(async (id) => {
        const [session, totals] = await Promise.all([stores.sessions.getSession(id, { consistent: true }), stores.stats.readSessionTotals(id)]);
        return session ? { session, counts: sessionCountsFrom(totals) } : undefined;
      }),
    );
    return sessions.filter((s) => s !== undefined).sort((a, b) => b.session.scheduledAt.localeCompare(a.session.scheduledAt));
  }

  return {
    /**
     * The district summary over [period.from, period.to) (all time without one), read from counters
     * kept as writes happen: its cost depends on the units and the calendar buckets of the period,
     * never on the number of check-ins or concerns in it (docs/data-model.md, "Calendar roll-ups").
     *
     * The totals are the sum of the very unit items the ward rows come from (plus the records with no
     * ward), and each item is updated whole by the write it counts (a check-in's attendance and its
     * category in one UpdateItem): so the wards always add up to the totals and the categories to the
     * attendance, whatever lands during the read. The live sessions are read before the units, and a
     * check-in adds to its session and its unit in one transaction: so a live session's row is never
     * above its ward's. `consistent` says more: the whole read was made again and found equal, so no
     * counted write landed in between and every figure shows one moment. When one did, the read is
     * made again, at most SUMMARY_READ_ATTEMPTS times; under a steady stream of writes the last read is
     * answered with `consistent: false` (still adding up), and the next summary (each write makes one)
     * settles it.
     */
    async districtSummary(periodInput?: { from: string; to: string } | null, options: { units?: boolean } = {}): Promise<DistrictSummary> {
      const period = parsePeriod(periodInput);
      const byUnit = options.units ?? true;
      // One entry per unit in force at some moment of the period (no period: every unit); each record is
      // counted in one unit (or with no ward), so the sum never counts a record twice across a change.
      // Without the rows by unit, the totals come from the jurisdiction's roll-up: a read whose cost
      // does not grow with the units (docs/data-model.md, "The jurisdiction's roll-up").
      const wardIds = byUnit ? (await wardService.unitsDuring(period)).map((w) => w.id) : [];
      const readMoment = async () => {
        const live = await stores.stats.readLiveSessions();
        const liveSessions = await readLive(live);
        const units = await readTotals(stores, byUnit ? wardIds : undefined, period);
        return { live, liveSessions, units };
      };
      const sameMoment = (a: Awaited<ReturnType<typeof readMoment>>, b: typeof a) =>
        sameTotals(a.units.total, b.units.total) && a.live.count === b.live.count && String(a.live.ids) === String(b.live.ids) && JSON.stringify(a.liveSessions.map((l) => l.counts)) === JSON.stringify(b.liveSessions.map((l) => l.counts));
      const engaged = stores.stats.countEngagedBusinesses(period);
      engaged.catch(() => undefined); // awaited below; not an unhandled rejection if a read fails first
      let before = await readMoment();
      for (let attempt = 1; ; attempt++) {
        const after = await readMoment();
        const consistent = sameMoment(before, after);
        if (consistent || attempt >= SUMMARY_READ_ATTEMPTS) {
          const { live, liveSessions, units } = after;
          const district = units.total;
          return {
            sessions: district.sessions,
            liveSessions: live.count,
            live: liveSessions,
            attendance: district.attendance,
            attendanceByCategory: categoryCounts(district.attendanceByCategory),
            wards: wardIds.map((id) => wardStatsFrom(id, units.wards.get(id)!, period)),
            withoutUnit: { sessions: units.unassigned.sessions, attendance: units.unassigned.attendance, concerns: units.unassigned.concerns, concernsClosed: units.unassigned.concernsClosed },
            concerns: concernOutcomes((s) => district.byStatus[s]),
            tax: { rounds: district.taxRounds, businessesEngaged: await engaged, outcomes: concernOutcomes((s) => district.taxByStatus[s]), escalatedToCity: district.taxEscalated },
            answerTimes: answerTimesFrom(district),
            period,
            consistent,
          };
        }
        before = after;
      }
    },
  };
}
export type SummaryService = ReturnType<typeof createSummaryService>;
