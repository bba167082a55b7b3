import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index.js';
import { useQueryRefreshedBy } from './live.js';
import { formatNumber } from './format.js';

const OverdueQuery = graphql(`
  query OverdueTally {
    summary { overdue wards { ward { id name } overdue } }
  }
`);

const OverdueChangedSubscription = graphql(`
  subscription OverdueChanged {
    concernChanged { id status }
  }
`);

/**
 * How many unanswered concerns are past their deadline, and in which wards: a word and an icon, not
 * colour alone. Re-read when a concern changes (a count query per ward: docs/data-model.md "Deadlines").
 */
export function OverdueTally({ large = false }: { large?: boolean }) {
  const { t, i18n } = useTranslation();
  const [{ data }] = useQueryRefreshedBy({ query: OverdueQuery, variables: {} }, { query: OverdueChangedSubscription }, 2000);
  if (!data) return null;
  const late = data.summary.wards.filter((w) => w.overdue > 0);
  return (
    <section className={`overdue-tally${large ? ' large' : ''}`} aria-label={t('deadline.overdueTally')} data-testid="overdue-tally" data-overdue={data.summary.overdue}>
      <strong>
        {data.summary.overdue > 0 && <span aria-hidden="true">⚠ </span>}
        {t('deadline.overdueCount', { count: data.summary.overdue, n: formatNumber(data.summary.overdue, i18n.language) })}
      </strong>
      {late.length > 0 && (
        <ul>
          {late.map((w) => (
            <li key={w.ward.id} data-ward={w.ward.id}>{w.ward.name}: {formatNumber(w.overdue, i18n.language)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
