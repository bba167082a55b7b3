/**
 * The tax office's dialogues with businesses (../shared/contract/README.md, "Tax dialogues"): its offices through
 * time, who must answer a concern now, questions sent before a round, the answers the public may read,
 * satisfaction ratings, and the figures of a period's rounds.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../kernel/actor.js';
import { auditEntry } from '../activity/activity-service.js';
import { percentileOf } from '../figures/answer-times.js';
import { assertMayHandleTaxQuestions } from '../access/authorization.js';
import type { Clock } from '../kernel/clock.js';
import type { ConcernService } from '../concerns/concern-service.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import { agendaOrder, checkTriageMove, newLookupCode, normaliseLookupCode } from '../voice/input-rules.js';
import { BUSINESS_SECTORS, INPUT_STATUSES, type Authority, type Concern, type InputStatus, type Page, type Session, type TaxQuestion } from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import { parseInstant, parsePeriod } from '../kernel/period.js';
import type { SatisfactionStats, TaxDialogueStats } from './tax-stats.js';
import type { RoundAttendee, SharedStores } from '../kernel/ports.js';
import type { Totals } from '../kernel/counts.js';
import type { SessionService } from '../sessions/session-service.js';
import type { TaxOffice, TaxOfficeDirectory } from '../units/tax-offices.js';
import { SATISFACTION_WINDOW_DAYS, TAX_TOPIC_NAMES, TAX_TOPICS, type TaxTopic } from '../kernel/tax-topics.js';
import { cleanOptionalText, cleanRequestId, cleanTaxCode, cleanText, isPlausibleId, LIMITS, oneOf, pageSize } from '../kernel/validation.js';
import type { WardService } from '../units/ward-service.js';
import { committeeOf, inForceAt, type Ward } from '../units/wards.js';

/** Who submits: a signed-in actor, or the public form (no token) from one client. */
export type TaxSubmitter = { actor: Actor } | { publicClient: string };

export interface SubmitTaxQuestionArgs {
  sessionId: string;
  taxCode: string;
  topic: string;
  text: string;
  requestId: string;
}

export interface TriageTaxQuestionArgs {
  id: string;
  to: string;
  mergedIntoId?: string | null;
  note?: string | null;
}

export interface SatisfactionArgs {
  sessionId: string;
  taxCode: string;
  score: number;
  comment?: string | null;
  requestId: string;
}


const DAY_MS = 86_400_000;
const shortId = (id: string) => String(id).slice(0, 60);
/** A question's id follows from its round, its business and its requestId, so a repeat finds the same item. */
const questionIdFor = (sessionId: string, taxCode: string, requestId: string) => `tq_${createHash('sha256').update(`${sessionId}\n${taxCode}\n${requestId}`).digest('base64url').slice(0, 22)}`;

const satisfactionOf = (responses: number, score: number): SatisfactionStats => ({ responses, average: responses ? Math.round((score / responses) * 100) / 100 : null });


/** Reads a use case starts from: a round, a question, a business by tax code (NOT_FOUND or BAD_USER_INPUT when missing). */
/** What the tax service's use cases work with. */
interface TaxDeps {
  stores: SharedStores;
  sessions: SessionService;
  concerns: ConcernService;
  wards: WardService;
  offices: TaxOfficeDirectory;
  clock: Clock;
}

function taxFinders({ stores, sessions }: Pick<TaxDeps, 'stores' | 'sessions'>) {
  /** A round's counters (its own shards) and the businesses that checked in to it: never its check-ins or questions. */
  const readRound = async (sessionId: string) => {
    const [totals, attendees] = await Promise.all([stores.stats.readSessionTotals(sessionId), stores.tax.listAttendees(sessionId)]);
    return { totals, attendees };
  };

  async function requireRound(id: string): Promise<Session> {
    const session = await sessions.requireSession(id);
    if (session.kind !== 'BUSINESS_TAX') throw new InvalidInputError(`Session ${shortId(id)} is a ${session.kind} session, not a tax round (BUSINESS_TAX).`, { field: 'sessionId' });
    return session;
  }

  async function requireQuestion(id: string): Promise<TaxQuestion> {
    const q = isPlausibleId(id) ? await stores.tax.getQuestion(id, true) : undefined;
    if (!q) throw new NotFoundError(`There is no tax question with id "${shortId(id)}"; Query.taxQuestions lists them.`, { questionId: id });
    return q;
  }

  async function requireBusinessByCode(taxCode: string) {
    const code = cleanTaxCode(taxCode);
    const business = await stores.businesses.getBusinessByTaxCode(code);
    if (!business) throw new InvalidInputError(`No business with tax code ${code} is registered with the tax office; ask the office to register it (registerBusiness).`, { field: 'taxCode' });
    return business;
  }
  return { readRound, requireRound, requireQuestion, requireBusinessByCode };
}

/** Who must answer a concern: the tax office on its line, or the People's Committee at the level. */
function answeringBodies({ offices, wards, clock }: Pick<TaxDeps, 'offices' | 'wards' | 'clock'>) {
  /** The body that must answer a concern now, and (tax questions) the office (contract, "Who must answer"). */
  async function responsibleFor(c: Concern): Promise<{ body: string; office?: TaxOffice }> {
    const at = c.closedAt ?? clock().toISOString();
    const host = c.hostTaxOfficeId ?? (c.sessionKind === 'BUSINESS_TAX' ? offices.localAt(c.raisedAt).office?.id : undefined);
    if (host && c.taxTopic !== 'NON_TAX') {
      const office = offices.answering(host, c.authority, at);
      if (office) return { body: office.name, office };
    }
    return { body: await committeeFor(c.authority, c.handledBy ?? c.wardId, at) };
  }

  /** The People's Committee (or, CENTRAL, the ministries) answering at a level, at an instant. */
  async function committeeFor(authority: Authority, wardId: string | undefined, at: string): Promise<string> {
    if (authority === 'CENTRAL') return 'Bộ, ngành Trung ương';
    const j = await wards.jurisdiction();
    const parentAt = (level: string) => j.parents.find((p) => p.level === level && inForceAt(p, at));
    if (authority === 'WARD' && wardId) {
      const ward = await wards.getWard(wardId);
      if (ward) return committeeOf(ward, 'short');
    }
    // No ward (or DISTRICT): the level above the wards then; the city from 1/7/2025.
    const above = (authority !== 'CITY' ? parentAt('DISTRICT') : undefined) ?? parentAt('CITY') ?? j.parents.at(-1);
    return above ? committeeOf(above, 'short') : `UBND ${j.name}`;
  }
  return { responsibleFor };
}

/** The questions businesses send before a round: sent, triaged, raised at the round. */
function questionUseCases({ stores, sessions, concerns, clock }: Pick<TaxDeps, 'stores' | 'sessions' | 'concerns' | 'clock'>) {
  const { requireRound, requireQuestion, requireBusinessByCode } = taxFinders({ stores, sessions });
  async function submitQuestion(who: TaxSubmitter, args: SubmitTaxQuestionArgs): Promise<TaxQuestion> {
    const isPublic = 'publicClient' in who;
    if (!isPublic) assertMayHandleTaxQuestions(who.actor, 'enter businesses’ questions');
    const requestId = cleanRequestId(args.requestId);
    const topic = oneOf(args.topic, TAX_TOPICS, 'topic');
    const text = cleanText(args.text, 'text', LIMITS.text, { multiline: true });
    const taxCode = cleanTaxCode(args.taxCode);
    const round = await requireRound(args.sessionId);
    const id = questionIdFor(round.id, taxCode, requestId);
    const earlier = await stores.tax.getQuestion(id, true);
    if (earlier) return earlier;
    if (round.status !== 'SCHEDULED') throw new ConflictError(`Round ${shortId(round.id)} is ${round.status}; questions are sent in advance, while it is SCHEDULED.`, { status: round.status });
    const business = await requireBusinessByCode(taxCode);
    const receivedAt = clock().toISOString();
    for (let attempt = 0; attempt < 3; attempt++) {
      const q: TaxQuestion = { id, sessionId: round.id, businessId: business.id, topic, text, status: 'RECEIVED', receivedAt, supporters: 1, by: isPublic ? 'public' : who.actor.id, lookupCode: newLookupCode() };
      const entry = isPublic ? undefined : auditEntry(who.actor, 'TAX_QUESTION_SUBMITTED', `Entered a question of ${business.name} for "${round.title}"`, { sessionId: round.id, businessId: business.id }, receivedAt);
      const result = await stores.tax.createQuestion(q, [{ scope: { kind: 'session', sessionId: round.id }, add: { taxQuestions: 1 } }], entry);
      if (result === 'created') return q;
      if (result === 'exists') return requireQuestion(id);
    }
    throw new Error('could not draw a free look-up code in 3 attempts');
  }

  async function triageQuestion(actor: Actor, args: TriageTaxQuestionArgs): Promise<TaxQuestion> {
    assertMayHandleTaxQuestions(actor, 'triage businesses’ questions');
    const to = oneOf(args.to, INPUT_STATUSES, 'to') as InputStatus;
    const note = cleanOptionalText(args.note, 'note', LIMITS.note, { multiline: true });
    const q = await requireQuestion(args.id);
    // A question's round is fixed: SELECTED joins that round's agenda (no sessionId to send).
    checkTriageMove(q, { to, sessionId: q.sessionId, mergedIntoId: args.mergedIntoId, note });
    let mergeInto: TaxQuestion | undefined;
    if (to === 'MERGED') {
      mergeInto = await requireQuestion(args.mergedIntoId!);
      if (mergeInto.id === q.id) throw new InvalidInputError('A question cannot be merged into itself.', { field: 'mergedIntoId' });
      if (mergeInto.sessionId !== q.sessionId) throw new InvalidInputError(`Question ${mergeInto.id} is for another round; merge into a question of the same round.`, { field: 'mergedIntoId' });
      if (mergeInto.status === 'MERGED' || mergeInto.status === 'DECLINED') throw new ConflictError(`Question ${mergeInto.id} is ${mergeInto.status}; merge into an open one.`, { status: mergeInto.status });
    }
    if (to === 'SELECTED') {
      const round = await sessions.requireSession(q.sessionId);
      if (round.status === 'CLOSED') throw new ConflictError(`Round ${shortId(round.id)} is CLOSED; questions join the agenda of a SCHEDULED or LIVE round.`, { status: round.status });
    }
    const after: TaxQuestion = { ...q, status: to, ...(mergeInto ? { mergedIntoId: mergeInto.id } : {}), ...(to === 'DECLINED' ? { note } : {}) };
    const at = clock().toISOString();
    const ok = await stores.tax.triageQuestion(q, after, mergeInto, auditEntry(actor, 'TAX_QUESTION_TRIAGED', `Moved a tax question from ${q.status} to ${to}`, { sessionId: q.sessionId, businessId: q.businessId }, at));
    if (!ok) throw new ConflictError(`Question ${q.id} (or the one it merges into) changed meanwhile; reload the board and decide again.`, { status: (await requireQuestion(q.id)).status });
    return after;
  }

  async function raiseFromQuestion(actor: Actor, args: { questionId: string; authority: string; requestId: string }): Promise<Concern> {
    const q = await requireQuestion(args.questionId);
    if (q.status === 'RAISED' && q.concernId) return concerns.requireConcern(q.concernId);
    if (q.status !== 'SELECTED') throw new ConflictError(`Question ${q.id} is ${q.status}; only a SELECTED question (on the round's agenda) is raised.`, { status: q.status });
    return concerns.raiseFromTaxQuestion(
      actor,
      { sessionId: q.sessionId, businessId: q.businessId, topic: TAX_TOPIC_NAMES[q.topic as TaxTopic], text: q.text, authority: args.authority, requestId: args.requestId, taxTopic: q.topic },
      q.id,
    );
  }
  return { submitQuestion, triageQuestion, raiseFromQuestion };
}

/** A round's ratings, and the figures of a period's rounds. */
function roundFigures({ stores, sessions, offices, clock }: Pick<TaxDeps, 'stores' | 'sessions' | 'offices' | 'clock'>) {
  const { readRound, requireRound, requireBusinessByCode } = taxFinders({ stores, sessions });
  async function submitSatisfaction(args: SatisfactionArgs): Promise<SatisfactionStats> {
    const requestId = cleanRequestId(args.requestId);
    if (!Number.isInteger(args.score) || args.score < 1 || args.score > 5) throw new InvalidInputError('score is a whole number from 1 (not helped) to 5 (fully helped).', { field: 'score' });
    const comment = cleanOptionalText(args.comment, 'comment', 1000, { multiline: true });
    const round = await requireRound(args.sessionId);
    const business = await requireBusinessByCode(args.taxCode);
    const rated = await stores.tax.getRating(round.id, business.id);
    if (rated) {
      if (rated.requestId === requestId) return roundSatisfaction(round.id);
      throw new ConflictError('This business has already rated this round; each business rates a round once.', { status: 'RATED' });
    }
    const now = clock().toISOString();
    if (round.status !== 'CLOSED' || !round.closedAt) throw new InvalidInputError(`Round ${shortId(round.id)} is ${round.status}; a round is rated after it closes.`, { field: 'sessionId' });
    if (Date.parse(now) - Date.parse(round.closedAt) > SATISFACTION_WINDOW_DAYS * DAY_MS) throw new InvalidInputError(`Ratings are accepted within ${SATISFACTION_WINDOW_DAYS} days of a round's close; this round closed on ${round.closedAt.slice(0, 10)}.`, { field: 'sessionId' });
    const attendees = await stores.tax.listAttendees(round.id);
    if (!attendees.some((a) => a.businessId === business.id)) throw new InvalidInputError('Only a business that checked in to the round rates it; this tax code did not.', { field: 'taxCode' });
    const written = await stores.tax.putRating({ sessionId: round.id, businessId: business.id, score: args.score, ...(comment ? { comment } : {}), requestId, at: now }, [
      { scope: { kind: 'session', sessionId: round.id }, add: { satisfactionResponses: 1, satisfactionScore: args.score } },
    ]);
    if (!written) {
      const now2 = await stores.tax.getRating(round.id, business.id);
      if (now2?.requestId !== requestId) throw new ConflictError('This business has already rated this round; each business rates a round once.', { status: 'RATED' });
    }
    return roundSatisfaction(round.id);
  }

  async function roundSatisfaction(sessionId: string): Promise<SatisfactionStats> {
    const totals = await stores.stats.readSessionTotals(sessionId);
    return satisfactionOf(totals.satisfactionResponses, totals.satisfactionScore);
  }

  /** Every BUSINESS_TAX round scheduled in the period (all time without one), hosted by the office when given. */
  async function roundsOf(period: ReturnType<typeof parsePeriod>, taxOfficeId?: string): Promise<Session[]> {
    const out: Session[] = [];
    let after: string | null | undefined;
    do {
      const page = await stores.sessions.listSessions({ kind: 'BUSINESS_TAX', period }, 100, after);
      out.push(...page.sessions);
      after = page.hasNextPage ? page.items.at(-1)?.cursor : undefined;
    } while (after);
    return taxOfficeId ? out.filter((s) => offices.hostOf(s) === taxOfficeId) : out;
  }

  /** The figures of a period's rounds: one read of each round's counters and attendees, never its questions. */
  async function dialogueStats(periodInput?: { from: string; to: string } | null, taxOfficeId?: string | null): Promise<TaxDialogueStats> {
    if (taxOfficeId && !offices.get(taxOfficeId)) throw new InvalidInputError(`There is no tax office with id "${shortId(taxOfficeId)}"; Query.taxOffices lists them.`, { field: 'taxOfficeId' });
    const rounds = await roundsOf(parsePeriod(periodInput), taxOfficeId ?? undefined);
    const reads: { totals: Totals; attendees: RoundAttendee[] }[] = [];
    for (let i = 0; i < rounds.length; i += 16) reads.push(...(await Promise.all(rounds.slice(i, i + 16).map((r) => readRound(r.id)))));
    const ids = new Set(rounds.map((r) => r.id));
    const overdue = (await stores.tax.listOverdueTaxQuestions(clock().toISOString())).filter((o) => ids.has(o.sessionId));
    return statsFrom(reads, overdue, rounds.length);
  }
  return { submitSatisfaction, roundSatisfaction, roundsOf, dialogueStats };
}

/** The questions as the office and the public read them: lists, agendas, look-ups and published answers. */
function questionReads({ stores, sessions, concerns }: Pick<TaxDeps, 'stores' | 'sessions' | 'concerns'>) {
  return {
    getQuestion: (id: string) => (isPlausibleId(id) ? stores.tax.getQuestion(id) : Promise.resolve(undefined)),

    /** Questions newest first; signed-in roles only (the public gate never lets this through). */
    async listQuestions(args: { sessionId?: string | null; status?: string | null; first?: number | null; after?: string | null }): Promise<Page<TaxQuestion>> {
      const filter = { sessionId: args.sessionId ?? undefined, status: args.status ? (oneOf(args.status, INPUT_STATUSES, 'status') as InputStatus) : undefined };
      const first = pageSize(args.first);
      return toPage(async () => {
        const page = await stores.tax.listQuestions(filter, first, args.after);
        return { ...page, nodes: page.questions };
      });
    },

    /** A round's agenda: its SELECTED and RAISED questions, by topic in the contract's order, then most businesses first. */
    async agenda(sessionId: string): Promise<TaxQuestion[]> {
      const out: TaxQuestion[] = [];
      let after: string | null | undefined;
      do {
        const page = await stores.tax.listQuestions({ sessionId }, 100, after);
        out.push(...page.questions.filter((q) => q.status === 'SELECTED' || q.status === 'RAISED'));
        after = page.hasNextPage ? page.items.at(-1)?.cursor : undefined;
      } while (after);
      const rank = (t: string) => TAX_TOPICS.indexOf(t as TaxTopic);
      return agendaOrder(out).sort((a, b) => rank(a.topic) - rank(b.topic));
    },

    /** What a look-up code shows its holder: the question's topic, status and answer (or the office's reason to decline). */
    async lookup(code: string) {
      const normal = normaliseLookupCode(code);
      const id = normal ? await stores.tax.questionIdOfCode(normal) : undefined;
      const q = id ? await stores.tax.getQuestion(id) : undefined;
      if (!q) return null;
      const round = await sessions.getSession(q.sessionId);
      const concern = q.concernId ? await concerns.getConcern(q.concernId) : undefined;
      const answered = concern?.closedAt && concern.response ? concern : undefined;
      return {
        code: q.lookupCode,
        topic: q.topic as TaxTopic,
        status: q.status,
        receivedAt: q.receivedAt,
        roundTitle: round?.title ?? '',
        roundAt: round?.scheduledAt ?? q.receivedAt,
        answer: q.status === 'DECLINED' ? (q.note ?? null) : (answered?.response ?? null),
        answerForm: answered?.answerForm ?? null,
        answerDocument: answered?.answerDocument ?? null,
        answeredAt: answered?.closedAt ?? null,
      };
    },

    /** Answers the public may read: of CLOSED rounds, newest first, optionally of one office or topic. No business, no question text. */
    async publicAnswers(args: { taxOfficeId?: string | null; topic?: string | null; first?: number | null }) {
      const topic = args.topic ? oneOf(args.topic, TAX_TOPICS, 'topic') : undefined;
      const first = Math.min(pageSize(args.first), 100);
      const out = [];
      const closed = new Map<string, boolean>();
      let after: string | undefined;
      for (let pages = 0; out.length < first && pages < 20; pages++) {
        const page = await stores.tax.listPublicAnswers(100, after);
        for (const a of page.answers) {
          if ((topic && a.topic !== topic) || (args.taxOfficeId && a.taxOfficeId !== args.taxOfficeId)) continue;
          if (!closed.has(a.sessionId)) closed.set(a.sessionId, (await sessions.getSession(a.sessionId))?.status === 'CLOSED');
          if (closed.get(a.sessionId) && out.length < first) out.push(a);
        }
        if (!page.next) break;
        after = page.next;
      }
      return out;
    },
  };
}

/** A business's record, and the rounds the public may see or rate. */
function businessesAndRounds({ stores, sessions, offices, clock }: Pick<TaxDeps, 'stores' | 'sessions' | 'offices' | 'clock'>) {
  const { roundsOf } = roundFigures({ stores, sessions, offices, clock });
  return {
    /**
     * A business's record, for its page: the sessions it took part in (newest first), the concerns raised
     * for it there, and the questions it sent in advance. Reads its engagement items, those sessions'
     * concerns and its questions' index: bounded by what the business did, not by the table.
     */
    async businessRecord(businessId: string): Promise<{ sessions: Session[]; concerns: Concern[]; questions: TaxQuestion[] }> {
      const engaged = await stores.tax.listEngagedSessions(businessId);
      const found = await Promise.all(engaged.map((e) => sessions.getSession(e.sessionId)));
      const taken = found.filter((s): s is Session => !!s).sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
      const raised: Concern[] = [];
      for (const s of taken) {
        let after: string | null | undefined;
        do {
          const page = await stores.concerns.listConcerns({ sessionId: s.id }, 100, after);
          raised.push(...page.concerns.filter((c) => c.businessId === businessId));
          after = page.hasNextPage ? page.items.at(-1)?.cursor : undefined;
        } while (after);
      }
      const questions: TaxQuestion[] = [];
      let after: string | null | undefined;
      do {
        const page = await stores.tax.listQuestions({ businessId }, 100, after);
        questions.push(...page.questions);
        after = page.hasNextPage ? page.items.at(-1)?.cursor : undefined;
      } while (after);
      return { sessions: taken, concerns: raised.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)), questions };
    },

    /** Coming tax rounds the public may see: SCHEDULED and LIVE, soonest first, with their agenda's topics. */
    async publicRounds() {
      const now = clock().toISOString();
      const rounds = (await roundsOf({ from: new Date(Date.parse(now) - 2 * DAY_MS).toISOString(), to: new Date(Date.parse(now) + 3660 * DAY_MS).toISOString() })).filter((r) => r.status !== 'CLOSED');
      return rounds.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
    },

    /** Recently closed rounds a business may rate (closed within the rating window). */
    async ratableRounds() {
      const now = clock().getTime();
      const from = new Date(now - (SATISFACTION_WINDOW_DAYS + 31) * DAY_MS).toISOString();
      const rounds = await roundsOf({ from, to: new Date(now + DAY_MS).toISOString() });
      return rounds.filter((r) => r.status === 'CLOSED' && r.closedAt && now - Date.parse(r.closedAt) <= SATISFACTION_WINDOW_DAYS * DAY_MS);
    },
  };
}

export function createTaxService(
  stores: SharedStores,
  deps: { sessions: SessionService; concerns: ConcernService; wards: WardService },
  offices: TaxOfficeDirectory,
  clock: Clock,
) {
  const { sessions, concerns, wards } = deps;
  const hostOf = offices.hostOf;
  const { responsibleFor } = answeringBodies({ offices, wards, clock });
  const { submitQuestion, triageQuestion, raiseFromQuestion } = questionUseCases({ stores, sessions, concerns, clock });
  const { submitSatisfaction, roundSatisfaction, dialogueStats } = roundFigures({ stores, sessions, offices, clock });

  return {
    offices,
    hostOf,
    responsibleFor,
    /** The offices in force at `asOf` (default: now). */
    officesAt: (asOf?: string | null) => offices.at(asOf ? parseInstant(asOf, 'asOf') : clock().toISOString()),
    getOffice: (id: string) => offices.get(id),
    /** The units an office serves that are in force with it (the units of the jurisdiction only). */
    async unitsServed(office: TaxOffice): Promise<Ward[]> {
      const ids = new Set(offices.serves(office.id));
      const j = await wards.jurisdiction();
      return j.units.filter((u) => ids.has(u.id));
    },
    submitQuestion,
    triageQuestion,
    raiseFromQuestion,
    submitSatisfaction,
    roundSatisfaction,
    dialogueStats,
    ...questionReads({ stores, sessions, concerns }),
    ...businessesAndRounds({ stores, sessions, offices, clock }),
  };
}
export type TaxService = ReturnType<typeof createTaxService>;

/** Sums the rounds' reads into the contract's figures (every sector and every topic, zeros included). */
export function statsFrom(reads: { totals: Totals; attendees: RoundAttendee[] }[], overdue: { topic: string }[], rounds: number): TaxDialogueStats {
  const businesses = new Map<string, string | undefined>();
  for (const r of reads) for (const a of r.attendees) if (!businesses.has(a.businessId)) businesses.set(a.businessId, a.sector);
  const bySector = BUSINESS_SECTORS.map((sector) => ({ sector, count: [...businesses.values()].filter((s) => (s ?? 'OTHER') === sector).length }));
  const topicRow = (topic: string) => {
    let raised = 0, onSpot = 0, inWriting = 0;
    const histogram = new Map<number, number>();
    for (const r of reads) {
      const row = r.totals.taxTopics.find((t) => t.topic === topic);
      if (row) [raised, onSpot, inWriting] = [raised + row.raised, onSpot + row.onSpot, inWriting + row.inWriting];
      for (const d of r.totals.taxAnswerDays) if (d.topic === topic) histogram.set(d.bin, (histogram.get(d.bin) ?? 0) + d.count);
    }
    return { raised, onSpot, inWriting, median: percentileOf(histogram, 0.5) };
  };
  const byTopic = TAX_TOPICS.map((topic) => {
    const t = topicRow(topic);
    return { topic, raised: t.raised, answeredOnSpot: t.onSpot, answeredInWriting: t.inWriting, open: t.raised - t.onSpot - t.inWriting, overdue: overdue.filter((o) => o.topic === topic).length, medianDaysToAnswer: t.median };
  });
  const sum = (read: (t: Totals) => number) => reads.reduce((n, r) => n + read(r.totals), 0);
  return {
    rounds,
    businessesAttending: businesses.size,
    bySector,
    questionsInAdvance: sum((t) => t.taxQuestions),
    unclassified: topicRow('NONE').raised,
    byTopic,
    satisfaction: satisfactionOf(sum((t) => t.satisfactionResponses), sum((t) => t.satisfactionScore)),
  };
}
