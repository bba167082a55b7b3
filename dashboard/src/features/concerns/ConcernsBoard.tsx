import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { useLiveQuery, useThrottled } from '../../app/live.js';
import { Link } from '../../app/router.js';
import { durationSince, formatDate, matchesSearch } from '../../lib/format.js';
import { ExportButton } from '../export/ExportButton.js';
import { AUTHORITIES, CONCERN_STATUSES, type Authority, type ConcernStatus } from './allowed-moves.js';
import { ConcernsBoardQuery, ConcernsChangedSubscription } from './documents.js';
import { DueBadge, dueDay } from './DueBadge.js';

/** The concerns board: a column per status, filters by ward, authority and status, and a search that ignores diacritics. */
export function ConcernsBoard() {
  const { t } = useTranslation();
  const [wardId, setWardId] = useState('');
  const [status, setStatus] = useState<ConcernStatus | ''>('');
  const [authority, setAuthority] = useState<Authority | ''>('');
  const [search, setSearch] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [{ data, error }, refetch] = useLiveQuery({
    query: ConcernsBoardQuery,
    variables: { wardId: wardId || null, status: status || null, authority: authority || null, overdue: overdueOnly || null },
  });
  const refetchLater = useThrottled(() => refetch({ requestPolicy: 'network-only' }), 500);
  useSubscription({ query: ConcernsChangedSubscription }, (_prev, event) => {
    refetchLater();
    return event;
  });

  const concerns = useMemo(() => {
    const all = data?.concerns.edges.map((e) => e.node) ?? [];
    if (!search.trim()) return all;
    return all.filter((c) => matchesSearch([c.topic, c.text, c.ward?.name, c.business?.name, c.business?.taxCode, c.session.title].filter(Boolean).join(' '), search));
  }, [data, search]);
  const columns = status ? [status] : CONCERN_STATUSES;

  return (
    <section aria-labelledby="concerns-title">
      <div className="page-head">
        <h1 id="concerns-title">{t('concerns.title')}</h1>
        <Link to="/deadlines">{t('deadline.title')}</Link>
        <ExportButton
          filename="kien-nghi.csv"
          rows={concerns}
          columns={[
            { header: t('table.raisedAt'), value: (c) => formatDate(c.raisedAt) },
            { header: t('table.ward'), value: (c) => c.ward?.name ?? '' },
            { header: t('table.topic'), value: (c) => c.topic },
            { header: t('table.text'), value: (c) => c.text },
            { header: t('table.authority'), value: (c) => t(`authority.${c.authority}`) },
            { header: t('table.status'), value: (c) => t(`concernStatus.${c.status}`) },
            { header: t('table.business'), value: (c) => c.business?.name ?? '' },
            { header: t('table.session'), value: (c) => c.session.title },
            { header: t('deadline.dueColumn'), value: (c) => (c.dueAt ? dueDay(c.dueAt) : '') },
            { header: t('deadline.overdue'), value: (c) => (c.overdue ? t('deadline.yes') : '') },
          ]}
        />
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          {t('concerns.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('concerns.searchPlaceholder')} data-testid="concern-search" />
        </label>
        <label className="field">
          {t('table.ward')}
          <select value={wardId} onChange={(e) => setWardId(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {data?.wards.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
          </select>
        </label>
        <label className="field">
          {t('table.authority')}
          <select value={authority} onChange={(e) => setAuthority(e.target.value as Authority | '')}>
            <option value="">{t('common.all')}</option>
            {AUTHORITIES.map((a) => <option key={a} value={a}>{t(`authority.${a}`)}</option>)}
          </select>
        </label>
        <label className="field">
          {t('table.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as ConcernStatus | '')}>
            <option value="">{t('common.all')}</option>
            {CONCERN_STATUSES.map((s) => <option key={s} value={s}>{t(`concernStatus.${s}`)}</option>)}
          </select>
        </label>
        <label className="field checkbox">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="overdue-only" />
          {t('deadline.overdueOnly')}
        </label>
      </form>
      {error && !data && <p role="alert" className="error">{t('errors.load')}: {error.message}</p>}
      {!data && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {data && (
        <p className="muted" role="status">{t('concerns.count', { shown: concerns.length, total: data.concerns.totalCount })}</p>
      )}
      <div className="board">
        {columns.map((column) => {
          const cards = concerns.filter((c) => c.status === column);
          return (
            <section key={column} className="board-column" aria-labelledby={`col-${column}`}>
              <h2 id={`col-${column}`}>{t(`concernStatus.${column}`)} <span className="count">{cards.length}</span></h2>
              <ul>
                {cards.map((c) => {
                  const waited = durationSince(c.raisedAt);
                  return (
                    <li key={c.id} className="card" data-concern-id={c.id}>
                      <Link to={`/concerns/${c.id}`}><strong>{c.topic}</strong></Link>
                      <small>{c.ward?.name ?? t('common.district')} · {t(`authority.${c.authority}`)} · {formatDate(c.raisedAt)}</small>
                      {!c.closedAt && <small className="waited">{t('concerns.waited', waited)}</small>}
                      <DueBadge dueAt={c.dueAt} overdue={c.overdue} closed={!!c.closedAt} />
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
