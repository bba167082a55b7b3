import type { Stores, Totals } from './ports.js';
import { answerTimesFrom } from './answer-times.js';
import { categoryCounts, concernOutcomes, sessionCountsFrom, type DistrictSummary, type LiveSessionCounts, type WardStats } from './model.js';
import { parsePeriod, type Period } from './period.js';

/** Reads of one summary made again when a write landed in between (see districtSummary). */
export const SUMMARY_READ_ATTEMPTS = 3;

/** Totals list every count in a fixed order (functions/store/counters.ts), so equal totals print alike. */
const sameTotals = (a: Totals, b: Totals) => JSON.stringify(a) === JSON.stringify(b);

/** A ward's counters over a period, from its time-bucketed counter items. */
export async function readWardStats(stores: Pick<Stores, 'stats'>, wardId: string, period?: Period): Promise<WardStats> {
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

export function createSummaryService(stores: Stores, wardService: { unitsDuring(period?: Period): Promise<{ id: string }[]> }) {
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
     * kept as writes happen: its cost depends on the number of sessions and concerns in the period,
     * never on the number of check-ins.
     *
     * One consistent read: every write it counts (check-in, session, concern) adds to the district's
     * counters in the same transaction as to the ward's and the session's. So the district totals (and
     * the LIVE item) are read before and again after everything else; when they are equal, no counted
     * write landed in between, and the wards, the live sessions and the district all show the same
     * moment (`consistent`). When a write did land, the read is made again, at most
     * SUMMARY_READ_ATTEMPTS times; under a steady stream of writes the last read is answered with
     * `consistent: false`, and the next summary (each write makes one) settles it.
     */
    async districtSummary(periodInput?: { from: string; to: string } | null): Promise<DistrictSummary> {
      const period = parsePeriod(periodInput);
      // One entry per unit in force at some moment of the period (no period: every unit); the district
      // totals come from the district's own counters, so a record is never counted twice across a change.
      const wardList = await wardService.unitsDuring(period);
      const readMarks = () => Promise.all([stores.stats.readDistrictTotals(period), stores.stats.readLiveSessions()]);
      let [district, live] = await readMarks();
      for (let attempt = 1; ; attempt++) {
        const [liveSessions, engaged, wards] = await Promise.all([
          readLive(live),
          stores.stats.countEngagedBusinesses(period),
          Promise.all(wardList.map((w) => readWardStats(stores, w.id, period))),
        ]);
        const [districtAfter, liveAfter] = await readMarks();
        const consistent = sameTotals(district, districtAfter) && live.count === liveAfter.count && String(live.ids) === String(liveAfter.ids);
        if (consistent || attempt >= SUMMARY_READ_ATTEMPTS) {
          return {
            sessions: district.sessions,
            liveSessions: live.count,
            live: liveSessions,
            attendance: district.attendance,
            attendanceByCategory: categoryCounts(district.attendanceByCategory),
            wards,
            concerns: concernOutcomes((s) => district.byStatus[s]),
            tax: { rounds: district.taxRounds, businessesEngaged: engaged, outcomes: concernOutcomes((s) => district.taxByStatus[s]), escalatedToCity: district.taxEscalated },
            answerTimes: answerTimesFrom(district),
            period,
            consistent,
          };
        }
        [district, live] = [districtAfter, liveAfter];
      }
    },
  };
}
export type SummaryService = ReturnType<typeof createSummaryService>;
