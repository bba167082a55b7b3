import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { authoritiesAt } from '../../../../functions/domain/concerns/concern-rules.js';
import type { Authority } from '../../lib/allowed-moves.js';
import { formatDateTime } from '../../lib/format.js';
import { DocumentPreview } from '../../lib/official-document/DocumentPreview.js';
import { DownloadButtons } from '../../lib/official-document/DownloadButtons.js';
import { Link } from '../../lib/router.js';
import { SelectField } from '../../lib/SelectField.js';
import { useViewer } from '../../lib/viewer.js';
import { inputSearch } from '../../lib/fuzzy.js';
import { RaiseFromTaxQuestionMutation, TaxQuestionsQuery, TaxRoundsQuery, TriageTaxQuestionMutation } from './documents.js';
import { agendaByTopic, buildTaxAgendaDocument } from './tax-agenda-document.js';
import type { TaxQuestionCardFragment as Question, TaxRoundsQuery as Rounds } from '../../gql/graphql.js';

type Round = Rounds['sessions']['edges'][number]['node'];
const COLUMNS = ['RECEIVED', 'SELECTED', 'RAISED', 'MERGED', 'DECLINED'] as const;

/** The round a board opens on: the one under way, else the soonest coming, else the newest. */
function defaultRound(rounds: readonly Round[]): Round | undefined {
  const coming = rounds.filter((r) => r.status === 'SCHEDULED').sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  return rounds.find((r) => r.status === 'LIVE') ?? coming[0] ?? rounds[0];
}

/**
 * The tax office's questions sent in advance (/tax/questions): by round, triaged (select, merge
 * near-duplicates, decline with a reason the business reads), the agenda by topic printed and
 * downloaded as .docx with the rating QR code, and, while the round is LIVE, raised item by item.
 */
export function TaxQuestionsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data: roundsData, error }] = useQuery({ query: TaxRoundsQuery });
  const rounds = useMemo(() => roundsData?.sessions.edges.map((e) => e.node) ?? [], [roundsData]);
  const [chosen, setChosen] = useState('');
  const round = rounds.find((r) => r.id === chosen) ?? defaultRound(rounds);
  if (error && !roundsData) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!roundsData) return <p aria-busy="true">{t('common.loading')}</p>;
  const mayHandle = !!viewer.abilities?.mayHandleTaxQuestions;
  return (
    <div className="page tax-questions">
      <h1>{t('taxQuestions.title')}</h1>
      <p className="muted">
        {t('taxQuestions.lead')} <Link to="/tax">{t('taxQuestions.toFigures')}</Link> · <a href="/doanh-nghiep">{t('taxQuestions.publicPage')}</a>
      </p>
      {rounds.length === 0 ? (
        <p>{t('taxQuestions.noRounds')}</p>
      ) : (
        <SelectField
          label={t('taxQuestions.round')}
          value={round?.id ?? ''}
          onChange={setChosen}
          options={rounds.map((r) => ({ value: r.id, label: `${r.title} · ${formatDateTime(r.scheduledAt)} · ${t(`sessionStatus.${r.status}`)}` }))}
        />
      )}
      {round ? <RoundQuestions key={round.id} round={round} mayHandle={mayHandle} /> : null}
    </div>
  );
}

function RoundQuestions({ round, mayHandle }: { round: Round; mayHandle: boolean }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: TaxQuestionsQuery, variables: { sessionId: round.id } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const questions = data.taxQuestions.edges.map((e) => e.node);
  const agenda = data.session?.taxAgenda ?? [];
  return (
    <>
      <TaxAgenda round={round} agenda={agenda} mayRaise={mayHandle && round.mayManage && round.status === 'LIVE'} onRaised={refresh} />
      <section className="panel" aria-labelledby="tax-board-title">
        <h2 id="tax-board-title">{t('taxQuestions.board', { count: questions.length })}</h2>
        {questions.length === 0 ? <p className="muted">{t('taxQuestions.none')}</p> : null}
        <div className="voice-board">
          {COLUMNS.map((status) => {
            const items = questions.filter((q) => q.status === status);
            return (
              <section key={status} className="voice-column" aria-labelledby={`tax-col-${status}`} data-status={status}>
                <h3 id={`tax-col-${status}`}>
                  {t(`voice.status.${status}`)} <span className="count">{items.length}</span>
                </h3>
                <ul>
                  {items.map((q) => (
                    <QuestionCard key={q.id} question={q} questions={questions} mayTriage={mayHandle && round.status !== 'CLOSED'} onChanged={refresh} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </section>
    </>
  );
}

function QuestionCard({ question, questions, mayTriage, onChanged }: { question: Question; questions: readonly Question[]; mayTriage: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [state, triage] = useMutation(TriageTaxQuestionMutation);
  const [mode, setMode] = useState<'merge' | 'decline'>();
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  // Merge targets: open questions on the same topic, the most similar first.
  const targets = useMemo(() => {
    if (mode !== 'merge') return [];
    const open = questions.filter((o) => o.id !== question.id && o.topic === question.topic && (o.status === 'RECEIVED' || o.status === 'SELECTED' || o.status === 'RAISED'));
    const similar = inputSearch(open.map((o) => ({ ...o, topic: o.text }))).similar(question.text, 5).map((s) => open.find((o) => o.id === s.id)!);
    return [...similar, ...open.filter((o) => !similar.includes(o))];
  }, [mode, questions, question]);
  async function run(to: 'SELECTED' | 'MERGED' | 'DECLINED') {
    const result = await triage({ input: { id: question.id, to, ...(to === 'MERGED' ? { mergedIntoId: choice } : {}), ...(to === 'DECLINED' ? { note } : {}) } });
    if (!result.error) {
      setMode(undefined);
      onChanged();
    }
  }
  return (
    <li className="voice-card" data-testid="tax-question-card" data-question-id={question.id}>
      <strong>{t(`taxTopic.${question.topic}`)}</strong>
      <p>{question.text}</p>
      <small className="muted">
        <Link to={`/businesses/${encodeURIComponent(question.business.taxCode)}`}>{question.business.name}</Link> ({question.business.taxCode}) · {t('taxQuestions.businessesN', { count: question.supporters })} · {formatDateTime(question.receivedAt)} · <code>{question.lookupCode}</code>
      </small>
      {question.mergedInto ? <small>{t('voice.mergedInto')}: {t(`taxTopic.${question.mergedInto.topic}`)}</small> : null}
      {question.note ? <small>{t('voice.note')}: {question.note}</small> : null}
      {question.concern ? (
        <small>
          <Link to={`/concerns/${question.concern.id}`}>{t(`concernStatus.${question.concern.status}`)}</Link> · {question.concern.responsibleBody}
        </small>
      ) : null}
      {mayTriage && (question.status === 'RECEIVED' || question.status === 'SELECTED') ? (
        <div className="actions">
          {question.status === 'RECEIVED' ? (
            <>
              <button type="button" className="secondary" disabled={state.fetching} onClick={() => void run('SELECTED')}>{t('taxQuestions.select')}</button>
              <button type="button" className="secondary" aria-expanded={mode === 'merge'} onClick={() => setMode(mode === 'merge' ? undefined : 'merge')}>{t('voice.merge')}</button>
            </>
          ) : null}
          <button type="button" className="secondary" aria-expanded={mode === 'decline'} onClick={() => setMode(mode === 'decline' ? undefined : 'decline')}>{t('voice.decline')}</button>
        </div>
      ) : null}
      {mode === 'merge' ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void run('MERGED'))}>
          <label className="field">
            {t('voice.mergeInto')}
            <select value={choice} required onChange={(e) => setChoice(e.target.value)}>
              <option value="">—</option>
              {targets.map((o) => (
                <option key={o.id} value={o.id}>{o.text.slice(0, 80)} ({t('taxQuestions.businessesN', { count: o.supporters })})</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!choice || state.fetching}>{t('voice.confirmMerge')}</button>
        </form>
      ) : null}
      {mode === 'decline' ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void run('DECLINED'))}>
          <label className="field">
            {t('taxQuestions.declineNote')}
            <input value={note} required maxLength={4000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={!note.trim() || state.fetching}>{t('voice.confirmDecline')}</button>
        </form>
      ) : null}
      {state.error ? <p role="alert" className="error">{state.error.graphQLErrors[0]?.message ?? state.error.message}</p> : null}
    </li>
  );
}

function TaxAgenda({ round, agenda, mayRaise, onRaised }: { round: Round; agenda: readonly Question[]; mayRaise: boolean; onRaised(): void }) {
  const { t } = useTranslation();
  const [printed, setPrinted] = useState(false);
  const doc = printed ? buildTaxAgendaDocument({ ...round, agenda }, window.location.origin) : undefined;
  return (
    <section className="panel" aria-labelledby="tax-agenda-title" data-testid="tax-agenda" data-status={round.status}>
      <h2 id="tax-agenda-title">
        {t('taxQuestions.agenda')} <small className="muted">· {round.taxOffice?.name ?? round.hostBody}{round.place ? ` · ${round.place}` : ''} · {t(`sessionStatus.${round.status}`)}</small>
      </h2>
      {agenda.length === 0 ? <p className="muted">{t('taxQuestions.emptyAgenda')}</p> : null}
      {agendaByTopic(agenda).map((row) => (
        <section key={row.topic} aria-labelledby={`agenda-${row.topic}`} data-testid="tax-agenda-topic" data-topic={row.topic}>
          <h3 id={`agenda-${row.topic}`}>
            {t(`taxTopic.${row.topic}`)} <small className="muted">({t('taxQuestions.topicCount', { questions: row.questions, businesses: row.businesses })})</small>
          </h3>
          <ol>
            {agenda
              .filter((q) => q.topic === row.topic)
              .map((q) => (
                <AgendaQuestion key={q.id} question={q} mayRaise={mayRaise} onRaised={onRaised} />
              ))}
          </ol>
        </section>
      ))}
      <button type="button" className="secondary" aria-expanded={printed} onClick={() => setPrinted(!printed)}>{t('voice.document')}</button>
      {doc ? (
        <div className="agenda-document">
          <DownloadButtons doc={doc} />
          <DocumentPreview doc={doc} />
        </div>
      ) : null}
    </section>
  );
}

function AgendaQuestion({ question, mayRaise, onRaised }: { question: Question; mayRaise: boolean; onRaised(): void }) {
  const { t } = useTranslation();
  // The levels accepted today (no DISTRICT since 1/7/2025); the tax office's own level first.
  const ladder = authoritiesAt(new Date().toISOString());
  const [authority, setAuthority] = useState<Authority>('WARD');
  const [state, raise] = useMutation(RaiseFromTaxQuestionMutation);
  // One requestId per item: a repeated press raises the same concern once.
  const [requestId] = useState(() => crypto.randomUUID());
  return (
    <li data-testid="tax-agenda-item" data-status={question.status} data-question-id={question.id}>
      {question.text} <small className="muted">({question.business.name}; {t('taxQuestions.businessesN', { count: question.supporters })})</small>
      {question.status === 'RAISED' && question.concern ? (
        <small>
          {' '}
          · <Link to={`/concerns/${question.concern.id}`}>{t(`concernStatus.${question.concern.status}`)}</Link> · {question.concern.responsibleBody}
        </small>
      ) : null}
      {mayRaise && question.status === 'SELECTED' ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void raise({ questionId: question.id, authority, requestId }).then((r) => !r.error && onRaised()))}>
          <SelectField label={t('voice.authority')} value={authority} onChange={(v) => setAuthority(v as Authority)} options={ladder.map((a) => ({ value: a, label: t(`authority.${a}`) }))} />
          <button type="submit" className="primary" disabled={state.fetching}>{t('voice.raise')}</button>
        </form>
      ) : null}
      {state.error ? <p role="alert" className="error">{state.error.graphQLErrors[0]?.message ?? state.error.message}</p> : null}
    </li>
  );
}
