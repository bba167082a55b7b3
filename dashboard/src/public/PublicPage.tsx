import { useEffect, useId, useState, type FormEvent } from 'react';
import { request } from './api.js';
import { SubmissionResult, useSubmission } from './Submission.js';
import { LookUpQuery, PublicDialoguesQuery, PublicWardsQuery, SendOpinionMutation } from './documents.js';
import type { LookUpQuery as LookUp, PublicDialoguesQuery as Dialogues, PublicWardsQuery as Wards } from './gql/graphql.js';
import { TEXT, type Text } from './text.js';
import { formatDay, formatWhen, params, refusalText, setParam, type Language } from './page-kit.js';
import { PublicHeader, usePageLanguage } from './PublicHeader.js';

const pageTitle = (lang: Language) => TEXT[lang].title;

// The public page (/y-kien): no sign-in, Vietnamese first, small enough for a cheap phone on a slow
// network. It reads and writes only through the API's public gate.
type Ward = Wards['publicWards'][number];
type Dialogue = Dialogues['publicDialogues']['past'][number] | (Dialogues['publicDialogues']['coming'][number] & { answers?: undefined });

const TEXT_MAX = 4000;

export function PublicPage() {
  const [lang, setLang] = usePageLanguage(pageTitle);
  const t = TEXT[lang];
  const [wards, setWards] = useState<Ward[]>();
  const [wardId, setWardId] = useState<string | undefined>(() => params().get('phuong') ?? undefined);
  const [error, setError] = useState<string>();
  useEffect(() => {
    request(PublicWardsQuery)
      .then((data) => {
        setWards(data.publicWards);
        setWardId((current) => (current && data.publicWards.some((w) => w.id === current) ? current : data.publicWards[0]?.id));
      })
      .catch((e) => setError(refusalText(e, TEXT.vi)));
  }, []);
  const ward = wards?.find((w) => w.id === wardId);
  return (
    <div className="public">
      <PublicHeader lang={lang} setLang={setLang} other={t.language} />
      <main id="main" tabIndex={-1}>
        <h1>{t.title}</h1>
        <p className="lead">{t.lead}</p>
        {error ? <p role="alert">{error}</p> : null}
        {!wards ? <p aria-busy="true">{t.loading}</p> : null}
        {wards ? (
          <p>
            <label htmlFor="ward">{t.ward} </label>
            <select
              id="ward"
              value={wardId ?? ''}
              onChange={(e) => {
                setWardId(e.target.value);
                setParam('phuong', e.target.value);
              }}
            >
              {wards.map((w) => (
                <option key={w.id} value={w.id}>{w.name}</option>
              ))}
            </select>
          </p>
        ) : null}
        {ward ? <WardDialogues key={ward.id} wardId={ward.id} lang={lang} t={t} /> : null}
        {ward ? <SendOpinion key={`send-${ward.id}`} ward={ward} t={t} /> : null}
        <LookUpOpinion lang={lang} t={t} />
        <p className="staff-link">
          <a href="/">{t.staff}</a>
        </p>
      </main>
    </div>
  );
}

function WardDialogues({ wardId, lang, t }: { wardId: string; lang: Language; t: Text }) {
  const [data, setData] = useState<Dialogues['publicDialogues']>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request(PublicDialoguesQuery, { wardId })
      .then((d) => setData(d.publicDialogues))
      .catch((e) => setError(refusalText(e, t)));
  }, [wardId, t]);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p aria-busy="true">{t.loading}</p>;
  return (
    <>
      <section aria-labelledby="coming">
        <h2 id="coming">{t.coming}</h2>
        {data.coming.length === 0 ? <p>{t.noComing}</p> : data.coming.map((d) => <DialogueCard key={d.id} d={d} lang={lang} t={t} />)}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{t.past}</h2>
        {data.past.length === 0 ? <p>{t.noPast}</p> : data.past.map((d) => <DialogueCard key={d.id} d={d} lang={lang} t={t} />)}
      </section>
    </>
  );
}

function DialogueCard({ d, lang, t }: { d: Dialogue; lang: Language; t: Text }) {
  const headingId = useId();
  return (
    <article className="dialogue" aria-labelledby={headingId} data-testid="public-dialogue">
      <h3 id={headingId}>
        {d.title}
        {d.status === 'LIVE' ? <span className="badge"> · {t.live}</span> : null}
      </h3>
      <dl>
        <dt>{t.when}</dt>
        <dd>{formatWhen(d.scheduledAt, lang)}</dd>
        {d.place ? (
          <>
            <dt>{t.where}</dt>
            <dd>{d.place}</dd>
          </>
        ) : null}
        <dt>{t.host}</dt>
        <dd>{d.hostBody}</dd>
      </dl>
      {d.status !== 'CLOSED' ? (
        <>
          <h4>{t.agenda}</h4>
          {d.agenda.length ? (
            <ol>
              {d.agenda.map((a, i) => (
                <li key={i}>
                  {a.topic} <span className="muted">({t.supporters(a.supporters)})</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t.noAgenda}</p>
          )}
        </>
      ) : null}
      {d.answers ? (
        <>
          <h4>{t.answers}</h4>
          {d.answers.length ? (
            <ul className="answers">
              {d.answers.map((a, i) => (
                <li key={i}>
                  <strong>{a.topic}</strong>: {a.answer} <span className="muted">({formatDay(a.answeredAt, lang)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t.noAnswers}</p>
          )}
        </>
      ) : null}
    </article>
  );
}

function SendOpinion({ ward, t }: { ward: Ward; t: Text }) {
  const [topic, setTopic] = useState('');
  const [text, setText] = useState('');
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const { state, submit: run, invalid, resultRef } = useSubmission<string>(t);
  const submit = (event: FormEvent) =>
    run(
      event,
      async (requestId) =>
        (
          await request(SendOpinionMutation, {
            input: { wardId: ward.id, neighbourhoodId: neighbourhoodId || null, channel: 'PUBLIC_FORM', topic, text, requestId, contact: contact.trim() || null, contactConsent: contact.trim() ? consent : null },
          })
        ).submitResidentInput.lookupCode,
      () => {
        setTopic('');
        setText('');
        setContact('');
        setConsent(false);
      },
    );
  return (
    <section aria-labelledby="send">
      <h2 id="send">{t.send}</h2>
      <p className="muted">{t.sendLead}</p>
      <form onSubmit={submit} className="opinion-form">
        {ward.neighbourhoods.length ? (
          <p>
            <label htmlFor="nbh">{t.neighbourhood}</label>
            <select id="nbh" value={neighbourhoodId} onChange={(e) => setNeighbourhoodId(e.target.value)}>
              <option value="">{t.anyNeighbourhood}</option>
              {ward.neighbourhoods.map((n) => (
                <option key={n.id} value={n.id}>{n.name}</option>
              ))}
            </select>
          </p>
        ) : null}
        <p>
          <label htmlFor="topic">{t.topic}</label>
          <input id="topic" required maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} aria-invalid={invalid('topic')} />
        </p>
        <p>
          <label htmlFor="text">{t.text}</label>
          <textarea id="text" required rows={5} maxLength={TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="text-count" aria-invalid={invalid('text')} />
          <span id="text-count" className="muted">{t.chars(text.length, TEXT_MAX)}</span>
        </p>
        <p>
          <label htmlFor="contact">{t.contact}</label>
          <input id="contact" inputMode="email" autoComplete="tel" maxLength={200} value={contact} onChange={(e) => setContact(e.target.value)} aria-invalid={invalid('contact')} />
        </p>
        {contact.trim() ? (
          <p className="consent">
            <input id="consent" type="checkbox" required checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-invalid={invalid('contactConsent')} />
            <label htmlFor="consent">{t.consent}</label>
          </p>
        ) : null}
        <p>
          <button type="submit" disabled={state.kind === 'sending'}>{state.kind === 'sending' ? t.sending : t.submit}</button>
        </p>
      </form>
      <SubmissionResult
        submission={state}
        resultRef={resultRef}
        receipt={(code) => (
          <div className="receipt" data-testid="receipt">
            <p>{t.sent}</p>
            <p>
              {t.yourCode}: <strong className="code" data-testid="lookup-code">{code}</strong>
            </p>
            <p className="muted">{t.keepCode}</p>
          </div>
        )}
      />
    </section>
  );
}

function LookUpOpinion({ lang, t }: { lang: Language; t: Text }) {
  const [code, setCode] = useState(() => params().get('ma') ?? '');
  const [result, setResult] = useState<{ kind: 'found'; found: NonNullable<LookUp['lookupResidentInput']> } | { kind: 'none' } | { kind: 'refused'; message: string }>();
  const [busy, setBusy] = useState(false);
  async function find(value: string) {
    if (!value.trim()) return;
    setBusy(true);
    try {
      const data = await request(LookUpQuery, { code: value });
      setResult(data.lookupResidentInput ? { kind: 'found', found: data.lookupResidentInput } : { kind: 'none' });
      setParam('ma', data.lookupResidentInput?.code);
    } catch (e) {
      setResult({ kind: 'refused', message: refusalText(e, t) });
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    if (code) void find(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <section aria-labelledby="lookup">
      <h2 id="lookup">{t.lookup}</h2>
      <form
        className="lookup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void find(code);
        }}
      >
        <label htmlFor="code">{t.code}</label>
        <input id="code" autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="submit" disabled={busy}>{t.find}</button>
      </form>
      <div aria-live="polite" data-testid="lookup-result">
        {result?.kind === 'none' ? <p>{t.notFound}</p> : null}
        {result?.kind === 'refused' ? <p role="alert">{result.message}</p> : null}
        {result?.kind === 'found' ? (
          <dl className="lookup">
            <dt>{t.topic}</dt>
            <dd>{result.found.topic} ({result.found.wardName})</dd>
            <dt>{t.received}</dt>
            <dd>{formatDay(result.found.receivedAt, lang)}</dd>
            <dt>{t.status}</dt>
            <dd data-testid="lookup-status">{t.statuses[result.found.status]}</dd>
            {result.found.dialogue ? (
              <>
                <dt>{t.dialogue}</dt>
                <dd>
                  {result.found.dialogue.title}, {formatWhen(result.found.dialogue.scheduledAt, lang)}
                  {result.found.dialogue.place ? `, ${result.found.dialogue.place}` : ''}
                </dd>
              </>
            ) : null}
            <dt>{t.answer}</dt>
            <dd data-testid="lookup-answer">{result.found.answer ? `${result.found.answer}${result.found.answeredAt ? ` (${formatDay(result.found.answeredAt, lang)})` : ''}` : t.noAnswer}</dd>
          </dl>
        ) : null}
      </div>
    </section>
  );
}
