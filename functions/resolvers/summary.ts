import type { Resolvers } from '../generated/resolvers.js';
import { toConnection } from '../domain/kernel/model.js';
import { withCounts } from './session.js';
import { selectsAny, SUMMARY_UNIT_FIELDS } from './selection.js';

export const summaryResolvers: Resolvers = {
  Query: {
    // The rows by unit cost a read per unit: only when the query asks for them; otherwise the totals
    // come from the jurisdiction's roll-up (docs/data-model.md).
    summary: (_p, { period }, { domain }, info) => domain.summaries.districtSummary(period, { units: selectsAny(info, SUMMARY_UNIT_FIELDS) }),
    activity: async (_p, args, { domain }) => toConnection(await domain.activity.listActivity(args)),
  },
  LiveSessionAttendance: {
    // The session's attendance resolves from this same read, not from a later one.
    session: (l) => withCounts(l.session, l.counts),
    attendance: (l) => l.counts.attendance,
    attendanceByCategory: (l) => l.counts.byCategory,
  },
  Activity: {
    session: (a, _x, { domain }) => (a.sessionId ? domain.sessions.getSession(a.sessionId).then((s) => s ?? null) : null),
    concern: (a, _x, { domain }) => (a.concernId ? domain.concerns.getConcern(a.concernId).then((c) => c ?? null) : null),
    business: (a, _x, { domain }) => (a.businessId ? domain.businesses.getBusiness(a.businessId).then((b) => b ?? null) : null),
    ward: (a, _x, { domain }) => (a.wardId ? domain.wards.getWard(a.wardId).then((w) => w ?? null) : null),
  },
};
