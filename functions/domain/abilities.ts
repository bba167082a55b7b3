import type { Actor } from './actor.js';
import { mayActOnSession } from './authorization.js';
import type { SessionKind } from './model.js';
import type { WardService } from './ward-service.js';

/**
 * What the signed-in person may do now, as the API decides it: the role table (authorization.ts) and
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
}

const KINDS_BY_ROLE: Record<Actor['role'], SessionKind[]> = {
  ADMIN: ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'],
  WARD_OFFICER: ['PUBLIC'],
  TAX_OFFICER: ['BUSINESS_TAX'],
  LEADERSHIP: [],
};

export function createAbilities(wards: Pick<WardService, 'readOnlyReason'>) {
  return {
    async of(actor: Actor, at: string): Promise<ViewerAbilities> {
      const readOnlyReason = await wards.readOnlyReason(actor, at);
      const mayWrite = readOnlyReason === undefined;
      return {
        mayWrite,
        ...(readOnlyReason ? { readOnlyReason } : {}),
        sessionKinds: mayWrite ? KINDS_BY_ROLE[actor.role] : [],
        mayRegisterBusinesses: mayWrite && (actor.role === 'TAX_OFFICER' || actor.role === 'ADMIN'),
        mayAssignSuccessors: actor.role === 'ADMIN' || actor.role === 'LEADERSHIP',
        mayApplyReorganisations: actor.role === 'ADMIN',
      };
    },
    /** Whether the actor may run this session now (start, close, check in, raise and move concerns). */
    async mayManageSession(actor: Actor, session: { kind: SessionKind; wardId?: string }, at: string): Promise<boolean> {
      return mayActOnSession(actor, session) && (await wards.readOnlyReason(actor, at)) === undefined;
    },
  };
}
export type Abilities = ReturnType<typeof createAbilities>;
