import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/index.js';
import { useQueryRefreshedBy } from '../../lib/live.js';
import { Link } from '../../lib/router.js';
import { durationSince, formatDate, formatNumber } from '../../lib/format.js';
import { ExportButton } from '../../lib/export/ExportButton.js';
import { DueBadge, dueDay } from '../../lib/DueBadge.js';
import { useState } from 'react';
import { SelectField } from '../../lib/SelectField.js';
import { DISTRICT_LEVEL_ENDED_AT, startOfVietnamDate, vietnamDate } from '../../lib/vietnam-time.js';

/** The offices in force the day before the district level ended (the office picker lists both). */
const BEFORE_THE_CHANGE = new Date(Date.parse(DISTRICT_LEVEL_ENDED_AT) - 86_400_000).toISOString();

const TaxQuery = graphql(`
  query TaxDialogues($period: PeriodInput!, $office: ID, $beforeChange: DateTime!) {
    summary(period: $period) {
      tax {
        rounds businessesEngaged escalatedToCity
        outcomes { open answeredOnSpot inProgress resolved escalated answered }
      }
    }
    sessions: sessionsInPeriod(period: $period, kind: BUSINESS_TAX, first: 50) {
      totalCount
      edges { node { id title status scheduledAt attendance hostBody taxOffice { id name } satisfaction { responses average } } }
    }
    stats: taxDialogueStats(period: $period, taxOfficeId: $office) {
      rounds businessesAttending questionsInAdvance unclassified
      bySector { sector count }
      byTopic { topic raised answeredOnSpot answeredInWriting open overdue medianDaysToAnswer }
      satisfaction { responses average }
    }
    now: taxOffices { id name level }
    before: taxOffices(asOf: $beforeChange) { id name level }
    concerns(status: ESCALATED, first: 100) {
      edges { node { id topic raisedAt authority dueAt overdue responsibleBody taxTopic business { name taxCode } session { kind title scheduledAt taxOffice { id } } history { to at } } }
    }
  }
`);

const TaxChangesSubscription = graphql(`
  subscription TaxChanges {
    summaryChanged { tax { rounds } }
  }
`);

/** Tax dialogue rounds: businesses engaged, outcomes, and the escalation queue with how long each concern has waited. */
/** The periods the tax view offers: all time, this year, last year, the report's 2006–2010. */
export function taxPeriods(now = new Date()): { key: string; from: string; to: string }[] {
  const year = Number(vietnamDate(now).slice(0, 4));
  const span = (from: number, to: number) => ({ from: startOfVietnamDate(`${from}-01-01`), to: startOfVietnamDate(`${to}-01-01`) });
  return [
    { key: 'all', ...span(1990, year + 50) },
    { key: String(year), ...span(year, year + 1) },
    { key: String(year - 1), ...span(year - 1, year) },
    { key: '2006-2010', ...span(2006, 2011) },
  ];
}

export function TaxPage() {
  const { t, i18n } = useTranslation();
  const periods = taxPeriods();
  const [periodKey, setPeriodKey] = useState(periods[1]!.key);
  const [office, setOffice] = useState('');
  const chosen = periods.find((p) => p.key === periodKey) ?? periods[0]!;
  const variables = { period: { from: chosen.from, to: chosen.to }, office: office || null, beforeChange: BEFORE_THE_CHANGE };
  const [{ data, error }] = useQueryRefreshedBy({ query: TaxQuery, variables }, { query: TaxChangesSubscription }, 500);
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { tax } = data.summary;
  const rounds = data.sessions.edges.map((e) => e.node).filter((s) => !office || s.taxOffice?.id === office);
  const { stats } = data;
  const offices = [...data.now, ...data.before.filter((o) => !data.now.some((n) => n.id === o.id))];
  const queue = data.concerns.edges
    .map((e) => e.node)
    .filter((c) => c.session.kind === 'BUSINESS_TAX' && c.session.scheduledAt >= chosen.from && c.session.scheduledAt < chosen.to && (!office || c.session.taxOffice?.id === office))
    .map((c) => {
      const escalatedAt = [...c.history].reverse().find((step) => step.to === 'ESCALATED')?.at ?? c.raisedAt;
      return { ...c, escalatedAt, waited: durationSince(escalatedAt) };
    })
    .sort((a, b) => a.escalatedAt.localeCompare(b.escalatedAt));
  const sectors = stats.bySector;
  const topics = stats.byTopic.filter((row) => row.raised > 0);
  const fmt = (n: number) => formatNumber(n, i18n.language);
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
      <p className="muted">
        <Link to="/tax/questions">{t('nav.taxQuestions')}</Link> · <a href="/doanh-nghiep">{t('taxQuestions.publicPage')}</a>
      </p>
      <div className="form-grid filters">
        <SelectField label={t('tax.period')} value={periodKey} onChange={setPeriodKey} options={periods.map((p) => ({ value: p.key, label: p.key === 'all' ? t('tax.allTime') : p.key }))} />
        <SelectField label={t('tax.office')} value={office} onChange={setOffice} first={{ value: '', label: t('tax.allOffices') }} options={offices.map((o) => ({ value: o.id, label: o.name }))} />
      </div>
      <ul className="kpi-tiles">
        <li className="kpi"><span className="kpi-label">{t('tax.rounds')}</span><span className="kpi-value" data-testid="tax-rounds">{fmt(stats.rounds)}</span></li>
        <li className="kpi"><span className="kpi-label">{t('tax.businessesAttending')}</span><span className="kpi-value" data-testid="tax-businesses">{fmt(stats.businessesAttending)}</span></li>
        <li className="kpi"><span className="kpi-label">{t('tax.questionsInAdvance')}</span><span className="kpi-value" data-testid="tax-questions-in-advance">{fmt(stats.questionsInAdvance)}</span></li>
        <li className="kpi"><span className="kpi-label">{t('tax.satisfaction')}</span><span className="kpi-value" data-testid="tax-satisfaction">{stats.satisfaction.average === null ? '—' : `${stats.satisfaction.average.toLocaleString(i18n.language)}/5`}</span><small>{t('tax.responses', { count: stats.satisfaction.responses })}</small></li>
        <li className="kpi"><span className="kpi-label">{t('tax.everEscalated')}</span><span className="kpi-value">{fmt(tax.escalatedToCity)}</span></li>
      </ul>
      <section className="panel" aria-labelledby="topics-title">
        <div className="panel-head">
          <h2 id="topics-title">{t('tax.byTopic')}</h2>
          <ExportButton
            filename="cau-hoi-theo-chu-de.csv"
            rows={stats.byTopic}
            columns={[
              { header: t('concerns.taxTopic'), value: (r) => t(`taxTopic.${r.topic}`) },
              { header: t('tax.raised'), value: (r) => r.raised },
              { header: t('answerForm.ON_THE_SPOT'), value: (r) => r.answeredOnSpot },
              { header: t('answerForm.IN_WRITING'), value: (r) => r.answeredInWriting },
              { header: t('tax.open'), value: (r) => r.open },
              { header: t('deadline.overdue'), value: (r) => r.overdue },
              { header: t('tax.medianDays'), value: (r) => r.medianDaysToAnswer ?? '' },
            ]}
          />
        </div>
        {topics.length === 0 ? <p className="muted">{t('tax.noQuestions')}</p> : (
          <table data-testid="tax-by-topic">
            <thead><tr><th scope="col">{t('concerns.taxTopic')}</th><th scope="col">{t('tax.raised')}</th><th scope="col">{t('answerForm.ON_THE_SPOT')}</th><th scope="col">{t('answerForm.IN_WRITING')}</th><th scope="col">{t('tax.open')}</th><th scope="col">{t('deadline.overdue')}</th><th scope="col">{t('tax.medianDays')}</th></tr></thead>
            <tbody>
              {topics.map((r) => (
                <tr key={r.topic} data-topic={r.topic}><td>{t(`taxTopic.${r.topic}`)}</td><td>{fmt(r.raised)}</td><td>{fmt(r.answeredOnSpot)}</td><td>{fmt(r.answeredInWriting)}</td><td>{fmt(r.open)}</td><td>{fmt(r.overdue)}</td><td>{r.medianDaysToAnswer ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {stats.unclassified > 0 && <p className="muted">{t('tax.unclassified', { count: stats.unclassified })}</p>}
      </section>
      <section className="panel" aria-labelledby="sectors-title">
        <div className="panel-head">
          <h2 id="sectors-title">{t('tax.bySector')}</h2>
          <ExportButton filename="doanh-nghiep-theo-linh-vuc.csv" rows={sectors} columns={[{ header: t('business.sector'), value: (r) => t(`sector.${r.sector}`) }, { header: t('tax.attending'), value: (r) => r.count }]} />
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
              { header: t('concerns.responsibleBody'), value: (c) => c.responsibleBody },
              { header: t('tax.escalatedAt'), value: (c) => formatDate(c.escalatedAt) },
              { header: t('tax.waitedDays'), value: (c) => c.waited.days },
              { header: t('deadline.dueColumn'), value: (c) => (c.dueAt ? dueDay(c.dueAt) : '') },
              { header: t('deadline.overdue'), value: (c) => (c.overdue ? t('deadline.yes') : '') },
            ]}
          />
        </div>
        {queue.length === 0 ? <p className="muted">{t('tax.queueEmpty')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('table.topic')}</th><th scope="col">{t('table.business')}</th><th scope="col">{t('concerns.responsibleBody')}</th><th scope="col">{t('tax.escalatedAt')}</th><th scope="col">{t('tax.waited')}</th><th scope="col">{t('deadline.dueColumn')}</th></tr></thead>
            <tbody>
              {queue.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/concerns/${c.id}`}>{c.topic}</Link></td>
                  <td>{c.business ? `${c.business.name} (${c.business.taxCode})` : '—'}</td>
                  <td>{c.responsibleBody}</td>
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
          <thead><tr><th scope="col">{t('table.date')}</th><th scope="col">{t('table.title')}</th><th scope="col">{t('tax.office')}</th><th scope="col">{t('table.status')}</th><th scope="col">{t('table.attendance')}</th><th scope="col">{t('tax.satisfaction')}</th></tr></thead>
          <tbody>
            {rounds.map((s) => (
              <tr key={s.id}><td>{formatDate(s.scheduledAt)}</td><td>{s.title}</td><td>{s.taxOffice?.name ?? s.hostBody}</td><td>{t(`sessionStatus.${s.status}`)}</td><td>{fmt(s.attendance)}</td><td>{s.satisfaction?.average != null ? `${s.satisfaction.average.toLocaleString(i18n.language)}/5 (${s.satisfaction.responses})` : '—'}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
