import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitOptions } from '../../lib/UnitOptions.js';
import { useClient } from 'urql';
import { useQueryRefreshedBy } from '../../lib/live.js';
import { Link } from '../../lib/router.js';
import { durationSince, formatDate, matchesSearch } from '../../lib/format.js';
import { ExportButton } from '../../lib/export/ExportButton.js';
import { AUTHORITIES, CONCERN_STATUSES, type Authority, type ConcernStatus } from '../../lib/allowed-moves.js';
import { ConcernsBoardQuery, ConcernsChangedSubscription } from './documents.js';
import { DueBadge, dueDay } from '../../lib/DueBadge.js';
import { choices, SelectField } from '../../lib/SelectField.js';

/** Cards a column shows at first, and how many more each "show more" adds. */
export const COLUMN_PAGE = 8;

type Sort = 'oldest' | 'newest';

/**
 * The concerns board: a column per status (every status in view: a count per status above the
 * columns, at most COLUMN_PAGE cards per column with "show more"), sorted oldest waiting first by
 * default, filters by ward, authority and status, and a search that ignores diacritics. The API
 * gives 100 concerns a page; every page is read (a district has hundreds, not millions).
 */
export function ConcernsBoard() {
  const { t } = useTranslation();
  const [wardId, setWardId] = useState('');
  const [status, setStatus] = useState<ConcernStatus | ''>('');
  const [authority, setAuthority] = useState<Authority | ''>('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('oldest');
  const [shown, setShown] = useState<Partial<Record<ConcernStatus, number>>>({});
  const [overdueOnly, setOverdueOnly] = useState(false);
  const variables = { wardId: wardId || null, status: status || null, authority: authority || null, overdue: overdueOnly || null };
  const [{ data, error }] = useQueryRefreshedBy({ query: ConcernsBoardQuery, variables }, { query: ConcernsChangedSubscription }, 500);
  const client = useClient();
  const [laterPages, setLaterPages] = useState<{ for: unknown; nodes: NonNullable<typeof data>['concerns']['edges'][number]['node'][] }>();
  useEffect(() => {
    let current = true;
    setLaterPages(undefined);
    if (!data?.concerns.pageInfo.hasNextPage) return;
    void (async () => {
      const nodes = [];
      let after = data.concerns.pageInfo.endCursor ?? null;
      while (after && current) {
        const page = await client.query(ConcernsBoardQuery, { ...variables, after }, { requestPolicy: 'network-only' }).toPromise();
        if (!page.data) break;
        nodes.push(...page.data.concerns.edges.map((e) => e.node));
        after = page.data.concerns.pageInfo.hasNextPage ? (page.data.concerns.pageInfo.endCursor ?? null) : null;
      }
      if (current) setLaterPages({ for: data, nodes });
    })();
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, client]);

  const concerns = useMemo(() => {
    const all = [...(data?.concerns.edges.map((e) => e.node) ?? []), ...(laterPages && laterPages.for === data ? laterPages.nodes : [])];
    const found = search.trim() ? all.filter((c) => matchesSearch([c.topic, c.text, c.ward?.name, c.business?.name, c.business?.taxCode, c.session.title].filter(Boolean).join(' '), search)) : all;
    const direction = sort === 'oldest' ? 1 : -1;
    return [...found].sort((a, b) => direction * a.raisedAt.localeCompare(b.raisedAt));
  }, [data, laterPages, search, sort]);
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
            { header: t('concerns.responsibleOrAnswered'), value: (c) => c.responsibleBody },
            { header: t('concerns.taxTopic'), value: (c) => (c.taxTopic ? t(`taxTopic.${c.taxTopic}`) : '') },
            { header: t('move.answerForm'), value: (c) => (c.answerForm ? `${t(`answerForm.${c.answerForm}`)}${c.answerDocument ? ` ${c.answerDocument}` : ''}` : '') },
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
        <SelectField label={t('table.ward')} value={wardId} onChange={setWardId} first={{ value: '', label: t('common.all') }}>
          {/* Every unit a concern may have been raised in: today's first, the former ones marked. */}
          <UnitOptions units={data?.jurisdiction.units ?? []} from="2000-01-01T00:00:00.000Z" />
        </SelectField>
        <SelectField
          label={t('table.authority')}
          value={authority}
          onChange={(v) => setAuthority(v as Authority | '')}
          first={{ value: '', label: t('common.all') }}
          options={choices(AUTHORITIES, (a) => t(`authority.${a}`))}
        />
        <SelectField
          label={t('table.status')}
          value={status}
          onChange={(v) => setStatus(v as ConcernStatus | '')}
          first={{ value: '', label: t('common.all') }}
          options={CONCERN_STATUSES.map((s) => ({ value: s, label: t(`concernStatus.${s}`) }))}
        />
        <label className="field checkbox">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="overdue-only" />
          {t('deadline.overdueOnly')}
        </label>
        <SelectField
          label={t('board.sort')}
          value={sort}
          onChange={(v) => setSort(v as Sort)}
          data-testid="concern-sort"
          options={[
            { value: 'oldest', label: t('board.sortOldest') },
            { value: 'newest', label: t('board.sortNewest') },
          ]}
        />
      </form>
      {error && !data && <p role="alert" className="error">{t('errors.load')}: {error.message}</p>}
      {!data && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {data && (
        <p className="muted" role="status">{t('concerns.count', { shown: concerns.length, total: data.concerns.totalCount })}</p>
      )}
      {data && (
        <nav aria-label={t('board.byStatus')}>
          <ul className="board-summary" data-testid="board-summary">
            {columns.map((column) => (
              <li key={column}>
                <a href={`#col-${column}`}>
                  <StatusIcon status={column} /> {t(`concernStatus.${column}`)} <strong>{concerns.filter((c) => c.status === column).length}</strong>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className={`board${columns.length === 1 ? ' single' : ''}`}>
        {columns.map((column) => {
          const cards = concerns.filter((c) => c.status === column);
          const limit = shown[column] ?? COLUMN_PAGE;
          const rest = cards.length - limit;
          return (
            <section key={column} className="board-column" aria-labelledby={`col-${column}`} data-status={column}>
              <h2 id={`col-${column}`} tabIndex={-1}><span><StatusIcon status={column} /> {t(`concernStatus.${column}`)}</span> <span className="count">{cards.length}</span></h2>
              <ul>
                {cards.slice(0, limit).map((c) => {
                  const waited = durationSince(c.raisedAt);
                  return (
                    <li key={c.id} className="card" data-concern-id={c.id} data-raised-at={c.raisedAt}>
                      <Link to={`/concerns/${c.id}`}><strong>{c.topic}</strong></Link>
                      {/* Who must answer now (or answered), named; its level on hover. */}
                      <small>
                        {c.raisedIn} · <span data-testid="card-responsible" title={t(`authority.${c.authority}`)}>{c.responsibleBody}</span> · {formatDate(c.raisedAt)}
                      </small>
                      {!c.closedAt && <small className="waited">{t('concerns.waited', waited)}</small>}
                      <DueBadge dueAt={c.dueAt} overdue={c.overdue} closed={!!c.closedAt} />
                    </li>
                  );
                })}
              </ul>
              {cards.length === 0 && <p className="muted">{t('board.empty')}</p>}
              {rest > 0 && (
                <button type="button" className="show-more" onClick={() => setShown({ ...shown, [column]: limit + COLUMN_PAGE })}>
                  {t('board.showMore', { count: Math.min(rest, COLUMN_PAGE), rest })}
                </button>
              )}
              {limit > COLUMN_PAGE && (
                <button type="button" className="link-button" onClick={() => setShown({ ...shown, [column]: COLUMN_PAGE })}>{t('board.showLess')}</button>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

const STATUS_ICONS: Record<ConcernStatus, string> = { OPEN: '●', IN_PROGRESS: '◐', ESCALATED: '▲', ANSWERED_ON_SPOT: '✓', RESOLVED: '✓', ANSWERED: '✓' };

/** A shape per status beside its name: status never carried by colour alone. */
function StatusIcon({ status }: { status: ConcernStatus }) {
  return <span className={`status-icon status-${status.toLowerCase()}`} aria-hidden="true">{STATUS_ICONS[status]}</span>;
}
