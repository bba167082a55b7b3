import type { TFunction } from 'i18next';
import { TIME_ZONE } from './format.js';

/** "(đến 30/6/2025)": the last day a unit was in force, or nothing for a unit in force. */
export function untilLabel(validTo: string | null | undefined, t: TFunction): string {
  if (!validTo) return '';
  const last = new Date(Date.parse(validTo) - 1);
  const date = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' }).format(last);
  return `(${t('units.until', { date })})`;
}

/**
 * A unit's name as a screen shows it: a former unit carries its district ("Phú Mỹ (Quận 7)"), since
 * many former units share a name ("Phường 1"); a unit in force its name alone.
 */
export function unitName(unit: { name: string; validTo?: string | null; parent?: { name: string } | null }): string {
  return unit.validTo && unit.parent ? `${unit.name} (${unit.parent.name})` : unit.name;
}

