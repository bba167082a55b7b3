/**
 * The triage rules of residents' inputs (../shared/contract/README.md, "Residents' voice"), pure: no storage.
 *
 *   RECEIVED ──select──▶ SELECTED ──raiseFromInput──▶ RAISED
 *      │  └──merge──▶ MERGED          │
 *      └──decline──▶ DECLINED ◀───────┘
 *
 * Anything else is a CONFLICT and changes nothing.
 */
import { randomInt } from 'node:crypto';
import { ConflictError, InvalidInputError } from '../kernel/errors.js';
import type { InputStatus, ResidentInput, SessionStatus } from '../kernel/model.js';

const MOVES: Record<InputStatus, readonly InputStatus[]> = {
  RECEIVED: ['SELECTED', 'MERGED', 'DECLINED'],
  SELECTED: ['DECLINED'],
  MERGED: [],
  DECLINED: [],
  RAISED: [],
};

/** The statuses a triage may move an input to from `from` (what the board offers). */
export const triageMovesFrom = (from: InputStatus): readonly InputStatus[] => MOVES[from];

export interface TriageRequest {
  to: InputStatus;
  sessionId?: string | null;
  mergedIntoId?: string | null;
  note?: string | null;
}

/** Refuses a move the state machine forbids (CONFLICT), then a move missing what it needs (BAD_USER_INPUT). */
export function checkTriageMove(input: Pick<ResidentInput, 'id' | 'status'>, request: TriageRequest): void {
  const allowed = MOVES[input.status];
  if (!allowed.includes(request.to)) {
    const why = request.to === 'RAISED' ? ' (an input is raised with raiseFromInput, during its dialogue)' : '';
    const offer = allowed.length ? ` From ${input.status} it may move to ${allowed.join(', ')}.` : ` ${input.status} is final.`;
    throw new ConflictError(`Input ${input.id} is ${input.status}; it cannot move to ${request.to}${why}.${offer}`, { status: input.status });
  }
  if (request.to === 'SELECTED' && !request.sessionId) throw new InvalidInputError('Selecting an input needs sessionId: the dialogue whose agenda it joins.', { field: 'sessionId' });
  if (request.to === 'MERGED' && !request.mergedIntoId) throw new InvalidInputError('Merging an input needs mergedIntoId: the input it duplicates.', { field: 'mergedIntoId' });
  if (request.to === 'DECLINED' && !request.note?.trim()) throw new InvalidInputError('Declining an input needs a note saying why (the resident reads the status).', { field: 'note' });
}

/** The dialogue an input is selected for: of the same ward, SCHEDULED or LIVE. */
export function checkAgendaSession(input: Pick<ResidentInput, 'id' | 'wardId'>, session: { id: string; wardId?: string; status: SessionStatus }): void {
  if (session.wardId !== input.wardId) {
    throw new InvalidInputError(`Session ${session.id} belongs to ${session.wardId ?? 'the district'}; input ${input.id} can join the agenda of a dialogue of its own ward (${input.wardId}).`, { field: 'sessionId' });
  }
  if (session.status === 'CLOSED') throw new ConflictError(`Session ${session.id} is CLOSED; inputs are selected for a SCHEDULED or LIVE dialogue.`, { status: session.status });
}

/** The input a duplicate merges into: another input of the same ward, still open (not MERGED or DECLINED). */
export function checkMergeTarget(input: Pick<ResidentInput, 'id' | 'wardId'>, target: Pick<ResidentInput, 'id' | 'wardId' | 'status'>): void {
  if (target.id === input.id) throw new InvalidInputError('An input cannot be merged into itself.', { field: 'mergedIntoId' });
  if (target.wardId !== input.wardId) throw new InvalidInputError(`Input ${target.id} belongs to ${target.wardId}; merge into an input of the same ward (${input.wardId}).`, { field: 'mergedIntoId' });
  if (target.status === 'MERGED' || target.status === 'DECLINED') {
    throw new ConflictError(`Input ${target.id} is ${target.status}; merge into the input it was merged into, or into an open one.`, { status: target.status });
  }
}

/** An agenda: most supporters first, then the earliest received. */
export const agendaOrder = <T extends Pick<ResidentInput, 'supporters' | 'receivedAt' | 'id'>>(inputs: readonly T[]): T[] =>
  [...inputs].sort((a, b) => b.supporters - a.supporters || a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));

// Look-up codes (mã tra cứu): 8 characters of Crockford base 32 (no I, L, O, U: nothing to misread on
// a phone), shown as XXXX-XXXX. 32⁸ ≈ 1.1·10¹² codes; with the per-client limit on look-ups a guess
// hits one of 10⁵ inputs about once per 10⁷ tries.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newLookupCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(32)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as a resident types it: any case, with or without the dash or spaces; O read as 0, I and L as 1. Undefined when it cannot be one. */
export function normaliseLookupCode(typed: string): string | undefined {
  if (typeof typed !== 'string' || typed.length > 40) return undefined;
  const bare = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(bare)) return undefined;
  return `${bare.slice(0, 4)}-${bare.slice(4)}`;
}
