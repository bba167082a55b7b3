/**
 * Dates and times typed the way the page writes them (dd/MM/yyyy, 24-hour HH:mm), whatever the
 * browser's own locale: a native date input would show mm/dd/yyyy in an English-language browser.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: 'empty' | 'format' | 'invalid' };

const pad = (n: number) => String(n).padStart(2, '0');

/** `15/01/2027` (also `15-01-2027`, `15.01.2027`, `5/1/2027`) → `2027-01-15`; 31/02 is refused. */
export function parseDate(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'empty' };
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!match) return { ok: false, reason: 'format' };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || year < 1900) return { ok: false, reason: 'invalid' };
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

/** `9:30`, `09:30`, `09.30`, `0930` → `09:30`; 24:00 is refused. */
export function parseTime(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'empty' };
  const match = /^(\d{1,2})[:.h]?(\d{2})$/.exec(trimmed);
  if (!match) return { ok: false, reason: 'format' };
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return { ok: false, reason: 'invalid' };
  return { ok: true, value: `${pad(hour)}:${pad(minute)}` };
}

/** `2027-01-15` → `15/01/2027` (what the field shows for a value set from outside). */
export function isoDateToText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}
