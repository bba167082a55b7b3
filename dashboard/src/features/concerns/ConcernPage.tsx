import { useTranslation } from 'react-i18next';
import { untilLabel } from '../../lib/unit-labels.js';
import { useMutation } from 'urql';
import { useLiveQuery } from '../../lib/live.js';
import { Link } from '../../lib/router.js';
import { formatDateTime } from '../../lib/format.js';
import { ConcernQuery, MoveConcernMutation } from './documents.js';
import { DueBadge, dueDay } from '../../lib/DueBadge.js';
import { MoveConcernForm } from './MoveConcernForm.js';

/** A concern with its whole history, and the moves the viewer may make. */
export function ConcernPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useLiveQuery({ query: ConcernQuery, variables: { id } });
  const [, moveConcern] = useMutation(MoveConcernMutation);
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const concern = data.concern;
  if (!concern) return <p role="alert">{t('concerns.notFound')}</p>;
  return (
    <article aria-labelledby="concern-title">
      <p><Link to="/concerns">← {t('nav.concerns')}</Link></p>
      <h1 id="concern-title">{concern.topic}</h1>
      <p className="muted">
        <span className={`status status-${concern.status.toLowerCase()}`} data-testid="concern-status">{t(`concernStatus.${concern.status}`)}</span>
        {' · '}{t(`authority.${concern.authority}`)} · {concern.ward ? `${concern.ward.name}${concern.ward.validTo ? ` ${untilLabel(concern.ward.validTo, t)}` : ''}` : concern.raisedIn} · {concern.session.title}
      </p>
      {/* After a reorganisation the unit responsible now differs from the ward it was raised in. */}
      {concern.awaitingSuccessor ? (
        <p data-testid="handled-by"><Link to="/handover">{t('handover.awaiting')}</Link></p>
      ) : concern.handledBy && concern.handledBy.id !== concern.ward?.id ? (
        <p data-testid="handled-by">{t('handover.handledBy')}: <Link to={`/ward/${concern.handledBy.id}`}>{concern.handledBy.name}</Link></p>
      ) : null}
      <p data-testid="responsible-body">{concern.closedAt ? t('concerns.answeredBy') : t('concerns.responsibleBody')}: <strong>{concern.responsibleBody}</strong>
        {concern.taxTopic ? <> · {t('concerns.taxTopic')}: {t(`taxTopic.${concern.taxTopic}`)}</> : null}</p>
      <p><DueBadge dueAt={concern.dueAt} overdue={concern.overdue} closed={!!concern.closedAt} /></p>
      <p className="concern-text">{concern.text}</p>
      {concern.business && <p>{t('table.business')}: <Link to={`/businesses/${encodeURIComponent(concern.business.taxCode)}`}>{concern.business.name}</Link> ({concern.business.taxCode})</p>}
      {concern.response && (
        <blockquote className="response" data-testid="concern-response">
          <strong>{t('concerns.response')}:</strong> {concern.response}
          {concern.answerForm && <small className="muted"> ({t(`answerForm.${concern.answerForm}`)}{concern.answerDocument ? `: ${concern.answerDocument}` : ''})</small>}
        </blockquote>
      )}
      <section aria-labelledby="history-title" className="panel">
        <h2 id="history-title">{t('concerns.history')}</h2>
        <ol className="history">
          {concern.history.map((step, index) => (
            <li key={index}>
              <time dateTime={step.at}>{formatDateTime(step.at)}</time>{' '}
              {step.handedOverTo ? (
                <strong>{t('handover.step', { name: step.handedOverTo.name })}</strong>
              ) : (
                <>
                  {step.from ? `${t(`concernStatus.${step.from}`)} → ` : `${t('concerns.raised')} → `}
                  <strong>{t(`concernStatus.${step.to}`)}</strong>
                </>
              )}
              {step.note ? <span> · {step.note}</span> : null}
              {step.dueAt && step.to !== 'ANSWERED_ON_SPOT' && step.to !== 'RESOLVED' && step.to !== 'ANSWERED' ? (
                <span className="muted"> · {step.authority ? `${t(`authority.${step.authority}`)}, ` : ''}{t('deadline.due', { date: dueDay(step.dueAt) })}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {/* The API offers no move to a user whose role may not move this concern (leadership, other wards). */}
      {concern.closedAt && <p className="muted">{t('move.none')}</p>}
      {concern.allowedMoves.length > 0 && (
        <MoveConcernForm
          key={concern.status}
          moves={concern.allowedMoves}
          authority={concern.authority}
          onMove={async (move) => {
            const result = await moveConcern({ input: { concernId: concern.id, ...move } });
            return result.error ? (result.error.graphQLErrors[0]?.message ?? result.error.message) : undefined;
          }}
        />
      )}
    </article>
  );
}
