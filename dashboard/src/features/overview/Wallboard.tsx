import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveAnnouncer } from '../../lib/announcer.js';
import { useLive } from '../../lib/live.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { OverdueTally } from '../../lib/OverdueTally.js';
import { KpiTiles } from './Overview.js';
import { JurisdictionName } from '../../lib/JurisdictionName.js';
import { useOverviewData } from './use-overview-data.js';
import { useQueryRefreshedBy } from '../../lib/live.js';
import { agendaNow } from './agenda-now.js';
import { WallboardAgendasQuery, WallboardConcernsSubscription } from './documents.js';
import { CITY_UNITS, UnitGrid, apartFrom, unitGroups } from './UnitGrid.js';

const WARD_SECONDS = 8;
/** Live sessions listed by name; the rest are counted (the screen must not scroll). */
const LIVE_SHOWN = 4;

/** The overview for a meeting-room screen: large numbers, no controls, one ward after another. */
export function Wallboard() {
  const { t, i18n } = useTranslation();
  const { status } = useLive();
  const data = useOverviewData({ kind: 'all' });
  // Each live dialogue's agenda (residents' voice): what is being discussed now, or what comes next.
  const [{ data: agendas }] = useQueryRefreshedBy({ query: WallboardAgendasQuery }, { query: WallboardConcernsSubscription }, 1000);
  const agendaOf = new Map(agendas?.sessions.edges.map((e) => [e.node.id, agendaNow(e.node.agenda)]) ?? []);
  const [index, setIndex] = useState(0);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setIndex((i) => i + 1);
      setNow(new Date());
    }, WARD_SECONDS * 1000);
    return () => clearInterval(timer);
  }, []);
  const wards = data.summary?.wards ?? [];
  // A city (168 units): every unit on one screen, live ones first, instead of one ward after another.
  const city = wards.length > CITY_UNITS;
  const ward = wards.length ? wards[index % wards.length] : undefined;
  const announcement = data.summary ? `${t('kpi.attendance')}: ${formatNumber(data.summary.attendance, i18n.language)}; ${t('kpi.liveSessions')}: ${formatNumber(data.summary.liveSessions, i18n.language)}` : '';
  const hidden = data.liveSessions.length - LIVE_SHOWN;
  return (
    <main className={`wallboard${city ? ' city' : ''}`} id="main">
      <header>
        <h1>{t('app.title')} · <JurisdictionName /></h1>
        <span className={`live-badge ${status}`} data-testid="live-status" data-status={status}>
          <span aria-hidden="true" className="dot" /> {t(`live.${status}`)}
        </span>
        <time dateTime={now.toISOString()}>{formatDateTime(now)}</time>
      </header>
      {!data.summary && <p aria-busy="true">{t('common.loading')}</p>}
      {data.summary && <KpiTiles summary={data.summary} large />}
      <OverdueTally large />
      <LiveAnnouncer text={announcement} />
      {city && data.summary && <UnitGrid groups={unitGroups(data.summary.unitRows, data.liveSessions)} apart={apartFrom(data.summary.unitRows)} large />}
      {ward && !city && (
        <section className="wallboard-ward" data-ward={ward.ward.id}>
          <h2>{ward.ward.name} <span className={`wave-tag wave-${ward.ward.rolloutWave.toLowerCase()}`}>{t(`wave.${ward.ward.rolloutWave}`)}</span></h2>
          <dl>
            <div><dt>{t('table.sessions')}</dt><dd>{formatNumber(ward.sessions, i18n.language)}</dd></div>
            <div><dt>{t('table.attendance')}</dt><dd>{formatNumber(ward.attendance, i18n.language)}</dd></div>
            <div><dt>{t('table.concerns')}</dt><dd>{formatNumber(ward.concerns, i18n.language)}</dd></div>
            <div><dt>{t('table.concernsClosed')}</dt><dd>{formatNumber(ward.concernsClosed, i18n.language)}</dd></div>
          </dl>
        </section>
      )}
      {data.liveSessions.length > 0 && !city && (
        <ul className="wallboard-live">
          {data.liveSessions.slice(0, LIVE_SHOWN).map((s) => (
            <li key={s.id}>
              <span className="pulse" aria-hidden="true" /> <span className="title">{s.title}</span> <strong>{formatNumber(s.attendance, i18n.language)}</strong>
              {agendaOf.get(s.id) ? (
                <span className="wallboard-agenda" data-testid="agenda-now" data-state={agendaOf.get(s.id)!.state}>
                  {t(agendaOf.get(s.id)!.state === 'now' ? 'voice.current' : 'voice.next')}: {agendaOf.get(s.id)!.item.topic}
                </span>
              ) : null}
            </li>
          ))}
          {hidden > 0 && <li className="more">{t('wallboard.moreLive', { count: hidden })}</li>}
        </ul>
      )}
    </main>
  );
}
