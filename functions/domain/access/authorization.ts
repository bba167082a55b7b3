import type { Actor } from '../kernel/actor.js';
import { ForbiddenError } from '../kernel/errors.js';
import type { SessionKind } from '../kernel/model.js';

/**
 * The contract's role table for everything done in or to a session (schedule, start, close, check
 * in, raise and move concerns):
 * - ADMIN: everything;
 * - WARD_OFFICER: PUBLIC sessions of its own ward only;
 * - TAX_OFFICER: BUSINESS_TAX sessions (any ward, or none);
 * - LEADERSHIP: nothing (read-only).
 * NOTE: THEMATIC sessions are therefore run by ADMIN only: the table gives ward officers PUBLIC and
 * tax officers BUSINESS_TAX sessions and no role but ADMIN anything else (docs/data-model.md).
 */
export function assertMayActOnSession(actor: Actor, session: { kind: SessionKind; wardId?: string }, what: string): void {
  const refusal = refusalToActOnSession(actor, session, what);
  if (refusal) throw new ForbiddenError(refusal);
}

/** Whether the role table lets the actor act on the session (what the dashboard may offer). */
export function mayActOnSession(actor: Actor, session: { kind: SessionKind; wardId?: string }): boolean {
  return refusalToActOnSession(actor, session, 'act') === undefined;
}

function refusalToActOnSession(actor: Actor, session: { kind: SessionKind; wardId?: string }, what: string): string | undefined {
  switch (actor.role) {
    case 'ADMIN':
      return undefined;
    case 'WARD_OFFICER':
      if (session.kind !== 'PUBLIC') return `A ward officer may ${what} only for PUBLIC sessions; this is a ${session.kind} session.`;
      if (!actor.wardId || session.wardId !== actor.wardId) {
        return `A ward officer may ${what} only in their own ward (${actor.wardId ?? 'none'}); this session belongs to ${session.wardId ?? 'the district'}.`;
      }
      return undefined;
    case 'TAX_OFFICER':
      return session.kind === 'BUSINESS_TAX' ? undefined : `A tax officer may ${what} only for BUSINESS_TAX sessions; this is a ${session.kind} session.`;
    default:
      return `The ${actor.role} role is read-only: it may not ${what}.`;
  }
}

/** Roles that may act on some session at all: refused early, before any input is read. */
export function assertMayWriteSessions(actor: Actor, what: string): void {
  if (actor.role === 'LEADERSHIP') throw new ForbiddenError(`The LEADERSHIP role is read-only: it may not ${what}.`);
}

/** Registering businesses: TAX_OFFICER and ADMIN. */
export const mayRegisterBusinesses = (actor: Actor): boolean => actor.role === 'TAX_OFFICER' || actor.role === 'ADMIN';

export function assertMayRegisterBusinesses(actor: Actor): void {
  if (!mayRegisterBusinesses(actor)) {
    throw new ForbiddenError(`Only tax officers and administrators may register businesses; you are signed in as ${actor.role}.`);
  }
}

/** Picking the unit that takes over a concern after a reorganisation: ADMIN and LEADERSHIP. */
export const mayAssignSuccessors = (actor: Actor): boolean => actor.role === 'ADMIN' || actor.role === 'LEADERSHIP';

export function assertMayAssignSuccessors(actor: Actor): void {
  if (!mayAssignSuccessors(actor)) {
    throw new ForbiddenError(`Only administrators and leaders may pick the unit that takes over a concern; you are signed in as ${actor.role}.`);
  }
}

/** Applying a reorganisation to the open concerns: ADMIN only. */
export const mayApplyReorganisations = (actor: Actor): boolean => actor.role === 'ADMIN';

export function assertMayApplyReorganisations(actor: Actor): void {
  if (!mayApplyReorganisations(actor)) throw new ForbiddenError(`Only administrators may apply a reorganisation; you are signed in as ${actor.role}.`);
}

/**
 * Residents' voice (contract README): a ward's inputs are entered and triaged by that ward's officers,
 * or by ADMIN; the other roles read them.
 */
export const mayHandleWardInputs = (actor: Actor, wardId: string): boolean => actor.role === 'ADMIN' || (actor.role === 'WARD_OFFICER' && actor.wardId === wardId);

export function assertMayHandleWardInputs(actor: Actor, wardId: string, what: string): void {
  if (mayHandleWardInputs(actor, wardId)) return;
  if (actor.role === 'WARD_OFFICER') throw new ForbiddenError(`A ward officer may ${what} only for their own ward (${actor.wardId ?? 'none'}); this input belongs to ${wardId}.`);
  throw new ForbiddenError(`The ${actor.role} role may not ${what}: the ward's officers (or an administrator) do.`);
}

/** A resident's contact is read by the ward's officers and ADMIN only (docs/security.md, "Residents' contacts"). */
export const mayReadInputContact = (actor: Actor, wardId: string): boolean => mayHandleWardInputs(actor, wardId);


/** Who handles businesses' questions sent before a tax round (triage, agenda): the tax office and ADMIN. */
export const mayHandleTaxQuestions = (actor: Actor): boolean => actor.role === 'TAX_OFFICER' || actor.role === 'ADMIN';

export function assertMayHandleTaxQuestions(actor: Actor, what: string): void {
  if (!mayHandleTaxQuestions(actor)) throw new ForbiddenError(`Only the tax office (TAX_OFFICER) or ADMIN may ${what}; you are ${actor.role}.`);
}

/** Whether the actor acts for a tax office (its own: the local offices in force now). */
export const actsForTaxOffice = (actor: Actor): boolean => actor.role === 'TAX_OFFICER';

export interface ReportScope {
  wardId?: string;
  taxOfficeId?: string;
}

/**
 * Who may draft and issue a report of a scope: leadership and admins for the district or one ward; a
 * ward officer for its own ward only; a tax office's own report, its tax officers (`ownTaxOffices`:
 * the local offices in force now) and admins; nobody else.
 */
export function assertMayWriteReport(actor: Actor, scope: ReportScope, ownTaxOffices: readonly string[] = []): void {
  if (mayWriteReport(actor, scope, ownTaxOffices)) return;
  const { wardId, taxOfficeId } = scope;
  if (taxOfficeId) {
    throw new ForbiddenError(
      actor.role === 'TAX_OFFICER'
        ? `A tax officer drafts and issues the reports of their own office (${ownTaxOffices.join(', ') || 'none in force'}); this report is for ${taxOfficeId}.`
        : `A tax office's report is drafted and issued by its tax officers (TAX_OFFICER) or an administrator; you are signed in as ${actor.role}.`,
    );
  }
  if (actor.role === 'TAX_OFFICER') throw new ForbiddenError("A tax officer drafts and issues their own office's reports only (createReviewReport with taxOfficeId), not the units' reports.");
  if (actor.role === 'WARD_OFFICER') {
    throw new ForbiddenError(`A ward officer may draft and issue reports only for their own ward (${actor.wardId ?? 'none'}); this report is for ${wardId ?? 'the whole district'}.`);
  }
  throw new ForbiddenError(`Only leadership, administrators and ward officers (for their own ward) may draft and issue review reports; you are signed in as ${actor.role}.`);
}

/** Whether `actor` may draft, edit and issue reports of that scope (the rule of assertMayWriteReport). */
export function mayWriteReport(actor: Actor, { wardId, taxOfficeId }: ReportScope, ownTaxOffices: readonly string[] = []): boolean {
  if (taxOfficeId) return actor.role === 'ADMIN' || (actor.role === 'TAX_OFFICER' && ownTaxOffices.includes(taxOfficeId));
  if (actor.role === 'ADMIN' || actor.role === 'LEADERSHIP') return true;
  return actor.role === 'WARD_OFFICER' && !!wardId && actor.wardId === wardId;
}

/** The answer deadlines' rule set is changed by ADMIN only. */
export const mayChangeDeadlineRules = (actor: Actor): boolean => actor.role === 'ADMIN';

export function assertMayChangeDeadlineRules(actor: Actor): void {
  if (!mayChangeDeadlineRules(actor)) throw new ForbiddenError(`Only administrators may change the deadline rules; you are signed in as ${actor.role}.`);
}

/** The public form's channel (PUBLIC_FORM) is the public page's; of the signed-in roles only ADMIN may enter it (for a resident at the desk). */
export function assertMayUsePublicFormChannel(actor: Actor): void {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('PUBLIC_FORM is the public page’s channel; an officer enters NEIGHBOURHOOD_MEETING, RESIDENTIAL_GROUP or OFFICE inputs.');
}

/** Why a role may not write at all (LEADERSHIP reads only), or undefined. */
export const readOnlyRoleReason = (actor: Actor): string | undefined => (actor.role === 'LEADERSHIP' ? 'The LEADERSHIP role is read-only.' : undefined);
