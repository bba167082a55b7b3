import { ulid } from 'ulid';
import type { SharedStores } from '../kernel/ports.js';
import type { CounterDelta } from '../kernel/counts.js';
import type { Actor } from '../kernel/actor.js';
import { auditEntry } from '../activity/activity-service.js';
import { assertMayActOnSession, assertMayWriteSessions } from '../access/authorization.js';
import type { Clock } from '../kernel/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import {
  ATTENDEE_CATEGORIES,
  SESSION_KINDS,
  SESSION_STATUSES,
  sessionCountsFrom,
  type AttendanceUpdate,
  type AttendeeCategory,
  type Page,
  type Session,
  type SessionCounts,
  type SessionKind,
  type SessionStatus,
} from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import { parseInstant, parsePeriod } from '../kernel/period.js';
import { cleanOptionalText, cleanRequestId, cleanText, isPlausibleId, LIMITS, oneOf, pageSize } from '../kernel/validation.js';
import type { WardService } from '../units/ward-service.js';
import type { TaxOffice, TaxOfficeDirectory } from '../units/tax-offices.js';
import { inForceAt } from '../units/wards.js';
import { formatVietnamDate } from '../kernel/vietnam-time.js';

export interface ScheduleSessionInput {
  kind: string;
  title: string;
  wardId?: string | null;
  hostBody: string;
  place?: string | null;
  scheduledAt: string;
  /** BUSINESS_TAX: the hosting office; omitted: the one LOCAL office in force at scheduledAt. */
  taxOfficeId?: string | null;
}

export interface CheckInInput {
  sessionId: string;
  category: string;
  count?: number | null;
  businessId?: string | null;
  requestId: string;
}

export interface SessionListArgs {
  wardId?: string | null;
  kind?: string | null;
  status?: string | null;
  period?: { from: string; to: string } | null;
  first?: number | null;
  after?: string | null;
}

const shortId = (id: string) => id.slice(0, 60);

/**
 * The office hosting a tax round (contract, "A round's office"): the one named, in force at
 * scheduledAt; omitted, the one LOCAL office in force then. Anything else is BAD_USER_INPUT.
 */
export function hostOfficeFor(offices: TaxOfficeDirectory, taxOfficeId: string | undefined, scheduledAt: string): TaxOffice {
  const when = formatVietnamDate(scheduledAt);
  if (!taxOfficeId) {
    const { office, count } = offices.localAt(scheduledAt);
    if (office) return office;
    throw new InvalidInputError(
      count === 0 ? `No local tax office is in force on ${when}: send taxOfficeId (Query.taxOffices lists them).` : `${count} local tax offices are in force on ${when}: send taxOfficeId to say which hosts the round.`,
      { field: 'taxOfficeId' },
    );
  }
  const office = offices.get(taxOfficeId);
  if (!office) throw new InvalidInputError(`There is no tax office with id "${shortId(taxOfficeId)}"; Query.taxOffices lists them.`, { field: 'taxOfficeId' });
  if (!inForceAt(office, scheduledAt)) {
    const now = offices.localAt(scheduledAt).office ?? offices.at(scheduledAt).find((o) => o.level === office.level);
    throw new InvalidInputError(`${office.name} is not in force on ${when}${now ? `; the office in force then is ${now.name} (${now.id})` : ''}.`, { field: 'taxOfficeId' });
  }
  return office;
}

export function createSessionService(stores: SharedStores, wards: WardService, clock: Clock, taxOffices: TaxOfficeDirectory) {

  async function getSession(id: string): Promise<Session | undefined> {
    if (!isPlausibleId(id)) return undefined;
    return stores.sessions.getSession(id);
  }

  async function requireSession(id: string): Promise<Session> {
    const session = await getSession(id);
    if (!session) throw new NotFoundError(`There is no session with id "${shortId(id)}"; Query.sessions lists them.`, { sessionId: id });
    return session;
  }

  const countsOf = async (sessionId: string): Promise<SessionCounts> => sessionCountsFrom(await stores.stats.readSessionTotals(sessionId));

  async function move(actor: Actor, id: string, from: SessionStatus, to: SessionStatus, verb: string): Promise<Session> {
    assertMayWriteSessions(actor, `${verb} sessions`);
    await wards.assertActorUnitInForce(actor, clock().toISOString());
    const session = await requireSession(id);
    assertMayActOnSession(actor, session, `${verb} sessions`);
    const refuse = (status: SessionStatus) =>
      new ConflictError(`Session ${shortId(id)} is ${status}; only a ${from} session can be ${to === 'LIVE' ? 'started' : 'closed'}.`, { status });
    if (session.status !== from) throw refuse(session.status);
    const at = clock().toISOString();
    const set = to === 'LIVE' ? { startedAt: at } : { closedAt: at };
    const ok = await stores.sessions.moveSession(
      id,
      from,
      to,
      set,
      [{ scope: { kind: 'live', sessionId: id }, add: { live: to === 'LIVE' ? 1 : -1 } }],
      auditEntry(actor, to === 'LIVE' ? 'SESSION_STARTED' : 'SESSION_CLOSED', `${to === 'LIVE' ? 'Started' : 'Closed'} "${session.title}"`, { sessionId: id, wardId: session.wardId }, at),
    );
    if (!ok) throw refuse((await requireSession(id)).status);
    return { ...session, status: to, ...set };
  }

  return {
    getSession,
    requireSession,
    /** A session's attendance, total and by category (non-zero categories only). */
    countsOf,

    async scheduleSession(actor: Actor, input: ScheduleSessionInput): Promise<Session> {
      assertMayWriteSessions(actor, 'schedule sessions');
      const kind = oneOf(input.kind, SESSION_KINDS, 'kind');
      const title = cleanText(input.title, 'title', LIMITS.title);
      const hostBody = cleanText(input.hostBody, 'hostBody', LIMITS.hostBody);
      const place = cleanOptionalText(input.place, 'place', LIMITS.hostBody);
      const scheduledAt = parseInstant(input.scheduledAt, 'scheduledAt');
      const wardId = input.wardId ?? undefined;
      if (kind === 'PUBLIC' && !wardId) throw new InvalidInputError('A PUBLIC session needs a wardId: the ward whose residents it hosts.', { field: 'wardId' });
      assertMayActOnSession(actor, { kind, wardId }, 'schedule sessions');
      await wards.assertActorUnitInForce(actor, clock().toISOString());
      // Writes follow the units in force when the thing happens: a session on a date its ward was not in force is refused.
      if (wardId) await wards.requireWardInForce(wardId, scheduledAt, 'a session scheduled');
      if (input.taxOfficeId && kind !== 'BUSINESS_TAX') throw new InvalidInputError('taxOfficeId names the office hosting a BUSINESS_TAX round; leave it out for other sessions.', { field: 'taxOfficeId' });
      const taxOfficeId = kind === 'BUSINESS_TAX' ? hostOfficeFor(taxOffices, input.taxOfficeId ?? undefined, scheduledAt).id : undefined;
      const session: Session = { id: ulid(), kind, title, wardId, hostBody, ...(place ? { place } : {}), ...(taxOfficeId ? { taxOfficeId } : {}), status: 'SCHEDULED', scheduledAt };
      const counters: CounterDelta[] = [{ scope: { kind: 'unit', wardId, at: scheduledAt }, add: { sessions: 1, sessionsByKind: { [kind]: 1 }, taxRounds: kind === 'BUSINESS_TAX' ? 1 : 0 } }];
      const at = clock().toISOString();
      await stores.sessions.createSession(session, counters, auditEntry(actor, 'SESSION_SCHEDULED', `Scheduled ${kind} session "${title}"`, { sessionId: session.id, wardId }, at));
      return session;
    },

    startSession: (actor: Actor, id: string) => move(actor, id, 'SCHEDULED', 'LIVE', 'start'),
    closeSession: (actor: Actor, id: string) => move(actor, id, 'LIVE', 'CLOSED', 'close'),

    /**
     * Records a head count in a LIVE session, once per requestId: a repeat (also one arriving at the
     * same moment) answers the first call's delta and time with the current attendance, counting nothing.
     */
    async checkIn(actor: Actor, input: CheckInInput, options: { readAttendance?: boolean } = {}): Promise<AttendanceUpdate> {
      assertMayWriteSessions(actor, 'check in');
      const requestId = cleanRequestId(input.requestId);
      const category = oneOf(input.category, ATTENDEE_CATEGORIES, 'category') as AttendeeCategory;
      const count = input.count ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > 10_000) {
        throw new InvalidInputError(`count must be a whole number from 1 to 10000 (a head count entered in one go); got ${count}.`, { field: 'count' });
      }
      const businessId = input.businessId ?? undefined;
      if (businessId && category !== 'BUSINESS_REPRESENTATIVE') {
        throw new InvalidInputError('businessId goes with the BUSINESS_REPRESENTATIVE category: the business the attendee speaks for.', { field: 'businessId' });
      }
      const session = await requireSession(input.sessionId);
      assertMayActOnSession(actor, session, 'check in');
      await wards.assertActorUnitInForce(actor, clock().toISOString());
      const answer = async (delta: number, at: string): Promise<AttendanceUpdate> => {
        const counts = options.readAttendance === false ? undefined : await countsOf(session.id);
        return { sessionId: session.id, session, counts, delta, at, attendance: counts?.attendance };
      };
      if (session.status !== 'LIVE') {
        const earlier = await stores.sessions.getCheckIn(session.id, requestId);
        if (earlier) return answer(earlier.delta, earlier.at);
        throw new ConflictError(`Session ${shortId(session.id)} is ${session.status}; check-ins are accepted only while it is LIVE.`, { status: session.status });
      }
      const business = businessId && isPlausibleId(businessId) ? await stores.businesses.getBusiness(businessId) : undefined;
      if (businessId && !business) {
        throw new NotFoundError(`There is no business with id "${shortId(businessId)}"; register it first (registerBusiness).`, { businessId });
      }
      const at = clock().toISOString();
      const counters: CounterDelta[] = [
        { scope: { kind: 'session', sessionId: session.id }, add: { attendance: count, attendanceByCategory: { [category]: count } } },
        { scope: { kind: 'unit', wardId: session.wardId, at: session.scheduledAt }, add: { attendance: count, attendanceByKind: { [session.kind]: count }, attendanceByCategory: { [category]: count } } },
      ];
      const outcome = await stores.sessions.recordCheckIn(
        { sessionId: session.id, requestId, wardId: session.wardId, kind: session.kind, category, delta: count, businessId, at, by: actor.id },
        actor.role,
        counters,
        session.kind === 'BUSINESS_TAX' && business ? { businessId: business.id, scheduledAt: session.scheduledAt, sector: business.sector, wardId: business.wardId } : undefined,
      );
      if (outcome.recorded) return answer(count, at);
      // A repeat: the refused write returned the first check-in (older emulators may not: then read it).
      const first = outcome.earlier ?? (await stores.sessions.getCheckIn(session.id, requestId));
      if (!first) throw new Error('check-in condition failed but no record found');
      return answer(first.delta, first.at);
    },

    /** Sessions newest scheduledAt first, filtered; cursors survive new writes. */
    async listSessions(args: SessionListArgs): Promise<Page<Session>> {
      const filter = {
        wardId: args.wardId ?? undefined,
        kind: args.kind ? (oneOf(args.kind, SESSION_KINDS, 'kind') as SessionKind) : undefined,
        status: args.status ? (oneOf(args.status, SESSION_STATUSES, 'status') as SessionStatus) : undefined,
        period: parsePeriod(args.period),
      };
      const first = pageSize(args.first);
      return toPage(
        async () => {
          const page = await stores.sessions.listSessions(filter, first, args.after);
          return { ...page, nodes: page.sessions };
        },
        () => stores.sessions.countSessions(filter),
      );
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
