import { describe, expect, it } from 'vitest';
import { planBuckets } from '../../functions/store/calendar-buckets.js';
import { startOfVietnamDate } from '../../functions/domain/kernel/vietnam-time.js';

const day = (d: string) => startOfVietnamDate(d);

describe('planBuckets: the fewest calendar buckets that cover a period exactly (Vietnam time)', () => {
  it('reads whole years from year items, months from their month counters, days from day items', () => {
    const plan = planBuckets({ from: day('2006-03-15'), to: day('2010-08-10') });
    expect(plan.instants).toEqual([]);
    expect(plan.days).toEqual([
      { from: '2006-03-15', to: '2006-04-01' },
      { from: '2010-08-01', to: '2010-08-10' },
    ]);
    expect(plan.months).toEqual([
      { year: '2006', months: ['04', '05', '06', '07', '08', '09', '10', '11', '12'] },
      { year: '2010', months: ['01', '02', '03', '04', '05', '06', '07'] },
    ]);
    expect(plan.years).toEqual({ from: '2007', to: '2010' });
  });

  it('reads only the partial days at the edges by instant', () => {
    const from = '2026-03-02T03:30:00.000Z'; // 10:30 in Vietnam
    const to = '2026-03-05T10:00:00.000Z'; // 17:00
    const plan = planBuckets({ from, to });
    expect(plan.instants).toEqual([
      { from, to: day('2026-03-03') },
      { from: day('2026-03-05'), to },
    ]);
    expect(plan.days).toEqual([{ from: '2026-03-03', to: '2026-03-05' }]);
    expect(plan.months).toEqual([]);
    expect(plan.years).toBeUndefined();
  });

  it('a period inside one day is read by instant only; a whole year is one bucket per shard', () => {
    expect(planBuckets({ from: '2026-03-02T01:00:00.000Z', to: '2026-03-02T02:00:00.000Z' })).toEqual({ instants: [{ from: '2026-03-02T01:00:00.000Z', to: '2026-03-02T02:00:00.000Z' }], days: [], months: [] });
    expect(planBuckets({ from: day('2025-01-01'), to: day('2026-01-01') })).toEqual({ instants: [], days: [], months: [], years: { from: '2025', to: '2026' } });
    // The day at midnight Vietnam time is 17:00 UTC the day before.
    expect(planBuckets({ from: '2024-12-31T17:00:00.000Z', to: '2025-02-28T17:00:00.000Z' })).toEqual({ instants: [], days: [], months: [{ year: '2025', months: ['01', '02'] }] });
  });

  it('covers every instant exactly once (a randomised check against a day-by-day walk)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const a = Date.parse('2004-06-01T00:00:00Z') + Math.floor(rnd() * 8 * 365 * 86_400_000);
      const b = a + Math.floor(rnd() * (rnd() < 0.3 ? 3 : 900) * 86_400_000) + 1;
      // Snap half of the edges to Vietnam midnight.
      const snap = (ms: number) => (rnd() < 0.5 ? ms : Date.parse(day(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10))));
      const from = new Date(snap(a)).toISOString();
      const to = new Date(Math.max(snap(b), Date.parse(from) + 1)).toISOString();
      const plan = planBuckets({ from, to });
      // Every covered span, as [ms, ms): instants, days, months, years.
      const spans: [number, number][] = plan.instants.map((p) => [Date.parse(p.from), Date.parse(p.to)]);
      for (const d of plan.days) spans.push([Date.parse(day(d.from)), Date.parse(day(d.to))]);
      for (const m of plan.months) for (const mm of m.months) {
        const next = new Date(Date.UTC(Number(m.year), Number(mm), 1)).toISOString().slice(0, 10);
        spans.push([Date.parse(day(`${m.year}-${mm}-01`)), Date.parse(day(next))]);
      }
      if (plan.years) spans.push([Date.parse(day(`${plan.years.from}-01-01`)), Date.parse(day(`${plan.years.to}-01-01`))]);
      spans.sort((x, y) => x[0] - y[0]);
      expect(spans[0]![0]).toBe(Date.parse(from));
      for (let k = 1; k < spans.length; k++) expect(spans[k]![0]).toBe(spans[k - 1]![1]);
      expect(spans.at(-1)![1]).toBe(Date.parse(to));
      expect(plan.instants.length).toBeLessThanOrEqual(2);
      expect(plan.days.length).toBeLessThanOrEqual(2);
    }
  });
});
