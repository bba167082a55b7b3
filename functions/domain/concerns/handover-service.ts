import type { SharedStores } from '../kernel/ports.js';
import type { WardsPort } from '../units/ports.js';
import type { CounterDelta } from '../kernel/counts.js';
import type { Actor } from '../kernel/actor.js';
import { auditEntry } from '../activity/activity-service.js';
import type { Clock } from '../kernel/clock.js';
import { levelMove } from './concern-service.js';
import { assertMayApplyReorganisations, assertMayAssignSuccessors } from '../access/authorization.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import type { Authority, Concern, ConcernTransition } from '../kernel/model.js';
import { isPlausibleId } from '../kernel/validation.js';
import type { WardService } from '../units/ward-service.js';
import { inForceAt, successorsOf, uniqueSuccessor, unitsAt, type Jurisdiction, type Reorganisation } from '../units/wards.js';

/** A reorganisation with when (if ever) it was applied to the concerns. */
export interface ReorganisationStatus extends Reorganisation {
  appliedAt?: string;
}

/** What applying a reorganisation does to one open concern. */
export interface HandoverMove {
  concern: Concern;
  /** The unit it passes to; undefined when someone must pick (a divided ward, a district concern with no ward). */
  to?: string;
  authority: Authority;
  reason: string;
}

export interface HandoverResult {
  reorganisation: ReorganisationStatus;
  dryRun: boolean;
  moves: HandoverMove[];
  awaitingSuccessor: number;
}

const WAITING_STATUSES = new Set(['OPEN', 'IN_PROGRESS', 'ESCALATED']);

/** What a reorganisation would move, and where each concern may go. */
/** What the handovers work with. */
interface HandoverDeps {
  stores: Pick<SharedStores, 'concerns'> & { wards: WardsPort };
  wards: WardService;
  clock: Clock;
}

function handoverPlanning({ stores, wards }: Pick<HandoverDeps, 'stores' | 'wards'>) {
  const nameOf = (j: Jurisdiction, id?: string) => (id ? (j.units.find((u) => u.id === id)?.name ?? id) : 'the district');

  async function requireReorganisation(id: string): Promise<{ j: Jurisdiction; r: Reorganisation }> {
    const j = await wards.jurisdiction();
    const r = j.reorganisations.find((x) => x.id === id);
    if (!r) throw new NotFoundError(`There is no reorganisation "${id.slice(0, 60)}"; Query.reorganisations lists them.`, { id: id.slice(0, 60) });
    return { j, r };
  }

  /** The moves applying `r` would make now: open concerns of the units it ended, and district-level ones. */
  async function plan(j: Jurisdiction, r: Reorganisation): Promise<HandoverMove[]> {
    const ended = [...new Set(r.changes.map((c) => c.from))];
    // Waiting markers hold only concerns still waiting for an answer: no answered concern is read.
    const waiting = (await Promise.all(ended.map((id) => stores.concerns.listWaitingConcerns(undefined, id)))).flat();
    // When the district level ended, its concerns pass to the ward: those of wards that did not end too.
    if (r.endsParentLevel?.level === 'DISTRICT') {
      const all = await stores.concerns.listWaitingConcerns(undefined);
      waiting.push(...all.filter((w) => w.authority === 'DISTRICT' && (!w.wardId || !ended.includes(w.wardId))));
    }
    const concerns = await Promise.all(waiting.map((w) => stores.concerns.getConcern(w.id, true)));
    const moves: HandoverMove[] = [];
    for (const c of concerns) {
      if (!c || !WAITING_STATUSES.has(c.status) || c.handovers?.includes(r.id)) continue;
      const fromUnit = c.handledBy ?? c.wardId;
      const endsDistrict = r.endsParentLevel?.level === 'DISTRICT' && c.authority === 'DISTRICT';
      if (fromUnit && !ended.includes(fromUnit) && !endsDistrict) continue;
      const authority: Authority = endsDistrict ? 'WARD' : c.authority;
      const to = fromUnit && ended.includes(fromUnit) ? uniqueSuccessor(j, fromUnit) : fromUnit;
      const reason = !fromUnit
        ? `A district-level concern with no ward: the district level ended (${r.endsParentLevel?.legalBasis ?? r.legalBasis}); pick the ward that takes it over.`
        : to
          ? `${nameOf(j, fromUnit)} went whole into ${nameOf(j, to)} (${r.legalBasis})${endsDistrict ? '; the district level ended, so the ward takes over the district\'s tasks' : ''}.`
          : `${nameOf(j, fromUnit)} was divided between ${successorsOf(j, fromUnit).map((e) => nameOf(j, e.to)).join(' and ')} (${r.legalBasis}); pick the one that takes it over.`;
      moves.push({ concern: c, to, authority, reason });
    }
    return moves.sort((a, b) => a.concern.raisedAt.localeCompare(b.concern.raisedAt));
  }

  function candidatesFor(j: Jurisdiction, c: Concern, at: string): string[] {
    const unit = c.handledBy ?? c.wardId;
    const next = unit ? successorsOf(j, unit).map((e) => e.to) : [];
    return next.length ? next : unitsAt(j, at).map((u) => u.id);
  }

  /** The counters a change of level moves (the review report's "by outcome and level"). */
  function levelCounters(c: Concern, authority: Authority): CounterDelta[] {
    if (authority === c.authority) return [];
    const add = { byLevel: levelMove(c, { status: c.status, authority }) };
    return [{ scope: { kind: 'unit', wardId: c.wardId, at: c.raisedAt }, add }];
  }

  async function statusOf(r: Reorganisation): Promise<ReorganisationStatus> {
    const applied = await stores.wards.getReorganisationApplied(r.id);
    return { ...r, ...(applied ? { appliedAt: applied } : {}) };
  }
  return { nameOf, requireReorganisation, plan, candidatesFor, levelCounters, statusOf };
}

/** The reorganisations, and applying one to the open concerns (a dry run first). */
function reorganisationUseCases({ stores, wards, clock }: Pick<HandoverDeps, 'stores' | 'wards' | 'clock'>) {
  const { nameOf, requireReorganisation, plan, candidatesFor, levelCounters, statusOf } = handoverPlanning({ stores, wards });
  return {
    async listReorganisations(): Promise<ReorganisationStatus[]> {
      const j = await wards.jurisdiction();
      return Promise.all([...j.reorganisations].sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt)).map(statusOf));
    },

    /**
     * Applies a reorganisation to the open concerns, or (dryRun) lists what it would move. Idempotent:
     * each concern records the reorganisations applied to it, so a second run moves nothing, and two runs
     * at once hand each concern over once. ADMIN only.
     */
    async applyReorganisation(actor: Actor, id: string, dryRun = true): Promise<HandoverResult> {
      assertMayApplyReorganisations(actor);
      const { j, r } = await requireReorganisation(id);
      const at = clock().toISOString();
      if (at < r.effectiveAt) throw new InvalidInputError(`Reorganisation ${r.id} takes effect on ${r.effectiveAt}; it cannot be applied before then.`, { id: r.id });
      const moves = await plan(j, r);
      if (!dryRun) {
        const done: HandoverMove[] = [];
        for (const m of moves) {
          const c = m.concern;
          const transition: ConcernTransition = {
            from: c.status,
            to: c.status,
            at,
            by: actor.id,
            note: m.to
              ? `Chuyển giao theo ${r.legalBasis}: ${nameOf(j, c.handledBy ?? c.wardId)} → ${nameOf(j, m.to)}. ${m.reason}`
              : `Chờ chọn đơn vị tiếp nhận theo ${r.legalBasis}. ${m.reason}`,
            authority: m.authority,
            ...(c.dueAt ? { dueAt: c.dueAt } : {}),
            ...(m.to ? { handedOverTo: m.to } : {}),
            legalBasis: r.legalBasis,
          };
          const after: Concern = {
            ...c,
            authority: m.authority,
            handledBy: m.to,
            awaitingSuccessor: !m.to,
            successorCandidates: m.to ? undefined : candidatesFor(j, c, at),
            history: [...c.history, transition],
            handovers: [...(c.handovers ?? []), r.id],
          };
          const entry = auditEntry(actor, 'CONCERN_HANDED_OVER', m.to ? `Handed "${c.topic}" over to ${nameOf(j, m.to)} (${r.legalBasis})` : `"${c.topic}" awaits a successor (${r.legalBasis})`, { concernId: c.id, sessionId: c.sessionId, wardId: m.to ?? c.wardId }, at);
          if (await stores.concerns.handOverConcern(c, after, { reorganisationId: r.id, transition }, levelCounters(c, m.authority), entry)) done.push({ ...m, concern: after });
        }
        await stores.wards.markReorganisationApplied(r.id, at, auditEntry(actor, 'REORGANISATION_APPLIED', `Applied ${r.legalBasis}: ${done.length} open concern(s) handed over`, {}, at));
        return { reorganisation: await statusOf(r), dryRun, moves: done, awaitingSuccessor: done.filter((m) => !m.to).length };
      }
      return { reorganisation: await statusOf(r), dryRun, moves, awaitingSuccessor: moves.filter((m) => !m.to).length };
    },

  };
}

/** The concerns waiting for a successor, and the pick of one. */
function successorUseCases({ stores, wards, clock }: Pick<HandoverDeps, 'stores' | 'wards' | 'clock'>) {
  const { candidatesFor } = handoverPlanning({ stores, wards });
  return {
    /** The concerns waiting for someone to pick their successor, oldest first. */
    async listAwaitingSuccessor(): Promise<Concern[]> {
      const ids = await stores.concerns.listAwaitingSuccessor();
      const concerns = await Promise.all(ids.map((id) => stores.concerns.getConcern(id, true)));
      return concerns.filter((c): c is Concern => !!c && !!c.awaitingSuccessor);
    },

    /** The concerns handed over to a unit by reorganisations (or a pick), oldest first: what its officers now answer for. */
    async listHandedOverTo(wardId: string): Promise<Concern[]> {
      const ids = await stores.concerns.listHandedOverTo(wardId);
      const concerns = await Promise.all(ids.map((id) => stores.concerns.getConcern(id)));
      return concerns.filter((c): c is Concern => !!c && c.handledBy === wardId);
    },

    /** The units a concern awaiting a successor may pass to. */
    async candidates(c: Concern): Promise<string[]> {
      if (!c.awaitingSuccessor) return [];
      return c.successorCandidates ?? candidatesFor(await wards.jurisdiction(), c, clock().toISOString());
    },

    /** An admin or leader picks the unit that takes over a concern awaiting a successor. */
    async assignSuccessor(actor: Actor, concernId: string, wardId: string): Promise<Concern> {
      assertMayAssignSuccessors(actor);
      const c = isPlausibleId(concernId) ? await stores.concerns.getConcern(concernId, true) : undefined;
      if (!c) throw new NotFoundError(`There is no concern with id "${concernId.slice(0, 60)}"; Query.concernsAwaitingSuccessor lists those waiting.`, { concernId: concernId.slice(0, 60) });
      if (!c.awaitingSuccessor) throw new ConflictError(`Concern ${c.id} is not waiting for a successor${c.handledBy ? `: ${c.handledBy} already handles it` : ''}.`);
      const j = await wards.jurisdiction();
      const at = clock().toISOString();
      const candidates = c.successorCandidates ?? candidatesFor(j, c, at);
      const unit = j.units.find((u) => u.id === wardId);
      if (!unit || !candidates.includes(wardId) || !inForceAt(unit, at)) {
        throw new InvalidInputError(`${wardId.slice(0, 60)} cannot take this concern over; pick one of: ${candidates.join(', ')}.`, { field: 'wardId', candidates });
      }
      const legalBasis = [...c.history].reverse().find((h) => h.legalBasis)?.legalBasis;
      const transition: ConcernTransition = {
        from: c.status,
        to: c.status,
        at,
        by: actor.id,
        note: `Chọn đơn vị tiếp nhận: ${unit.name}${legalBasis ? ` (${legalBasis})` : ''}.`,
        authority: c.authority,
        ...(c.dueAt ? { dueAt: c.dueAt } : {}),
        handedOverTo: unit.id,
        ...(legalBasis ? { legalBasis } : {}),
      };
      const after: Concern = { ...c, handledBy: unit.id, awaitingSuccessor: false, successorCandidates: undefined, history: [...c.history, transition] };
      const entry = auditEntry(actor, 'CONCERN_HANDED_OVER', `Picked ${unit.name} to take over "${c.topic}"`, { concernId: c.id, sessionId: c.sessionId, wardId: unit.id }, at);
      if (!(await stores.concerns.handOverConcern(c, after, { transition }, [], entry))) {
        throw new ConflictError(`Concern ${c.id} changed meanwhile (someone else picked its successor, or it moved); reload it and decide again.`);
      }
      return after;
    },
  };
}

/**
 * Reorganisations applied as events (../shared/contract/README.md, "Units through time"): the open concerns of a
 * unit that ended pass to its successor, district-level ones to the ward that took the district's tasks;
 * where the successor is not unique, an admin or leader picks it. Records keep the ward they were raised
 * in: only `handledBy`, the authority (DISTRICT becomes WARD) and one history entry change.
 */
export function createHandoverService(stores: Pick<SharedStores, 'concerns'> & { wards: WardsPort }, wards: WardService, clock: Clock) {

  return {
    ...reorganisationUseCases({ stores, wards, clock }),
    ...successorUseCases({ stores, wards, clock }),
  };
}
export type HandoverService = ReturnType<typeof createHandoverService>;
