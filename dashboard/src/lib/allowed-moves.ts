/**
 * The concern moves as the API offers them (`Concern.allowedMoves`: the server's one state machine
 * and role table, for the signed-in user), and the check of a chosen move before it is sent.
 */
import { AUTHORITIES, type Authority, type ConcernStatus } from '../../../functions/domain/kernel/model.js';

export { AUTHORITIES, type Authority, type ConcernStatus };

/** The statuses in the order a board shows them: waiting ones first, then the answered. */
export const CONCERN_STATUSES: readonly ConcernStatus[] = ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'ANSWERED_ON_SPOT', 'RESOLVED', 'ANSWERED'];

/** One move offered by the API. */
export interface OfferedMove {
  to: ConcernStatus;
  authorities: readonly Authority[];
  needsResponse: boolean;
}

/**
 * Checks a chosen move against what the API offered, with the reason a person can act on (an i18n
 * key), or undefined when the API will accept it as far as the state machine goes.
 */
export function checkMove(offered: readonly OfferedMove[], move: { to: ConcernStatus; authority: Authority; response: string }): string | undefined {
  const offer = offered.find((candidate) => candidate.to === move.to);
  if (!offer) return 'move.notAllowed';
  if (!offer.authorities.includes(move.authority)) return move.to === 'ESCALATED' ? 'move.needsCityOrCentral' : 'move.needsWardOrDistrict';
  if (offer.needsResponse && move.response.trim() === '') return 'move.needsResponse';
  return undefined;
}
