import type { Actor } from '../kernel/actor.js';
import { mayActOnSession } from '../access/authorization.js';
import { ConflictError, InvalidInputError } from '../kernel/errors.js';
import { AUTHORITIES, CLOSING_STATUSES, type Authority, type Concern, type ConcernStatus } from '../kernel/model.js';
import { DISTRICT_LEVEL_ENDED_AT } from '../kernel/vietnam-time.js';

/** The contract's state machine: the moves moveConcern allows. */
export const ALLOWED_MOVES: Readonly<Record<ConcernStatus, readonly ConcernStatus[]>> = {
  OPEN: ['ANSWERED_ON_SPOT', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED'],
  IN_PROGRESS: ['RESOLVED', 'ESCALATED'],
  ESCALATED: ['ANSWERED'],
  ANSWERED_ON_SPOT: [],
  RESOLVED: [],
  ANSWERED: [],
};

const AUTHORITY_FOR: Partial<Record<ConcernStatus, readonly Authority[]>> = {
  ESCALATED: ['CITY', 'CENTRAL'],
  IN_PROGRESS: ['WARD', 'DISTRICT'],
  RESOLVED: ['WARD', 'DISTRICT'],
};

/** One move the state machine allows: where to, the authorities the concern may then have, whether it needs a response. */
export interface ConcernMoveRule {
  to: ConcernStatus;
  authorities: readonly Authority[];
  needsResponse: boolean;
}

/**
 * The authority ladder at an instant: WARD → DISTRICT → CITY → CENTRAL until 30/6/2025; WARD → CITY →
 * CENTRAL from 1/7/2025, when the district level ended (Law 72/2025/QH15) and wards took over its tasks.
 */
export function authoritiesAt(at: string): readonly Authority[] {
  return at >= DISTRICT_LEVEL_ENDED_AT ? AUTHORITIES.filter((a) => a !== 'DISTRICT') : AUTHORITIES;
}

/** Refuses DISTRICT for a concern raised or moved on or after 1/7/2025 (BAD_USER_INPUT). */
export function assertAuthorityInForce(authority: Authority, at: string): void {
  if (!authoritiesAt(at).includes(authority)) {
    throw new InvalidInputError(
      'The district level ended on 1/7/2025 (Law 72/2025/QH15): the ladder is now WARD → CITY → CENTRAL, and the ward handles what the district did. Send authority WARD, CITY or CENTRAL.',
      { field: 'authority' },
    );
  }
}

/** The moves allowed from a status at an instant, each with what it needs (Concern.allowedMoves; checkConcernMove enforces the same). */
export function movesFrom(from: ConcernStatus, at: string = new Date().toISOString()): ConcernMoveRule[] {
  const ladder = authoritiesAt(at);
  return ALLOWED_MOVES[from].map((to) => ({ to, authorities: (AUTHORITY_FOR[to] ?? AUTHORITIES).filter((a) => ladder.includes(a)), needsResponse: CLOSING_STATUSES.includes(to) }));
}

/**
 * The moves the actor may make on the concern now: none for a role that may not act on its session,
 * in the unit that handles the concern now (after a reorganisation: its successor).
 */
export function allowedMovesFor(actor: Actor, concern: Pick<Concern, 'status' | 'sessionKind' | 'wardId' | 'handledBy'>, at: string = new Date().toISOString()): ConcernMoveRule[] {
  return mayActOnSession(actor, { kind: concern.sessionKind, wardId: concern.handledBy ?? concern.wardId }) ? movesFrom(concern.status, at) : [];
}

/**
 * Checks one move against the state machine and the authority and response rules. Throws
 * ConflictError for a move the state machine or the authority rule forbids, InvalidInputError for a
 * missing response. Returns whether the move closes the concern.
 */
export function checkConcernMove(move: { id: string; from: ConcernStatus; to: ConcernStatus; authorityAfter: Authority; response?: string }): { closes: boolean } {
  const { from, to } = move;
  if (!ALLOWED_MOVES[from].includes(to)) {
    const allowed = ALLOWED_MOVES[from];
    throw new ConflictError(
      allowed.length
        ? `Concern ${move.id} is ${from}; it can move only to ${allowed.join(', ')}, not to ${to}.`
        : `Concern ${move.id} is ${from}, a final status; it cannot move to ${to}.`,
      { from, to },
    );
  }
  const needed = AUTHORITY_FOR[to];
  if (needed && !needed.includes(move.authorityAfter)) {
    throw new ConflictError(
      `A concern can be ${to} only when its authority is ${needed.join(' or ')}; this one's would be ${move.authorityAfter}. Send the competent authority with the move.`,
      { to, authority: move.authorityAfter },
    );
  }
  const closes = CLOSING_STATUSES.includes(to);
  if (closes && !move.response) {
    throw new InvalidInputError(`Moving a concern to ${to} needs a response: what was answered or done.`, { field: 'response' });
  }
  return { closes };
}
