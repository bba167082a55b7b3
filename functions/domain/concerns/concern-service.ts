import { createHash } from 'node:crypto';
import type { SharedStores } from '../kernel/ports.js';
import type { PublicTaxAnswerRecord } from '../kernel/ports.js';
import type { CounterDelta, Tally } from '../kernel/counts.js';
import type { Actor } from '../kernel/actor.js';
import { auditEntry } from '../activity/activity-service.js';
import { assertMayActOnSession, assertMayWriteSessions } from '../access/authorization.js';
import type { Clock } from '../kernel/clock.js';
import { answerTimeTally } from '../figures/answer-times.js';
import { assertAuthorityInForce, checkConcernMove } from './concern-rules.js';
import { workingDaysFor } from './deadline-rules.js';
import type { DeadlineService } from './deadline-service.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import type { TaxOfficeDirectory } from '../units/tax-offices.js';
import { ANSWER_FORMS, TAX_TOPICS, type AnswerForm, type TaxTopic } from '../kernel/tax-topics.js';
import { answerTimeBin } from '../figures/answer-times.js';
import type { WardService } from '../units/ward-service.js';
import { inForceAt } from '../units/wards.js';
import { AUTHORITIES, CONCERN_STATUSES, type Authority, type Concern, type ConcernStatus, type Page } from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import type { SessionService } from '../sessions/session-service.js';
import { parsePeriod } from '../kernel/period.js';
import { cleanOptionalText, cleanRequestId, cleanText, isPlausibleId, LIMITS, oneOf, pageSize } from '../kernel/validation.js';
import { dueAfterWorkingDays, workingDaysElapsed } from '../kernel/working-days.js';
import { contactExpiry, inputAnsweredCounters, type RaiseFromInput } from '../voice/voice-service.js';

export interface RaiseConcernInput {
  sessionId: string;
  businessId?: string | null;
  topic: string;
  text: string;
  authority: string;
  requestId: string;
  /** BUSINESS_TAX rounds only (contract, "Tax dialogues"); absent: unclassified. */
  taxTopic?: string | null;
}

/** What a concern is raised from: a resident's input or a tax question, marked RAISED in the same transaction. */
export type RaisedFrom =
  | { fromInput: NonNullable<Concern['fromInput']>; counters: CounterDelta[] }
  | { fromTaxQuestion: string; counters: CounterDelta[] };

export interface MoveConcernInput {
  concernId: string;
  to: string;
  note?: string | null;
  response?: string | null;
  authority?: string | null;
  answerForm?: string | null;
  answerDocument?: string | null;
}

export interface ConcernListArgs {
  wardId?: string | null;
  sessionId?: string;
  status?: string | null;
  authority?: string | null;
  /** true: only unanswered concerns past their deadline (most overdue first); false: all the others. */
  overdue?: boolean | null;
  first?: number | null;
  after?: string | null;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A concern's id follows from its session and requestId, so a repeat finds the same item.
 * NOTE: shaped like a ULID (26 Crockford base-32 characters, first one 0-7) like every other id,
 * but its characters come from a hash, not a time.
 */
export function concernIdFor(sessionId: string, requestId: string): string {
  const hash = createHash('sha256').update(`${sessionId}\n${requestId}`).digest();
  let id = CROCKFORD[hash[0] % 8];
  for (let i = 1; i < 26; i += 1) id += CROCKFORD[hash[i] % 32];
  return id;
}

/**
 * How a closing move answered (contract, "How it was answered"): ANSWERED_ON_SPOT is ON_THE_SPOT;
 * RESOLVED and ANSWERED are IN_WRITING unless told otherwise. IN_WRITING asked for needs the letter.
 */
export function answerFormOf(to: ConcernStatus, asked: AnswerForm | undefined, document: string | undefined): { answerForm: AnswerForm; answerDocument?: string } {
  if (to === 'ANSWERED_ON_SPOT') {
    if (asked === 'IN_WRITING' || document) throw new InvalidInputError('A concern ANSWERED_ON_SPOT was answered in the room: leave answerForm (or send ON_THE_SPOT) and answerDocument out; an answer by letter is RESOLVED or ANSWERED.', { field: 'answerForm' });
    return { answerForm: 'ON_THE_SPOT' };
  }
  const answerForm = asked ?? 'IN_WRITING';
  if (asked === 'IN_WRITING' && !document) throw new InvalidInputError('answerForm IN_WRITING needs answerDocument: the letter’s number and date, e.g. "1234/TPHCM-TTHT ngày 05/12/2026".', { field: 'answerDocument' });
  if (answerForm === 'ON_THE_SPOT' && document) throw new InvalidInputError('answerDocument goes with an answer IN_WRITING; an answer ON_THE_SPOT has no letter.', { field: 'answerDocument' });
  return { answerForm, ...(document ? { answerDocument: document } : {}) };
}

/** A move that does not answer takes no answer form or letter. */
function refuseAnswerFields(to: ConcernStatus, asked: AnswerForm | undefined, document: string | undefined): undefined {
  if (asked || document) throw new InvalidInputError(`answerForm and answerDocument go with a move that answers (ANSWERED_ON_SPOT, RESOLVED or ANSWERED), not with ${to}.`, { field: asked ? 'answerForm' : 'answerDocument' });
  return undefined;
}

/** What answering a tax round's question adds to its round's counters: by topic and form, and the working days of a letter. */
function taxAnswerTally(concern: Concern, form: AnswerForm, at: string): Tally {
  const topic = concern.taxTopic ?? 'NONE';
  const tally: Tally = { taxTopics: [{ topic, measure: form === 'ON_THE_SPOT' ? 'onSpot' : 'inWriting', add: 1 }] };
  if (form === 'IN_WRITING') tally.taxAnswerDays = [{ topic, bin: answerTimeBin(workingDaysElapsed(concern.raisedAt, at)), add: 1 }];
  return tally;
}

/** A concern moving from one status and level to another, in the report's "by outcome and level". */
export const levelMove = (from: { status: ConcernStatus; authority: Authority }, to: { status: ConcernStatus; authority: Authority }): Tally['byLevel'] => [
  { ...from, add: -1 },
  { ...to, add: 1 },
];

/** What the concerns' use cases work with. */
interface ConcernDeps {
  stores: SharedStores;
  sessions: SessionService;
  clock: Clock;
  deadlines: DeadlineService;
  wards: WardService;
  taxOffices: TaxOfficeDirectory;
}

const shortId = (id: string) => id.slice(0, 60);

function concernFinders({ stores }: Pick<ConcernDeps, 'stores'>) {
  async function getConcern(id: string): Promise<Concern | undefined> {
    if (!isPlausibleId(id)) return undefined;
    return stores.concerns.getConcern(id);
  }

  async function requireConcern(id: string): Promise<Concern> {
    const concern = isPlausibleId(id) ? await stores.concerns.getConcern(id, true) : undefined;
    if (!concern) throw new NotFoundError(`There is no concern with id "${shortId(id)}"; Query.concerns lists them.`, { concernId: id });
    return concern;
  }
  return { getConcern, requireConcern };
}

function businessWards({ wards }: Pick<ConcernDeps, 'wards'>) {
  /**
   * The ward a business's concern belongs to when raised: the business's ward, or, once that ward has
   * ended, its unique successor (the same territory); none when it was divided (nothing is guessed).
   */
  async function wardOfBusinessAt(wardId: string, at: string): Promise<string | undefined> {
    const ward = await wards.getWard(wardId);
    if (!ward || inForceAt(ward, at)) return wardId;
    let next = await wards.uniqueSuccessor(wardId);
    for (let hops = 0; next && hops < 10; hops++) {
      const unit = await wards.getWard(next);
      if (unit && inForceAt(unit, at)) return next;
      next = await wards.uniqueSuccessor(next);
    }
    return undefined;
  }
  return { wardOfBusinessAt };
}

function raiseUseCase({ stores, sessions, clock, deadlines, wards, taxOffices }: Pick<ConcernDeps, 'stores' | 'sessions' | 'clock' | 'deadlines' | 'wards' | 'taxOffices'>) {
  const { requireConcern } = concernFinders({ stores });
  const { wardOfBusinessAt } = businessWards({ wards });
  /** Raises a concern (OPEN) in a LIVE or CLOSED session, once per requestId. */
  async function raise(actor: Actor, input: RaiseConcernInput, from?: RaisedFrom): Promise<Concern> {
    assertMayWriteSessions(actor, 'raise concerns');
    const requestId = cleanRequestId(input.requestId);
    const topic = cleanText(input.topic, 'topic', LIMITS.topic);
    const text = cleanText(input.text, 'text', LIMITS.text, { multiline: true });
    const authority = oneOf(input.authority, AUTHORITIES, 'authority') as Authority;
    const taxTopic = input.taxTopic ? (oneOf(input.taxTopic, TAX_TOPICS, 'taxTopic') as TaxTopic) : undefined;
    const session = await sessions.requireSession(input.sessionId);
    assertMayActOnSession(actor, session, 'raise concerns');
    if (taxTopic && session.kind !== 'BUSINESS_TAX') {
      throw new InvalidInputError(`taxTopic classifies questions raised in a BUSINESS_TAX round; session ${shortId(session.id)} is ${session.kind}. Leave taxTopic out.`, { field: 'taxTopic' });
    }
    const id = concernIdFor(session.id, requestId);
    const earlier = await stores.concerns.getConcern(id, true);
    if (earlier) return earlier;
    const now = clock().toISOString();
    await wards.assertActorUnitInForce(actor, now);
    assertAuthorityInForce(authority, now);
    if (session.wardId) await wards.requireWardInForce(session.wardId, now, 'a concern raised');
    if (session.status === 'SCHEDULED') {
      throw new ConflictError(`Session ${shortId(session.id)} is SCHEDULED; concerns can be raised once it is LIVE (or after it is CLOSED).`, { status: session.status });
    }
    const businessId = input.businessId ?? undefined;
    const business = businessId && isPlausibleId(businessId) ? await stores.businesses.getBusiness(businessId) : undefined;
    if (businessId && !business) throw new NotFoundError(`There is no business with id "${shortId(businessId)}"; register it first (registerBusiness).`, { businessId });
    const raisedAt = clock().toISOString();
    const rules = await deadlines.currentRules();
    const dueAt = dueAfterWorkingDays(raisedAt, workingDaysFor(rules, authority, session.kind));
    const wardId = session.wardId ?? (business?.wardId ? await wardOfBusinessAt(business.wardId, raisedAt) : undefined);
    const tax = session.kind === 'BUSINESS_TAX';
    // A NON_TAX question goes to the People's Committees as a resident's concern does: at WARD, to the business's ward.
    if (taxTopic === 'NON_TAX' && authority === 'WARD' && !wardId) {
      throw new InvalidInputError('A NON_TAX question at WARD level goes to the People’s Committee of the business’s ward, and none is known: name the business (with its ward), or send authority CITY or CENTRAL.', { field: 'authority' });
    }
    const hostTaxOfficeId = tax ? taxOffices.hostOf(session) : undefined;
    const concern: Concern = {
      id,
      sessionId: session.id,
      sessionKind: session.kind,
      wardId,
      businessId,
      topic,
      text,
      authority,
      status: 'OPEN',
      raisedAt,
      dueAt,
      ruleVersion: rules.version,
      history: [{ from: null, to: 'OPEN', at: raisedAt, by: actor.id, note: null, authority, dueAt }],
      ...(taxTopic ? { taxTopic } : {}),
      ...(hostTaxOfficeId ? { hostTaxOfficeId } : {}),
    };
    const counters: CounterDelta[] = [
      { scope: { kind: 'unit', wardId, at: raisedAt }, add: { concerns: 1, byStatus: { OPEN: 1 }, byLevel: [{ status: 'OPEN', authority, add: 1 }], ...(tax ? { taxByStatus: { OPEN: 1 } } : {}) } },
    ];
    if (tax) counters.push({ scope: { kind: 'session', sessionId: session.id }, add: { taxTopics: [{ topic: taxTopic ?? 'NONE', measure: 'raised', add: 1 }] } });
    const entry = auditEntry(actor, 'CONCERN_RAISED', `Raised a concern: "${topic}"`, { toStatus: 'OPEN', sessionId: session.id, concernId: id, businessId, wardId }, raisedAt);
    // A business raising a concern in a round is engaged in it (contract: TaxDialogueSummary.businessesEngaged).
    const engagement = tax && businessId ? { businessId, scheduledAt: session.scheduledAt, sector: business?.sector, wardId: business?.wardId } : undefined;
    if (from && 'fromTaxQuestion' in from) {
      const raised = { ...concern, fromTaxQuestion: from.fromTaxQuestion };
      const result = await stores.concerns.createConcernFromTaxQuestion(raised, [...counters, ...from.counters], entry, engagement);
      if (result === 'input-moved') throw new ConflictError(`Question ${from.fromTaxQuestion} is no longer SELECTED (raised, or declined meanwhile); reload the agenda.`, { status: 'RAISED' });
      return result === 'created' ? raised : requireConcern(id);
    }
    if (from) {
      const result = await stores.concerns.createConcernFromInput({ ...concern, fromInput: from.fromInput }, [...counters, ...from.counters], entry);
      if (result === 'input-moved') throw new ConflictError(`Input ${from.fromInput.id} is no longer SELECTED (raised, or declined meanwhile); reload the agenda.`, { status: 'RAISED' });
      return result === 'created' ? { ...concern, fromInput: from.fromInput } : requireConcern(id);
    }
    const created = await stores.concerns.createConcern(concern, counters, entry, engagement);
    if (created) return concern;
    return requireConcern(id);
  }
  return { raise };
}

function moveUseCase({ stores, sessions, clock, deadlines, wards, taxOffices }: Pick<ConcernDeps, 'stores' | 'sessions' | 'clock' | 'deadlines' | 'wards' | 'taxOffices'>) {
  const { requireConcern } = concernFinders({ stores });
  /** One move of the state machine; refused moves write nothing and leave the history as it was. */
  async function moveConcern(actor: Actor, input: MoveConcernInput): Promise<Concern> {
    assertMayWriteSessions(actor, 'move concerns');
    const to = oneOf(input.to, CONCERN_STATUSES, 'to') as ConcernStatus;
    const note = cleanOptionalText(input.note, 'note', LIMITS.note, { multiline: true });
    const response = cleanOptionalText(input.response, 'response', LIMITS.response, { multiline: true });
    const newAuthority = input.authority ? (oneOf(input.authority, AUTHORITIES, 'authority') as Authority) : undefined;
    const askedForm = input.answerForm ? (oneOf(input.answerForm, ANSWER_FORMS, 'answerForm') as AnswerForm) : undefined;
    const answerDocument = cleanOptionalText(input.answerDocument, 'answerDocument', LIMITS.topic);
    const concern = await requireConcern(input.concernId);
    const session = await sessions.requireSession(concern.sessionId);
    // A concern handed over by a reorganisation is moved by the unit that handles it now.
    assertMayActOnSession(actor, { kind: session.kind, wardId: concern.handledBy ?? session.wardId }, 'move concerns');
    const authority = newAuthority ?? concern.authority;
    const now = clock().toISOString();
    await wards.assertActorUnitInForce(actor, now);
    assertAuthorityInForce(authority, now);
    const { closes } = checkConcernMove({ id: concern.id, from: concern.status, to, authorityAfter: authority, response });
    const answer = closes ? answerFormOf(to, askedForm, answerDocument) : refuseAnswerFields(to, askedForm, answerDocument);
    const at = clock().toISOString();
    const from = concern.status;
    const tax = concern.sessionKind === 'BUSINESS_TAX';
    const moves: Tally = { byLevel: levelMove({ status: from, authority: concern.authority }, { status: to, authority }) };
    if (tax) Object.assign(moves, { taxByStatus: { [from]: -1, [to]: 1 }, taxEscalated: to === 'ESCALATED' ? 1 : 0 });
    // An escalation, or a move to another level, starts that level's time allowed from the day of the move,
    // under the rules the concern was raised with.
    let dueAt = concern.dueAt;
    if (!closes && dueAt && (to === 'ESCALATED' || authority !== concern.authority)) {
      const rules = await deadlines.rulesOfVersion(concern.ruleVersion ?? 0);
      dueAt = dueAfterWorkingDays(at, workingDaysFor(rules, authority, concern.sessionKind));
    }
    if (closes) moves.answers = [answerTimeTally(authority, workingDaysElapsed(concern.raisedAt, at))];
    const counters: CounterDelta[] = [{ scope: { kind: 'unit', wardId: concern.wardId, at: concern.raisedAt }, add: { byStatus: { [from]: -1, [to]: 1 }, concernsClosed: closes ? 1 : 0, ...moves } }];
    let publicAnswer: PublicTaxAnswerRecord | undefined;
    if (tax && answer) {
      counters.push({ scope: { kind: 'session', sessionId: concern.sessionId }, add: taxAnswerTally(concern, answer.answerForm, at) });
      const office = concern.taxTopic && concern.taxTopic !== 'NON_TAX' && concern.hostTaxOfficeId ? taxOffices.answering(concern.hostTaxOfficeId, authority, at) : undefined;
      if (office && concern.taxTopic) {
        publicAnswer = { concernId: concern.id, sessionId: concern.sessionId, topic: concern.taxTopic, question: concern.topic, answer: response!, answerForm: answer.answerForm, answeredAt: at, taxOfficeId: office.id };
      }
    }
    // Closing a concern raised from a resident's input answers that input: its counters, and its contact's retention starts.
    const answered = closes && concern.fromInput ? { inputId: concern.fromInput.id, answeredAt: at, ...(concern.fromInput.hasContact ? { contactExpiresAt: contactExpiry(at) } : {}) } : undefined;
    if (closes && concern.fromInput) counters.push(...inputAnsweredCounters(concern.fromInput, at));
    const transition = { from, to, at, by: actor.id, note: note ?? null, authority, ...(dueAt ? { dueAt } : {}) };
    const after: Concern = {
      ...concern,
      status: to,
      authority,
      response: response ?? concern.response,
      closedAt: closes ? at : concern.closedAt,
      dueAt,
      history: [...concern.history, transition],
      ...(answer ?? {}),
    };
    const ok = await stores.concerns.moveConcern(
      concern.id,
      from,
      { to, authority, response, closedAt: closes ? at : undefined, dueAt: dueAt !== concern.dueAt ? dueAt : undefined, transition, ...(answer ?? {}), publicAnswer },
      counters,
      auditEntry(actor, 'CONCERN_MOVED', `Moved a concern from ${from} to ${to}: "${concern.topic}"`, { fromStatus: from, toStatus: to, sessionId: concern.sessionId, concernId: concern.id, businessId: concern.businessId, wardId: concern.wardId }, at),
      after,
      answered,
    );
    if (!ok) {
      const now = await requireConcern(concern.id);
      throw new ConflictError(`Concern ${concern.id} was moved to ${now.status} meanwhile; reload it and decide again.`, { status: now.status });
    }
    return after;
  }
  return { moveConcern };
}

/** Reads of the concerns: overdue ones, a session's count, and lists by ward, session, status and level. */
function concernReads({ stores, clock }: Pick<ConcernDeps, 'stores' | 'clock'>) {
  return {
    /** Whether a concern is still waiting for an answer after its deadline. */
    isOverdue: (c: Concern): boolean => !c.closedAt && !!c.dueAt && c.dueAt < clock().toISOString(),

    /** Unanswered concerns past their deadline now, raised in the period if one is given (a counting Query of due markers). */
    countOverdue(args: { wardId?: string; period?: { from: string; to: string } | null }): Promise<number> {
      return stores.concerns.countOverdue({ wardId: args.wardId, raised: parsePeriod(args.period) }, clock().toISOString());
    },

    /** How many concerns a session has (a counting Query over the session's concerns). */
    countSessionConcerns: (sessionId: string) => stores.concerns.countConcerns({ sessionId }),

    async listConcerns(args: ConcernListArgs): Promise<Page<Concern>> {
      const filter = {
        wardId: args.wardId ?? undefined,
        sessionId: args.sessionId,
        status: args.status ? (oneOf(args.status, CONCERN_STATUSES, 'status') as ConcernStatus) : undefined,
        authority: args.authority ? (oneOf(args.authority, AUTHORITIES, 'authority') as Authority) : undefined,
      };
      const first = pageSize(args.first);
      if (args.overdue === true && !filter.sessionId) {
        const now = clock().toISOString();
        const overdue = { wardId: filter.wardId, status: filter.status, authority: filter.authority };
        return toPage(
          async () => {
            const page = await stores.concerns.listOverdue(overdue, now, first, args.after);
            return { ...page, nodes: page.concerns };
          },
          () => stores.concerns.countOverdue(overdue, now),
        );
      }
      if (args.overdue === false) Object.assign(filter, { notOverdueAt: clock().toISOString() });
      return toPage(
        async () => {
          const page = await stores.concerns.listConcerns(filter, first, args.after);
          return { ...page, nodes: page.concerns };
        },
        () => stores.concerns.countConcerns(filter),
      );
    },
  };
}

export function createConcernService(stores: SharedStores, sessions: SessionService, clock: Clock, deadlines: DeadlineService, wards: WardService, taxOffices: TaxOfficeDirectory) {
  const { getConcern, requireConcern } = concernFinders({ stores });
  const { raise } = raiseUseCase({ stores, sessions, clock, deadlines, wards, taxOffices });
  const { moveConcern } = moveUseCase({ stores, sessions, clock, deadlines, wards, taxOffices });

  return {
    getConcern,
    requireConcern,

    /** Raises a concern (OPEN) in a LIVE or CLOSED session, once per requestId. */
    raiseConcern: (actor: Actor, input: RaiseConcernInput): Promise<Concern> => raise(actor, input),

    /** Raises a resident's SELECTED input as a concern of its session: the input becomes RAISED in the same transaction. */
    raiseFromInput: ((actor, args) => raise(actor, { ...args, businessId: null }, { fromInput: args.fromInput, counters: args.inputCounters })) as RaiseFromInput,

    /** Raises a SELECTED tax question as a concern of its round, with its topic and business: the question becomes RAISED in the same transaction. */
    raiseFromTaxQuestion: (actor: Actor, input: RaiseConcernInput, questionId: string): Promise<Concern> => raise(actor, input, { fromTaxQuestion: questionId, counters: [] }),

    moveConcern,


    ...concernReads({ stores, clock }),
  };
}
export type ConcernService = ReturnType<typeof createConcernService>;
