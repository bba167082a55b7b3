import { useTranslation } from 'react-i18next';
import { unitName, untilLabel } from './unit-labels.js';

export interface UnitOption {
  id: string;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
  parent?: { name: string } | null;
}

/**
 * A ward picker's options through time: the units in force during [from, to) (default: now), today's
 * first; former units carry their district and "(đến 30/6/2025)", in a group of their own.
 */
export function UnitOptions({ units, from, to }: { units: readonly UnitOption[]; from?: string; to?: string }) {
  const { t } = useTranslation();
  const now = new Date().toISOString();
  const start = from ?? now;
  const end = to ?? now;
  const during = units.filter((u) => (!u.validTo || u.validTo > start) && (!u.validFrom || u.validFrom <= end));
  const current = during.filter((u) => !u.validTo || u.validTo > now);
  const former = during.filter((u) => u.validTo && u.validTo <= now);
  return (
    <>
      {current.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
      {former.length > 0 && (
        <optgroup label={t('units.formerGroup')}>
          {former.map((w) => <option key={w.id} value={w.id}>{unitName(w)} {untilLabel(w.validTo, t)}</option>)}
        </optgroup>
      )}
    </>
  );
}
