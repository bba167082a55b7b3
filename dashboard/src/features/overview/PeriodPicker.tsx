import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../lib/DateFields.js';
import { currentHcmcQuarter, currentHcmcYear, type PeriodChoice } from '../../lib/period.js';

type Kind = Exclude<PeriodChoice['kind'], 'review'> | 'interim' | 'final';

function kindOf(choice: PeriodChoice): Kind {
  return choice.kind === 'review' ? choice.review : choice.kind;
}

/** The years offered: the dialogues began in 2006 (Hướng dẫn 12-HD/QU). */
function years(now = currentHcmcYear()): number[] {
  const list: number[] = [];
  for (let year = now; year >= 2006; year--) list.push(year);
  return list;
}

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange(choice: PeriodChoice): void }) {
  const { t } = useTranslation();
  const id = useId();
  const kind = kindOf(value);
  const year = 'year' in value ? value.year : currentHcmcYear();

  const choose = (next: Kind) => {
    if (next === 'all') onChange({ kind: 'all' });
    else if (next === 'year') onChange({ kind: 'year', year });
    else if (next === 'quarter') onChange({ kind: 'quarter', year, quarter: currentHcmcQuarter() });
    else if (next === 'custom') onChange({ kind: 'custom', from: `${year}-01-01`, to: `${year}-12-31` });
    else onChange({ kind: 'review', review: next, year });
  };
  const setYear = (nextYear: number) => {
    if (value.kind === 'year' || value.kind === 'quarter' || value.kind === 'review') onChange({ ...value, year: nextYear });
  };

  return (
    <fieldset className="period-picker" data-testid="period-picker">
      <legend>{t('period.label')}</legend>
      <label htmlFor={`${id}-kind`} className="visually-hidden">{t('period.kind')}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => choose(e.target.value as Kind)}>
        <option value="all">{t('period.all')}</option>
        <option value="year">{t('period.year')}</option>
        <option value="quarter">{t('period.quarter')}</option>
        <option value="interim">{t('period.interim')}</option>
        <option value="final">{t('period.final')}</option>
        <option value="custom">{t('period.custom')}</option>
      </select>
      {(value.kind === 'year' || value.kind === 'quarter' || value.kind === 'review') && (
        <>
          <label htmlFor={`${id}-year`} className="visually-hidden">{t('period.yearLabel')}</label>
          <select id={`${id}-year`} value={value.year} onChange={(e) => setYear(Number(e.target.value))}>
            {years().map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </>
      )}
      {value.kind === 'quarter' && (
        <>
          <label htmlFor={`${id}-quarter`} className="visually-hidden">{t('period.quarterLabel')}</label>
          <select id={`${id}-quarter`} value={value.quarter} onChange={(e) => onChange({ ...value, quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>{t('period.quarterN', { n: q })}</option>
            ))}
          </select>
        </>
      )}
      {value.kind === 'custom' && (
        <>
          <DateField label={t('period.from')} value={value.from} onChange={(from) => onChange({ ...value, from })} />
          <DateField label={t('period.to')} value={value.to} onChange={(to) => onChange({ ...value, to })} />
        </>
      )}
    </fieldset>
  );
}
