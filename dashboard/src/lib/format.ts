import { foldDiacritics } from '../../../functions/domain/kernel/fold.js';
/** Dates and numbers as Vietnamese users expect them: Asia/Ho_Chi_Minh, dd/MM/yyyy, 24-hour clock. */
import { VIETNAM_TIME_ZONE, vietnamWallClockToIso } from './vietnam-time.js';

export const TIME_ZONE = VIETNAM_TIME_ZONE;

const dateParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function parts(value: string | Date) {
  const map: Record<string, string> = {};
  for (const part of dateParts.formatToParts(typeof value === 'string' ? new Date(value) : value)) map[part.type] = part.value;
  return map;
}

/** `27/11/2026` in Ho Chi Minh City, whatever the browser's own time zone. */
export function formatDate(value: string | Date): string {
  const p = parts(value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `27/11/2026 18:52` in Ho Chi Minh City. */
export function formatDateTime(value: string | Date): string {
  const p = parts(value);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `18:52` in Ho Chi Minh City. */
export function formatTime(value: string | Date): string {
  const p = parts(value);
  return `${p.hour}:${p.minute}`;
}

/** 1.234 (vi) or 1,234 (en). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(value);
}

/** Days and hours since an instant, for "waiting for" columns: `3 ngày 4 giờ` / `3 d 4 h` via the caller's words. */
export function durationSince(from: string, now = Date.now()): { days: number; hours: number } {
  const ms = Math.max(0, now - new Date(from).getTime());
  return { days: Math.floor(ms / 86_400_000), hours: Math.floor((ms % 86_400_000) / 3_600_000) };
}

/** Lower-case, without diacritics (đ included): "Tân Hưng" and "tan hung" compare equal. */
export { foldDiacritics };

/** Every word of the query appears in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldDiacritics(text);
  return foldDiacritics(query).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/** `2026-11-27T09:00` typed in Ho Chi Minh City (UTC+7, no daylight saving) → an ISO instant. */
export function hcmcLocalToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return vietnamWallClockToIso(y!, mo! - 1, d!, h!, mi!);
}
