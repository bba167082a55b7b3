import { Suspense, lazy, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JurisdictionName } from '../../lib/JurisdictionName.js';
import type { SummaryFieldsFragment } from '../../gql/graphql.js';
import { LiveAnnouncer } from '../../lib/announcer.js';
import { Link } from '../../lib/router.js';
import { formatDateTime, formatNumber, formatTime } from '../../lib/format.js';
import { ExportButton } from '../../lib/export/ExportButton.js';
import { groupFeed } from './feed.js';
import { PeriodPicker } from './PeriodPicker.js';
import { useOverviewData, type ActivityItem, type LiveSession } from './use-overview-data.js';
import type { PeriodChoice } from '../../lib/period.js';
import { CITY_UNITS, UnitGrid, apartFrom, unitGroups } from './UnitGrid.js';

const OverviewCharts = lazy(() => import('./OverviewCharts.js'));

export type Summary = SummaryFieldsFragment;

export function closedConcerns(summary: Summary) {
  return summary.concerns.answeredOnSpot + summary.concerns.resolved + summary.concerns.answered;
}

export function Overview() {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'all' });
  const data = useOverviewData(choice);
  return (
    <section className="overview" aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">{t('overview.title')} <small><JurisdictionName /></small></h1>
        <PeriodPicker value={choice} onChange={setChoice} />
      </div>
      {data.invalidPeriod && <p role="alert" className="error">{t('period.invalid')}</p>}
      {data.error && !data.summary && <p role="alert" className="error">{t('errors.load')}: {data.error.message}</p>}
      {!data.summary && !data.error && !data.invalidPeriod && <p aria-busy="true">{t('common.loading')}</p>}
      {data.summary && (
        <>
          <KpiTiles summary={data.summary} />
          <LiveAnnouncer text={`${t('kpi.attendance')}: ${formatNumber(data.summary.attendance, i18n.language)}; ${t('kpi.liveSessions')}: ${formatNumber(data.summary.liveSessions, i18n.language)}`} />
          <Suspense fallback={<div className="chart-placeholder" aria-busy="true">{t('common.loading')}</div>}>
            <OverviewCharts summary={data.summary} />
          </Suspense>
          <div className="two-columns">
            <LiveSessions sessions={data.liveSessions} />
            <ActivityFeed items={data.feed} />
          </div>
          {data.summary.wards.length > CITY_UNITS ? <CityUnits summary={data.summary} live={data.liveSessions} /> : <RolloutWaves summary={data.summary} />}
        </>
      )}
    </section>
  );
}

export function KpiTiles({ summary, large = false }: { summary: Summary; large?: boolean }) {
  const { t, i18n } = useTranslation();
  const tiles: [string, number][] = [
    ['sessions', summary.sessions],
    ['liveSessions', summary.liveSessions],
    ['attendance', summary.attendance],
    ['concernsOpen', summary.concerns.open + summary.concerns.inProgress],
    ['concernsClosed', closedConcerns(summary)],
    ['concernsEscalated', summary.concerns.escalated],
    ['businessesEngaged', summary.tax.businessesEngaged],
  ];
  return (
    <ul className={`kpi-tiles${large ? ' large' : ''}`} data-testid="kpi-tiles" data-live-numbers="ready" data-consistent={summary.consistent}>
      {tiles.map(([key, value]) => (
        <li key={key} className="kpi" data-kpi={key}>
          <span className="kpi-label">{t(`kpi.${key}`)}</span>
          <span className="kpi-value" data-testid={`kpi-${key}`} data-value={value}>{formatNumber(value, i18n.language)}</span>
        </li>
      ))}
    </ul>
  );
}

function LiveSessions({ sessions }: { sessions: LiveSession[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="live-sessions-title">
      <h2 id="live-sessions-title">{t('overview.liveSessions')}</h2>
      {sessions.length === 0 ? (
        <p className="muted">{t('overview.noLiveSessions')}</p>
      ) : (
        <ul className="live-sessions">
          {sessions.map((session) => (
            <li key={session.id} data-session-id={session.id}>
              <span className="pulse" aria-hidden="true" />
              <div>
                <strong>{session.title}</strong>
                <small>
                  {session.heldBy} · {t(`sessionKind.${session.kind}`)}
                  {session.startedAt ? ` · ${t('overview.since', { time: formatTime(session.startedAt) })}` : ''}
                </small>
              </div>
              <span className="counter" data-testid="live-session-attendance" data-value={session.attendance} aria-label={t('kpi.attendance')}>
                {formatNumber(session.attendance, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The feed line for one audit-trail entry, in the user's language, from its structured fields (the API's description is English). */
function describeActivity(item: ActivityItem, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (item.action) {
    case 'SESSION_SCHEDULED':
    case 'SESSION_STARTED':
    case 'SESSION_CLOSED':
      return t(`feed.${item.action}`, { session: item.sessionTitle ?? '' });
    case 'CHECKED_IN':
      return item.count !== undefined && item.category
        ? t('feed.CHECKED_IN', { count: item.count, category: t(`category.${item.category}`), session: item.sessionTitle ?? '' })
        : item.description;
    case 'BUSINESS_REGISTERED':
      return t('feed.BUSINESS_REGISTERED', { business: item.businessName ?? '' });
    case 'CONCERN_RAISED':
      return t('feed.CONCERN_RAISED', { topic: item.concernTopic ?? '' });
    case 'CONCERN_MOVED':
      return t('feed.CONCERN_MOVED', { topic: item.concernTopic ?? '', status: t(`concernStatus.${item.toStatus}`) });
    case 'REPORT_CREATED':
    case 'REPORT_UPDATED':
    case 'REPORT_ISSUED':
    case 'REORGANISATION_APPLIED':
      return t(`feed.${item.action}`);
    case 'CONCERN_HANDED_OVER':
      return t('feed.CONCERN_HANDED_OVER', { topic: item.concernTopic ?? '', ward: item.wardName ?? '' });
    default:
      return item.description;
  }
}

function ActivityFeed({ items }: { items: ActivityItem[] }) {
  const { t, i18n } = useTranslation();
  const lines = useMemo(() => groupFeed(items), [items]);
  return (
    <section className="panel" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('overview.activity')}</h2>
      {lines.length === 0 ? (
        <p className="muted">{t('overview.noActivity')}</p>
      ) : (
        <ol className="feed" data-testid="activity-feed">
          {lines.map(({ key, item, checkIns }) => (
            <li key={key} data-action={item.action} data-session-id={item.sessionId} data-total={checkIns?.total}>
              {checkIns ? (
                <details className="feed-run">
                  <summary>
                    <time dateTime={item.at}>{formatDateTime(item.at)}</time> {t('feedRun.line', { total: formatNumber(checkIns.total, i18n.language), session: item.sessionTitle ?? '' })}
                    {item.wardName ? <small> · {item.wardName}</small> : null}
                  </summary>
                  <ul>
                    {checkIns.entries.map((entry) => (
                      <li key={entry.id}>
                        <time dateTime={entry.at}>{formatTime(entry.at)}</time> {t('feedRun.entry', { count: entry.count ?? 0, category: entry.category ? t(`category.${entry.category}`) : '' })}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : (
                <>
                  <time dateTime={item.at}>{formatDateTime(item.at)}</time> {describeActivity(item, t)}
                  {item.wardName ? <small> · {item.wardName}</small> : null}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The city's units (more than CITY_UNITS): searchable, live ones first, then by level. */
function CityUnits({ summary, live }: { summary: Summary; live: LiveSession[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => unitGroups(summary.unitRows, live, query), [summary.unitRows, live, query]);
  return (
    <section className="panel" aria-labelledby="units-title">
      <div className="panel-head">
        <h2 id="units-title">{t('city.units')}</h2>
        <label className="unit-search">
          {t('city.search')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="unit-search" />
        </label>
      </div>
      <UnitGrid groups={groups} apart={query.trim() ? undefined : apartFrom(summary.unitRows)} linked />
    </section>
  );
}

function RolloutWaves({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const waves = ['PILOT', 'SECOND', 'THIRD'] as const;
  const rows = summary.wards;
  // What belongs to no unit is part of the totals too: the CSV and the panel say it, so they add up.
  const none = summary.unitRows.find((r) => !r.ward);
  const csvRows = [...rows.map((r) => ({ name: r.ward.name, wave: t(`wave.${r.ward.rolloutWave}`), ...r })), ...(none ? [{ ...none, name: t('overview.noUnit'), wave: '' }] : [])];
  return (
    <section className="panel" aria-labelledby="waves-title">
      <div className="panel-head">
        <h2 id="waves-title">{t('overview.waves')}</h2>
        <ExportButton
          filename="tong-hop-theo-phuong.csv"
          rows={csvRows}
          columns={[
            { header: t('table.ward'), value: (r) => r.name },
            { header: t('table.wave'), value: (r) => r.wave },
            { header: t('table.sessions'), value: (r) => r.sessions },
            { header: t('table.attendance'), value: (r) => r.attendance },
            { header: t('table.concerns'), value: (r) => r.concerns },
            { header: t('table.concernsClosed'), value: (r) => r.concernsClosed },
          ]}
        />
      </div>
      <ol className="waves">
        {waves.map((wave) => (
          <li key={wave} className={`wave wave-${wave.toLowerCase()}`}>
            <h3>{t(`wave.${wave}`)}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('table.ward')}</th>
                  <th scope="col">{t('table.sessions')}</th>
                  <th scope="col">{t('table.attendance')}</th>
                  <th scope="col">{t('table.concerns')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.filter((r) => r.ward.rolloutWave === wave).map((r) => (
                  <tr key={r.ward.id} data-ward={r.ward.id}>
                    <th scope="row"><Link to={`/ward/${r.ward.id}`}>{r.ward.name}</Link></th>
                    <td>{formatNumber(r.sessions, i18n.language)}</td>
                    <td data-testid="ward-attendance" data-value={r.attendance}>{formatNumber(r.attendance, i18n.language)}</td>
                    <td>{formatNumber(r.concerns, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
      {none ? (
        <p className="muted" data-testid="without-unit" data-value={none.attendance}>
          {t('overview.noUnit')}: {formatNumber(none.sessions, i18n.language)} {t('table.sessions').toLocaleLowerCase(i18n.language)}, {formatNumber(none.attendance, i18n.language)} {t('table.attendance').toLocaleLowerCase(i18n.language)}
        </p>
      ) : null}
    </section>
  );
}
