/**
 * Vietnam time: UTC+7 all year, no daylight saving. The one place that knows the offset and the zone's
 * name, and the date the district level ended; the API, the demo loader and the dashboard
 * (dashboard/src/lib/vietnam-time.ts) all read dates through it. Pure: no imports, so the dashboard's
 * bundle takes it as it is.
 */

/** A calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const fromMs = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

/** The calendar date in Vietnam of an instant. */
export function vietnamDate(instant: string | Date | number): CalendarDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime();
  return fromMs(ms + VIETNAM_OFFSET_MS);
}

/** An instant's Vietnam calendar date as people write it in messages and reports: "01/07/2025". */
export function formatVietnamDate(instant: string): string {
  const [y, m, d] = vietnamDate(instant).split('-');
  return `${d}/${m}/${y}`;
}

/** The instant a Vietnam calendar date starts (00:00 UTC+7), as canonical ISO-8601 UTC. */
export function startOfVietnamDate(date: CalendarDate): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/** 00:00 in Vietnam of a calendar day given by numbers (monthIndex 0–11; out-of-range days roll over, as Date.UTC does). */
export function vietnamMidnight(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day) - VIETNAM_OFFSET_MS).toISOString();
}

/** A wall-clock time in Vietnam → the instant, as ISO-8601 UTC. */
export function vietnamWallClockToIso(year: number, monthIndex: number, day: number, hours: number, minutes: number): string {
  return new Date(Date.UTC(year, monthIndex, day, hours, minutes) - VIETNAM_OFFSET_MS).toISOString();
}

/** Year, month (1–12) and day of an instant in Vietnam. */
export function vietnamDateParts(instant: string | Date | number): { year: number; month: number; day: number } {
  const [year, month, day] = vietnamDate(instant).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const DAY_MS = 86_400_000;

/** Calendar days (Vietnam time) from one instant to a later one: 23:59 to 00:01 the next day is 1. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) + VIETNAM_OFFSET_MS) / DAY_MS) - Math.floor((Date.parse(from) + VIETNAM_OFFSET_MS) / DAY_MS);
}

/**
 * The day the district level ended (Law 72/2025/QH15: two levels of local government from 1/7/2025,
 * 00:00 Vietnam time). From then the authority ladder is WARD → CITY → CENTRAL.
 */
export const DISTRICT_LEVEL_ENDED_ON: CalendarDate = '2025-07-01';
/** 00:00 of that day in Vietnam: a date at or after it has no district level. */
export const DISTRICT_LEVEL_ENDED_AT = startOfVietnamDate(DISTRICT_LEVEL_ENDED_ON);
