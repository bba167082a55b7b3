/**
 * Which counter buckets cover a period (docs/data-model.md, "Calendar roll-ups"). Every counted write
 * lands in three items of its unit: the instant's (`I#`), the Vietnam day's (`D#`) and the Vietnam
 * year's (`Y#`, which also keeps each month apart as `M<mm>_<counter>`). A period `[from, to)` reads
 * whole years from the year items, whole months from the year items' month counters, whole days from
 * the day items, and only the partial days at its two edges (a period that does not start or end at
 * midnight, Vietnam time) from the instant items. Pure: no I/O.
 */
import { startOfVietnamDate, vietnamDate, type CalendarDate } from '../domain/kernel/vietnam-time.js';
import type { Period } from '../domain/kernel/period.js';

export interface BucketPlan {
  /** Partial days at the edges: `[from, to)` instants, read from `I#` items. */
  instants: Period[];
  /** Whole days `[from, to)` as calendar dates, read from `D#` items. */
  days: { from: CalendarDate; to: CalendarDate }[];
  /** Whole months inside a year that is not whole: the year item's `M<mm>_` counters. */
  months: { year: string; months: string[] }[];
  /** Whole years `[from, to)` ("2006" … "2010"): the year items' own counters. */
  years?: { from: string; to: string };
}

const addDays = (date: CalendarDate, n: number): CalendarDate => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
const monthStart = (date: CalendarDate) => `${date.slice(0, 7)}-01`;
const nextMonth = (date: CalendarDate): CalendarDate => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};
const yearStart = (date: CalendarDate) => `${date.slice(0, 4)}-01-01`;
const nextYear = (date: CalendarDate) => `${Number(date.slice(0, 4)) + 1}-01-01`;

/** The fewest buckets that cover `[from, to)` exactly. */
export function planBuckets(period: Period): BucketPlan {
  const plan: BucketPlan = { instants: [], days: [], months: [] };
  const firstDate = vietnamDate(period.from);
  const lastDate = vietnamDate(period.to);
  // Whole days: [a, b). An edge that is not midnight leaves a partial day, read by instant.
  const a = startOfVietnamDate(firstDate) === period.from ? firstDate : addDays(firstDate, 1);
  const b = lastDate;
  if (a > b) {
    plan.instants.push(period);
    return plan;
  }
  if (a !== firstDate) plan.instants.push({ from: period.from, to: startOfVietnamDate(a) });
  if (startOfVietnamDate(lastDate) !== period.to) plan.instants.push({ from: startOfVietnamDate(lastDate), to: period.to });
  if (a >= b) return plan;

  const pushDays = (from: CalendarDate, to: CalendarDate) => {
    if (from < to) plan.days.push({ from, to });
  };
  // Whole months: [ma, mb).
  const ma = monthStart(a) === a ? a : nextMonth(a);
  const mb = monthStart(b);
  if (ma >= mb) {
    pushDays(a, b);
    return plan;
  }
  pushDays(a, ma);
  // Whole years: [ya, yb).
  const ya = yearStart(ma) === ma ? ma : nextYear(ma);
  const yb = yearStart(mb);
  const pushMonths = (from: CalendarDate, to: CalendarDate) => {
    for (let m = from; m < to; m = nextMonth(m)) {
      const year = m.slice(0, 4);
      const entry = plan.months.find((x) => x.year === year) ?? plan.months[plan.months.push({ year, months: [] }) - 1]!;
      entry.months.push(m.slice(5, 7));
    }
  };
  if (ya >= yb) pushMonths(ma, mb);
  else {
    pushMonths(ma, ya);
    plan.years = { from: ya.slice(0, 4), to: yb.slice(0, 4) };
    pushMonths(yb, mb);
  }
  pushDays(mb, b);
  return plan;
}

/** The Vietnam day and year of an instant: the `D#` and `Y#` buckets a write at that instant adds to. */
export function bucketsOf(instant: string): { day: CalendarDate; year: string; month: string } {
  const day = vietnamDate(instant);
  return { day, year: day.slice(0, 4), month: day.slice(5, 7) };
}
