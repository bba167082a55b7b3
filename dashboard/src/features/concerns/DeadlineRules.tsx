import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useViewer } from '../../lib/viewer.js';
import { formatDateTime } from '../../lib/format.js';
import { AUTHORITIES, type Authority } from '../../lib/allowed-moves.js';
import { choices, SelectField } from '../../lib/SelectField.js';

const DeadlineRulesQuery = graphql(`
  query DeadlineRules {
    deadlineRules { version changedAt changedBy rules { authority sessionKind workingDays source } }
  }
`);

const SetDeadlineRuleMutation = graphql(`
  mutation SetDeadlineRule($input: SetDeadlineRuleInput!) {
    setDeadlineRule(input: $input) { version changedAt changedBy rules { authority sessionKind workingDays source } }
  }
`);

const KINDS = ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'] as const;
type Kind = (typeof KINDS)[number];

/** The deadline rules with their sources; an admin changes one (for concerns raised from then on). */
export function DeadlineRules() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data, error }, refetch] = useQuery({ query: DeadlineRulesQuery, requestPolicy: 'cache-and-network' });
  const [saving, save] = useMutation(SetDeadlineRuleMutation);
  const [authority, setAuthority] = useState<Authority>('WARD');
  const [kind, setKind] = useState<Kind | ''>('');
  const [days, setDays] = useState('10');
  const [source, setSource] = useState('');
  const [saved, setSaved] = useState<number>();
  const set = data?.deadlineRules;
  return (
    <section aria-labelledby="deadlines-title">
      <div className="page-head">
        <h1 id="deadlines-title">{t('deadline.title')}</h1>
      </div>
      <p className="muted">{t('deadline.intro')}</p>
      {error && !data && <p role="alert" className="error">{t('errors.load')}: {error.message}</p>}
      {set && (
        <>
          <p data-testid="deadline-version">
            {t('deadline.version', { version: set.version })}
            {set.changedAt ? ` · ${t('deadline.changed', { at: formatDateTime(set.changedAt), by: set.changedBy ?? '' })}` : ` · ${t('deadline.defaults')}`}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('table.authority')}</th>
                <th scope="col">{t('deadline.kind')}</th>
                <th scope="col">{t('deadline.workingDays')}</th>
                <th scope="col">{t('deadline.source')}</th>
              </tr>
            </thead>
            <tbody>
              {set.rules.map((r) => (
                <tr key={`${r.authority}-${r.sessionKind ?? ''}`} data-rule={`${r.authority}-${r.sessionKind ?? 'ANY'}`}>
                  <td>{t(`authority.${r.authority}`)}</td>
                  <td>{r.sessionKind ? t(`sessionKind.${r.sessionKind}`) : t('deadline.anyKind')}</td>
                  <td>{r.workingDays}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {viewer.abilities?.mayChangeDeadlineRules && (
        <form
          className="panel"
          aria-labelledby="deadline-form-title"
          onSubmit={async (event) => {
            event.preventDefault();
            setSaved(undefined);
            const result = await save({ input: { authority, sessionKind: kind || null, workingDays: Number(days), source } });
            if (result.data) {
              setSaved(result.data.setDeadlineRule.version);
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        >
          <h2 id="deadline-form-title">{t('deadline.change')}</h2>
          <SelectField label={t('table.authority')} value={authority} onChange={(v) => setAuthority(v as Authority)} options={choices(AUTHORITIES, (a) => t(`authority.${a}`))} />
          <SelectField
            label={t('deadline.kind')}
            value={kind}
            onChange={(v) => setKind(v as Kind | '')}
            first={{ value: '', label: t('deadline.anyKind') }}
            options={choices(KINDS, (k) => t(`sessionKind.${k}`))}
          />
          <label className="field">
            {t('deadline.workingDays')}
            <input type="number" min={1} max={250} required value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
          <label className="field">
            {t('deadline.source')}
            <input type="text" required maxLength={500} value={source} onChange={(e) => setSource(e.target.value)} placeholder={t('deadline.sourcePlaceholder')} />
          </label>
          <p className="muted">{t('deadline.appliesLater')}</p>
          <button type="submit" disabled={saving.fetching}>{t('deadline.save')}</button>
          {saving.error && <p role="alert" className="error">{saving.error.graphQLErrors[0]?.message ?? saving.error.message}</p>}
          {saved !== undefined && <p role="status">{t('deadline.saved', { version: saved })}</p>}
        </form>
      )}
    </section>
  );
}
