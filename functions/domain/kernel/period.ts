import { InvalidInputError } from './errors.js';

/** A half-open interval [from, to) of instants, as canonical ISO-8601 UTC strings. */
export interface Period {
  from: string;
  to: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

// NOTE: Date.parse rolls impossible dates over ("2030-02-30" becomes 2 March); refuse them instead.
function isRealCalendarDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const [hh, mm] = [Number(value.slice(11, 13)), Number(value.slice(14, 16))];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && hh <= 23 && mm <= 59;
}

/** Parses an ISO-8601 instant into canonical UTC (`2026-03-01T08:00:00.000Z`), or refuses it. */
export function parseInstant(value: string, field: string): string {
  const ms = ISO_INSTANT.test(value) && isRealCalendarDate(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidInputError(`${field} must be an ISO-8601 date and time such as "2026-03-01T08:00:00.000Z"; got "${value.slice(0, 40)}".`, { field });
  }
  const year = new Date(ms).getUTCFullYear();
  if (year < 2000 || year > 2100) {
    throw new InvalidInputError(`${field} must fall between the years 2000 and 2100.`, { field });
  }
  return new Date(ms).toISOString();
}

export function parsePeriod(input: { from: string; to: string } | null | undefined): Period | undefined {
  if (!input) return undefined;
  const from = parseInstant(input.from, 'period.from');
  const to = parseInstant(input.to, 'period.to');
  if (from >= to) {
    throw new InvalidInputError('period.from must be earlier than period.to (from is inclusive, to exclusive).', { field: 'period' });
  }
  return { from, to };
}
