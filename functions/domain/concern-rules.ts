import { ConflictError, InvalidInputError } from './errors.js';
import { CLOSING_STATUSES, type Authority, type ConcernStatus } from './model.js';

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
