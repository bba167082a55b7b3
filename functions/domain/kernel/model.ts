/** The dialogue domain's objects, as the domain and the resolvers see them (no storage details). */
import type { Role } from './actor.js';
import type { Period } from './period.js';

export const SESSION_KINDS = ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_STATUSES = ['SCHEDULED', 'LIVE', 'CLOSED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const ATTENDEE_CATEGORIES = [
  'RESIDENT',
  'YOUTH_UNION_MEMBER',
  'PARTY_MEMBER',
  'WOMENS_UNION_MEMBER',
  'BUSINESS_REPRESENTATIVE',
  'OFFICIAL',
  'OTHER',
] as const;
export type AttendeeCategory = (typeof ATTENDEE_CATEGORIES)[number];
export const AUTHORITIES = ['WARD', 'DISTRICT', 'CITY', 'CENTRAL'] as const;
export type Authority = (typeof AUTHORITIES)[number];
export const CONCERN_STATUSES = ['OPEN', 'ANSWERED_ON_SPOT', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED', 'ANSWERED'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const BUSINESS_SECTORS = ['TRADE', 'SERVICES', 'TRANSPORT', 'CONSTRUCTION', 'MANUFACTURING', 'OTHER'] as const;
export type BusinessSector = (typeof BUSINESS_SECTORS)[number];

export interface Session {
  id: string;
  kind: SessionKind;
  title: string;
  wardId?: string;
  hostBody: string;
  /** Where it is held (the public page shows it). */
  place?: string;
  /** A BUSINESS_TAX round: the tax office hosting it (functions/data/tax-offices.json). */
  taxOfficeId?: string;
  status: SessionStatus;
  scheduledAt: string;
  startedAt?: string;
  closedAt?: string;
}

/** A session's live counts, summed from its counter shards. */
export interface SessionCounts {
  attendance: number;
  byCategory: { category: AttendeeCategory; count: number }[];
}

/** Head counts by category, in the categories' order, non-zero ones only. */
export function categoryCounts(byCategory: Record<AttendeeCategory, number>): { category: AttendeeCategory; count: number }[] {
  return ATTENDEE_CATEGORIES.map((category) => ({ category, count: byCategory[category] })).filter((c) => c.count !== 0);
}

/** A session's counts from its totals (functions/domain/ports.ts `Totals`). */
export function sessionCountsFrom(totals: { attendance: number; attendanceByCategory: Record<AttendeeCategory, number> }): SessionCounts {
  return { attendance: totals.attendance, byCategory: categoryCounts(totals.attendanceByCategory) };
}

/** Time to answer over a period, for one level or (authority null) every level together (answer-times.ts). */
export interface AnswerTimeStats {
  /** null: every level together. */
  authority: Authority | null;
  answered: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
}

/** One accepted check-in (the idempotency record): also what `checkIn` answers. */
export interface CheckIn {
  sessionId: string;
  requestId: string;
  wardId?: string;
  kind: SessionKind;
  category: AttendeeCategory;
  /** The head count of this check-in. */
  delta: number;
  businessId?: string;
  at: string;
  by: string;
}

/** What `checkIn` answers (AttendanceUpdate). */
export interface AttendanceUpdate {
  sessionId: string;
  /** The session and its counts after the write, when the writer has them (checkIn): nothing is read again. */
  session?: Session;
  counts?: SessionCounts;
  delta: number;
  /** The session's attendance after it; absent when the caller did not ask (the resolver reads it then). */
  attendance?: number;
  at: string;
}

export interface ConcernTransition {
  from: ConcernStatus | null;
  to: ConcernStatus;
  at: string;
  by: string;
  note?: string | null;
  /** The authority after this step, and the deadline it set or kept (absent before deadlines existed). */
  authority?: Authority;
  dueAt?: string;
  /** A hand-over by a reorganisation (or the pick of a successor): the unit that took the concern over. */
  handedOverTo?: string;
  legalBasis?: string;
}

export interface Concern {
  id: string;
  sessionId: string;
  /** Denormalised from the session: tax outcomes are counted for BUSINESS_TAX rounds. */
  sessionKind: SessionKind;
  wardId?: string;
  businessId?: string;
  topic: string;
  text: string;
  authority: Authority;
  status: ConcernStatus;
  response?: string;
  raisedAt: string;
  closedAt?: string;
  /** When an answer is due (functions/domain/concerns/deadline-rules.ts); absent for concerns raised before deadlines existed. */
  dueAt?: string;
  /** The version of the deadline rules the concern was raised under (kept when it is escalated). */
  ruleVersion?: number;
  history: ConcernTransition[];
  /** The unit responsible now, once a reorganisation handed the concern over (absent: its ward). */
  handledBy?: string;
  /** True while an admin or leader must pick the successor (a divided ward, or a district concern with no ward). */
  awaitingSuccessor?: boolean;
  /** The units it may pass to while awaitingSuccessor. */
  successorCandidates?: string[];
  /** The reorganisations already applied to it (what makes applying one idempotent). */
  handovers?: string[];
  /** A tax round's question: its topic (absent: unclassified), and the office hosting the round (the line it goes up). */
  taxTopic?: string;
  hostTaxOfficeId?: string;
  /** How it was answered: ON_THE_SPOT or IN_WRITING, with the letter's number and date. */
  answerForm?: 'ON_THE_SPOT' | 'IN_WRITING';
  answerDocument?: string;
  /** The tax question sent in advance it was raised from (raiseFromTaxQuestion). */
  fromTaxQuestion?: string;
  /** The resident input it was raised from (raiseFromInput): its answer is that input's answer. */
  fromInput?: { id: string; wardId: string; neighbourhoodId?: string; receivedAt: string; hasContact: boolean };
}

export interface Business {
  id: string;
  taxCode: string;
  name: string;
  sector: BusinessSector;
  wardId?: string;
  registeredAt: string;
}

export const ACTIVITY_ACTIONS = [
  'SESSION_SCHEDULED',
  'SESSION_STARTED',
  'SESSION_CLOSED',
  'CHECKED_IN',
  'BUSINESS_REGISTERED',
  'CONCERN_RAISED',
  'CONCERN_MOVED',
  'INPUT_SUBMITTED',
  'INPUT_TRIAGED',
  'REPORT_CREATED',
  'REPORT_UPDATED',
  'REPORT_ISSUED',
  'REORGANISATION_APPLIED',
  'CONCERN_HANDED_OVER',
  'TAX_QUESTION_SUBMITTED',
  'TAX_QUESTION_TRIAGED',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** One accepted mutation in the audit trail. */
export interface Activity {
  id: string;
  at: string;
  actorId: string;
  role: Role;
  action: ActivityAction;
  description: string;
  sessionId?: string;
  concernId?: string;
  businessId?: string;
  wardId?: string;
  count?: number;
  category?: AttendeeCategory;
  fromStatus?: ConcernStatus;
  toStatus?: ConcernStatus;
  /** REPORT_*: the review report. */
  reportId?: string;
}

export interface ConcernOutcomes {
  open: number;
  answeredOnSpot: number;
  inProgress: number;
  resolved: number;
  escalated: number;
  answered: number;
}

/** Concern counts by status, each read with `count` (e.g. from `Totals.byStatus`). */
export function concernOutcomes(count: (status: ConcernStatus) => number): ConcernOutcomes {
  return {
    open: count('OPEN'),
    answeredOnSpot: count('ANSWERED_ON_SPOT'),
    inProgress: count('IN_PROGRESS'),
    resolved: count('RESOLVED'),
    escalated: count('ESCALATED'),
    answered: count('ANSWERED'),
  };
}

/** The four figures every breakdown by unit shows. */
export interface UnitFigures {
  sessions: number;
  attendance: number;
  concerns: number;
  concernsClosed: number;
}

/** A ward's figures over a period (GraphQL WardStats). */
export interface WardStats {
  wardId: string;
  sessions: number;
  attendance: number;
  concerns: number;
  concernsClosed: number;
  /** Time to answer over the period (functions/domain/figures/answer-times.ts). */
  answerTimes: AnswerTimeStats[];
  /** The period the figures are for (the overdue count is read for it on demand). */
  period?: Period;
}

/** A LIVE session with its counts, as read together with the summary that lists it. */
export interface LiveSessionCounts {
  session: Session;
  counts: SessionCounts;
}

export interface DistrictSummary {
  sessions: number;
  liveSessions: number;
  /** The LIVE sessions, read with the counters below (functions/domain/figures/summary-service.ts). */
  live: LiveSessionCounts[];
  attendance: number;
  attendanceByCategory: { category: AttendeeCategory; count: number }[];
  wards: WardStats[];
  /** What belongs to no unit (district-level sessions, tax rounds), read with the wards: wards + this = the totals. */
  withoutUnit: UnitFigures;
  concerns: ConcernOutcomes;
  tax: { rounds: number; businessesEngaged: number; outcomes: ConcernOutcomes; escalatedToCity: number };
  answerTimes: AnswerTimeStats[];
  period?: Period;
  /** False when writes kept landing during every read attempt: the numbers may straddle a write. */
  consistent: boolean;
}

/** A page of a Relay connection. */
export interface Page<T> {
  items: { node: T; cursor: string }[];
  hasNextPage: boolean;
  /** Computed only when asked (it costs a counting query). */
  totalCount?: () => Promise<number>;
}

/** Statuses that close a concern (they set closedAt and count in concernsClosed). */
export const CLOSING_STATUSES: readonly ConcernStatus[] = ['ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED'];

/** A Relay connection as the resolvers return it; totalCount is counted only when selected. */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}
export type SessionConnection = Connection<Session>;
export type ConcernConnection = Connection<Concern>;
export type BusinessConnection = Connection<Business>;
export type ActivityConnection = Connection<Activity>;
export type ResidentInputConnection = Connection<ResidentInput>;

/** A page as a Relay connection. */
export function toConnection<T>(page: Page<T>): Connection<T> {
  return {
    edges: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
    totalCount: page.totalCount ?? (async () => page.items.length),
  };
}

// ---- Residents' voice (contract: voice.graphql) ---------------------------------------------------

export const INPUT_CHANNELS = ['NEIGHBOURHOOD_MEETING', 'RESIDENTIAL_GROUP', 'PUBLIC_FORM', 'OFFICE'] as const;
export type InputChannel = (typeof INPUT_CHANNELS)[number];
export const INPUT_STATUSES = ['RECEIVED', 'SELECTED', 'MERGED', 'DECLINED', 'RAISED'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];

/** A neighbourhood (khu phố) of a ward: reference data (functions/data/neighbourhoods.json). */
export interface Neighbourhood {
  id: string;
  wardId: string;
  name: string;
  order: number;
  /** A generated placeholder ("Khu phố 1…N") until the ward's real list is loaded. */
  generated: boolean;
}

/** An opinion gathered before a dialogue. */
export interface ResidentInput {
  id: string;
  wardId: string;
  neighbourhoodId?: string;
  channel: InputChannel;
  topic: string;
  text: string;
  supporters: number;
  status: InputStatus;
  receivedAt: string;
  /** Who entered it: an officer's id, or "public" for the public form. */
  by: string;
  lookupCode: string;
  hasContact: boolean;
  sessionId?: string;
  concernId?: string;
  mergedIntoId?: string;
  note?: string;
  /** When its concern was answered (set by the move that closes the concern). */
  answeredAt?: string;
}

// ---- Tax dialogues (contract: tax.graphql) ----------------------------------------------------------

/** A question a business sends in before a tax round. */
export interface TaxQuestion {
  id: string;
  sessionId: string;
  businessId: string;
  topic: string;
  text: string;
  status: InputStatus;
  receivedAt: string;
  /** Businesses behind it, merged duplicates included. */
  supporters: number;
  /** Who entered it: an officer's id, or "public" for the public form. */
  by: string;
  lookupCode: string;
  concernId?: string;
  mergedIntoId?: string;
  /** Why it was declined (the business reads it). */
  note?: string;
}
export type TaxQuestionConnection = Connection<TaxQuestion>;
