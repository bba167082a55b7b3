import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../lib/router.js';
import { BusinessByTaxCodeQuery, BusinessesByNameQuery } from './documents.js';
import { checkTaxCode } from './tax-code.js';

export interface PickedBusiness {
  id: string;
  name: string;
  taxCode: string;
}

/** Typing letters searches by name; digits look a tax code up. */
const isNameSearch = (text: string) => /\p{L}/u.test(text);

/**
 * The business a representative speaks for, or a question is from: found by its tax code as it is
 * typed, or by part of its name (with or without diacritics) and picked from the matches. A check-in
 * with it marks the business as engaged in the round.
 */
export function BusinessPicker({ picked, onPick, label }: { picked?: PickedBusiness; onPick(business: PickedBusiness | undefined): void; label?: string }) {
  const { t } = useTranslation();
  const hintId = useId();
  const [text, setText] = useState('');
  const byName = isNameSearch(text);
  const check = byName ? 'invalid' : checkTaxCode(text);
  const [{ data, fetching, error }] = useQuery({ query: BusinessByTaxCodeQuery, variables: { taxCode: text.trim() }, pause: byName || check !== 'valid' });
  const [matches] = useQuery({ query: BusinessesByNameQuery, variables: { search: text.trim() }, pause: !byName || text.trim().length < 2 });
  const found = !byName && check === 'valid' && !fetching ? data?.business : undefined;
  useEffect(() => {
    onPick(found ? { id: found.id, name: found.name, taxCode: found.taxCode } : undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the business found, not on the callback's identity (a new one each render)
  }, [found?.id]);

  let hint: string | undefined;
  if (byName) hint = text.trim().length < 2 ? t('business.nameHint') : matches.data && matches.data.businesses.edges.length === 0 ? t('business.noMatch') : t('business.pickOne');
  else if (check === 'incomplete') hint = t('business.taxCodeIncomplete');
  else if (check === 'invalid') hint = t('business.taxCodeInvalid');
  else if (check === 'valid' && error) hint = t('kiosk.businessOffline');
  else if (check === 'valid' && !fetching && data && !data.business) hint = t('business.unknown');
  const options = byName ? (matches.data?.businesses.edges.map((e) => e.node) ?? []) : [];
  return (
    <div className="business-picker">
      <label className="field">
        {label ?? t('kiosk.business')}
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('business.pickerPlaceholder')} autoComplete="off" aria-describedby={hintId} />
      </label>
      <p id={hintId} className="muted" role="status" data-testid="kiosk-business">
        {picked ? t('kiosk.businessPicked', { name: picked.name }) : (hint ?? t('business.taxCodeHint'))}
        {!byName && check === 'valid' && !fetching && data && !data.business && <> · <Link to="/logging">{t('business.register')}</Link></>}
      </p>
      {options.length > 0 && !picked ? (
        <ul className="business-matches" aria-label={t('business.matches')}>
          {options.map((b) => (
            <li key={b.id}>
              <button type="button" className="secondary" onClick={() => setText(b.taxCode)}>
                {b.name} <small>({b.taxCode}{b.ward ? `, ${b.ward.name}` : ''})</small>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
