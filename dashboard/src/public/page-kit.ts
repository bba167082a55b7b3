import { VIETNAM_TIME_ZONE } from '../lib/vietnam-time.js';
import { ApiError } from './api.js';

// What the two public pages (residents, businesses) share: the address bar as their state, dates in
// Vietnam's time, and a refusal said in words.
export type Language = 'vi' | 'en';

export const params = () => new URLSearchParams(window.location.search);

/** Keeps a choice in the address (?lang=en, ?ma=<code>): a link or a reload shows the same thing. */
export function setParam(name: string, value: string | undefined) {
  const p = params();
  if (value) p.set(name, value);
  else p.delete(name);
  window.history.replaceState(null, '', `${window.location.pathname}${p.size ? `?${p}` : ''}`);
}

export const initialLanguage = (): Language => ((params().get('lang') ?? localStorage.getItem('dp.language')) === 'en' ? 'en' : 'vi');

export const formatWhen = (iso: string, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM_TIME_ZONE, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
export const formatDay = (iso: string, lang: Language) => new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));

/** The API's refusal in the reader's words: RATE_LIMITED says when to try again; a coded refusal its message. */
export function refusalText(error: unknown, t: { tooMany(s: string): string; failed: string }): string {
  if (error instanceof ApiError && error.reason === 'RATE_LIMITED') {
    const seconds = Number(/(\d+) s/.exec(error.message)?.[1] ?? 60);
    return t.tooMany(seconds >= 120 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`);
  }
  if (error instanceof ApiError && error.code) return error.message;
  return t.failed;
}
