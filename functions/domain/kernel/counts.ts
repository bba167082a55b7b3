/**
 * The shared kernel of counting: what a write adds to the counters (a tally in a scope) and what a read
 * returns (totals). Pure types: the store's counters (functions/store/counters.ts) and the figures' rules
 * read them; the storage port only passes them through.
 */
import type { AttendeeCategory, Authority, ConcernStatus, SessionKind } from './model.js';

/**
 * Where a tally lands (docs/data-model.md, "Counts"): a unit's counters (a ward, commune or special
 * zone; no ward: the records of the district or city level itself), dated; a ward's residents' inputs;
 * a session; or the LIVE item. The jurisdiction's totals are the sum of its units' and those with no
 * ward: every record is counted in exactly one place.
 */
export type CounterScope =
  | { kind: 'unit'; wardId?: string; at: string }
  /** A ward's residents' inputs (by the input's receivedAt), with the neighbourhood they came from. */
  | { kind: 'inputs'; wardId: string; neighbourhoodId?: string; at: string }
  | { kind: 'session'; sessionId: string }
  /** The district's LIVE sessions: their number and ids, moved by starting/closing `sessionId`. */
  | { kind: 'live'; sessionId: string };

/** Numbers to add (negative to subtract) to the counts of one scope; absent means 0. */
export interface Tally {
  sessions?: number;
  sessionsByKind?: Partial<Record<SessionKind, number>>;
  taxRounds?: number;
  attendance?: number;
  attendanceByKind?: Partial<Record<SessionKind, number>>;
  attendanceByCategory?: Partial<Record<AttendeeCategory, number>>;
  concerns?: number;
  concernsClosed?: number;
  /** The district's concerns by status. */
  byStatus?: Partial<Record<ConcernStatus, number>>;
  /** Concerns by status at a level (the review report's "by outcome and level"); the same pair twice adds up. */
  byLevel?: { status: ConcernStatus; authority: Authority; add: number }[];
  /** Tax-round concerns by status, and those escalated to the city. */
  taxByStatus?: Partial<Record<ConcernStatus, number>>;
  taxEscalated?: number;
  /** Answers by level and answer-time bin (functions/domain/figures/answer-times.ts). */
  answers?: { authority: Authority; bin: number; add: number }[];
  /** LIVE sessions (scope `live` only). */
  live?: number;
  /** Residents' inputs, dated by their receivedAt: received, the residents behind them, and what became of them. */
  inputs?: number;
  inputSupporters?: number;
  inputsSelected?: number;
  inputsDeclined?: number;
  inputsMerged?: number;
  inputsRaised?: number;
  inputsAnswered?: number;
  /** Answered inputs by calendar days from receipt to answer (a histogram's bin: answer-times.ts). */
  inputAnswerDays?: { bin: number; add: number }[];
  /** A tax round's questions by topic ('NONE': unclassified): raised, answered on the spot, answered in writing. */
  taxTopics?: { topic: string; measure: TaxTopicMeasure; add: number }[];
  /** A tax round's answers in writing by topic and working days to answer (a histogram's bin). */
  taxAnswerDays?: { topic: string; bin: number; add: number }[];
  /** A tax round's questions sent in advance. */
  taxQuestions?: number;
  /** A tax round's satisfaction ratings: how many, and the sum of their scores. */
  satisfactionResponses?: number;
  satisfactionScore?: number;
}

/** What a tax round counts of its questions by topic. */
export type TaxTopicMeasure = 'raised' | 'onSpot' | 'inWriting';

/** A tally to add in the same transaction as the write it counts. */
export interface CounterDelta {
  scope: CounterScope;
  add: Tally;
}

/** Every count of one scope, summed over its shards (and a period's buckets); 0 where nothing was counted. */
export interface Totals {
  sessions: number;
  sessionsByKind: Record<SessionKind, number>;
  taxRounds: number;
  attendance: number;
  attendanceByKind: Record<SessionKind, number>;
  attendanceByCategory: Record<AttendeeCategory, number>;
  concerns: number;
  concernsClosed: number;
  byStatus: Record<ConcernStatus, number>;
  byLevel: Record<ConcernStatus, Record<Authority, number>>;
  taxByStatus: Record<ConcernStatus, number>;
  taxEscalated: number;
  /** Non-zero answer-time bins, by level then bin. */
  answers: { authority: Authority; bin: number; count: number }[];
  inputs: number;
  inputSupporters: number;
  inputsSelected: number;
  inputsDeclined: number;
  inputsMerged: number;
  inputsRaised: number;
  inputsAnswered: number;
  /** Non-zero bins of days from receipt to answer, by bin. */
  inputAnswerDays: { bin: number; count: number }[];
  /** Tax questions by topic ('NONE': unclassified), non-zero topics only, in the topics' order. */
  taxTopics: { topic: string; raised: number; onSpot: number; inWriting: number }[];
  /** Non-zero bins of working days to an answer in writing, by topic then bin. */
  taxAnswerDays: { topic: string; bin: number; count: number }[];
  taxQuestions: number;
  satisfactionResponses: number;
  satisfactionScore: number;
}
