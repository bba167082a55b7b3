import type { Resolvers } from '../generated/resolvers.js';
import { toConnection, type Session, type SessionCounts } from '../domain/kernel/model.js';
import type { GraphQLContext } from './context.js';

// attendance and attendanceByCategory come from the same counter read: once per session object.
const counts = new WeakMap<Session, Promise<SessionCounts>>();
/** A session whose counts were read already (with a summary): its attendance is answered from them. */
export function withCounts(session: Session, read: SessionCounts): Session {
  counts.set(session, Promise.resolve(read));
  return session;
}
function countsOf(session: Session, { domain }: GraphQLContext): Promise<SessionCounts> {
  let pending = counts.get(session);
  if (!pending) {
    pending = domain.sessions.countsOf(session.id);
    counts.set(session, pending);
  }
  return pending;
}

export const sessionResolvers: Resolvers = {
  Query: {
    session: (_p, { id }, { domain }) => domain.sessions.getSession(id).then((s) => s ?? null),
    sessions: async (_p, args, { domain }) => toConnection(await domain.sessions.listSessions(args)),
    sessionsInPeriod: async (_p, args, { domain }) => toConnection(await domain.sessions.listSessions(args)),
  },
  Mutation: {
    scheduleSession: (_p, { input }, { actor, domain }) => domain.sessions.scheduleSession(actor, input),
    startSession: (_p, { id }, { actor, domain }) => domain.sessions.startSession(actor, id),
    closeSession: (_p, { id }, { actor, domain }) => domain.sessions.closeSession(actor, id),
    checkIn: (_p, { input }, { actor, domain }) => domain.sessions.checkIn(actor, input),
  },
  Session: {
    ward: (s, _a, { domain }) => (s.wardId ? domain.wards.getWard(s.wardId).then((w) => w ?? null) : null),
    attendance: async (s, _a, ctx) => (await countsOf(s, ctx)).attendance,
    attendanceByCategory: async (s, _a, ctx) => (await countsOf(s, ctx)).byCategory,
    concerns: async (s, { first, after }, { domain }) => toConnection(await domain.concerns.listConcerns({ sessionId: s.id, first, after })),
    concernCount: (s, _a, { domain }) => domain.concerns.countSessionConcerns(s.id),
  },
  SessionConnection: {
    totalCount: (c) => c.totalCount(),
  },
  AttendanceUpdate: {
    session: (u, _a, { domain }) => (u.session ? (u.counts ? withCounts(u.session, u.counts) : u.session) : domain.sessions.requireSession(u.sessionId)),
    attendance: async (u, _a, { domain }) => u.attendance ?? (await domain.sessions.countsOf(u.sessionId)).attendance,
  },
};
