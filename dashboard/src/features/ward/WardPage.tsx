import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { graphql } from '../../gql/index.js';
import { useLiveQuery, useThrottled } from '../../app/live.js';
import { Link } from '../../app/router.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { ExportButton } from '../export/ExportButton.js';
import { DueBadge } from '../concerns/DueBadge.js';

const AttendanceOverTime = lazy(() => import('./AttendanceOverTime.js'));

const WardsQuery = graphql(`
  query WardsList {
    wards { id name rolloutWave stats { sessions attendance concerns concernsClosed } }
  }
`);

const WardQuery = graphql(`
  query WardDetail($id: ID!) {
    ward(id: $id) { id name rolloutWave stats { sessions attendance concerns concernsClosed overdue } }
    sessions(wardId: $id, first: 50) {
      totalCount
      edges { node { id title kind status scheduledAt attendance } }
    }
    concerns(wardId: $id, first: 50) {
      totalCount
      edges { node { id topic status authority raisedAt closedAt dueAt overdue } }
    }
  }
`);

const WardAttendanceSubscription = graphql(`
  subscription WardAttendance($wardId: ID) {
    attendanceChanged(wardId: $wardId) { delta attendance at session { id } }
  }
`);

export function WardsPage() {
  const { t, i18n } = useTranslation();
  const [{ data, error }] = useLiveQuery({ query: WardsQuery });
  const wards = data?.wards ?? [];
  return (
    <section aria-labelledby="wards-title">
      <div className="page-head">
        <h1 id="wards-title">{t('ward.listTitle')}</h1>
        <ExportButton
          filename="phuong.csv"
          rows={wards}
          columns={[
            { header: t('table.ward'), value: (w) => w.name },
            { header: t('table.wave'), value: (w) => t(`wave.${w.rolloutWave}`) },
            { header: t('table.sessions'), value: (w) => w.stats.sessions },
            { header: t('table.attendance'), value: (w) => w.stats.attendance },
            { header: t('table.concerns'), value: (w) => w.stats.concerns },
            { header: t('table.concernsClosed'), value: (w) => w.stats.concernsClosed },
          ]}
        />
      </div>
      {error && <p role="alert" className="error">{t('errors.load')}: {error.message}</p>}
      {!data && !error && <p aria-busy="true">{t('common.loading')}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('table.ward')}</th>
              <th scope="col">{t('table.wave')}</th>
              <th scope="col">{t('table.sessions')}</th>
              <th scope="col">{t('table.attendance')}</th>
              <th scope="col">{t('table.concerns')}</th>
              <th scope="col">{t('table.concernsClosed')}</th>
            </tr>
          </thead>
          <tbody>
            {wards.map((w) => (
              <tr key={w.id} data-ward={w.id}>
                <th scope="row"><Link to={`/ward/${w.id}`}>{w.name}</Link></th>
                <td>{t(`wave.${w.rolloutWave}`)}</td>
                <td>{formatNumber(w.stats.sessions, i18n.language)}</td>
                <td>{formatNumber(w.stats.attendance, i18n.language)}</td>
                <td>{formatNumber(w.stats.concerns, i18n.language)}</td>
                <td>{formatNumber(w.stats.concernsClosed, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function WardPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useLiveQuery({ query: WardQuery, variables: { id } });
  const refetchLater = useThrottled(() => refetch({ requestPolicy: 'network-only' }), 500);
  useSubscription({ query: WardAttendanceSubscription, variables: { wardId: id } }, (_prev, event) => {
    refetchLater();
    return event;
  });
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  if (!data.ward) return <p role="alert">{t('ward.notFound')}</p>;
  const { ward } = data;
  const sessions = data.sessions.edges.map((e) => e.node);
  const concerns = data.concerns.edges.map((e) => e.node);
  return (
    <section aria-labelledby="ward-title">
      <div className="page-head">
        <h1 id="ward-title">{t('ward.title', { name: ward.name })}</h1>
        <span className={`wave-tag wave-${ward.rolloutWave.toLowerCase()}`}>{t(`wave.${ward.rolloutWave}`)}</span>
      </div>
      <ul className="kpi-tiles">
        {(['sessions', 'attendance', 'concerns', 'concernsClosed', 'overdue'] as const).map((key) => (
          <li key={key} className="kpi">
            <span className="kpi-label">{t(`table.${key}`)}</span>
            <span className="kpi-value">{formatNumber(ward.stats[key], i18n.language)}</span>
          </li>
        ))}
      </ul>
      <Suspense fallback={<div className="chart-placeholder" aria-busy="true">{t('common.loading')}</div>}>
        <AttendanceOverTime sessions={sessions} />
      </Suspense>
      <div className="two-columns">
        <section className="panel" aria-labelledby="ward-sessions-title">
          <div className="panel-head">
            <h2 id="ward-sessions-title">{t('ward.sessions', { count: data.sessions.totalCount })}</h2>
            <ExportButton
              filename={`buoi-doi-thoai-${ward.id}.csv`}
              rows={sessions}
              columns={[
                { header: t('table.date'), value: (s) => formatDate(s.scheduledAt) },
                { header: t('table.title'), value: (s) => s.title },
                { header: t('table.status'), value: (s) => t(`sessionStatus.${s.status}`) },
                { header: t('table.attendance'), value: (s) => s.attendance },
              ]}
            />
          </div>
          {sessions.length === 0 ? <p className="muted">{t('ward.noSessions')}</p> : (
            <table>
              <thead><tr><th scope="col">{t('table.date')}</th><th scope="col">{t('table.title')}</th><th scope="col">{t('table.status')}</th><th scope="col">{t('table.attendance')}</th></tr></thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{formatDate(s.scheduledAt)}</td>
                    <td>{s.title}</td>
                    <td><span className={`status status-${s.status.toLowerCase()}`}>{t(`sessionStatus.${s.status}`)}</span></td>
                    <td>{formatNumber(s.attendance, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="panel" aria-labelledby="ward-concerns-title">
          <h2 id="ward-concerns-title">{t('ward.concerns', { count: data.concerns.totalCount })}</h2>
          {concerns.length === 0 ? <p className="muted">{t('ward.noConcerns')}</p> : (
            <ul className="concern-list">
              {concerns.map((c) => (
                <li key={c.id}>
                  <Link to={`/concerns/${c.id}`}>{c.topic}</Link>
                  <small> · {t(`concernStatus.${c.status}`)} · {formatDate(c.raisedAt)}</small>{' '}
                  <DueBadge dueAt={c.dueAt} overdue={c.overdue} closed={!!c.closedAt} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
