import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../lib/viewer.js';
import { Link } from '../../lib/router.js';
import { formatDate, matchesSearch } from '../../lib/format.js';
import { ApplyReorganisationMutation, AssignSuccessorMutation, AwaitingSuccessorQuery, UnitsQuery } from './documents.js';
import type { UnitsQuery as UnitsData } from '../../gql/graphql.js';
import { untilLabel } from '../../lib/unit-labels.js';

const LineageDiagram = lazy(() => import('./LineageDiagram.js'));

/** Above this many changed units the lineage is not drawn (a city: 610 boxes); the lists below say it all. */
const DIAGRAM_MAX_UNITS = 40;

type Unit = UnitsData['jurisdiction']['units'][number];

/** "Phú Mỹ (Quận 7)": a former unit always carries its district, since many share a name ("Phường 1"). */
const withParent = (u: Pick<Unit, 'name' | 'validTo' | 'parent'>) => (u.validTo ? `${u.name} (${u.parent.name})` : u.name);

/**
 * /units: the jurisdiction's units through time, at any scale: each reorganisation with its legal basis
 * (drawn when small), and the change as lists, by unit of today (what each was formed from, whole or in
 * part, and the clause it relies on) or by former district, searchable by name or code with or without
 * diacritics.
 */
export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const [{ data, error }] = useQuery({ query: UnitsQuery });
  const [query, setQuery] = useState('');
  const [view, setView] = useState<'new' | 'district'>('new');
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { jurisdiction, reorganisations } = data;
  const byId = new Map(jurisdiction.units.map((u) => [u.id, u]));
  const now = new Date().toISOString();
  const current = jurisdiction.units.filter((u) => (!u.validFrom || u.validFrom <= now) && (!u.validTo || now < u.validTo));
  const former = jurisdiction.units.filter((u) => u.validTo && u.validTo <= now);
  const found = (u: Unit) => !query.trim() || u.code.includes(query.trim()) || matchesSearch(withParent(u), query);
  // A unit of today is shown when it or one of the units it was formed from is found.
  const currentShown = current.filter((u) => found(u) || u.predecessors.some((p) => byId.has(p.ward.id) && found(byId.get(p.ward.id)!)));
  const formerShown = former.filter((u) => found(u) || u.successors.some((s) => byId.has(s.ward.id) && found(byId.get(s.ward.id)!)));
  return (
    <section aria-labelledby="units-title">
      <div className="page-head">
        <h1 id="units-title">{t('units.title')}</h1>
        <span className="muted" data-testid="jurisdiction-name">{i18n.language === 'en' && jurisdiction.nameEn ? jurisdiction.nameEn : jurisdiction.name}</span>
      </div>
      {reorganisations.map((r) => {
        const changed = jurisdiction.units.filter((u) => u.successors.some((s) => s.legalBasis === r.legalBasis) || u.predecessors.some((p) => p.legalBasis === r.legalBasis));
        return (
          <section key={r.id} className="panel" aria-labelledby={`reorg-${r.id}`}>
            <h2 id={`reorg-${r.id}`}>{r.title}</h2>
            <p>
              {t('units.effective', { date: formatDate(r.effectiveAt) })} · <strong data-testid="legal-basis">{r.legalBasis}</strong>
              {r.endsParentLevel ? ` · ${t('units.endsLevel', { level: t(`unitLevel.${r.endsParentLevel}`) })}` : ''}
            </p>
            {changed.length <= DIAGRAM_MAX_UNITS ? (
              <Suspense fallback={<div className="chart-placeholder" aria-busy="true">{t('common.loading')}</div>}>
                <LineageDiagram units={jurisdiction.units.filter((u) => u.successors.some((s) => s.legalBasis === r.legalBasis))} />
              </Suspense>
            ) : (
              <p className="muted" data-testid="diagram-too-large">{t('units.tooMany', { count: changed.length })}</p>
            )}
            <details>
              <summary>{t('units.sources')}</summary>
              <ul>{r.sources.map((s) => <li key={s}>{s}</li>)}</ul>
            </details>
            <p className="muted">{r.appliedAt ? t('units.applied', { date: formatDate(r.appliedAt) }) : t('units.notApplied')}</p>
          </section>
        );
      })}
      <div className="panel-head units-controls">
        <label className="unit-search">
          {t('units.search')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="units-search" />
        </label>
        <fieldset className="units-view">
          <legend className="visually-hidden">{t('units.view')}</legend>
          <label><input type="radio" name="units-view" checked={view === 'new'} onChange={() => setView('new')} /> {t('units.byNew')}</label>
          <label><input type="radio" name="units-view" checked={view === 'district'} onChange={() => setView('district')} data-testid="units-by-district" /> {t('units.byDistrict')}</label>
        </fieldset>
      </div>
      {view === 'new' ? (
        <section className="panel" aria-labelledby="units-current">
          <h2 id="units-current">{t('units.current', { count: current.length })} <small className="muted">{query.trim() ? t('units.shown', { shown: currentShown.length, count: current.length }) : ''}</small></h2>
          <ul className="units-list" data-testid="units-by-new">
            {currentShown.map((u) => (
              <li key={u.id} data-unit={u.id}>
                <Link to={`/ward/${u.id}`}>{u.name}</Link> <small className="muted">({u.code}, {u.parent.name})</small>
                {u.predecessors.length > 0 && (
                  <ul>
                    {u.predecessors.map((p) => {
                      const from = byId.get(p.ward.id);
                      return (
                        <li key={p.ward.id} data-predecessor={p.ward.id}>
                          ← {from ? <Link to={`/ward/${from.id}`}>{withParent(from)}</Link> : p.ward.id} <small className="muted">({from?.code}) · {p.whole ? t('units.whole') : t('units.part')} · {[p.clause, p.legalBasis].filter(Boolean).join(' ')}</small>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section className="panel" aria-labelledby="units-former">
          <h2 id="units-former">{t('units.former', { count: former.length })} <small className="muted">{query.trim() ? t('units.shown', { shown: formerShown.length, count: former.length }) : ''}</small></h2>
          <FormerByDistrict units={formerShown} />
        </section>
      )}
    </section>
  );
}

/** The former units under their districts, each with what it became. */
function FormerByDistrict({ units }: { units: Unit[] }) {
  const { t } = useTranslation();
  const districts = new Map<string, { name: string; units: Unit[] }>();
  for (const u of units) {
    const d = districts.get(u.parent.code) ?? { name: u.parent.name, units: [] };
    d.units.push(u);
    districts.set(u.parent.code, d);
  }
  return (
    <div data-testid="units-by-district-list">
      {[...districts].map(([code, d]) => (
        <details key={code} open={districts.size <= 3} data-district={code}>
          <summary>{d.name} <small className="muted">({d.units.length})</small></summary>
          <ul>
            {d.units.map((u) => (
              <li key={u.id} data-unit={u.id}>
                <Link to={`/ward/${u.id}`}>{u.name}</Link> <small className="muted">({u.code})</small> {untilLabel(u.validTo, t)}{' → '}
                {u.successors.map((s, i) => (
                  <span key={s.ward.id}>{i > 0 && ', '}<Link to={`/ward/${s.ward.id}`}>{s.ward.name}</Link>{s.whole ? '' : ` (${t('units.part')})`}{s.clause ? <small className="muted"> · {s.clause}</small> : null}</span>
                ))}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

/** /handover: concerns waiting for an admin or leader to pick the unit that takes them over, until none is left. */
export function HandoverPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data, error }, refetch] = useQuery({ query: AwaitingSuccessorQuery, requestPolicy: 'cache-and-network' });
  const [assign, assignSuccessor] = useMutation(AssignSuccessorMutation);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const mayPick = !!viewer.abilities?.mayAssignSuccessors;
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const concerns = data.concernsAwaitingSuccessor;
  return (
    <section aria-labelledby="handover-title">
      <h1 id="handover-title">{t('handover.title')}</h1>
      <p className="muted">{t('handover.intro')}</p>
      {viewer.abilities?.mayApplyReorganisations && <ApplyPanel onApplied={() => refetch({ requestPolicy: 'network-only' })} />}
      {assign.error && <p role="alert" className="error">{assign.error.graphQLErrors[0]?.message ?? assign.error.message}</p>}
      {concerns.length === 0 ? (
        <p role="status" data-testid="handover-done">{t('handover.none')}</p>
      ) : (
        <ul className="concern-list handover-list">
          {concerns.map((c) => (
            <li key={c.id} data-concern={c.id}>
              <p>
                <Link to={`/concerns/${c.id}`}>{c.topic}</Link>
                <small> · {c.ward ? `${c.ward.name} ${untilLabel(c.ward.validTo, t)}` : c.raisedIn} · {t(`concernStatus.${c.status}`)} · {formatDate(c.raisedAt)}</small>
              </p>
              <p className="muted">{c.history.at(-1)?.note}</p>
              {mayPick && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const wardId = picked[c.id] ?? c.successorCandidates[0]?.id;
                    if (wardId) void assignSuccessor({ concernId: c.id, wardId }).then((r) => !r.error && refetch({ requestPolicy: 'network-only' }));
                  }}
                >
                  <label>
                    {t('handover.pick')}{' '}
                    <select value={picked[c.id] ?? c.successorCandidates[0]?.id} onChange={(e) => setPicked({ ...picked, [c.id]: e.target.value })}>
                      {c.successorCandidates.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
                    </select>
                  </label>{' '}
                  <button type="submit" disabled={assign.fetching}>{t('handover.assign')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Admins: preview (dry run) and apply a reorganisation to the open concerns. */
function ApplyPanel({ onApplied }: { onApplied(): void }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: UnitsQuery });
  const [result, apply] = useMutation(ApplyReorganisationMutation);
  const reorganisations = data?.reorganisations ?? [];
  return (
    <section className="panel" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('handover.applyTitle')}</h2>
      {reorganisations.map((r) => (
        <p key={r.id}>
          {r.legalBasis}{' '}
          <button type="button" onClick={() => void apply({ id: r.id, dryRun: true })}>{t('handover.preview')}</button>{' '}
          <button type="button" onClick={() => void apply({ id: r.id, dryRun: false }).then(onApplied)}>{t('handover.apply')}</button>
        </p>
      ))}
      {result.error && <p role="alert" className="error">{result.error.graphQLErrors[0]?.message ?? result.error.message}</p>}
      {result.data && (
        <div role="status">
          <p>{t(result.data.applyReorganisation.dryRun ? 'handover.wouldMove' : 'handover.moved', { count: result.data.applyReorganisation.moves.length })}</p>
          <ul>{result.data.applyReorganisation.moves.map((m) => <li key={m.concern.id}>{m.concern.topic}: {m.reason}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
