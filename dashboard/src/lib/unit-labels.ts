import type { TFunction } from 'i18next';
import { TIME_ZONE } from './format.js';

/** "(đến 30/6/2025)": the last day a unit was in force, or nothing for a unit in force. */
export function untilLabel(validTo: string | null | undefined, t: TFunction): string {
  if (!validTo) return '';
  const last = new Date(Date.parse(validTo) - 1);
  const date = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' }).format(last);
  return `(${t('units.until', { date })})`;
}
