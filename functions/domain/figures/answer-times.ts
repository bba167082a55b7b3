/**
 * Time to answer, in working days from the day a concern was raised to the day it was answered
 * (functions/domain/kernel/working-days.ts), kept as histograms in the period counters: each answer adds 1 to
 * its level's bin (`Tally.answers`) in its raisedAt bucket, district and ward, in the transaction of
 * the move that answers it. A period's median and 90th percentile are read off the summed histogram,
 * never from the concerns (docs/data-model.md, "Deadlines").
 */
import { AUTHORITIES, type AnswerTimeStats, type Authority } from '../kernel/model.js';
import type { Totals } from '../kernel/counts.js';

/**
 * Upper bounds of the bins, in working days: one bin per day up to 60 (exact), then coarser. A
 * percentile that falls in a coarse bin is reported as the bin's upper bound ("at most").
 */
export const ANSWER_TIME_BINS: readonly number[] = [...Array.from({ length: 61 }, (_, i) => i), 70, 80, 90, 120, 180, 250, 365, 500, 1000, 10000];

/** The bin (its upper bound) of an answer time. */
export function answerTimeBin(workingDays: number): number {
  return ANSWER_TIME_BINS.find((upper) => workingDays <= upper) ?? ANSWER_TIME_BINS[ANSWER_TIME_BINS.length - 1];
}

/** What an answer at `authority` after `workingDays` adds to a tally's `answers`. */
export const answerTimeTally = (authority: Authority, workingDays: number) => ({ authority, bin: answerTimeBin(workingDays), add: 1 });

/** The nearest-rank percentile (0 < p ≤ 1) of a histogram (bin upper bound → count). */
export function percentileOf(histogram: Map<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const upper of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(upper) ?? 0;
    if (seen >= rank) return upper;
  }
  return null;
}

function histogramOf(totals: Totals, authority: Authority | null): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const a of totals.answers) {
    if (a.count <= 0 || (authority && a.authority !== authority)) continue;
    histogram.set(a.bin, (histogram.get(a.bin) ?? 0) + a.count);
  }
  return histogram;
}

/** Median and 90th percentile per level (and for all levels, first) from a period's summed counters. */
export function answerTimesFrom(totals: Totals): AnswerTimeStats[] {
  return [null, ...AUTHORITIES].map((authority) => {
    const histogram = histogramOf(totals, authority);
    return {
      authority,
      answered: [...histogram.values()].reduce((a, b) => a + b, 0),
      medianWorkingDays: percentileOf(histogram, 0.5),
      p90WorkingDays: percentileOf(histogram, 0.9),
    };
  });
}
