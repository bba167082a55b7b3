import { ulid } from 'ulid';
import type { SharedStores } from '../kernel/ports.js';
import type { CounterDelta } from '../kernel/counts.js';
import type { Actor } from '../kernel/actor.js';
import { auditEntry } from '../activity/activity-service.js';
import { assertMayActOnSession, assertMayWriteSessions } from '../access/authorization.js';
import type { Clock } from '../kernel/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import {
  SESSION_KINDS,
  SESSION_STATUSES,
  sessionCountsFrom,
  type Page,
  type Session,
  type SessionCounts,
  type SessionKind,
  type SessionStatus,
} from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import { parseInstant, parsePeriod } from '../kernel/period.js';
import { cleanOptionalText, cleanText, isPlausibleId, LIMITS, oneOf, pageSize } from '../kernel/validation.js';
import type { WardService } from '../units/ward-service.js';
import type { TaxOffice, TaxOfficeDirectory } from '../units/tax-offices.js';
import { inForceAt } from '../units/wards.js';
import { formatVietnamDate } from '../kernel/vietnam-time.js';
import { createCheckIn } from './check-in.js';

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

/** A session's own fields, checked before anything is read: BAD_USER_INPUT names the field. */
function cleanSchedule(input: ScheduleSessionInput) {
  const kind = oneOf(input.kind, SESSION_KINDS, 'kind');
  const title = cleanText(input.title, 'title', LIMITS.title);
  const hostBody = cleanText(input.hostBody, 'hostBody', LIMITS.hostBody);
  const place = cleanOptionalText(input.place, 'place', LIMITS.hostBody);
  const scheduledAt = parseInstant(input.scheduledAt, 'scheduledAt');
  const wardId = input.wardId ?? undefined;
  if (kind === 'PUBLIC' && !wardId) throw new InvalidInputError('A PUBLIC session needs a wardId: the ward whose residents it hosts.', { field: 'wardId' });
  return { kind, title, hostBody, place, scheduledAt, wardId };
}

/** The list's filter from its arguments (BAD_USER_INPUT for an unknown kind, status or period). */
const sessionFilter = (args: SessionListArgs) => ({
  wardId: args.wardId ?? undefined,
  kind: args.kind ? (oneOf(args.kind, SESSION_KINDS, 'kind') as SessionKind) : undefined,
  status: args.status ? (oneOf(args.status, SESSION_STATUSES, 'status') as SessionStatus) : undefined,
  period: parsePeriod(args.period),
});

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
      const { kind, title, hostBody, place, scheduledAt, wardId } = cleanSchedule(input);
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

    checkIn: createCheckIn({ stores, wards, clock, requireSession, countsOf }),

    /** Sessions newest scheduledAt first, filtered; cursors survive new writes. */
    async listSessions(args: SessionListArgs): Promise<Page<Session>> {
      const filter = sessionFilter(args);
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
