/** The concern state machine of contract/README.md, as the dashboard offers it: only moves the API accepts. */
export type ConcernStatus = 'OPEN' | 'ANSWERED_ON_SPOT' | 'IN_PROGRESS' | 'RESOLVED' | 'ESCALATED' | 'ANSWERED';
export type Authority = 'WARD' | 'DISTRICT' | 'CITY' | 'CENTRAL';

export const CONCERN_STATUSES: ConcernStatus[] = ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED'];
export const AUTHORITIES: Authority[] = ['WARD', 'DISTRICT', 'CITY', 'CENTRAL'];

const MOVES: Record<ConcernStatus, ConcernStatus[]> = {
  OPEN: ['ANSWERED_ON_SPOT', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED'],
  IN_PROGRESS: ['RESOLVED', 'ESCALATED'],
  ESCALATED: ['ANSWERED'],
  ANSWERED_ON_SPOT: [],
  RESOLVED: [],
  ANSWERED: [],
};

/** Where a concern may go from its status. */
export function allowedMoves(from: ConcernStatus): ConcernStatus[] {
  return MOVES[from];
}

/** The authorities a concern may have after moving to `to` (it may be re-assigned on the same move). */
export function authoritiesFor(to: ConcernStatus): Authority[] {
  if (to === 'ESCALATED') return ['CITY', 'CENTRAL'];
  if (to === 'IN_PROGRESS' || to === 'RESOLVED') return ['WARD', 'DISTRICT'];
  return AUTHORITIES;
}

/** Moves that close a concern need the answer given. */
export function needsResponse(to: ConcernStatus): boolean {
  return to === 'ANSWERED_ON_SPOT' || to === 'RESOLVED' || to === 'ANSWERED';
}

export function isClosed(status: ConcernStatus): boolean {
  return status === 'ANSWERED_ON_SPOT' || status === 'RESOLVED' || status === 'ANSWERED';
}

/**
 * Checks a move before it is sent, with the reason a person can act on (an i18n key), or undefined
 * when the API will accept it as far as the state machine goes.
 */
export function checkMove(move: { from: ConcernStatus; to: ConcernStatus; authority: Authority; response: string }): string | undefined {
  if (!allowedMoves(move.from).includes(move.to)) return 'move.notAllowed';
  if (!authoritiesFor(move.to).includes(move.authority)) return move.to === 'ESCALATED' ? 'move.needsCityOrCentral' : 'move.needsWardOrDistrict';
  if (needsResponse(move.to) && move.response.trim() === '') return 'move.needsResponse';
  return undefined;
}
