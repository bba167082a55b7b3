import type { Stores } from '../store/index.js';
import { createActivityService } from './activity-service.js';
import { createBusinessService } from './business-service.js';
import { systemClock, type Clock } from './clock.js';
import { createConcernService } from './concern-service.js';
import { createSessionService } from './session-service.js';
import { createSummaryService } from './summary-service.js';
import { createWardService } from './ward-service.js';

export interface DomainOptions {
  /** Where "now" comes from (the demo loader replays history with its own clock). */
  clock?: Clock;
}

/** The domain: every rule of the system, over the stores. No AWS and no GraphQL here. */
export function createDomain(stores: Stores, options: DomainOptions = {}) {
  const clock = options.clock ?? systemClock;
  const wards = createWardService(stores);
  const sessions = createSessionService(stores, wards, clock);
  return {
    wards,
    sessions,
    concerns: createConcernService(stores, sessions, clock),
    businesses: createBusinessService(stores, wards, clock),
    summaries: createSummaryService(stores),
    activity: createActivityService(stores),
    /** The same domain over the same stores, with another clock. */
    withClock: (other: Clock) => createDomain(stores, { ...options, clock: other }),
  };
}
export type Domain = ReturnType<typeof createDomain>;

/**
 * What the publisher (functions/realtime) reads to build subscription payloads:
 * `domain.summaries.districtSummary()` (summaryChanged), `domain.sessions.getSession(id)` and
 * `domain.sessions.countsOf(id)` (attendanceChanged), `domain.concerns.getConcern(id)` (concernChanged).
 * Stream images can be turned into domain objects with `sessionFromItem`, `checkInFromItem` and
 * `concernFromItem` from functions/store/index.ts.
 */
export type { AttendanceUpdate, CheckIn, Concern, DistrictSummary, Session } from './model.js';
