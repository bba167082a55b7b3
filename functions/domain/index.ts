import type { Stores } from './ports.js';
import { createAbilities, type Abilities } from './access/abilities.js';
import { createPublicLimits, type PublicLimits } from './access/public-limits.js';
import { createActivityService } from './activity/activity-service.js';
import { createHandoverService, type HandoverService } from './concerns/handover-service.js';
import { createBusinessService } from './tax/business-service.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { createConcernService } from './concerns/concern-service.js';
import { createDeadlineService, type DeadlineService } from './concerns/deadline-service.js';
import { createReportService, type ReportService } from './reports/report-service.js';
import { createReviewReportService, type ReviewReportService } from './reports/review-report-service.js';
import { createSessionService } from './sessions/session-service.js';
import { createSummaryService } from './figures/summary-service.js';
import { createVoiceService, type VoiceService } from './voice/voice-service.js';
import { createWardService, type WardService } from './units/ward-service.js';
import type { ActivityService } from './activity/activity-service.js';
import type { BusinessService } from './tax/business-service.js';
import type { ConcernService } from './concerns/concern-service.js';
import type { SessionService } from './sessions/session-service.js';
import type { SummaryService } from './figures/summary-service.js';
import { createTaxOfficeDirectory, type TaxOffice, type TaxOfficeDirectory } from './units/tax-offices.js';
import { createTaxService, type TaxService } from './tax/tax-service.js';

/** The domain's services. */
export interface Domain {
  wards: WardService;
  sessions: SessionService;
  concerns: ConcernService;
  businesses: BusinessService;
  summaries: SummaryService;
  activity: ActivityService;
  deadlines: DeadlineService;
  /** Reorganisations applied to open concerns, and successors picked (units through time). */
  handovers: HandoverService;
  /** What a signed-in person may do now. */
  abilities: Abilities;
  /** Review-report figures (issue #11). */
  reports: ReportService;
  /** Review reports as documents: drafts, issuing, snapshots. */
  reviewReports: ReviewReportService;
  /** Residents' voice: inputs before a dialogue, agendas, look-ups. */
  voice: VoiceService;
  /** The public endpoint's operations and their limits per client. */
  publicLimits: PublicLimits;
  /** The tax office's dialogues: its offices, questions in advance, published answers, satisfaction, figures. */
  tax: TaxService;
  /** The same domain over the same stores (and the same caches), with another clock. */
  withClock(clock: Clock): Domain;
}

export interface DomainOptions {
  /** Where "now" comes from (the demo loader replays history with its own clock). */
  clock?: Clock;
  /** The jurisdiction's tax offices (default: functions/data/tax-offices.json; TAX_OFFICES_FILE in functions/config.ts). */
  taxOffices?: readonly TaxOffice[];
}

/** The domain: every rule of the system, over the stores. No AWS and no GraphQL here. */
export function createDomain(stores: Stores, options: DomainOptions = {}, shared?: { wards: WardService; taxOffices: TaxOfficeDirectory }): Domain {
  const clock = options.clock ?? systemClock;
  const wards = shared?.wards ?? createWardService(stores);
  const taxOffices = shared?.taxOffices ?? createTaxOfficeDirectory(options.taxOffices);
  const sessions = createSessionService(stores, wards, clock, taxOffices);
  const deadlines = createDeadlineService(stores, clock);
  const reports = createReportService(stores, wards, clock);
  const concerns = createConcernService(stores, sessions, clock, deadlines, wards, taxOffices);
  const voice = createVoiceService(stores, sessions, wards, clock, concerns.raiseFromInput);
  const tax = createTaxService(stores, { sessions, concerns, wards }, taxOffices, clock);
  return {
    wards,
    sessions,
    deadlines,
    concerns,
    voice,
    publicLimits: createPublicLimits(stores.limits),
    handovers: createHandoverService(stores, wards, clock),
    abilities: createAbilities(wards),
    businesses: createBusinessService(stores, wards, clock),
    summaries: createSummaryService(stores, wards),
    activity: createActivityService(stores),
    reports,
    reviewReports: createReviewReportService(stores, wards, reports, clock, tax),
    tax,
    withClock: (other: Clock): Domain => createDomain(stores, { ...options, clock: other }, { wards, taxOffices }),
  };
}

/**
 * What the publisher (functions/realtime) reads to build subscription payloads:
 * `domain.summaries.districtSummary()` (summaryChanged), `domain.sessions.getSession(id)` and
 * `domain.sessions.countsOf(id)` (attendanceChanged), `domain.concerns.getConcern(id)` (concernChanged).
 * Stream images are turned into domain objects with `checkInFromItem` and `concernFromItem` from
 * functions/store/index.ts.
 */
