import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatDateTime } from '../../lib/format.js';
import { SelectField } from '../../lib/SelectField.js';
import { TriageInputMutation } from './documents.js';
import { inputSearch } from '../../lib/fuzzy.js';
import type { Input } from './documents.js';

const COLUMNS = ['RECEIVED', 'SELECTED', 'RAISED', 'MERGED', 'DECLINED'] as const;

interface OpenSession {
  id: string;
  title: string;
  scheduledAt: string;
  status: string;
}

/** The ward's board of inputs by status; search ignores diacritics and finds near-duplicates. */
export function InputsBoard({ inputs, neighbourhoods, sessions, mayHandle, onChanged }: { inputs: readonly Input[]; neighbourhoods: readonly { id: string; name: string }[]; sessions: readonly OpenSession[]; mayHandle: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const search = useMemo(() => inputSearch(inputs), [inputs]);
  const found = query.trim().length >= 3 ? search.similar(query, 50) : inputs;
  const shown = neighbourhoodId ? found.filter((i) => i.neighbourhood?.id === neighbourhoodId) : found;
  return (
    <section className="panel" aria-labelledby="board-title">
      <h2 id="board-title">{t('voice.board')}</h2>
      <div className="form-row board-filters">
        <label className="field">
          {t('voice.search')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('voice.searchHint')} />
        </label>
        <SelectField label={t('voice.neighbourhood')} value={neighbourhoodId} onChange={setNeighbourhoodId} first={{ value: '', label: t('voice.allNeighbourhoods') }} options={neighbourhoods.map((nb) => ({ value: nb.id, label: nb.name }))} />
      </div>
      <div className="voice-board">
        {COLUMNS.map((status) => {
          const items = shown.filter((i) => i.status === status);
          return (
            <section key={status} className="voice-column" aria-labelledby={`col-${status}`} data-status={status}>
              <h3 id={`col-${status}`}>
                {t(`voice.status.${status}`)} <span className="count">{items.length}</span>
              </h3>
              <ul>
                {items.map((i) => (
                  <InputCard key={i.id} input={i} inputs={inputs} sessions={sessions} mayHandle={mayHandle} onChanged={onChanged} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function InputCard({ input, inputs, sessions, mayHandle, onChanged }: { input: Input; inputs: readonly Input[]; sessions: readonly OpenSession[]; mayHandle: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [state, triage] = useMutation(TriageInputMutation);
  const [mode, setMode] = useState<'select' | 'merge' | 'decline'>();
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  // Merge targets: the most similar open inputs first.
  const targets = useMemo(() => {
    if (mode !== 'merge') return [];
    const open = inputs.filter((o) => o.id !== input.id && (o.status === 'RECEIVED' || o.status === 'SELECTED' || o.status === 'RAISED'));
    const similar = inputSearch(open).similar(input.topic, 5);
    return [...similar, ...open.filter((o) => !similar.includes(o))];
  }, [mode, inputs, input]);
  async function run(to: 'SELECTED' | 'MERGED' | 'DECLINED') {
    const result = await triage({ input: { id: input.id, to, ...(to === 'SELECTED' ? { sessionId: choice } : {}), ...(to === 'MERGED' ? { mergedIntoId: choice } : {}), ...(to === 'DECLINED' ? { note } : {}) } });
    if (!result.error) {
      setMode(undefined);
      setChoice('');
      setNote('');
      onChanged();
    }
  }
  return (
    <li className="voice-card" data-testid="input-card" data-input-id={input.id}>
      <strong>{input.topic}</strong>
      <p>{input.text}</p>
      <small className="muted">
        {t('voice.supportersN', { count: input.supporters })} · {input.neighbourhood?.name ?? t('voice.noNeighbourhood')} · {t(`voice.channels.${input.channel}`)} · {formatDateTime(input.receivedAt)} · <code>{input.lookupCode}</code>
      </small>
      {input.contact ? <small>{t('voice.contact')}: {input.contact}</small> : input.hasContact ? <small className="muted">{t('voice.contactHidden')}</small> : null}
      {input.session ? <small>{t('voice.forSession')}: {input.session.title}</small> : null}
      {input.mergedInto ? <small>{t('voice.mergedInto')}: {input.mergedInto.topic}</small> : null}
      {input.note ? <small>{t('voice.note')}: {input.note}</small> : null}
      {input.concern?.response ? <small>{t('voice.answer')}: {input.concern.response}</small> : null}
      {mayHandle && (input.status === 'RECEIVED' || input.status === 'SELECTED') ? (
        <div className="actions">
          {input.status === 'RECEIVED' ? (
            <>
              <button type="button" className="secondary" aria-expanded={mode === 'select'} onClick={() => setMode(mode === 'select' ? undefined : 'select')}>{t('voice.select')}</button>
              <button type="button" className="secondary" aria-expanded={mode === 'merge'} onClick={() => setMode(mode === 'merge' ? undefined : 'merge')}>{t('voice.merge')}</button>
            </>
          ) : null}
          <button type="button" className="secondary" aria-expanded={mode === 'decline'} onClick={() => setMode(mode === 'decline' ? undefined : 'decline')}>{t('voice.decline')}</button>
        </div>
      ) : null}
      {mode === 'select' ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void run('SELECTED'))}>
          <label className="field">
            {t('voice.forSession')}
            <select value={choice} required onChange={(e) => setChoice(e.target.value)}>
              <option value="">—</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>{s.title} · {formatDateTime(s.scheduledAt)}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!choice || state.fetching}>{t('voice.confirmSelect')}</button>
        </form>
      ) : null}
      {mode === 'merge' ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void run('MERGED'))}>
          <label className="field">
            {t('voice.mergeInto')}
            <select value={choice} required onChange={(e) => setChoice(e.target.value)}>
              <option value="">—</option>
              {targets.map((o) => (
                <option key={o.id} value={o.id}>{o.topic} ({t('voice.supportersN', { count: o.supporters })})</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!choice || state.fetching}>{t('voice.confirmMerge')}</button>
        </form>
      ) : null}
      {mode === 'decline' ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void run('DECLINED'))}>
          <label className="field">
            {t('voice.declineNote')}
            <input value={note} required maxLength={4000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={!note.trim() || state.fetching}>{t('voice.confirmDecline')}</button>
        </form>
      ) : null}
      {state.error ? <p role="alert" className="error">{state.error.graphQLErrors[0]?.message ?? state.error.message}</p> : null}
    </li>
  );
}
