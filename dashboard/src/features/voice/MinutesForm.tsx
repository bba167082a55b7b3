import { useMemo, useReducer, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { outcomeOfError, useQueueRunning, type SendOutcome } from '../../lib/offline-queue.js';
import { SelectField } from '../../lib/SelectField.js';
import { SubmitInputMutation } from './documents.js';
import { inputSearch } from '../../lib/fuzzy.js';
import { MinutesQueue, minutesStorage, type QueuedInput } from './minutes-queue.js';
import type { Input } from './documents.js';

const CHANNELS = ['NEIGHBOURHOOD_MEETING', 'RESIDENTIAL_GROUP', 'OFFICE'] as const;

/**
 * A neighbourhood meeting's minutes, typed fast: topic, text, supporters, Enter, next item. Each item
 * is queued (stored at once, sent when the network allows, never doubled); similar inputs already
 * received show as you type the topic.
 */
export function MinutesForm({ wardId, neighbourhoods, known, onSent }: { wardId: string; neighbourhoods: readonly { id: string; name: string; generated: boolean }[]; known: readonly Input[]; onSent(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [channel, setChannel] = useState<QueuedInput['channel']>('NEIGHBOURHOOD_MEETING');
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const [topic, setTopic] = useState('');
  const [text, setText] = useState('');
  const [supporters, setSupporters] = useState('1');
  const [sent, setSent] = useState<{ topic: string; code: string }[]>([]);
  const topicRef = useRef<HTMLInputElement>(null);
  const queue = useMemo(
    () =>
      new MinutesQueue({
        storage: minutesStorage(),
        onChange: rerender,
        maxAttempts: 50,
        async send(item): Promise<SendOutcome> {
          const { requestId, wardId: w, neighbourhoodId: nb, channel: c, topic: tp, text: tx, supporters: s } = item;
          const result = await client.mutation(SubmitInputMutation, { input: { requestId, wardId: w, neighbourhoodId: nb ?? null, channel: c, topic: tp, text: tx, supporters: s } }, { requestPolicy: 'network-only' }).toPromise();
          if (result.data?.submitResidentInput) {
            const created = result.data.submitResidentInput;
            setSent((list) => [{ topic: created.topic, code: created.lookupCode }, ...list].slice(0, 20));
            onSent();
            return { status: 'sent' };
          }
          return outcomeOfError(result.error);
        },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );
  useQueueRunning(queue);
  const search = useMemo(() => inputSearch(known.filter((i) => i.status !== 'MERGED')), [known]);
  const similar = search.similar(topic, 4);
  const count = Number(supporters);
  const valid = topic.trim() && text.trim() && Number.isInteger(count) && count >= 1 && count <= 10000;

  function add(event?: FormEvent) {
    event?.preventDefault();
    if (!valid) return;
    queue.add({ wardId, ...(neighbourhoodId ? { neighbourhoodId } : {}), channel, topic: topic.trim(), text: text.trim(), supporters: count });
    setTopic('');
    setText('');
    setSupporters('1');
    topicRef.current?.focus();
  }
  // Keyboard first: Enter in the supporters field (or Ctrl+Enter anywhere) adds the item and starts the next.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) add();
  };
  return (
    <section className="panel" aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('voice.minutes')}</h2>
      <p className="muted">{t('voice.minutesHint')}</p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Ctrl+Enter from any of the form's fields adds the item: the keys land on those fields, the form only hears them */}
      <form className="minutes-form" onSubmit={add} onKeyDown={onKeyDown}>
        <div className="form-row">
          <SelectField label={t('voice.channel')} value={channel} onChange={(v) => setChannel(v as QueuedInput['channel'])} options={CHANNELS.map((c) => ({ value: c, label: t(`voice.channels.${c}`) }))} />
          <SelectField label={t('voice.neighbourhood')} value={neighbourhoodId} onChange={setNeighbourhoodId} first={{ value: '', label: t('voice.noNeighbourhood') }} options={neighbourhoods.map((nb) => ({ value: nb.id, label: nb.generated ? `${nb.name} (${t('voice.generated')})` : nb.name }))} />
        </div>
        <label className="field">
          {t('voice.topic')}
          <input ref={topicRef} value={topic} maxLength={200} required onChange={(e) => setTopic(e.target.value)} aria-describedby="similar" autoComplete="off" />
        </label>
        <div id="similar" aria-live="polite" className="similar">
          {similar.length ? (
            <>
              <span>{t('voice.similar')}</span>
              <ul>
                {similar.map((s) => (
                  <li key={s.id}>{s.topic} <small className="muted">({t('voice.supportersN', { count: s.supporters })}, {t(`voice.status.${s.status}`)})</small></li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <label className="field">
          {t('voice.text')}
          <textarea value={text} maxLength={4000} required rows={2} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="form-row">
          <label className="field narrow">
            {t('voice.supporters')}
            <input type="number" min={1} max={10000} value={supporters} onChange={(e) => setSupporters(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add(e)} />
          </label>
          <button type="submit" className="primary" disabled={!valid}>{t('voice.add')}</button>
        </div>
      </form>
      <p role="status" data-testid="minutes-pending">{queue.pending ? t('voice.pending', { count: queue.pending }) : t('voice.allSent')}</p>
      {queue.rejections.length ? (
        <ul className="error" role="alert">
          {queue.rejections.slice(0, 5).map((r) => (
            <li key={r.item.requestId}>{r.item.topic}: {r.message}</li>
          ))}
        </ul>
      ) : null}
      {sent.length ? (
        <details>
          <summary>{t('voice.sentList', { count: sent.length })}</summary>
          <ul>
            {sent.map((s) => (
              <li key={s.code}>{s.topic} · <code>{s.code}</code></li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
