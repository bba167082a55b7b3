import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../lib/viewer.js';
import { Link } from '../../lib/router.js';
import { formatDate } from '../../lib/format.js';
import { ApplyReorganisationMutation, AssignSuccessorMutation, AwaitingSuccessorQuery, UnitsQuery } from './documents.js';
import { untilLabel } from '../../lib/unit-labels.js';

const LineageDiagram = lazy(() => import('./LineageDiagram.js'));

/** /units: the jurisdiction's units through time, the lineage as a picture, and each reorganisation with its legal basis. */
export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const [{ data, error }] = useQuery({ query: UnitsQuery });
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { jurisdiction, reorganisations } = data;
  const now = new Date().toISOString();
  const current = jurisdiction.units.filter((u) => (!u.validFrom || u.validFrom <= now) && (!u.validTo || now < u.validTo));
  const former = jurisdiction.units.filter((u) => u.validTo && u.validTo <= now);
  return (
    <section aria-labelledby="units-title">
      <div className="page-head">
        <h1 id="units-title">{t('units.title')}</h1>
        <span className="muted" data-testid="jurisdiction-name">{i18n.language === 'en' && jurisdiction.nameEn ? jurisdiction.nameEn : jurisdiction.name}</span>
      </div>
      {reorganisations.map((r) => (
        <section key={r.id} className="panel" aria-labelledby={`reorg-${r.id}`}>
          <h2 id={`reorg-${r.id}`}>{r.title}</h2>
          <p>
            {t('units.effective', { date: formatDate(r.effectiveAt) })} · <strong data-testid="legal-basis">{r.legalBasis}</strong>
            {r.endsParentLevel ? ` · ${t('units.endsLevel', { level: t(`unitLevel.${r.endsParentLevel}`) })}` : ''}
          </p>
          <Suspense fallback={<div className="chart-placeholder" aria-busy="true">{t('common.loading')}</div>}>
            <LineageDiagram units={jurisdiction.units.filter((u) => u.successors.some((s) => s.legalBasis === r.legalBasis))} />
          </Suspense>
          <details>
            <summary>{t('units.sources')}</summary>
            <ul>{r.sources.map((s) => <li key={s}>{s}</li>)}</ul>
          </details>
          <p className="muted">{r.appliedAt ? t('units.applied', { date: formatDate(r.appliedAt) }) : t('units.notApplied')}</p>
        </section>
      ))}
      <div className="two-columns">
        <section className="panel" aria-labelledby="units-current">
          <h2 id="units-current">{t('units.current', { count: current.length })}</h2>
          <ul>
            {current.map((u) => (
              <li key={u.id} data-unit={u.id}><Link to={`/ward/${u.id}`}>{u.name}</Link> <small className="muted">({u.code}, {u.parent.name})</small></li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="units-former">
          <h2 id="units-former">{t('units.former', { count: former.length })}</h2>
          <ul>
            {former.map((u) => (
              <li key={u.id} data-unit={u.id}>
                <Link to={`/ward/${u.id}`}>{u.name}</Link> {untilLabel(u.validTo, t)}{' → '}
                {u.successors.map((s, i) => (
                  <span key={s.ward.id}>{i > 0 && ', '}<Link to={`/ward/${s.ward.id}`}>{s.ward.name}</Link>{s.whole ? '' : ` (${t('units.part')})`}</span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </section>
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
