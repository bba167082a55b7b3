import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { request } from './api.js';
import { SubmissionResult, useSubmission } from './Submission.js';
import { LookUpTaxQuestionQuery, PublishedAnswersQuery, RateRoundMutation, SendTaxQuestionMutation, TaxRoundsQuery } from './business-documents.js';
import { BUSINESS_TEXT, fold, type BusinessText, type TopicKey } from './business-text.js';
import type { LookUpTaxQuestionQuery as LookUp, PublicTaxRoundsQuery as Rounds, PublishedTaxAnswersQuery as Answers } from './gql/graphql.js';
import { formatDay, formatWhen, params, refusalText, setParam, type Language } from './page-kit.js';
import { PublicHeader, usePageLanguage } from './PublicHeader.js';

// The businesses' public page (/doanh-nghiep): the tax office's rounds and their agenda by topic, a
// question sent before a round, its look-up, the answers published by topic, and a round's rating
// (?danh-gia=<round> is the link printed, as a QR code, on the round's documents). No sign-in; it reads
// and writes only through the API's public gate, which never answers a business's name or question.
type Round = Rounds['publicTaxRounds'][number];
type Answer = Answers['publicTaxAnswers'][number];

const TEXT_MAX = 4000;
const pageTitle = (lang: Language) => BUSINESS_TEXT[lang].title;
const TOPIC_KEYS = Object.keys(BUSINESS_TEXT.vi.topics) as TopicKey[];
const topicName = (t: BusinessText, topic: string) => t.topics[topic as TopicKey] ?? topic;

export function BusinessPage() {
  const [lang, setLang] = usePageLanguage(pageTitle);
  const t = BUSINESS_TEXT[lang];
  const [rounds, setRounds] = useState<Rounds>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request(TaxRoundsQuery)
      .then(setRounds)
      .catch((e) => setError(refusalText(e, BUSINESS_TEXT.vi)));
  }, []);
  return (
    <div className="public">
      <PublicHeader lang={lang} setLang={setLang} other={t.language} />
      <main id="main" tabIndex={-1}>
        <h1>{t.title}</h1>
        <p className="lead">{t.lead}</p>
        {error ? <p role="alert">{error}</p> : null}
        {!rounds && !error ? <p aria-busy="true">{t.loading}</p> : null}
        {rounds ? (
          <>
            <section aria-labelledby="coming">
              <h2 id="coming">{t.coming}</h2>
              {rounds.publicTaxRounds.length === 0 ? <p>{t.noComing}</p> : rounds.publicTaxRounds.map((r) => <RoundCard key={r.id} round={r} lang={lang} t={t} />)}
            </section>
            <SendQuestion rounds={rounds.publicTaxRounds.filter((r) => r.status === 'SCHEDULED')} lang={lang} t={t} />
          </>
        ) : null}
        <LookUpQuestion lang={lang} t={t} />
        <PublishedAnswers lang={lang} t={t} />
        {rounds ? <RateRound rounds={rounds.ratableTaxRounds} lang={lang} t={t} /> : null}
        <p className="staff-link">
          <a href="/y-kien">{t.residents}</a> · <a href="/">{t.staff}</a>
        </p>
      </main>
    </div>
  );
}

function RoundCard({ round, lang, t }: { round: Round; lang: Language; t: BusinessText }) {
  const headingId = useId();
  return (
    <article className="dialogue" aria-labelledby={headingId} data-testid="tax-round" data-round-id={round.id}>
      <h3 id={headingId}>
        {round.title}
        {round.status === 'LIVE' ? <span className="badge"> · {t.live}</span> : null}
      </h3>
      <dl>
        <dt>{t.when}</dt>
        <dd>{formatWhen(round.scheduledAt, lang)}</dd>
        {round.place ? (
          <>
            <dt>{t.where}</dt>
            <dd>{round.place}</dd>
          </>
        ) : null}
        {round.taxOffice ? (
          <>
            <dt>{t.host}</dt>
            <dd>{round.taxOffice.name}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t.agenda}</h4>
      {round.agenda.length ? (
        <ul data-testid="round-agenda">
          {round.agenda.map((a) => (
            <li key={a.topic}>
              {topicName(t, a.topic)} <span className="muted">({t.businesses(a.businesses)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.noAgenda}</p>
      )}
    </article>
  );
}

/** The round and the business's tax code, the first two fields of both the question and the rating forms. */
function RoundAndTaxCode(p: { prefix: string; rounds: readonly Round[]; roundId: string; setRoundId(id: string): void; taxCode: string; setTaxCode(code: string): void; invalid(field: string): true | undefined; lang: Language; t: BusinessText }) {
  return (
    <>
      <p>
        <label htmlFor={`${p.prefix}round`}>{p.t.round}</label>
        <select id={`${p.prefix}round`} value={p.roundId} onChange={(e) => p.setRoundId(e.target.value)} aria-invalid={p.invalid('sessionId')}>
          {p.rounds.map((r) => (
            <option key={r.id} value={r.id}>{r.title}, {formatDay(r.scheduledAt, p.lang)}</option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={`${p.prefix}tax-code`}>{p.t.taxCode}</label>
        <input id={`${p.prefix}tax-code`} required inputMode="numeric" autoComplete="off" maxLength={14} value={p.taxCode} onChange={(e) => p.setTaxCode(e.target.value)} aria-invalid={p.invalid('taxCode')} />
      </p>
    </>
  );
}

function SendQuestion({ rounds, lang, t }: { rounds: readonly Round[]; lang: Language; t: BusinessText }) {
  const [roundId, setRoundId] = useState(() => rounds[0]?.id ?? '');
  const [taxCode, setTaxCode] = useState('');
  const [topic, setTopic] = useState('');
  const [text, setText] = useState('');
  const { state, submit: run, invalid, resultRef } = useSubmission<string>(t);
  if (rounds.length === 0) return null;
  const submit = (event: FormEvent) =>
    run(
      event,
      async (requestId) => (await request(SendTaxQuestionMutation, { input: { sessionId: roundId, taxCode: taxCode.trim(), topic: topic as TopicKey, text, requestId } })).submitTaxQuestion.lookupCode,
      () => {
        setText('');
        setTopic('');
      },
    );
  return (
    <section aria-labelledby="send">
      <h2 id="send">{t.send}</h2>
      <p className="muted">{t.sendLead}</p>
      <form onSubmit={submit} className="opinion-form">
        <RoundAndTaxCode prefix="" rounds={rounds} roundId={roundId} setRoundId={setRoundId} taxCode={taxCode} setTaxCode={setTaxCode} invalid={invalid} lang={lang} t={t} />
        <p>
          <label htmlFor="tax-topic">{t.topic}</label>
          <select id="tax-topic" required value={topic} onChange={(e) => setTopic(e.target.value)} aria-invalid={invalid('topic')}>
            <option value="">{t.chooseTopic}</option>
            {TOPIC_KEYS.map((k) => (
              <option key={k} value={k}>{t.topics[k]}</option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="question">{t.text}</label>
          <textarea id="question" required rows={5} maxLength={TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="question-count" aria-invalid={invalid('text')} />
          <span id="question-count" className="muted">{t.chars(text.length, TEXT_MAX)}</span>
        </p>
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

function LookUpQuestion({ lang, t }: { lang: Language; t: BusinessText }) {
  const [code, setCode] = useState(() => params().get('ma') ?? '');
  const [result, setResult] = useState<{ kind: 'found'; found: NonNullable<LookUp['lookupTaxQuestion']> } | { kind: 'none' } | { kind: 'refused'; message: string }>();
  const [busy, setBusy] = useState(false);
  async function find(value: string) {
    if (!value.trim()) return;
    setBusy(true);
    try {
      const data = await request(LookUpTaxQuestionQuery, { code: value.trim() });
      setResult(data.lookupTaxQuestion ? { kind: 'found', found: data.lookupTaxQuestion } : { kind: 'none' });
      setParam('ma', data.lookupTaxQuestion?.code);
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
  const found = result?.kind === 'found' ? result.found : undefined;
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
        {found ? (
          <dl className="lookup">
            <dt>{t.topic}</dt>
            <dd>{topicName(t, found.topic)}</dd>
            <dt>{t.round}</dt>
            <dd>
              {found.roundTitle}, {formatWhen(found.roundAt, lang)}
            </dd>
            <dt>{t.received}</dt>
            <dd>{formatDay(found.receivedAt, lang)}</dd>
            <dt>{t.status}</dt>
            <dd data-testid="lookup-status">{t.statuses[found.status]}</dd>
            <dt>{found.status === 'DECLINED' ? t.declinedWhy : t.answer}</dt>
            <dd data-testid="lookup-answer">
              {found.answer ?? t.noAnswer}
              {found.answerForm ? (
                <>
                  <br />
                  <span className="muted" data-testid="lookup-form">
                    {found.answerForm === 'IN_WRITING' ? t.inWriting(found.answerDocument ?? '') : t.onTheSpot}
                    {found.answeredAt ? ` (${formatDay(found.answeredAt, lang)})` : ''}
                  </span>
                </>
              ) : null}
            </dd>
          </dl>
        ) : null}
      </div>
    </section>
  );
}

function PublishedAnswers({ lang, t }: { lang: Language; t: BusinessText }) {
  const [answers, setAnswers] = useState<readonly Answer[]>();
  const [error, setError] = useState<string>();
  const [query, setQuery] = useState(() => params().get('tim') ?? '');
  const [topic, setTopic] = useState('');
  useEffect(() => {
    request(PublishedAnswersQuery)
      .then((d) => setAnswers(d.publicTaxAnswers))
      .catch((e) => setError(refusalText(e, t)));
  }, [t]);
  const groups = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const shown = (answers ?? []).filter((a) => (!topic || a.topic === topic) && words.every((w) => fold(`${a.question} ${a.answer} ${a.taxOffice.name} ${topicName(BUSINESS_TEXT.vi, a.topic)} ${topicName(BUSINESS_TEXT.en, a.topic)}`).includes(w)));
    return TOPIC_KEYS.map((k) => ({ topic: k, answers: shown.filter((a) => a.topic === k) })).filter((g) => g.answers.length > 0);
  }, [answers, query, topic]);
  return (
    <section aria-labelledby="published">
      <h2 id="published">{t.published}</h2>
      <p className="muted">{t.publishedLead}</p>
      {error ? <p role="alert">{error}</p> : null}
      {!answers && !error ? <p aria-busy="true">{t.loading}</p> : null}
      {answers && answers.length === 0 ? <p>{t.noPublished}</p> : null}
      {answers && answers.length > 0 ? (
        <>
          <form className="answer-filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <p>
              <label htmlFor="answer-search">{t.search}</label>
              <input
                id="answer-search"
                type="search"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setParam('tim', e.target.value.trim() || undefined);
                }}
              />
            </p>
            <p>
              <label htmlFor="answer-topic">{t.topic}</label>
              <select id="answer-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
                <option value="">{t.allTopics}</option>
                {TOPIC_KEYS.map((k) => (
                  <option key={k} value={k}>{t.topics[k]}</option>
                ))}
              </select>
            </p>
          </form>
          <div aria-live="polite" data-testid="published-answers">
            {groups.length === 0 ? <p>{t.noMatch}</p> : null}
            {groups.map((g) => (
              <section key={g.topic} aria-labelledby={`topic-${g.topic}`} data-testid="answer-group" data-topic={g.topic}>
                <h3 id={`topic-${g.topic}`}>
                  {t.topics[g.topic]} <span className="muted">({t.count(g.answers.length)})</span>
                </h3>
                <ul className="answers">
                  {g.answers.map((a, i) => (
                    <li key={i} data-testid="published-answer">
                      <strong>{a.question}</strong>
                      <br />
                      {a.answer}
                      <br />
                      <span className="muted">
                        {a.taxOffice.name} · {a.answerForm === 'IN_WRITING' ? t.byLetter : t.onTheSpot} · {formatDay(a.answeredAt, lang)}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}

function RateRound({ rounds, lang, t }: { rounds: readonly Round[]; lang: Language; t: BusinessText }) {
  const [roundId, setRoundId] = useState(() => {
    const asked = params().get('danh-gia');
    return rounds.find((r) => r.id === asked)?.id ?? rounds[0]?.id ?? '';
  });
  const [taxCode, setTaxCode] = useState('');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const { state, submit: run, invalid, resultRef } = useSubmission<{ responses: number; average?: number | null }>(t);
  const sectionRef = useRef<HTMLElement>(null);
  // Opened from the QR code on a round's documents: the rating form is what the business came for.
  useEffect(() => {
    if (params().get('danh-gia')) sectionRef.current?.scrollIntoView();
  }, []);
  const submit = (event: FormEvent) =>
    run(event, async (requestId) => (await request(RateRoundMutation, { input: { sessionId: roundId, taxCode: taxCode.trim(), score, comment: comment.trim() || null, requestId } })).submitSatisfaction);
  return (
    <section aria-labelledby="rate" ref={sectionRef}>
      <h2 id="rate">{t.rate}</h2>
      <p className="muted">{t.rateLead}</p>
      {rounds.length === 0 ? (
        <p>{t.noRatable}</p>
      ) : (
        <form onSubmit={submit} className="opinion-form">
          <RoundAndTaxCode prefix="rate-" rounds={rounds} roundId={roundId} setRoundId={setRoundId} taxCode={taxCode} setTaxCode={setTaxCode} invalid={invalid} lang={lang} t={t} />
          <fieldset className="score" aria-invalid={invalid('score')}>
            <legend>{t.score}</legend>
            {t.scores.map((label, i) => (
              <label key={i} className="score-option">
                <input type="radio" name="score" required value={i + 1} checked={score === i + 1} onChange={() => setScore(i + 1)} />
                <span>
                  {i + 1} · {label}
                </span>
              </label>
            ))}
          </fieldset>
          <p>
            <label htmlFor="rate-comment">{t.comment}</label>
            <textarea id="rate-comment" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </p>
          <p>
            <button type="submit" disabled={state.kind === 'sending' || state.kind === 'sent'}>{state.kind === 'sending' ? t.sending : t.sendRating}</button>
          </p>
        </form>
      )}
      <SubmissionResult
        submission={state}
        resultRef={resultRef}
        receipt={(r) => (
          <p className="receipt" data-testid="rating-receipt">
            {t.rated(r.responses, r.average == null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(r.average))}
          </p>
        )}
      />
    </section>
  );
}
