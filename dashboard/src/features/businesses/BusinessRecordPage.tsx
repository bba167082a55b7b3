import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { Link } from '../../lib/router.js';

const BusinessRecordQuery = graphql(`
  query BusinessRecord($taxCode: String!) {
    business(taxCode: $taxCode) {
      id taxCode name sector registeredAt ward { id name }
      sessions { id title kind status scheduledAt hostBody taxOffice { name } }
      taxQuestions { id topic text status receivedAt lookupCode note session { id title scheduledAt } concern { id status } }
      concerns { id topic status taxTopic raisedAt responsibleBody answerForm answerDocument response session { id title } }
    }
  }
`);

/**
 * A business's page (/businesses/<tax code>): the sessions it took part in, the questions it sent in
 * advance with their fate, and the concerns raised for it with who must answer or how they were answered.
 */
export function BusinessRecordPage({ taxCode }: { taxCode: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: BusinessRecordQuery, variables: { taxCode } });
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const b = data.business;
  if (!b) return <p role="alert">{t('businessRecord.notFound', { taxCode })}</p>;
  return (
    <div className="page business-record">
      <h1>{b.name}</h1>
      <dl className="facts">
        <dt>{t('businessRecord.taxCode')}</dt>
        <dd data-testid="business-tax-code">{b.taxCode}</dd>
        <dt>{t('businessRecord.sector')}</dt>
        <dd>{t(`sector.${b.sector}`)}</dd>
        <dt>{t('businessRecord.ward')}</dt>
        <dd>{b.ward?.name ?? '—'}</dd>
        <dt>{t('businessRecord.registered')}</dt>
        <dd>{formatDate(b.registeredAt)}</dd>
      </dl>
      <section className="panel" aria-labelledby="business-sessions">
        <h2 id="business-sessions">{t('businessRecord.sessions', { count: b.sessions.length })}</h2>
        {b.sessions.length === 0 ? (
          <p className="muted">{t('businessRecord.none')}</p>
        ) : (
          <table data-testid="business-sessions">
            <thead>
              <tr><th scope="col">{t('businessRecord.when')}</th><th scope="col">{t('businessRecord.session')}</th><th scope="col">{t('businessRecord.host')}</th><th scope="col">{t('table.status')}</th></tr>
            </thead>
            <tbody>
              {b.sessions.map((s) => (
                <tr key={s.id}><td>{formatDate(s.scheduledAt)}</td><td>{s.title}</td><td>{s.taxOffice?.name ?? s.hostBody}</td><td>{t(`sessionStatus.${s.status}`)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="business-questions">
        <h2 id="business-questions">{t('businessRecord.questions', { count: b.taxQuestions.length })}</h2>
        {b.taxQuestions.length === 0 ? (
          <p className="muted">{t('businessRecord.none')}</p>
        ) : (
          <ul className="record-list" data-testid="business-questions">
            {b.taxQuestions.map((q) => (
              <li key={q.id}>
                <strong>{t(`taxTopic.${q.topic}`)}</strong> · {t(`voice.status.${q.status}`)} · <code>{q.lookupCode}</code>
                <p>{q.text}</p>
                <small className="muted">
                  {q.session.title} ({formatDate(q.session.scheduledAt)}) · {t('businessRecord.sent')} {formatDateTime(q.receivedAt)}
                  {q.note ? ` · ${t('voice.note')}: ${q.note}` : ''}
                </small>
                {q.concern ? (
                  <small>
                    {' '}
                    · <Link to={`/concerns/${q.concern.id}`}>{t(`concernStatus.${q.concern.status}`)}</Link>
                  </small>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="business-concerns">
        <h2 id="business-concerns">{t('businessRecord.concerns', { count: b.concerns.length })}</h2>
        {b.concerns.length === 0 ? (
          <p className="muted">{t('businessRecord.none')}</p>
        ) : (
          <ul className="record-list" data-testid="business-concerns">
            {b.concerns.map((c) => (
              <li key={c.id} data-concern-id={c.id}>
                <Link to={`/concerns/${c.id}`}>{c.topic}</Link> · {t(`concernStatus.${c.status}`)}
                {c.taxTopic ? ` · ${t(`taxTopic.${c.taxTopic}`)}` : ''}
                <br />
                <small className="muted">
                  {c.session.title} · {formatDate(c.raisedAt)} · {c.answerForm ? t(`answerForm.${c.answerForm}`) + (c.answerDocument ? ` ${c.answerDocument}` : '') : `${t('concerns.responsibleBody')}: ${c.responsibleBody}`}
                </small>
                {c.response ? <p>{c.response}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
