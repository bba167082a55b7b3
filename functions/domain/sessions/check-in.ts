/**
 * Attendance: a head count entered in a LIVE session, counted once per requestId. A repeat (also one
 * arriving at the same moment) answers the first call's delta and time with the current attendance,
 * counting nothing (docs/data-model.md, "What a check-in answers").
 */
import type { SharedStores } from '../kernel/ports.js';
import type { CounterDelta } from '../kernel/counts.js';
import type { Actor } from '../kernel/actor.js';
import { assertMayActOnSession, assertMayWriteSessions } from '../access/authorization.js';
import type { Clock } from '../kernel/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import { ATTENDEE_CATEGORIES, type AttendanceUpdate, type AttendeeCategory, type Session, type SessionCounts } from '../kernel/model.js';
import { cleanRequestId, isPlausibleId, oneOf } from '../kernel/validation.js';
import type { WardService } from '../units/ward-service.js';

export interface CheckInInput {
  sessionId: string;
  requestId: string;
  category: string;
  count?: number | null;
  businessId?: string | null;
}

const shortId = (id: string) => String(id).slice(0, 60);

/** A check-in's own fields, checked before anything is read: BAD_USER_INPUT names the field. */
function cleanCheckIn(input: CheckInInput) {
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
  return { requestId, category, count, businessId };
}

/** What one check-in adds: to its session, and to its unit's counters dated by the session. */
const checkInCounters = (session: Session, category: AttendeeCategory, count: number): CounterDelta[] => [
  { scope: { kind: 'session', sessionId: session.id }, add: { attendance: count, attendanceByCategory: { [category]: count } } },
  { scope: { kind: 'unit', wardId: session.wardId, at: session.scheduledAt }, add: { attendance: count, attendanceByKind: { [session.kind]: count }, attendanceByCategory: { [category]: count } } },
];

export interface CheckInDeps {
  stores: Pick<SharedStores, 'sessions' | 'businesses'>;
  wards: Pick<WardService, 'assertActorUnitInForce'>;
  clock: Clock;
  requireSession(id: string): Promise<Session>;
  countsOf(sessionId: string): Promise<SessionCounts>;
}

export function createCheckIn({ stores, wards, clock, requireSession, countsOf }: CheckInDeps) {
  return async function checkIn(actor: Actor, input: CheckInInput, options: { readAttendance?: boolean } = {}): Promise<AttendanceUpdate> {
    assertMayWriteSessions(actor, 'check in');
    const { requestId, category, count, businessId } = cleanCheckIn(input);
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
    const outcome = await stores.sessions.recordCheckIn(
      { sessionId: session.id, requestId, wardId: session.wardId, kind: session.kind, category, delta: count, businessId, at, by: actor.id },
      actor.role,
      checkInCounters(session, category, count),
      session.kind === 'BUSINESS_TAX' && business ? { businessId: business.id, scheduledAt: session.scheduledAt, sector: business.sector, wardId: business.wardId } : undefined,
    );
    if (outcome.recorded) return answer(count, at);
    // A repeat: the refused write returned the first check-in (older emulators may not: then read it).
    const first = outcome.earlier ?? (await stores.sessions.getCheckIn(session.id, requestId));
    if (!first) throw new Error('check-in condition failed but no record found');
    return answer(first.delta, first.at);
  };
}
