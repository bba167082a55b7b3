import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { graphql } from '../../gql/index.js';
import { useLiveQuery, useThrottled } from '../../app/live.js';
import { formatNumber } from '../../lib/format.js';

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
  const [{ data }, refetch] = useLiveQuery({ query: OverdueQuery, variables: {} });
  const refetchLater = useThrottled(() => refetch({ requestPolicy: 'network-only' }), 2000);
  useSubscription({ query: OverdueChangedSubscription }, (_prev, event) => {
    refetchLater();
    return event;
  });
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
