import { currentHcmcYear, hcmcMidnight } from '../../lib/period.js';
import { vnDate } from './report-document.js';

/** /reports keeps its period, scope and open report in the URL, so a link shows the same report. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` (a Vietnam calendar date) → the instant of its midnight in Vietnam. */
export function vnDateToInstant(value: string | null): string | undefined {
  const m = value ? DATE.exec(value) : null;
  if (!m) return undefined;
  const iso = hcmcMidnight(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return vnDate(iso).split('/').reverse().join('-') === value ? iso : undefined;
}
/** The instant back to the `YYYY-MM-DD` of the URL. */
export const instantToVnDate = (iso: string) => vnDate(iso).split('/').reverse().join('-');

export interface UrlState {
  from: string;
  to: string;
  ward?: string;
  /** A tax office's own report (`&office=<id>`), instead of a ward. */
  office?: string;
  id?: string;
}

/** The period and scope from `/reports?from=YYYY-MM-DD&to=YYYY-MM-DD[&ward=<id>][&id=<report>]` (Vietnam dates, `to` exclusive). */
export function readUrl(): UrlState {
  const q = new URLSearchParams(window.location.search);
  const year = currentHcmcYear();
  const from = vnDateToInstant(q.get('from')) ?? hcmcMidnight(year, 0, 1);
  let to = vnDateToInstant(q.get('to')) ?? hcmcMidnight(year + 1, 0, 1);
  if (to <= from) to = new Date(Date.parse(from) + 86_400_000).toISOString();
  const office = q.get('office') || undefined;
  return { from, to, ward: office ? undefined : q.get('ward') || undefined, office, id: q.get('id') || undefined };
}

export function urlOf(s: UrlState): string {
  const q = new URLSearchParams({ from: instantToVnDate(s.from), to: instantToVnDate(s.to) });
  if (s.ward) q.set('ward', s.ward);
  if (s.office) q.set('office', s.office);
  if (s.id) q.set('id', s.id);
  return `/reports?${q.toString()}`;
}
