/**
 * Vietnam's working-day calendar: Monday to Friday, less the public holidays of the Labour Code
 * (2019 Code art. 112; earlier Codes art. 73 / art. 115), with the days off in lieu the Code gives
 * for a holiday that falls on a weekend. Dates are calendar dates in Vietnam time (UTC+7, no DST).
 *
 * What is modelled, and how (docs/guide.md, "Deadlines"). Checked against the texts (search of public copies,
 * 2026-12-02): the 2019 Code art. 112(1) list (Quốc khánh "02 ngày (ngày 02 tháng 9 dương lịch và 01 ngày
 * liền kề trước hoặc sau)", Giỗ Tổ "ngày 10 tháng 3 âm lịch", Tết Âm lịch 5 days) and the 2012 Code art. 115
 * (5 days of Tết, Hùng Kings day, day in lieu "vào ngày kế tiếp"). NOT checked here: the 4 days of Tết and
 * the year Hùng Kings day became a day off under the 1994 Code, and the article of the 2019 Code that
 * keeps the day in lieu; they follow common knowledge and only matter before 2013.
 * - Tết Dương lịch 1/1: one day.
 * - Tết Âm lịch by the lunar calendar (table below): 4 days until 2012 (the 1994 Code), 5 days from 2013
 *   (2012 Code art. 115, kept by the 2019 Code art. 112). NOTE: the law gives the number of days and the
 *   Government fixes which ones each year; this calendar takes the last day of the old lunar year plus
 *   the first 3 (4 from 2013) days of the new one, the usual arrangement.
 * - Giỗ Tổ Hùng Vương 10/3 lunar: from 2007 (the amendment of the 1994 Code that made it a day off).
 * - 30/4 and 1/5: one day each.
 * - Quốc khánh 2/9: one day until 2020; from 2021 two days, 2/9 "and one adjacent day before or after"
 *   (2019 Code art. 112(1)(đ)). NOTE: the Government picks the adjacent day each year; this calendar takes
 *   the one that joins a weekend (ADJACENT_TO_2_9 below), which matches the choices of 2021–2025.
 * - Compensatory days off (nghỉ bù): a holiday that falls on a Saturday or Sunday gives one day off on the
 *   next working day after that holiday run (2012 Code art. 115(3): "nghỉ bù vào ngày kế tiếp"; the 2019
 *   Code keeps a day in lieu, article not checked here).
 * - NOT modelled: the yearly swaps of a working Saturday for a bridging day (hoán đổi ngày làm việc),
 *   which the Prime Minister announces case by case; and lunar holidays outside LUNAR_DATES (2005–2031),
 *   for which only the solar holidays and weekends count.
 */
import { startOfVietnamDate, vietnamDate, type CalendarDate } from './vietnam-time.js';

export type { CalendarDate };


/**
 * Per Gregorian year: [Tết (1st day of the 1st lunar month), Giỗ Tổ Hùng Vương (10th day of the 3rd
 * lunar month)], in Vietnam time. Generated once with Hồ Ngọc Đức's Vietnamese lunar calendar algorithm
 * (time zone UTC+7; Vietnam's calendar differs from China's in some years, e.g. Tết 2007 and 2030).
 */
export const LUNAR_DATES: Readonly<Record<number, readonly [CalendarDate, CalendarDate]>> = {
  2005: ['2005-02-09', '2005-04-18'],
  2006: ['2006-01-29', '2006-04-07'],
  2007: ['2007-02-17', '2007-04-26'],
  2008: ['2008-02-07', '2008-04-15'],
  2009: ['2009-01-26', '2009-04-04'],
  2010: ['2010-02-14', '2010-04-23'],
  2011: ['2011-02-03', '2011-04-12'],
  2012: ['2012-01-23', '2012-03-31'],
  2013: ['2013-02-10', '2013-04-19'],
  2014: ['2014-01-31', '2014-04-09'],
  2015: ['2015-02-19', '2015-04-28'],
  2016: ['2016-02-08', '2016-04-16'],
  2017: ['2017-01-28', '2017-04-06'],
  2018: ['2018-02-16', '2018-04-25'],
  2019: ['2019-02-05', '2019-04-14'],
  2020: ['2020-01-25', '2020-04-02'],
  2021: ['2021-02-12', '2021-04-21'],
  2022: ['2022-02-01', '2022-04-10'],
  2023: ['2023-01-22', '2023-04-29'],
  2024: ['2024-02-10', '2024-04-18'],
  2025: ['2025-01-29', '2025-04-07'],
  2026: ['2026-02-17', '2026-04-26'],
  2027: ['2027-02-06', '2027-04-16'],
  2028: ['2028-01-26', '2028-04-04'],
  2029: ['2029-02-13', '2029-04-23'],
  2030: ['2030-02-02', '2030-04-12'],
  2031: ['2031-01-23', '2031-04-01'],
};

/** From 2021, the day taken with 2/9, by 2/9's weekday (0 Sunday … 6 Saturday): -1 the day before, +1 after. */
const ADJACENT_TO_2_9: Record<number, -1 | 1> = { 0: 1, 1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1 };

const DAY_MS = 86_400_000;

const toMs = (date: CalendarDate) => Date.parse(`${date}T00:00:00.000Z`);
const fromMs = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromMs(toMs(date) + n * DAY_MS);
}

const weekday = (date: CalendarDate) => new Date(toMs(date)).getUTCDay();
const isWeekend = (date: CalendarDate) => weekday(date) === 0 || weekday(date) === 6;


/** The statutory holidays of one year, each run of consecutive days listed in order. */
function statutoryRuns(year: number): CalendarDate[][] {
  const y = String(year);
  const runs: CalendarDate[][] = [[`${y}-01-01`], [`${y}-04-30`, `${y}-05-01`]];
  const lunar = LUNAR_DATES[year];
  if (lunar) {
    const [tet, hungKings] = lunar;
    const days = year >= 2013 ? 5 : 4;
    runs.push(Array.from({ length: days }, (_, i) => addDays(tet, i - 1)));
    if (year >= 2007) runs.push([hungKings]);
  }
  const national = `${y}-09-02`;
  if (year >= 2021) {
    const side = ADJACENT_TO_2_9[weekday(national)];
    runs.push(side < 0 ? [addDays(national, -1), national] : [national, addDays(national, 1)]);
  } else {
    runs.push([national]);
  }
  return runs;
}

const holidayCache = new Map<number, ReadonlyMap<CalendarDate, string>>();

/**
 * The days off of one year (statutory holidays and the compensatory days they give), each with why.
 * A compensatory day may fall early in the next year (a holiday on 31 December never happens, but a
 * late Tết run can spill over): the map of a year holds every day off dated in that year.
 */
export function holidaysOf(year: number): ReadonlyMap<CalendarDate, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Map<CalendarDate, string>();
  for (const y of [year - 1, year]) {
    const runs = statutoryRuns(y).sort((a, b) => a[0].localeCompare(b[0]));
    const statutory = new Set(runs.flat());
    const own = new Map<CalendarDate, string>();
    for (const run of runs) for (const d of run) own.set(d, 'holiday');
    for (const run of runs) {
      const owed = run.filter(isWeekend).length;
      let next = run[run.length - 1];
      for (let i = 0; i < owed; i += 1) {
        do next = addDays(next, 1);
        while (isWeekend(next) || statutory.has(next) || own.has(next));
        own.set(next, 'compensatory');
      }
    }
    for (const [d, why] of own) if (d.startsWith(String(year))) days.set(d, why);
  }
  holidayCache.set(year, days);
  return days;
}

/** Whether a date is a working day: Monday to Friday and no holiday or compensatory day off. */
export function isWorkingDay(date: CalendarDate): boolean {
  return !isWeekend(date) && !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** The `n`-th working day after `date` (the date itself is not counted; n ≥ 0, 0 gives the date). */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

/**
 * When an answer given `workingDays` working days after `instant` is due: the end (24:00 Vietnam time)
 * of the `workingDays`-th working day after the day of `instant`, which is not counted itself, as
 * Vietnamese time limits run from the next day.
 */
export function dueAfterWorkingDays(instant: string, workingDays: number): string {
  return startOfVietnamDate(addDays(addWorkingDays(vietnamDate(instant), workingDays), 1));
}

/** Working days from one instant to another, by their Vietnam dates (time to answer). */
export function workingDaysElapsed(fromInstant: string, toInstant: string): number {
  return workingDaysBetween(vietnamDate(fromInstant), vietnamDate(toInstant));
}
