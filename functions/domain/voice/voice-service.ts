/**
 * Residents' voice (../shared/contract/README.md, "Residents' voice"): opinions gathered before a dialogue, the
 * agenda chosen from them, the concern each became, and the answer its resident looks up by code.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../kernel/actor.js';
import { auditEntry } from '../activity/activity-service.js';
import { assertMayHandleWardInputs, assertMayUsePublicFormChannel, mayReadInputContact } from '../access/authorization.js';
import { answerTimeBin } from '../figures/answer-times.js';
import { inputStatsFrom, type InputStats } from './input-stats.js';
import type { Clock } from '../kernel/clock.js';
import { AuthenticationError, ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import { agendaOrder, checkAgendaSession, checkMergeTarget, checkTriageMove, newLookupCode, normaliseLookupCode } from './input-rules.js';
import { INPUT_CHANNELS, INPUT_STATUSES, type InputChannel, type InputStatus, type Neighbourhood, type Page, type ResidentInput, type Session } from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import { parsePeriod, type Period } from '../kernel/period.js';
import { calendarDaysBetween } from '../kernel/vietnam-time.js';
import type { SharedStores } from '../kernel/ports.js';
import type { CounterDelta, Tally } from '../kernel/counts.js';
import type { SessionService } from '../sessions/session-service.js';
import { cleanOptionalText, cleanRequestId, cleanText, isPlausibleId, LIMITS, oneOf, pageSize } from '../kernel/validation.js';
import type { WardService } from '../units/ward-service.js';
import { inForceAt } from '../units/wards.js';

export interface SubmitInputArgs {
  wardId: string;
  neighbourhoodId?: string | null;
  channel: string;
  topic: string;
  text: string;
  supporters?: number | null;
  requestId: string;
  contact?: string | null;
  contactConsent?: boolean | null;
}

export interface TriageArgs {
  id: string;
  to: string;
  sessionId?: string | null;
  mergedIntoId?: string | null;
  note?: string | null;
}

/** Who submits: a signed-in actor, or the public page's form (no token) from one client. */
export type Submitter = { actor: Actor } | { publicClient: string };

/** Days a resident's phone or e-mail is kept after the answer (docs/security.md, "Personal data"). */
export const CONTACT_RETENTION_DAYS = 30;

/** An input's id follows from its ward and requestId, so a repeat finds the same item. */
function inputIdFor(wardId: string, requestId: string): string {
  return `in_${createHash('sha256').update(`${wardId}\n${requestId}`).digest('base64url').slice(0, 22)}`;
}


/** A phone (Vietnamese, 10 digits from 0, or +84) or an e-mail address. */
function cleanContact(value: string): string {
  const trimmed = value.trim();
  const phone = trimmed.replace(/[\s.()-]/g, '');
  if (/^(\+84|0)\d{9}$/.test(phone)) return phone;
  if (trimmed.length <= 200 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return trimmed;
  throw new InvalidInputError('contact must be a phone number (10 digits from 0, or +84…) or an e-mail address.', { field: 'contact' });
}

/** The counter delta of one input's change, on its ward's inputs with its neighbourhood, dated by its receipt. */
function inputCounters(input: Pick<ResidentInput, 'wardId' | 'neighbourhoodId' | 'receivedAt'>, add: Tally): CounterDelta[] {
  return [{ scope: { kind: 'inputs', wardId: input.wardId, neighbourhoodId: input.neighbourhoodId, at: input.receivedAt }, add }];
}

/** What closing a concern raised from an input adds to the input's counters (concern-service's move). */
export function inputAnsweredCounters(from: { wardId: string; neighbourhoodId?: string; receivedAt: string }, answeredAt: string): CounterDelta[] {
  return inputCounters(from, { inputsAnswered: 1, inputAnswerDays: [{ bin: answerTimeBin(calendarDaysBetween(from.receivedAt, answeredAt)), add: 1 }] });
}

/** The epoch second a contact's retention ends: the answer plus CONTACT_RETENTION_DAYS. */
export const contactExpiry = (answeredAt: string) => Math.floor(Date.parse(answeredAt) / 1000) + CONTACT_RETENTION_DAYS * 86_400;

/** What the voice's use cases work with. */
interface VoiceDeps {
  stores: SharedStores;
  sessions: SessionService;
  wards: WardService;
  clock: Clock;
}

const shortId = (id: string) => String(id).slice(0, 60);

function inputFinders({ stores }: Pick<VoiceDeps, 'stores'>) {
  async function requireInput(id: string, consistent = true): Promise<ResidentInput> {
    const input = isPlausibleId(id) ? await stores.inputs.getInput(id, consistent) : undefined;
    if (!input) throw new NotFoundError(`There is no resident input with id "${shortId(id)}"; Query.residentInputs lists them.`, { inputId: id });
    return input;
  }

  async function requireNeighbourhood(id: string, wardId: string): Promise<Neighbourhood> {
    const n = isPlausibleId(id) ? await stores.neighbourhoods.getNeighbourhood(id) : undefined;
    if (!n) throw new InvalidInputError(`There is no neighbourhood with id "${shortId(id)}"; Query.neighbourhoods(wardId) lists a ward's.`, { field: 'neighbourhoodId' });
    if (n.wardId !== wardId) throw new InvalidInputError(`Neighbourhood ${n.name} belongs to ${n.wardId}, not ${wardId}.`, { field: 'neighbourhoodId' });
    return n;
  }
  return { requireInput, requireNeighbourhood };
}

function submitInputUseCase({ stores, wards, clock }: Pick<VoiceDeps, 'stores' | 'wards' | 'clock'>) {
  const { requireInput, requireNeighbourhood } = inputFinders({ stores });
  /** `options.lookupCode`: the demo's fixed codes (the README names one); never from a client. */
  async function submitInput(who: Submitter, args: SubmitInputArgs, options: { lookupCode?: string } = {}): Promise<ResidentInput> {
    const channel = oneOf(args.channel, INPUT_CHANNELS, 'channel') as InputChannel;
    const isPublic = 'publicClient' in who;
    if (isPublic && channel !== 'PUBLIC_FORM') throw new AuthenticationError(`Sign in to enter ${channel} inputs; without a token only the public form (channel PUBLIC_FORM) is open.`);
    if (!isPublic) {
      if (channel === 'PUBLIC_FORM') assertMayUsePublicFormChannel(who.actor);
      assertMayHandleWardInputs(who.actor, args.wardId, 'submit inputs');
    }
    const requestId = cleanRequestId(args.requestId);
    const topic = cleanText(args.topic, 'topic', LIMITS.topic);
    const text = cleanText(args.text, 'text', LIMITS.text, { multiline: true });
    const supporters = args.supporters ?? 1;
    if (!Number.isInteger(supporters) || supporters < 1 || supporters > 10_000) throw new InvalidInputError('supporters must be a whole number from 1 to 10000.', { field: 'supporters' });
    if (channel === 'PUBLIC_FORM' && supporters !== 1) throw new InvalidInputError('An opinion sent from the public form counts one supporter.', { field: 'supporters' });
    let contact: string | undefined;
    if (args.contact != null && args.contact.trim() !== '') {
      if (channel !== 'PUBLIC_FORM') throw new InvalidInputError('A contact is left by the resident on the public form, with their consent.', { field: 'contact' });
      if (args.contactConsent !== true) throw new InvalidInputError('A phone or e-mail is kept only with your consent: tick the consent box, or leave the contact empty.', { field: 'contactConsent' });
      contact = cleanContact(args.contact);
    }
    const ward = await wards.getWard(args.wardId);
    if (!ward) throw new InvalidInputError(`There is no ward with id "${shortId(args.wardId)}"; Query.wards lists them.`, { field: 'wardId' });
    const now = clock().toISOString();
    if (!inForceAt(ward, now)) throw new InvalidInputError(`${ward.name} is not a ward in force today; send the opinion to the ward that succeeded it.`, { field: 'wardId' });
    if (!isPublic) await wards.assertActorUnitInForce(who.actor, now);
    const neighbourhood = args.neighbourhoodId ? await requireNeighbourhood(args.neighbourhoodId, ward.id) : undefined;
    const id = inputIdFor(ward.id, requestId);
    const earlier = await stores.inputs.getInput(id, true);
    if (earlier) return earlier;
    const by = isPublic ? 'public' : who.actor.id;
    for (let attempt = 0; attempt < 3; attempt++) {
      const input: ResidentInput = {
        id,
        wardId: ward.id,
        ...(neighbourhood ? { neighbourhoodId: neighbourhood.id } : {}),
        channel,
        topic,
        text,
        supporters,
        status: 'RECEIVED',
        receivedAt: now,
        by,
        lookupCode: attempt === 0 && options.lookupCode ? options.lookupCode : newLookupCode(),
        hasContact: !!contact,
      };
      // The public form's submissions are not in the audit trail: it names officers' acts, and a resident is nobody's user.
      const entry = isPublic ? undefined : auditEntry(who.actor, 'INPUT_SUBMITTED', `Received an input: "${topic}" (${supporters} supporter${supporters === 1 ? '' : 's'})`, { wardId: ward.id }, now);
      const result = await stores.inputs.createInput(input, contact ? { contact, consentAt: now } : undefined, inputCounters(input, { inputs: 1, inputSupporters: supporters }), entry);
      if (result === 'created') return input;
      if (result === 'exists') return requireInput(id);
    }
    throw new Error('three look-up codes in a row were taken');
  }
  return { submitInput };
}

function triageInputUseCase({ stores, sessions, wards, clock }: Pick<VoiceDeps, 'stores' | 'sessions' | 'wards' | 'clock'>) {
  const { requireInput } = inputFinders({ stores });
  async function triageInput(actor: Actor, args: TriageArgs): Promise<ResidentInput> {
    const to = oneOf(args.to, INPUT_STATUSES, 'to') as InputStatus;
    const note = cleanOptionalText(args.note, 'note', LIMITS.note, { multiline: true });
    const input = await requireInput(args.id);
    assertMayHandleWardInputs(actor, input.wardId, 'triage inputs');
    checkTriageMove(input, { to, sessionId: args.sessionId, mergedIntoId: args.mergedIntoId, note });
    await wards.assertActorUnitInForce(actor, clock().toISOString());
    let after: ResidentInput = { ...input, status: to };
    let mergeInto: ResidentInput | undefined;
    const add: Tally = {};
    if (to === 'SELECTED') {
      const session = await sessions.requireSession(args.sessionId!);
      checkAgendaSession(input, session);
      after = { ...after, sessionId: session.id };
      add.inputsSelected = 1;
    } else if (to === 'MERGED') {
      mergeInto = await requireInput(args.mergedIntoId!);
      checkMergeTarget(input, mergeInto);
      after = { ...after, mergedIntoId: mergeInto.id };
      add.inputsMerged = 1;
    } else {
      after = { ...after, note };
      add.inputsDeclined = 1;
      if (input.status === 'SELECTED') add.inputsSelected = -1;
    }
    const at = clock().toISOString();
    const entry = auditEntry(actor, 'INPUT_TRIAGED', `Moved an input from ${input.status} to ${to}: "${input.topic}"`, { wardId: input.wardId, ...(after.sessionId ? { sessionId: after.sessionId } : {}) }, at);
    const ok = await stores.inputs.triage({ input, after, mergeInto }, inputCounters(input, add), entry);
    if (!ok) {
      const now = await requireInput(input.id);
      if (now.status !== input.status) throw new ConflictError(`Input ${input.id} was moved to ${now.status} meanwhile; reload the board and decide again.`, { status: now.status });
      throw new ConflictError(`Input ${mergeInto?.id} was merged or declined meanwhile; merge into an open input.`, { status: 'MERGED' });
    }
    return after;
  }

  return { triageInput };
}

/** What the public may see: a look-up code's opinion, a ward's dialogues with their agendas and answers (never a resident's text). */
function publicViews({ stores, sessions, wards }: Pick<VoiceDeps, 'stores' | 'sessions' | 'wards'>) {
  /** The look-up: what a code's holder may see of their own opinion (following a merge to the input that carries it on). */
  async function lookup(code: string) {
    const normal = normaliseLookupCode(code);
    if (!normal) throw new InvalidInputError('A look-up code has 8 letters and digits, like 7KQ4-M2XD.', { field: 'code' });
    const id = await stores.inputs.inputIdOfCode(normal);
    if (!id) return null;
    const own = await stores.inputs.getInput(id);
    if (!own) return null;
    let carrier = own;
    for (let hops = 0; carrier.status === 'MERGED' && carrier.mergedIntoId && hops < 5; hops++) {
      const next = await stores.inputs.getInput(carrier.mergedIntoId);
      if (!next) break;
      carrier = next;
    }
    const concern = carrier.concernId ? await stores.concerns.getConcern(carrier.concernId) : undefined;
    const session = carrier.sessionId ? await sessions.getSession(carrier.sessionId) : undefined;
    const ward = await wards.getWard(own.wardId);
    const answered = concern?.closedAt && concern.response ? concern : undefined;
    // A declined opinion's answer is the ward's reason (triage asks for it: the resident reads it here).
    const declined = own.status === 'DECLINED' ? own : carrier.status === 'DECLINED' ? carrier : undefined;
    return {
      dialogue: session ? await publicDialogue(session) : null,
      code: normal,
      topic: own.topic,
      wardName: ward?.name ?? own.wardId,
      status: own.status,
      receivedAt: own.receivedAt,
      answer: answered?.response ?? declined?.note ?? null,
      answeredAt: answered?.closedAt ?? null,
    };
  }

  /** A dialogue as the public sees it: its agenda's topics, and the answers given (no resident's text). */
  async function publicDialogue(session: Session) {
    const [agenda, concerns, ward] = await Promise.all([
      stores.inputs.agendaOf(session.id),
      session.status === 'SCHEDULED' ? Promise.resolve({ concerns: [] }) : stores.concerns.listConcerns({ sessionId: session.id }, 100),
      session.wardId ? wards.getWard(session.wardId) : Promise.resolve(undefined),
    ]);
    return {
      id: session.id,
      title: session.title,
      wardName: ward?.name ?? '',
      hostBody: session.hostBody,
      place: session.place ?? null,
      scheduledAt: session.scheduledAt,
      status: session.status,
      agenda: agendaOrder(agenda).map((i) => ({ topic: i.topic, supporters: i.supporters })),
      answers: concerns.concerns
        .filter((c) => c.closedAt && c.response)
        .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt))
        .map((c) => ({ topic: c.topic, answer: c.response!, answeredAt: c.closedAt! })),
    };
  }
  /** The public page's wards: those in force today, with their neighbourhoods. */
  async function publicWards() {
    const inForce = await wards.listWards();
    return Promise.all(inForce.map(async (w) => ({ id: w.id, name: w.name, neighbourhoods: (await stores.neighbourhoods.listNeighbourhoods(w.id)).map((n) => ({ id: n.id, name: n.name })) })));
  }

  /** A ward's coming dialogues (SCHEDULED, LIVE: soonest first) and its last ten CLOSED ones (newest first). */
  async function publicDialogues(wardId: string) {
    const ward = isPlausibleId(wardId) ? await wards.getWard(wardId) : undefined;
    if (!ward) throw new NotFoundError(`There is no ward with id "${shortId(wardId)}".`, { wardId });
    const list = (status: 'SCHEDULED' | 'LIVE' | 'CLOSED', first: number) => stores.sessions.listSessions({ wardId, status, kind: 'PUBLIC' }, first);
    const [scheduled, live, closed] = await Promise.all([list('SCHEDULED', 20), list('LIVE', 5), list('CLOSED', 10)]);
    const coming = [...live.sessions, ...scheduled.sessions].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
    return { coming: await Promise.all(coming.map(publicDialogue)), past: await Promise.all(closed.sessions.map(publicDialogue)) };
  }
  return { lookup, publicDialogue, publicWards, publicDialogues };
}

export function createVoiceService(stores: SharedStores, sessions: SessionService, wards: WardService, clock: Clock, raise: RaiseFromInput) {
  const { requireInput } = inputFinders({ stores });
  const { submitInput } = submitInputUseCase({ stores, wards, clock });
  const { triageInput } = triageInputUseCase({ stores, sessions, wards, clock });
  const { lookup, publicDialogue, publicWards, publicDialogues } = publicViews({ stores, sessions, wards });

  return {
    CONTACT_RETENTION_DAYS,
    requireInput,
    getInput: (id: string) => (isPlausibleId(id) ? stores.inputs.getInput(id) : Promise.resolve(undefined)),
    submitInput,
    triageInput,

    /** Raises a SELECTED input as a concern of its dialogue (raiseConcern's rules); the input becomes RAISED in the same transaction. */
    async raiseFromInput(actor: Actor, args: { inputId: string; authority: string; requestId: string }) {
      const input = await requireInput(args.inputId);
      if (input.status === 'RAISED' && input.concernId) {
        const earlier = await stores.concerns.getConcern(input.concernId, true);
        if (earlier) return earlier;
      }
      if (input.status !== 'SELECTED' || !input.sessionId) {
        throw new ConflictError(`Input ${input.id} is ${input.status}; only a SELECTED input (on a dialogue's agenda) is raised.`, { status: input.status });
      }
      return raise(actor, {
        sessionId: input.sessionId,
        topic: input.topic,
        text: input.text,
        authority: args.authority,
        requestId: args.requestId,
        fromInput: { id: input.id, wardId: input.wardId, neighbourhoodId: input.neighbourhoodId, receivedAt: input.receivedAt, hasContact: input.hasContact },
        inputCounters: inputCounters(input, { inputsRaised: 1 }),
      });
    },

    async listInputs(args: { wardId?: string | null; status?: string | null; first?: number | null; after?: string | null }): Promise<Page<ResidentInput>> {
      const status = args.status ? (oneOf(args.status, INPUT_STATUSES, 'status') as InputStatus) : undefined;
      const first = pageSize(args.first);
      return toPage(async () => {
        const page = await stores.inputs.listInputs({ wardId: args.wardId ?? undefined, status }, first, args.after);
        return { ...page, nodes: page.inputs };
      });
    },

    /** A session's agenda: its SELECTED and RAISED inputs, most supporters first. */
    agenda: async (sessionId: string) => agendaOrder(await stores.inputs.agendaOf(sessionId)),

    /** The contact, for the ward's officers and ADMIN only (null for everyone else, and after its retention). */
    async contactOf(actor: Actor, input: ResidentInput): Promise<string | null> {
      if (!input.hasContact) return null;
      if (!mayReadInputContact(actor, input.wardId)) return null;
      return (await stores.inputs.getContact(input.id, Math.floor(clock().getTime() / 1000))) ?? null;
    },

    neighbourhoods: (wardId: string) => (isPlausibleId(wardId) ? stores.neighbourhoods.listNeighbourhoods(wardId) : Promise.resolve([])),
    getNeighbourhood: (id: string) => (isPlausibleId(id) ? stores.neighbourhoods.getNeighbourhood(id) : Promise.resolve(undefined)),
    ensureNeighbourhoods: (list: readonly Neighbourhood[]) => stores.neighbourhoods.putNeighbourhoods(list),

    /** Inputs received in the period (all time without one), and what became of them: from counters. */
    async wardInputStats(wardId: string, period?: { from: string; to: string } | null): Promise<InputStats> {
      return inputStatsFrom(await stores.stats.readInputTotals(wardId, parsePeriod(period) as Period | undefined));
    },
    async neighbourhoodInputStats(neighbourhoodId: string, period?: { from: string; to: string } | null): Promise<InputStats> {
      const neighbourhood = isPlausibleId(neighbourhoodId) ? await stores.neighbourhoods.getNeighbourhood(neighbourhoodId) : undefined;
      const wardId = neighbourhood?.wardId ?? neighbourhoodId.replace(/-kp\d+$/, '');
      return inputStatsFrom(await stores.stats.readInputTotals(wardId, parsePeriod(period) as Period | undefined, neighbourhoodId));
    },

    lookup,

    publicWards,
    publicDialogues,
    publicDialogue,
  };
}

/** How the voice service raises a concern: concern-service's raise, with the input's part of the transaction. */
export type RaiseFromInput = (
  actor: Actor,
  args: { sessionId: string; topic: string; text: string; authority: string; requestId: string; fromInput: NonNullable<import('../kernel/model.js').Concern['fromInput']>; inputCounters: CounterDelta[] },
) => Promise<import('../kernel/model.js').Concern>;

export type VoiceService = ReturnType<typeof createVoiceService>;
