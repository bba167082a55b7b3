import { vietnamDateParts, vietnamMidnight } from './vietnam-time.js';

/** The periods a leader can pick, turned into the API's `PeriodInput` (`[from, to)`, UTC instants). */
export type PeriodChoice =
  | { kind: 'all' }
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  /** Inclusive calendar dates `yyyy-MM-dd` as the date inputs give them. */
  | { kind: 'custom'; from: string; to: string }
  /** The report's reviews: the interim review (sơ kết) covers the first half-year, the final review (tổng kết) the whole year. */
  | { kind: 'review'; review: 'interim' | 'final'; year: number };

export interface PeriodRange {
  from: string;
  to: string;
}

/** Midnight in Ho Chi Minh City at the start of that calendar day, as an ISO instant. */
export const hcmcMidnight = vietnamMidnight;

/** The calendar year it is now in Ho Chi Minh City. */
export function currentHcmcYear(now = new Date()): number {
  return vietnamDateParts(now).year;
}

/** The quarter it is now in Ho Chi Minh City. */
export function currentHcmcQuarter(now = new Date()): 1 | 2 | 3 | 4 {
  return (Math.floor((vietnamDateParts(now).month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

function parseDate(value: string): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
}

/**
 * The range a choice covers, or null for "all time". A custom range includes its last day
 * (the API's `to` is exclusive); undefined when a custom range is incomplete or reversed.
 */
export function periodRange(choice: PeriodChoice): PeriodRange | null | undefined {
  switch (choice.kind) {
    case 'all':
      return null;
    case 'year':
      return { from: hcmcMidnight(choice.year, 0, 1), to: hcmcMidnight(choice.year + 1, 0, 1) };
    case 'quarter': {
      const start = (choice.quarter - 1) * 3;
      return { from: hcmcMidnight(choice.year, start, 1), to: hcmcMidnight(choice.year, start + 3, 1) };
    }
    case 'review':
      return choice.review === 'interim'
        ? { from: hcmcMidnight(choice.year, 0, 1), to: hcmcMidnight(choice.year, 6, 1) }
        : { from: hcmcMidnight(choice.year, 0, 1), to: hcmcMidnight(choice.year + 1, 0, 1) };
    case 'custom': {
      const from = parseDate(choice.from);
      const to = parseDate(choice.to);
      if (!from || !to) return undefined;
      const range = { from: hcmcMidnight(...from), to: hcmcMidnight(to[0], to[1], to[2] + 1) };
      return range.from < range.to ? range : undefined;
    }
  }
}
