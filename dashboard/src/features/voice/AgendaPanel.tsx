import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AUTHORITIES, type Authority } from '../../lib/allowed-moves.js';
import { formatDateTime } from '../../lib/format.js';
import { DocumentPreview } from '../../lib/official-document/DocumentPreview.js';
import { DownloadButtons } from '../../lib/official-document/DownloadButtons.js';
import { buildAgendaDocument, type AgendaSession } from './agenda-document.js';
import { RaiseFromInputMutation } from './documents.js';
import type { AgendaItemFragment } from '../../gql/graphql.js';

type Session = Omit<AgendaSession, 'agenda'> & { status: string; mayManage: boolean; agenda: readonly AgendaItemFragment[] };

/** Each coming or live dialogue's agenda: printed, downloaded (.docx), and raised from item by item during the session. */
export function AgendaPanel({ wardName, sessions, mayHandle, onChanged }: { wardName: string; sessions: readonly Session[]; mayHandle: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const open = sessions.filter((s) => s.status !== 'CLOSED').sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const [printed, setPrinted] = useState<string>();
  const doc = open.find((s) => s.id === printed);
  return (
    <section className="panel" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('voice.agendas')}</h2>
      {open.length === 0 ? <p className="muted">{t('voice.noSessions')}</p> : null}
      {open.map((s) => (
        <article key={s.id} className="agenda" data-testid="agenda" data-session-id={s.id} data-status={s.status}>
          <h3>
            {s.title} <small className="muted">· {formatDateTime(s.scheduledAt)}{s.place ? ` · ${s.place}` : ''} · {t(`sessionStatus.${s.status}`)}</small>
          </h3>
          {s.agenda.length === 0 ? <p className="muted">{t('voice.emptyAgenda')}</p> : null}
          <ol>
            {s.agenda.map((i) => (
              <AgendaItem key={i.id} item={i} live={s.status === 'LIVE'} mayRaise={mayHandle && s.mayManage} onRaised={onChanged} />
            ))}
          </ol>
          <button type="button" className="secondary" aria-expanded={printed === s.id} onClick={() => setPrinted(printed === s.id ? undefined : s.id)}>{t('voice.document')}</button>
        </article>
      ))}
      {doc ? (
        <div className="agenda-document">
          <DownloadButtons doc={buildAgendaDocument(wardName, doc)} />
          <DocumentPreview doc={buildAgendaDocument(wardName, doc)} />
        </div>
      ) : null}
    </section>
  );
}

function AgendaItem({ item, live, mayRaise, onRaised }: { item: AgendaItemFragment; live: boolean; mayRaise: boolean; onRaised(): void }) {
  const { t } = useTranslation();
  const [authority, setAuthority] = useState<Authority>('WARD');
  const [state, raise] = useMutation(RaiseFromInputMutation);
  // One requestId per item and press sequence: a repeated press raises the same concern once.
  const [requestId] = useState(() => crypto.randomUUID());
  return (
    <li data-testid="agenda-item" data-status={item.status}>
      {item.topic} <small className="muted">({t('voice.supportersN', { count: item.supporters })}{item.neighbourhood ? `, ${item.neighbourhood.name}` : ''})</small>
      {item.status === 'RAISED' ? <span className="status"> · {t('voice.status.RAISED')}</span> : null}
      {item.concern?.response ? <small> · {t('voice.answer')}: {item.concern.response}</small> : null}
      {live && mayRaise && item.status === 'SELECTED' ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void raise({ inputId: item.id, authority, requestId }).then((r) => !r.error && onRaised()))}>
          <label className="field">
            {t('voice.authority')}
            <select value={authority} onChange={(e) => setAuthority(e.target.value as Authority)}>
              {AUTHORITIES.map((a) => (
                <option key={a} value={a}>{t(`authority.${a}`)}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={state.fetching}>{t('voice.raise')}</button>
        </form>
      ) : null}
      {state.error ? <p role="alert" className="error">{state.error.graphQLErrors[0]?.message ?? state.error.message}</p> : null}
    </li>
  );
}
