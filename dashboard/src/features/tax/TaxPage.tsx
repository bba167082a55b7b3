import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/index.js';
import { useQueryRefreshedBy } from '../../lib/live.js';
import { Link } from '../../lib/router.js';
import { durationSince, formatDate, formatNumber } from '../../lib/format.js';
import { ExportButton } from '../../lib/export/ExportButton.js';
import { DueBadge, dueDay } from '../../lib/DueBadge.js';

const TaxQuery = graphql(`
  query TaxDialogues {
    summary {
      tax {
        rounds businessesEngaged escalatedToCity
        outcomes { open answeredOnSpot inProgress resolved escalated answered }
      }
    }
    sessions(kind: BUSINESS_TAX, first: 50) {
      totalCount
      edges { node { id title status scheduledAt attendance hostBody } }
    }
    trade: businesses(sector: TRADE, first: 1) { totalCount }
    services: businesses(sector: SERVICES, first: 1) { totalCount }
    transport: businesses(sector: TRANSPORT, first: 1) { totalCount }
    construction: businesses(sector: CONSTRUCTION, first: 1) { totalCount }
    manufacturing: businesses(sector: MANUFACTURING, first: 1) { totalCount }
    other: businesses(sector: OTHER, first: 1) { totalCount }
    concerns(status: ESCALATED, first: 100) {
      edges { node { id topic raisedAt authority dueAt overdue business { name taxCode } session { kind title } history { to at } } }
    }
  }
`);

const TaxChangesSubscription = graphql(`
  subscription TaxChanges {
    summaryChanged { tax { rounds } }
  }
`);

/** Tax dialogue rounds: businesses engaged, outcomes, and the escalation queue with how long each concern has waited. */
export function TaxPage() {
  const { t, i18n } = useTranslation();
  const [{ data, error }] = useQueryRefreshedBy({ query: TaxQuery }, { query: TaxChangesSubscription }, 500);
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { tax } = data.summary;
  const rounds = data.sessions.edges.map((e) => e.node);
  const queue = data.concerns.edges
    .map((e) => e.node)
    .filter((c) => c.session.kind === 'BUSINESS_TAX')
    .map((c) => {
      const escalatedAt = [...c.history].reverse().find((step) => step.to === 'ESCALATED')?.at ?? c.raisedAt;
      return { ...c, escalatedAt, waited: durationSince(escalatedAt) };
    })
    .sort((a, b) => a.escalatedAt.localeCompare(b.escalatedAt));
  const sectors = [
    { sector: 'TRADE', count: data.trade.totalCount },
    { sector: 'SERVICES', count: data.services.totalCount },
    { sector: 'TRANSPORT', count: data.transport.totalCount },
    { sector: 'CONSTRUCTION', count: data.construction.totalCount },
    { sector: 'MANUFACTURING', count: data.manufacturing.totalCount },
    { sector: 'OTHER', count: data.other.totalCount },
  ];
  const outcomes: [string, number][] = [
    ['answeredOnSpot', tax.outcomes.answeredOnSpot],
    ['resolvedByDistrict', tax.outcomes.resolved],
    ['escalatedToCity', tax.outcomes.escalated],
    ['answeredAfterEscalation', tax.outcomes.answered],
    ['pending', tax.outcomes.open + tax.outcomes.inProgress],
  ];
  return (
    <section aria-labelledby="tax-title">
      <h1 id="tax-title">{t('tax.title')}</h1>
      <ul className="kpi-tiles">
        <li className="kpi"><span className="kpi-label">{t('tax.rounds')}</span><span className="kpi-value" data-testid="tax-rounds">{formatNumber(tax.rounds, i18n.language)}</span></li>
        <li className="kpi"><span className="kpi-label">{t('kpi.businessesEngaged')}</span><span className="kpi-value">{formatNumber(tax.businessesEngaged, i18n.language)}</span></li>
        <li className="kpi"><span className="kpi-label">{t('tax.everEscalated')}</span><span className="kpi-value">{formatNumber(tax.escalatedToCity, i18n.language)}</span></li>
      </ul>
      <section className="panel" aria-labelledby="sectors-title">
        <div className="panel-head">
          <h2 id="sectors-title">{t('tax.bySector')}</h2>
          <ExportButton filename="doanh-nghiep-theo-linh-vuc.csv" rows={sectors} columns={[{ header: t('business.sector'), value: (r) => t(`sector.${r.sector}`) }, { header: t('tax.registered'), value: (r) => r.count }]} />
        </div>
        <dl className="outcomes" data-testid="businesses-by-sector">
          {sectors.map((row) => (
            <div key={row.sector}><dt>{t(`sector.${row.sector}`)}</dt><dd>{formatNumber(row.count, i18n.language)}</dd></div>
          ))}
        </dl>
      </section>
      <section className="panel" aria-labelledby="outcomes-title">
        <h2 id="outcomes-title">{t('tax.outcomes')}</h2>
        <dl className="outcomes">
          {outcomes.map(([key, value]) => (
            <div key={key}><dt>{t(`tax.outcome.${key}`)}</dt><dd>{formatNumber(value, i18n.language)}</dd></div>
          ))}
        </dl>
      </section>
      <section className="panel" aria-labelledby="queue-title">
        <div className="panel-head">
          <h2 id="queue-title">{t('tax.queue')}</h2>
          <ExportButton
            filename="kien-nghi-cho-thanh-pho.csv"
            rows={queue}
            columns={[
              { header: t('table.topic'), value: (c) => c.topic },
              { header: t('table.business'), value: (c) => c.business?.name ?? '' },
              { header: t('table.taxCode'), value: (c) => c.business?.taxCode ?? '' },
              { header: t('table.authority'), value: (c) => t(`authority.${c.authority}`) },
              { header: t('tax.escalatedAt'), value: (c) => formatDate(c.escalatedAt) },
              { header: t('tax.waitedDays'), value: (c) => c.waited.days },
              { header: t('deadline.dueColumn'), value: (c) => (c.dueAt ? dueDay(c.dueAt) : '') },
              { header: t('deadline.overdue'), value: (c) => (c.overdue ? t('deadline.yes') : '') },
            ]}
          />
        </div>
        {queue.length === 0 ? <p className="muted">{t('tax.queueEmpty')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('table.topic')}</th><th scope="col">{t('table.business')}</th><th scope="col">{t('table.authority')}</th><th scope="col">{t('tax.escalatedAt')}</th><th scope="col">{t('tax.waited')}</th><th scope="col">{t('deadline.dueColumn')}</th></tr></thead>
            <tbody>
              {queue.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/concerns/${c.id}`}>{c.topic}</Link></td>
                  <td>{c.business ? `${c.business.name} (${c.business.taxCode})` : '—'}</td>
                  <td>{t(`authority.${c.authority}`)}</td>
                  <td>{formatDate(c.escalatedAt)}</td>
                  <td>{t('concerns.waited', c.waited)}</td>
                  <td><DueBadge dueAt={c.dueAt} overdue={c.overdue} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t('tax.roundList', { count: data.sessions.totalCount })}</h2>
        <table>
          <thead><tr><th scope="col">{t('table.date')}</th><th scope="col">{t('table.title')}</th><th scope="col">{t('table.status')}</th><th scope="col">{t('table.attendance')}</th></tr></thead>
          <tbody>
            {rounds.map((s) => (
              <tr key={s.id}><td>{formatDate(s.scheduledAt)}</td><td>{s.title}</td><td>{t(`sessionStatus.${s.status}`)}</td><td>{formatNumber(s.attendance, i18n.language)}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
