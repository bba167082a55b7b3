/**
 * Residents' inputs as figures, from counters kept on write (functions/store/counters.ts): received,
 * the residents behind them, what became of them, and the median days from receipt to answer, read
 * off the summed histogram (answer-times.ts). Never a scan of the inputs.
 */
import { percentileOf } from '../figures/answer-times.js';
import type { Totals } from '../kernel/counts.js';

export interface InputStats {
  received: number;
  supporters: number;
  selected: number;
  declined: number;
  merged: number;
  raised: number;
  answered: number;
  medianDaysToAnswer: number | null;
}

/** The figures of one or several scopes' summed counters (several: wards summed, histograms merged). */
export function inputStatsFrom(...scopes: Totals[]): InputStats {
  const histogram = new Map<number, number>();
  for (const t of scopes) for (const d of t.inputAnswerDays) histogram.set(d.bin, (histogram.get(d.bin) ?? 0) + d.count);
  const sum = (read: (t: Totals) => number) => scopes.reduce((n, t) => n + read(t), 0);
  return {
    received: sum((t) => t.inputs),
    supporters: sum((t) => t.inputSupporters),
    selected: sum((t) => t.inputsSelected),
    declined: sum((t) => t.inputsDeclined),
    merged: sum((t) => t.inputsMerged),
    raised: sum((t) => t.inputsRaised),
    answered: sum((t) => t.inputsAnswered),
    medianDaysToAnswer: percentileOf(histogram, 0.5),
  };
}
