import type { Actor } from '../kernel/actor.js';
import { mayActOnSession, mayApplyReorganisations, mayAssignSuccessors, mayChangeDeadlineRules, mayHandleTaxQuestions, mayHandleWardInputs, mayRegisterBusinesses } from './authorization.js';
import { SESSION_KINDS, type SessionKind } from '../kernel/model.js';

/**
 * What the signed-in person may do now, as the API decides it: the role table (authorization.ts, the one
 * home of the rules; nothing here restates them) and
 * the dates (a ward officer whose ward has ended reads only). The dashboard shows what this says
 * instead of restating the rules.
 */
export interface ViewerAbilities {
  mayWrite: boolean;
  readOnlyReason?: string;
  sessionKinds: SessionKind[];
  mayRegisterBusinesses: boolean;
  mayAssignSuccessors: boolean;
  mayApplyReorganisations: boolean;
  mayHandleTaxQuestions: boolean;
  mayChangeDeadlineRules: boolean;
}

/** What the abilities need of the units: why an actor may only read now (its ward has ended), if it may. */
export interface ReadOnlyReasons {
  readOnlyReason(actor: Actor, at: string): Promise<string | undefined>;
}

export function createAbilities(wards: ReadOnlyReasons) {
  return {
    async of(actor: Actor, at: string): Promise<ViewerAbilities> {
      const readOnlyReason = await wards.readOnlyReason(actor, at);
      const mayWrite = readOnlyReason === undefined;
      return {
        mayWrite,
        ...(readOnlyReason ? { readOnlyReason } : {}),
        // The kinds the role table lets the actor run in its own ward (or any, for the roles without one).
        sessionKinds: mayWrite ? SESSION_KINDS.filter((kind) => mayActOnSession(actor, { kind, wardId: actor.wardId })) : [],
        mayRegisterBusinesses: mayWrite && mayRegisterBusinesses(actor),
        mayAssignSuccessors: mayAssignSuccessors(actor),
        mayApplyReorganisations: mayApplyReorganisations(actor),
        mayHandleTaxQuestions: mayWrite && mayHandleTaxQuestions(actor),
        mayChangeDeadlineRules: mayChangeDeadlineRules(actor),
      };
    },
    /** Whether the actor may enter and triage the ward's residents' inputs now (its ward in force). */
    async mayHandleInputs(actor: Actor, wardId: string, at: string): Promise<boolean> {
      return mayHandleWardInputs(actor, wardId) && (await wards.readOnlyReason(actor, at)) === undefined;
    },
    /** Whether the actor may run this session now (start, close, check in, raise and move concerns). */
    async mayManageSession(actor: Actor, session: { kind: SessionKind; wardId?: string }, at: string): Promise<boolean> {
      return mayActOnSession(actor, session) && (await wards.readOnlyReason(actor, at)) === undefined;
    },
  };
}
export type Abilities = ReturnType<typeof createAbilities>;
