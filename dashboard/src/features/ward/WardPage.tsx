import { Suspense, lazy, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/index.js';
import { useLiveQuery, useQueryRefreshedBy } from '../../lib/live.js';
import { Link } from '../../lib/router.js';
import { formatDate, formatNumber, hcmcLocalToIso } from '../../lib/format.js';
import { untilLabel } from '../../lib/unit-labels.js';
import { ExportButton } from '../../lib/export/ExportButton.js';
import { DueBadge } from '../../lib/DueBadge.js';

const AttendanceOverTime = lazy(() => import('./AttendanceOverTime.js'));

const WardsQuery = graphql(`
  query WardsList($asOf: DateTime) {
    wards(asOf: $asOf) { id name rolloutWave validTo successors { ward { id name } whole } stats { sessions attendance concerns concernsClosed } }
  }
`);

const WardQuery = graphql(`
  query WardDetail($id: ID!) {
    ward(id: $id) {
      id name code rolloutWave validFrom validTo
      parent { name }
      predecessors { ward { id name code validTo parent { name } } whole legalBasis clause effectiveAt }
      successors { ward { id name } whole legalBasis clause effectiveAt }
      stats { sessions attendance concerns concernsClosed overdue }
      handedOverConcerns { id topic status raisedAt closedAt dueAt overdue ward { id name } }
      lineageStats {
        own { sessions attendance concerns concernsClosed }
        predecessors { whole ward { id name } stats { sessions attendance concerns concernsClosed } }
        combined { sessions attendance concerns concernsClosed }
      }
    }
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
  // The wards in force on the chosen day: today's by default; an earlier day shows the wards of then.
  const [day, setDay] = useState('');
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(day) ? (hcmcLocalToIso(`${day}T12:00`) ?? null) : null;
  const [{ data, error }] = useLiveQuery({ query: WardsQuery, variables: { asOf } });
  const wards = data?.wards ?? [];
  return (
    <section aria-labelledby="wards-title">
      <div className="page-head">
        <h1 id="wards-title">{t('ward.listTitle')}</h1>
        <label className="field inline">
          {t('units.asOf')}{' '}
          <input type="date" value={day} min="2006-01-01" onChange={(e) => setDay(e.target.value)} data-testid="wards-as-of" />
        </label>
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
                <th scope="row">
                  <Link to={`/ward/${w.id}`}>{w.name}</Link> {untilLabel(w.validTo, t)}
                  {w.successors.length > 0 && <> → {w.successors.map((x, i) => <span key={x.ward.id}>{i > 0 && ', '}<Link to={`/ward/${x.ward.id}`}>{x.ward.name}</Link></span>)}</>}
                </th>
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
  const [{ data, error }] = useQueryRefreshedBy({ query: WardQuery, variables: { id } }, { query: WardAttendanceSubscription, variables: { wardId: id } }, 500);
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  if (!data.ward) return <p role="alert">{t('ward.notFound')}</p>;
  const { ward } = data;
  const sessions = data.sessions.edges.map((e) => e.node);
  const concerns = data.concerns.edges.map((e) => e.node);
  return (
    <section aria-labelledby="ward-title">
      <div className="page-head">
        <h1 id="ward-title">{ward.validTo ? `${t('ward.title', { name: ward.name })} ${untilLabel(ward.validTo, t)}` : t('ward.title', { name: ward.name })}</h1>
        <span className={`wave-tag wave-${ward.rolloutWave.toLowerCase()}`}>{t(`wave.${ward.rolloutWave}`)}</span>
      </div>
      <p className="muted" data-testid="ward-lineage">
        {ward.code} · {ward.parent.name}
        {ward.successors.length > 0 && <> · {t('units.successors')}: {ward.successors.map((p, i) => <span key={p.ward.id}>{i > 0 && ', '}<Link to={`/ward/${p.ward.id}`}>{p.ward.name}</Link>{p.whole ? '' : ` (${t('units.part')})`}{p.clause ? `, ${p.clause}` : ''}</span>)} ({ward.successors[0]!.legalBasis})</>}
      </p>
      {ward.predecessors.length > 0 && (
        <section className="panel" aria-labelledby="predecessors-title">
          <h2 id="predecessors-title">{t('units.predecessors')}</h2>
          {/* Each former unit with its district (many share a name), whole or part, and the clause it relies on. */}
          <ul data-testid="ward-predecessors">
            {ward.predecessors.map((p) => (
              <li key={p.ward.id} data-predecessor={p.ward.id}>
                <Link to={`/ward/${p.ward.id}`}>{p.ward.name}</Link> ({p.ward.parent.name}, {p.ward.code}) · {p.whole ? t('units.whole') : t('units.part')} · {[p.clause, p.legalBasis].filter(Boolean).join(' ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {ward.lineageStats.predecessors.length > 0 && <LineageFigures stats={ward.lineageStats} />}
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
          {ward.handedOverConcerns.length > 0 && (
            <>
              <h3>{t('ward.handedOver', { count: ward.handedOverConcerns.length })}</h3>
              <ul className="concern-list" data-testid="handed-over">
                {ward.handedOverConcerns.map((c) => (
                  <li key={c.id}>
                    <Link to={`/concerns/${c.id}`}>{c.topic}</Link>
                    <small> · {c.ward?.name} · {t(`concernStatus.${c.status}`)} · {formatDate(c.raisedAt)}</small>{' '}
                    <DueBadge dueAt={c.dueAt} overdue={c.overdue} closed={!!c.closedAt} />
                  </li>
                ))}
              </ul>
            </>
          )}
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

type Figures = { sessions: number; attendance: number; concerns: number; concernsClosed: number };

/**
 * A ward with its predecessors' history: alone, or together with them. Predecessors that joined whole
 * are summed; a divided one is shown beside the sum, never apportioned.
 */
function LineageFigures({ stats }: { stats: { own: Figures; combined: Figures; predecessors: { whole: boolean; ward: { id: string; name: string }; stats: Figures }[] } }) {
  const { t, i18n } = useTranslation();
  const [withPredecessors, setWithPredecessors] = useState(false);
  const keys = ['sessions', 'attendance', 'concerns', 'concernsClosed'] as const;
  const row = (label: ReactNode, f: Figures, testId: string, note?: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}{note && <small className="muted"> · {note}</small>}</th>
      {keys.map((k) => <td key={k}>{formatNumber(f[k], i18n.language)}</td>)}
    </tr>
  );
  return (
    <section className="panel" aria-labelledby="lineage-title">
      <div className="panel-head">
        <h2 id="lineage-title">{t('ward.lineageTitle')}</h2>
        <fieldset className="toggle">
          <label><input type="radio" name="lineage" checked={!withPredecessors} onChange={() => setWithPredecessors(false)} /> {t('ward.ownOnly')}</label>{' '}
          <label><input type="radio" name="lineage" checked={withPredecessors} onChange={() => setWithPredecessors(true)} data-testid="with-predecessors" /> {t('ward.withPredecessors')}</label>
        </fieldset>
      </div>
      <table>
        <thead><tr><th scope="col">{t('table.ward')}</th>{keys.map((k) => <th key={k} scope="col">{t(`table.${k}`)}</th>)}</tr></thead>
        <tbody>
          {row(t('ward.ownOnly'), stats.own, 'lineage-own')}
          {withPredecessors && stats.predecessors.filter((p) => p.whole).map((p) => row(<Link to={`/ward/${p.ward.id}`}>{p.ward.name}</Link>, p.stats, `lineage-${p.ward.id}`))}
          {withPredecessors && row(<strong>{t('ward.combined')}</strong>, stats.combined, 'lineage-combined')}
          {withPredecessors && stats.predecessors.filter((p) => !p.whole).map((p) => row(<Link to={`/ward/${p.ward.id}`}>{p.ward.name}</Link>, p.stats, `lineage-${p.ward.id}`, t('ward.divided')))}
        </tbody>
      </table>
    </section>
  );
}
