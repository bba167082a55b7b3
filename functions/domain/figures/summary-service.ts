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

/** The LIVE sessions and their counts: ids from the LIVE item (older data: the sessions index). */
async function readLive(stores: SharedStores, live: { count: number; ids?: string[] }): Promise<LiveSessionCounts[]> {
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

export function createSummaryService(stores: SharedStores, wardService: { unitsDuring(period?: Period): Promise<{ id: string }[]> }) {
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
     * above its ward's. `consistent` says more: the jurisdiction's roll-up, read before and after, was
     * found equal, so no counted write landed in between and every figure shows one moment. When one
     * did, the read is made again, at most SUMMARY_READ_ATTEMPTS times; under a steady stream of writes the last read is
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
      // The roll-up is the fence: read before and after the units, equal means no counted write landed
      // in between (each changes it), so the units read between show one moment.
      const fence = async () => {
        const live = await stores.stats.readLiveSessions();
        const liveSessions = await readLive(stores, live);
        return { live, liveSessions, total: await stores.stats.readJurisdictionTotals(period) };
      };
      const sameMoment = (a: Awaited<ReturnType<typeof fence>>, b: typeof a) =>
        sameTotals(a.total, b.total) && a.live.count === b.live.count && String(a.live.ids) === String(b.live.ids) && JSON.stringify(a.liveSessions.map((l) => l.counts)) === JSON.stringify(b.liveSessions.map((l) => l.counts));
      const engaged = stores.stats.countEngagedBusinesses(period);
      engaged.catch(() => undefined); // awaited below; not an unhandled rejection if a read fails first
      let before = await fence();
      for (let attempt = 1; ; attempt++) {
        const units = byUnit ? await stores.stats.readUnitTotals(wardIds, period) : undefined;
        const after = await fence();
        const consistent = sameMoment(before, after);
        if (consistent || attempt >= SUMMARY_READ_ATTEMPTS) {
          // With units: the live sessions read before them (a row is never above its ward's) and their
          // sum (the rows add up). Without: the live sessions read before the roll-up, and the roll-up.
          const { live, liveSessions } = units ? before : after;
          const district = units ? units.total : after.total;
          const unassigned = units?.unassigned;
          return {
            sessions: district.sessions,
            liveSessions: live.count,
            live: liveSessions,
            attendance: district.attendance,
            attendanceByCategory: categoryCounts(district.attendanceByCategory),
            wards: wardIds.map((id) => wardStatsFrom(id, units!.wards.get(id)!, period)),
            // Read with the units only (DistrictSummary.unitRows): none without them.
            withoutUnit: { sessions: unassigned?.sessions ?? 0, attendance: unassigned?.attendance ?? 0, concerns: unassigned?.concerns ?? 0, concernsClosed: unassigned?.concernsClosed ?? 0 },
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
