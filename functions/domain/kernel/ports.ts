/**
 * The storage ports every capability shares, in the domain's words, over the kernel's types only. The
 * ports of one capability live beside it (units/ports.ts, concerns/ports.ts, reports/ports.ts), and
 * functions/domain/ports.ts gathers them all into `SharedStores`, which functions/store/ implements over one
 * DynamoDB table; nothing here knows of keys, indexes or attribute names. The counters' attribute names
 * live in one place: functions/store/counters.ts.
 */
import type { Activity, Authority, Business, BusinessSector, CheckIn, Concern, ConcernStatus, ConcernTransition, InputStatus, Neighbourhood, ResidentInput, Session, SessionKind, SessionStatus, TaxQuestion } from './model.js';
import type { Period } from './period.js';

// ---- Counts (the kernel's types, named here for the store) ----------------------------------------

export type { CounterDelta, CounterScope, Tally, Totals } from './counts.js';
import type { CounterDelta, Totals } from './counts.js';


/** The engagement of one business in one round, dated by the round's scheduledAt. */
export interface EngagementFacts {
  businessId: string;
  scheduledAt: string;
  sector?: string;
  wardId?: string;
}

/** One business engaged in rounds of a period (distinct by business). */
export interface EngagedBusiness {
  businessId: string;
  sector?: string;
  wardId?: string;
}

// ---- Pages --------------------------------------------------------------------------------------

export { BadCursorError, type RawPage } from './pages.js';
import type { RawPage } from './pages.js';


// ---- Filters ------------------------------------------------------------------------------------

export interface SessionFilter {
  wardId?: string;
  kind?: SessionKind;
  status?: SessionStatus;
  period?: Period;
}

export interface ConcernFilter {
  wardId?: string;
  sessionId?: string;
  status?: ConcernStatus;
  authority?: Authority;
  /** Only concerns that are not overdue at this instant (answered, no deadline, or due at or after it). */
  notOverdueAt?: string;
}

export interface OverdueFilter {
  wardId?: string;
  status?: ConcernStatus;
  authority?: Authority;
  /** Only concerns raised in [from, to). */
  raised?: Period;
}

export interface BusinessFilter {
  sector?: BusinessSector;
  wardId?: string;
  /** Folded (functions/domain/kernel/fold.ts): names containing it. */
  nameContains?: string;
}

/**
 * A concern still waiting for an answer (OPEN, IN_PROGRESS or ESCALATED), as its waiting marker keeps
 * it, so the report lists a period's waiting concerns by reading only them, never the answered ones.
 */
export interface WaitingConcernRecord {
  id: string;
  wardId?: string;
  topic: string;
  authority: Authority;
  status: ConcernStatus;
  raisedAt: string;
  sessionKind: Concern['sessionKind'];
  /** The answer's deadline at the concern's level (absent on concerns raised before deadlines existed). */
  dueAt?: string;
}

// ---- The ports ----------------------------------------------------------------------------------

export interface StatsPort {
  /**
   * The jurisdiction over a period: each listed unit's totals, and their sum with the records that
   * have no ward (the total is made of the very items the units' figures are, so they always add up).
   */
  readUnitTotals(wardIds: readonly string[], period?: Period): Promise<{ wards: Map<string, Totals>; total: Totals; unassigned: Totals }>;
  readWardTotals(wardId: string, period?: Period): Promise<Totals>;
  /** The whole jurisdiction over a period, from its roll-up: a read whose cost does not grow with the units. */
  readJurisdictionTotals(period?: Period): Promise<Totals>;
  /** A ward's residents' inputs over a period; only those of one neighbourhood when given. */
  readInputTotals(wardId: string, period?: Period, neighbourhoodId?: string): Promise<Totals>;
  readSessionTotals(sessionId: string): Promise<Totals>;
  /** How many sessions are LIVE, and which (`ids` is missing from data written before it was kept). */
  readLiveSessions(): Promise<{ count: number; ids?: string[] }>;
  /** The businesses engaged in rounds scheduled in [from, to) (all time without a period), each once. */
  readEngagedBusinesses(period?: Period): Promise<EngagedBusiness[]>;
  countEngagedBusinesses(period?: Period): Promise<number>;
}

export interface SessionsPort {
  getSession(id: string, options?: { consistent?: boolean }): Promise<Session | undefined>;
  /** Creates a session with its counters and audit entry, all or nothing. */
  createSession(session: Session, counters: CounterDelta[], activity: Activity): Promise<void>;
  /** Moves a session from `from` to `to`; false when it was no longer in `from` (nothing written). */
  moveSession(id: string, from: SessionStatus, to: SessionStatus, set: { startedAt?: string; closedAt?: string }, counters: CounterDelta[], activity: Activity): Promise<boolean>;
  /**
   * Records one check-in exactly once per (session, requestId). Not `recorded` when that requestId was
   * recorded already (nothing written); `earlier` is then that first check-in, when the refused write
   * could return it.
   */
  recordCheckIn(checkIn: CheckIn, actorRole: string, counters: CounterDelta[], engagement?: EngagementFacts): Promise<{ recorded: boolean; earlier?: CheckIn }>;
  getCheckIn(sessionId: string, requestId: string): Promise<CheckIn | undefined>;
  listSessions(filter: SessionFilter, first: number, after?: string | null): Promise<RawPage & { sessions: Session[] }>;
  countSessions(filter: SessionFilter): Promise<number>;
}

export interface ConcernChange {
  to: ConcernStatus;
  authority: Authority;
  response?: string;
  closedAt?: string;
  dueAt?: string;
  answerForm?: 'ON_THE_SPOT' | 'IN_WRITING';
  answerDocument?: string;
  transition: ConcernTransition;
  /** A tax question answered: what the public may read of its answer (publicTaxAnswers). */
  publicAnswer?: PublicTaxAnswerRecord;
}

/** What the public may read of an answer to a tax round's question: no business, no question's text. */
export interface PublicTaxAnswerRecord {
  concernId: string;
  sessionId: string;
  topic: string;
  question: string;
  answer: string;
  answerForm: 'ON_THE_SPOT' | 'IN_WRITING';
  answeredAt: string;
  taxOfficeId: string;
}

export interface ConcernsPort {
  getConcern(id: string, consistent?: boolean): Promise<Concern | undefined>;
  /** Creates a concern once; false when it already exists. */
  createConcern(concern: Concern, counters: CounterDelta[], activity: Activity, engagement?: EngagementFacts): Promise<boolean>;
  /** Applies one move if the concern is still in `from`; false when it moved meanwhile (nothing written). */
  moveConcern(id: string, from: ConcernStatus, change: ConcernChange, counters: CounterDelta[], activity: Activity, after?: Concern, answered?: InputAnswered): Promise<boolean>;
  /** Creates a concern raised from an input, and marks the input RAISED, in one transaction: 'input-moved' when the input is no longer SELECTED (nothing written). */
  createConcernFromInput(concern: Concern & { fromInput: NonNullable<Concern['fromInput']> }, counters: CounterDelta[], activity: Activity): Promise<'created' | 'exists' | 'input-moved'>;
  /** Creates a concern raised from a SELECTED tax question, marks the question RAISED and its business engaged, in one transaction (10 items at most). */
  createConcernFromTaxQuestion(concern: Concern & { fromTaxQuestion: string }, counters: CounterDelta[], activity: Activity, engagement?: EngagementFacts): Promise<'created' | 'exists' | 'input-moved'>;
  /**
   * Hands a concern over to another unit in one transaction; `reorganisationId` makes it once per
   * reorganisation, a pick needs the concern to be still awaiting one. False when that no longer holds.
   */
  handOverConcern(before: Concern, after: Concern, how: { reorganisationId?: string; transition: ConcernTransition }, counters: CounterDelta[], activity: Activity): Promise<boolean>;
  /** The ids of the concerns handed over to a unit by reorganisations, oldest raised first. */
  listHandedOverTo(wardId: string): Promise<string[]>;
  /** The ids of concerns awaiting a successor, oldest raised first. */
  listAwaitingSuccessor(): Promise<string[]>;
  listConcerns(filter: ConcernFilter, first: number, after?: string | null): Promise<RawPage & { concerns: Concern[] }>;
  countConcerns(filter: ConcernFilter): Promise<number>;
  /** A page of unanswered concerns past their deadline at `now`, most overdue first. */
  listOverdue(filter: OverdueFilter, now: string, first: number, after?: string | null): Promise<RawPage & { concerns: Concern[] }>;
  countOverdue(filter: OverdueFilter, now: string): Promise<number>;
  /** The concerns raised in [from, to) that still wait for an answer, oldest first (district, or one ward). */
  listWaitingConcerns(period: Period | undefined, wardId?: string): Promise<WaitingConcernRecord[]>;
}

export interface BusinessesPort {
  getBusiness(id: string): Promise<Business | undefined>;
  getBusinessByTaxCode(taxCode: string): Promise<Business | undefined>;
  /** Registers a business; false when its tax code is already registered (nothing written). */
  createBusiness(b: Business, activity: Activity): Promise<boolean>;
  listBusinesses(filter: BusinessFilter, first: number, after?: string | null): Promise<RawPage & { businesses: Business[] }>;
  countBusinesses(filter: BusinessFilter): Promise<number>;
}

export interface ActivityPort {
  listActivity(first: number, after?: string | null): Promise<RawPage & { activities: Activity[] }>;
}

// ---- Residents' voice ------------------------------------------------------------------------------

export interface InputFilter {
  wardId?: string;
  sessionId?: string;
  status?: InputStatus;
}

/** One triage move: the input as read, as it becomes, and the input a duplicate merges into. */
export interface TriageChange {
  input: ResidentInput;
  after: ResidentInput;
  mergeInto?: ResidentInput;
}

export interface NeighbourhoodsPort {
  putNeighbourhoods(list: readonly Neighbourhood[]): Promise<void>;
  listNeighbourhoods(wardId: string): Promise<Neighbourhood[]>;
  getNeighbourhood(id: string): Promise<Neighbourhood | undefined>;
}

export interface InputsPort {
  getInput(id: string, consistent?: boolean): Promise<ResidentInput | undefined>;
  createInput(input: ResidentInput, contact: { contact: string; consentAt: string } | undefined, counters: CounterDelta[], activity?: Activity): Promise<'created' | 'exists' | 'code-taken'>;
  inputIdOfCode(code: string): Promise<string | undefined>;
  getContact(id: string, nowSeconds: number): Promise<string | undefined>;
  triage(change: TriageChange, counters: CounterDelta[], activity: Activity): Promise<boolean>;
  listInputs(filter: InputFilter, first: number, after?: string | null): Promise<RawPage & { inputs: ResidentInput[] }>;
  agendaOf(sessionId: string): Promise<ResidentInput[]>;
}

/** What a move that answers a concern raised from an input also writes. */
export interface InputAnswered {
  inputId: string;
  answeredAt: string;
  /** Epoch seconds: when the contact's retention ends (only when the input has one). */
  contactExpiresAt?: number;
}

/** A limit per client: at most `points` requests per `durationSeconds`. */
export interface RateLimitRule {
  name: string;
  points: number;
  durationSeconds: number;
}

export interface RateLimitPort {
  /** Counts one request of the client under the rule; throws RateLimitedError past the limit. */
  consume(rule: RateLimitRule, clientKey: string): Promise<void>;
}

// ---- Tax dialogues ----------------------------------------------------------------------------------

/** A business that checked in to a round (its marker), with its sector and ward then. */
export interface RoundAttendee {
  businessId: string;
  sector?: string;
  wardId?: string;
}

export interface TaxQuestionFilter {
  sessionId?: string;
  /** A business's own questions (its index; questions sent before that index was written are not found). */
  businessId?: string;
  status?: InputStatus;
}

export interface TaxPort {
  getQuestion(id: string, consistent?: boolean): Promise<TaxQuestion | undefined>;
  /** Creates a question, its look-up code and its round's counter once: 'exists' for a repeat, 'code-taken' to retry with a new code. */
  createQuestion(q: TaxQuestion, counters: CounterDelta[], activity?: Activity): Promise<'created' | 'exists' | 'code-taken'>;
  questionIdOfCode(code: string): Promise<string | undefined>;
  /** One triage move if the question is still in `before.status` (and a merge target still open): false otherwise, nothing written. */
  triageQuestion(before: TaxQuestion, after: TaxQuestion, mergeInto: TaxQuestion | undefined, activity: Activity): Promise<boolean>;
  listQuestions(filter: TaxQuestionFilter, first: number, after?: string | null): Promise<RawPage & { questions: TaxQuestion[] }>;
  /** The businesses that checked in to a round (their markers in its partition; never its check-ins). */
  listAttendees(sessionId: string): Promise<RoundAttendee[]>;
  getRating(sessionId: string, businessId: string): Promise<{ requestId: string } | undefined>;
  /** Records one rating per business and round with its counters: false when the business had rated it (nothing written). */
  putRating(rating: { sessionId: string; businessId: string; score: number; comment?: string; requestId: string; at: string }, counters: CounterDelta[]): Promise<boolean>;
  /** Answers the public may read, newest first, one page at a time. */
  listPublicAnswers(first: number, after?: string): Promise<{ answers: PublicTaxAnswerRecord[]; next?: string }>;
  /** The sessions a business took part in (checked in, or a concern raised for it): its engagement items. */
  listEngagedSessions(businessId: string): Promise<{ sessionId: string; scheduledAt?: string }[]>;
  /** The overdue tax questions' rounds and topics (their due markers before `now`). */
  listOverdueTaxQuestions(now: string): Promise<{ sessionId: string; topic: string }[]>;
}

/** The ports every capability shares; `SharedStores` (functions/domain/ports.ts) adds those of units, concerns and reports. */
export interface SharedStores {
  tax: TaxPort;
  limits: RateLimitPort;
  neighbourhoods: NeighbourhoodsPort;
  inputs: InputsPort;
  stats: StatsPort;
  sessions: SessionsPort;
  concerns: ConcernsPort;
  businesses: BusinessesPort;
  activity: ActivityPort;
}
