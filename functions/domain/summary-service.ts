import type { Stores } from '../store/index.js';
import type { CounterTotals } from '../store/stats-store.js';
import { answerTimesFrom } from './answer-times.js';
import { ATTENDEE_CATEGORIES, type ConcernOutcomes, type DistrictSummary, type WardTotals } from './model.js';
import { parsePeriod, type Period } from './period.js';

function outcomes(totals: CounterTotals, prefix: 'c_' | 't_'): ConcernOutcomes {
  const n = (status: string) => totals[`${prefix}${status}`] ?? 0;
  return {
    open: n('OPEN'),
    answeredOnSpot: n('ANSWERED_ON_SPOT'),
    inProgress: n('IN_PROGRESS'),
    resolved: n('RESOLVED'),
    escalated: n('ESCALATED'),
    answered: n('ANSWERED'),
  };
}

/** A ward's counters over a period, from its time-bucketed counter items. */
export async function readWardTotals(stores: Pick<Stores, 'stats'>, wardId: string, period?: Period): Promise<WardTotals> {
  const t = await stores.stats.readWardTotals(wardId, period);
  return {
    wardId,
    sessions: t.sessions ?? 0,
    attendance: t.attendance ?? 0,
    concerns: t.concerns ?? 0,
    concernsClosed: t.concernsClosed ?? 0,
    answerTimes: answerTimesFrom(t),
    period,
  };
}

export function createSummaryService(stores: Stores, wardService: { listWards(): Promise<{ id: string }[]> }) {
  return {
    /**
     * The district summary over [period.from, period.to) (all time without one), read from counters
     * kept as writes happen: its cost depends on the number of sessions and concerns in the period,
     * never on the number of check-ins.
     */
    async districtSummary(periodInput?: { from: string; to: string } | null): Promise<DistrictSummary> {
      const period = parsePeriod(periodInput);
      const [district, live, wardList, engaged] = await Promise.all([
        stores.stats.readDistrictTotals(period),
        stores.stats.readLiveSessions(),
        wardService.listWards(),
        stores.stats.countEngagedBusinesses(period),
      ]);
      const wards = await Promise.all(wardList.map((w) => readWardTotals(stores, w.id, period)));
      return {
        sessions: district.sessions ?? 0,
        liveSessions: live,
        attendance: district.attendance ?? 0,
        attendanceByCategory: ATTENDEE_CATEGORIES.map((category) => ({ category, count: district[`cat_${category}`] ?? 0 })).filter((c) => c.count !== 0),
        wards,
        concerns: outcomes(district, 'c_'),
        tax: { rounds: district.taxRounds ?? 0, businessesEngaged: engaged, outcomes: outcomes(district, 't_'), escalatedToCity: district.taxEscalated ?? 0 },
        answerTimes: answerTimesFrom(district),
        period,
      };
    },
  };
}
export type SummaryService = ReturnType<typeof createSummaryService>;
