import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMove, type Authority, type ConcernStatus, type OfferedMove } from '../../lib/allowed-moves.js';
import { choices, SelectField } from '../../lib/SelectField.js';

export interface MoveRequest {
  to: ConcernStatus;
  authority?: Authority;
  response?: string;
  note?: string;
}

/** Offers only the moves the API offers for the concern (Concern.allowedMoves), with the authority and answer each needs. */
export function MoveConcernForm({ moves, authority, onMove }: { moves: readonly OfferedMove[]; authority: Authority; onMove(move: MoveRequest): Promise<string | undefined> }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<ConcernStatus | ''>('');
  const [chosenAuthority, setChosenAuthority] = useState<Authority>(authority);
  const [response, setResponse] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (moves.length === 0) return <p className="muted">{t('move.none')}</p>;
  const chosen = moves.find((move) => move.to === to);

  const choose = (next: ConcernStatus) => {
    setTo(next);
    const allowed = moves.find((move) => move.to === next)!.authorities;
    if (!allowed.includes(chosenAuthority)) setChosenAuthority(allowed[0]!);
    setError(undefined);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    const problem = checkMove(moves, { to, authority: chosenAuthority, response });
    if (problem) {
      setError(t(problem));
      return;
    }
    setBusy(true);
    const refusal = await onMove({
      to,
      ...(chosenAuthority !== authority ? { authority: chosenAuthority } : {}),
      ...(response.trim() ? { response: response.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    setError(refusal);
    if (!refusal) {
      setTo('');
      setResponse('');
      setNote('');
    }
  };

  return (
    <form className="move-form" onSubmit={submit} aria-labelledby="move-title">
      <h2 id="move-title">{t('move.title')}</h2>
      <fieldset>
        <legend>{t('move.to')}</legend>
        <div className="choice-row">
          {moves.map(({ to: move }) => (
            <label key={move} className={to === move ? 'chosen' : undefined}>
              <input type="radio" name="to" value={move} checked={to === move} onChange={() => choose(move)} />
              {t(`concernStatus.${move}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {chosen && (
        <>
          <SelectField
            label={t('table.authority')}
            value={chosenAuthority}
            onChange={(v) => setChosenAuthority(v as Authority)}
            options={choices(chosen.authorities, (a) => t(`authority.${a}`))}
          />
          <label className="field">
            {chosen.needsResponse ? t('move.responseRequired') : t('move.response')}
            <textarea value={response} onChange={(e) => setResponse(e.target.value)} required={chosen.needsResponse} rows={3} />
          </label>
          <label className="field">
            {t('move.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy}>{t('move.submit')}</button>
        </>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
