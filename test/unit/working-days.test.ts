import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dueAfterWorkingDays,
  holidaysOf,
  isWorkingDay,
  LUNAR_DATES,
  workingDaysBetween,
  workingDaysElapsed,
} from '../../functions/domain/kernel/working-days.js';
import { vietnamDate } from '../../functions/domain/kernel/vietnam-time.js';

describe('the working-day calendar', () => {
  it('covers every year from 2006 to 2030 with Tết and Hùng Kings day in the right season', () => {
    for (let year = 2006; year <= 2030; year += 1) {
      const [tet, hungKings] = LUNAR_DATES[year];
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `Tết ${year}: ${tet}`).toBe(true);
      expect(hungKings >= `${year}-03-28` && hungKings <= `${year}-04-30`, `Hùng Kings ${year}: ${hungKings}`).toBe(true);
    }
  });

  it('knows the lunar dates Vietnam kept (Tết 2007 a day before China, 2030 too)', () => {
    expect(LUNAR_DATES[2007][0]).toBe('2007-02-17');
    expect(LUNAR_DATES[2024][0]).toBe('2024-02-10');
    expect(LUNAR_DATES[2026][0]).toBe('2026-02-17');
    expect(LUNAR_DATES[2030][0]).toBe('2030-02-02');
    expect(LUNAR_DATES[2016][1]).toBe('2016-04-16');
    expect(LUNAR_DATES[2026][1]).toBe('2026-04-26');
  });

  it('skips weekends', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
  });

  it('gives five days for Tết from 2013 and four before', () => {
    // Tết 2024 is Saturday 10 February: 9 (the last day of the old year) to 13 February, plus two days in lieu.
    for (const d of ['2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15']) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2024-02-08')).toBe(true);
    expect(isWorkingDay('2024-02-16')).toBe(true);
    // Tết 2008 is Thursday 7 February: 6 to 9 February (Wednesday to Saturday), one day in lieu on Monday.
    expect(['2008-02-05', '2008-02-06', '2008-02-07', '2008-02-08', '2008-02-11', '2008-02-12'].map(isWorkingDay)).toEqual([true, false, false, false, false, true]);
  });

  it('gives a day in lieu on the next working day when a holiday falls on a weekend (2016, as announced)', () => {
    // Hùng Kings day 2016 was Saturday 16 April: Monday 18 April off. 30/4 and 1/5 2016 were Saturday and Sunday: 2 and 3 May off.
    expect(holidaysOf(2016).get('2016-04-18')).toBe('compensatory');
    expect(isWorkingDay('2016-04-19')).toBe(true);
    expect(['2016-05-02', '2016-05-03', '2016-05-04'].map(isWorkingDay)).toEqual([false, false, true]);
  });

  it('counts Hùng Kings day only from 2007', () => {
    expect(isWorkingDay(LUNAR_DATES[2006][1])).toBe(true); // Friday 7 April 2006, before the day off existed
    expect(isWorkingDay('2010-04-23')).toBe(false);
  });

  it('gives two days for National Day from 2021, one before', () => {
    expect(['2024-09-02', '2024-09-03', '2024-09-04'].map(isWorkingDay)).toEqual([false, false, true]); // Monday: with Tuesday
    expect(['2025-09-01', '2025-09-02', '2025-09-03'].map(isWorkingDay)).toEqual([false, false, true]); // Tuesday: with Monday
    expect(['2023-09-01', '2023-09-04', '2023-09-05'].map(isWorkingDay)).toEqual([false, false, true]); // Saturday: Friday, and Monday in lieu
    expect(['2010-09-02', '2010-09-03'].map(isWorkingDay)).toEqual([false, true]); // Thursday 2010: one day
  });

  it('counts working days after a date, not the date itself', () => {
    expect(addWorkingDays('2026-12-02', 0)).toBe('2026-12-02');
    expect(addWorkingDays('2026-12-02', 3)).toBe('2026-12-07'); // Wed → Thu, Fri, Mon
    expect(workingDaysBetween('2026-12-02', '2026-12-07')).toBe(3);
    expect(workingDaysBetween('2026-12-07', '2026-12-02')).toBe(0);
    // Across Tết 2026 (16–20 February, Monday to Friday): 10 working days after Friday 13 February end on 6 March.
    expect(addWorkingDays('2026-02-13', 10)).toBe('2026-03-06');
    expect(workingDaysBetween('2026-02-13', '2026-03-06')).toBe(10);
  });

  it('reads instants in Vietnam time and makes a deadline end at midnight there', () => {
    expect(vietnamDate('2026-12-01T17:00:00.000Z')).toBe('2026-12-02'); // 00:00 in Hanoi
    expect(vietnamDate('2026-12-01T16:59:59.999Z')).toBe('2026-12-01');
    // Raised Wednesday 2 December 2026, 10 working days: due at the end of Wednesday 16 December (Vietnam time).
    expect(dueAfterWorkingDays('2026-12-02T03:00:00.000Z', 10)).toBe('2026-12-16T17:00:00.000Z');
    expect(workingDaysElapsed('2026-12-02T03:00:00.000Z', '2026-12-16T16:00:00.000Z')).toBe(10);
    expect(workingDaysElapsed('2026-12-02T03:00:00.000Z', '2026-12-02T09:00:00.000Z')).toBe(0);
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => addWorkingDays('2026-12-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-02', 1.5)).toThrow(RangeError);
  });
});
