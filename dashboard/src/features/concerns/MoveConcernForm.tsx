import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMove, type Authority, type ConcernStatus, type OfferedMove } from '../../lib/allowed-moves.js';
import { choices, SelectField } from '../../lib/SelectField.js';

export interface MoveRequest {
  to: ConcernStatus;
  authority?: Authority;
  response?: string;
  note?: string;
  answerForm?: 'ON_THE_SPOT' | 'IN_WRITING';
  answerDocument?: string;
}

/** The letter's number and date as an office files it: "1234/TCS7-NVDTPC ngày 05/12/2026". */
export function answerDocumentOf(number: string, isoDate: string): string | undefined {
  const n = number.trim();
  if (!n) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${n} ngày ${m[3]}/${m[2]}/${m[1]}` : n;
}

/** Offers only the moves the API offers for the concern (Concern.allowedMoves), with the authority and answer each needs. */
export function MoveConcernForm({ moves, authority, onMove }: { moves: readonly OfferedMove[]; authority: Authority; onMove(move: MoveRequest): Promise<string | undefined> }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<ConcernStatus | ''>('');
  const [chosenAuthority, setChosenAuthority] = useState<Authority>(authority);
  const [response, setResponse] = useState('');
  const [note, setNote] = useState('');
  const [form, setForm] = useState<'ON_THE_SPOT' | 'IN_WRITING'>('IN_WRITING');
  const [letter, setLetter] = useState('');
  const [letterDate, setLetterDate] = useState('');
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
    // How it was answered (contract, "Tax dialogues"): in the room, or by letter with its number and date.
    const answer = chosen?.needsResponse && to !== 'ANSWERED_ON_SPOT' ? (form === 'ON_THE_SPOT' ? { answerForm: form } : answerDocumentOf(letter, letterDate) ? { answerForm: form, answerDocument: answerDocumentOf(letter, letterDate) } : {}) : {};
    setBusy(true);
    const refusal = await onMove({
      ...answer,
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
      setLetter('');
      setLetterDate('');
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
          {chosen.needsResponse && to !== 'ANSWERED_ON_SPOT' && (
            <fieldset data-testid="answer-form">
              <legend>{t('move.answerForm')}</legend>
              <div className="choice-row">
                {(['IN_WRITING', 'ON_THE_SPOT'] as const).map((f) => (
                  <label key={f} className={form === f ? 'chosen' : undefined}>
                    <input type="radio" name="answerForm" value={f} checked={form === f} onChange={() => setForm(f)} />
                    {t(`answerForm.${f}`)}
                  </label>
                ))}
              </div>
              {form === 'IN_WRITING' && (
                <div className="form-grid">
                  <label className="field">{t('move.letterNumber')}<input value={letter} onChange={(e) => setLetter(e.target.value)} placeholder="1234/TCS7-NVDTPC" data-testid="letter-number" /></label>
                  <label className="field">{t('move.letterDate')}<input type="date" value={letterDate} onChange={(e) => setLetterDate(e.target.value)} data-testid="letter-date" /></label>
                </div>
              )}
            </fieldset>
          )}
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
