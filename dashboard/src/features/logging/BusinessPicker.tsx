import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../lib/router.js';
import { BusinessByTaxCodeQuery } from './documents.js';
import { checkTaxCode } from './tax-code.js';

export interface PickedBusiness {
  id: string;
  name: string;
  taxCode: string;
}

/**
 * The business a representative speaks for, found by its tax code as it is typed (a tax round's
 * kiosk): a check-in with it marks the business as engaged in the round.
 */
export function BusinessPicker({ picked, onPick }: { picked?: PickedBusiness; onPick(business: PickedBusiness | undefined): void }) {
  const { t } = useTranslation();
  const [taxCode, setTaxCode] = useState('');
  const check = checkTaxCode(taxCode);
  const [{ data, fetching, error }] = useQuery({ query: BusinessByTaxCodeQuery, variables: { taxCode: taxCode.trim() }, pause: check !== 'valid' });
  const found = check === 'valid' && !fetching ? data?.business : undefined;
  useEffect(() => {
    onPick(found ? { id: found.id, name: found.name, taxCode: found.taxCode } : undefined);
    // NOTE: keyed on the business found, not on the callback's identity (a new one each render).
  }, [found?.id]);

  let hint: string | undefined;
  if (check === 'incomplete') hint = t('business.taxCodeIncomplete');
  else if (check === 'invalid') hint = t('business.taxCodeInvalid');
  else if (check === 'valid' && error) hint = t('kiosk.businessOffline');
  else if (check === 'valid' && !fetching && data && !data.business) hint = t('business.unknown');
  return (
    <div className="business-picker">
      <label className="field">
        {t('kiosk.business')}
        <input value={taxCode} onChange={(e) => setTaxCode(e.target.value)} inputMode="numeric" placeholder="0312345678" aria-describedby="business-picker-hint" />
      </label>
      <p id="business-picker-hint" className="muted" role="status" data-testid="kiosk-business">
        {picked ? t('kiosk.businessPicked', { name: picked.name }) : (hint ?? t('business.taxCodeHint'))}
        {check === 'valid' && !fetching && data && !data.business && <> · <Link to="/logging">{t('business.register')}</Link></>}
      </p>
    </div>
  );
}
