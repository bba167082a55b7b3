import { BusinessPicker, type PickedBusiness } from './BusinessPicker.js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useLiveQuery } from '../../lib/live.js';
import { Link } from '../../lib/router.js';
import { useViewer } from '../../lib/viewer.js';
import { WardsAtQuery } from './logging-documents.js';
import { unitName } from '../../lib/unit-labels.js';

type SessionKind = 'PUBLIC' | 'THEMATIC' | 'BUSINESS_TAX';
import { DateField, TimeField } from '../../lib/DateFields.js';
import { formatDateTime, formatNumber, hcmcLocalToIso } from '../../lib/format.js';
import { type Authority } from '../../lib/allowed-moves.js';
import { authoritiesAt } from '../../../../functions/domain/concerns/concern-rules.js';
import { TAX_TOPIC_NAMES, TAX_TOPICS, type TaxTopic } from '../../../../functions/domain/kernel/tax-topics.js';
import { BusinessByTaxCodeQuery } from './documents.js';
import { TaxOfficesNowQuery } from './logging-documents.js';
import { CloseSessionMutation, ManagedSessionsQuery, RaiseConcernMutation, RegisterBusinessMutation, ScheduleSessionMutation, StartSessionMutation } from './logging-documents.js';
import { checkTaxCode } from './tax-code.js';
import { choices, SelectField } from '../../lib/SelectField.js';

const SECTORS = ['TRADE', 'SERVICES', 'TRANSPORT', 'CONSTRUCTION', 'MANUFACTURING', 'OTHER'] as const;

function messageOf(error: CombinedError | undefined): string | undefined {
  return error ? (error.graphQLErrors[0]?.message ?? error.message) : undefined;
}

/** Logging for ward officers and the tax office: schedule, start, close; the kiosk; concerns; businesses. */
export function LoggingPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  // What the viewer may do comes from the API (Viewer.abilities, Session.mayManage): role, ward and dates.
  const kinds: SessionKind[] = viewer.abilities?.sessionKinds ?? [];
  const [{ data, error }, refetch] = useLiveQuery({
    query: ManagedSessionsQuery,
    variables: { wardId: viewer.ward?.id ?? null, kind: kinds.length === 1 ? kinds[0]! : null },
    requestPolicy: 'cache-and-network',
  });
  const [startState, startSession] = useMutation(StartSessionMutation);
  const [closeState, closeSession] = useMutation(CloseSessionMutation);
  const [raisingFor, setRaisingFor] = useState<string>();
  const sessions = (data?.sessions.edges.map((e) => e.node) ?? []).filter((s) => s.mayManage);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const actionError = messageOf(startState.error) ?? messageOf(closeState.error);

  return (
    <section aria-labelledby="logging-title" className="logging">
      <h1 id="logging-title">{t('logging.title')}</h1>
      {kinds.length > 0 && <ScheduleForm key={viewer.ward?.name ?? ''} kinds={kinds} onScheduled={reload} />}
      <section className="panel" aria-labelledby="my-sessions-title">
        <h2 id="my-sessions-title">{t('logging.sessions')}</h2>
        {error && !data && <p role="alert" className="error">{t('errors.load')}: {error.message}</p>}
        {actionError && <p role="alert" className="error">{actionError}</p>}
        {data && sessions.length === 0 && <p className="muted">{t('logging.noSessions')}</p>}
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id} data-session-id={s.id} data-status={s.status}>
              <div>
                <strong>{s.title}</strong>
                <small>
                  {formatDateTime(s.scheduledAt)} · {s.heldBy} · <span className={`status status-${s.status.toLowerCase()}`}>{t(`sessionStatus.${s.status}`)}</span> · {t('kpi.attendance')}: {formatNumber(s.attendance, i18n.language)}
                </small>
              </div>
              <div className="actions">
                {s.status === 'SCHEDULED' && (
                  <button type="button" className="primary" onClick={() => void startSession({ id: s.id }).then(reload)}>{t('logging.start')}</button>
                )}
                {s.status === 'LIVE' && (
                  <>
                    <Link to={`/kiosk/${s.id}`} className="button primary">{t('logging.kiosk')}</Link>
                    <button type="button" className="secondary" onClick={() => void closeSession({ id: s.id }).then(reload)}>{t('logging.close')}</button>
                  </>
                )}
                {s.status !== 'SCHEDULED' && (
                  <button type="button" className="secondary" aria-expanded={raisingFor === s.id} onClick={() => setRaisingFor(raisingFor === s.id ? undefined : s.id)}>
                    {t('logging.raiseConcern')}
                  </button>
                )}
              </div>
              {raisingFor === s.id && <RaiseConcernForm sessionId={s.id} taxRound={s.kind === 'BUSINESS_TAX'} onDone={() => setRaisingFor(undefined)} />}
            </li>
          ))}
        </ul>
      </section>
      {viewer.abilities?.mayRegisterBusinesses && <RegisterBusinessForm wards={data?.wards ?? []} />}
    </section>
  );
}

function ScheduleForm({ kinds, onScheduled }: { kinds: SessionKind[]; onScheduled(): void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [kind, setKind] = useState<SessionKind>(kinds[0] ?? 'PUBLIC');
  const [title, setTitle] = useState('');
  const [wardId, setWardId] = useState(viewer.ward?.id ?? '');
  const [place, setPlace] = useState('');
  const [hostBody, setHostBody] = useState(viewer.ward ? `Đảng ủy - UBND phường ${viewer.ward.name}` : '');
  const [date, setDate] = useState('');
  // A tax round is hosted by the local tax office in force today, unless the officer writes another host.
  const [{ data: officesData }] = useQuery({ query: TaxOfficesNowQuery, pause: !kinds.includes('BUSINESS_TAX') });
  const localOffice = officesData?.taxOffices.find((o) => o.level === 'LOCAL')?.name;
  useEffect(() => {
    if (kind === 'BUSINESS_TAX' && localOffice && !hostBody) setHostBody(localOffice);
  }, [kind, localOffice, hostBody]);
  // The ward picker offers the units in force on the chosen date (today's by default).
  const [{ data: wardsData }] = useQuery({ query: WardsAtQuery, variables: { asOf: /^\d{4}-\d{2}-\d{2}$/.test(date) ? hcmcLocalToIso(`${date}T12:00`) ?? null : null } });
  const wards = wardsData?.wards ?? [];
  const [time, setTime] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [result, schedule] = useMutation(ScheduleSessionMutation);
  const [done, setDone] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const scheduledAt = date && time ? hcmcLocalToIso(`${date}T${time}`) : undefined;
    if (!scheduledAt) return;
    const answer = await schedule({ input: { kind, title: title.trim(), hostBody: hostBody.trim(), place: place.trim() || null, scheduledAt, wardId: wardId || null } });
    if (answer.data) {
      setDone(answer.data.scheduleSession.title);
      setTitle('');
      onScheduled();
    }
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('logging.schedule')}</h2>
      {kinds.length > 1 && (
        <SelectField label={t('logging.kind')} value={kind} onChange={(v) => setKind(v as SessionKind)} options={choices(kinds, (k) => t(`sessionKind.${k}`))} />
      )}
      <label className="field">
        {t('table.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <SelectField
        label={t('table.ward')}
        value={wardId}
        onChange={setWardId}
        disabled={!!viewer.ward}
        required={kind === 'PUBLIC'}
        first={kind !== 'PUBLIC' ? { value: '', label: t('common.wholeArea') } : undefined}
        options={wards.map((w) => ({ value: w.id, label: unitName(w) }))}
      />
      <label className="field">
        {t('logging.hostBody')}
        <input value={hostBody} onChange={(e) => setHostBody(e.target.value)} required />
      </label>
      <label className="field">
        {t('logging.place')}
        <input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={300} placeholder={t('logging.placeHint')} />
      </label>
      <fieldset className="date-time">
        <legend>{t('logging.when')}</legend>
        <div className="date-time-fields">
          <DateField label={t('dateEntry.date')} value={date} onChange={setDate} required showMissing={attempted} testId="schedule-date" />
          <TimeField label={t('dateEntry.time')} value={time} onChange={setTime} required showMissing={attempted} testId="schedule-time" />
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={result.fetching}>{t('logging.scheduleSubmit')}</button>
      {result.error && <p role="alert" className="error">{messageOf(result.error)}</p>}
      {done && !result.error && <p role="status" className="ok">{t('logging.scheduled', { title: done })}</p>}
    </form>
  );
}

function RaiseConcernForm({ sessionId, taxRound, onDone }: { sessionId: string; taxRound: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const [taxTopic, setTaxTopic] = useState<TaxTopic | ''>('');
  const [topic, setTopic] = useState('');
  const [text, setText] = useState('');
  // The levels accepted today (no DISTRICT since 1/7/2025): the form's default is always one of them.
  const ladder = authoritiesAt(new Date().toISOString());
  const [authority, setAuthority] = useState<Authority>('WARD');
  const [business, setBusiness] = useState<PickedBusiness>();
  const [requestId] = useState(() => crypto.randomUUID());
  const [result, raise] = useMutation(RaiseConcernMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const businessId = business?.id;
    const answer = await raise({ input: { sessionId, topic: topic.trim(), text: text.trim(), authority, requestId, ...(businessId ? { businessId } : {}), ...(taxRound && taxTopic ? { taxTopic } : {}) } });
    if (answer.data) onDone();
  };
  return (
    <form className="inline-form form-grid" onSubmit={submit}>
      {taxRound && (
        <SelectField
          label={t('concerns.taxTopic')}
          value={taxTopic}
          onChange={(v) => {
            setTaxTopic(v as TaxTopic);
            if (!topic.trim() && v) setTopic(TAX_TOPIC_NAMES[v as TaxTopic]);
          }}
          first={{ value: '', label: t('taxTopic.none') }}
          options={choices(TAX_TOPICS, (k) => t(`taxTopic.${k}`))}
        />
      )}
      <label className="field">{t('table.topic')}<input value={topic} onChange={(e) => setTopic(e.target.value)} required /></label>
      <label className="field">{t('table.text')}<textarea value={text} onChange={(e) => setText(e.target.value)} required rows={3} /></label>
      <SelectField label={t('table.authority')} value={authority} onChange={(v) => setAuthority(v as Authority)} options={choices(ladder, (a) => t(`authority.${a}`))} />
      {taxRound && <BusinessPicker picked={business} onPick={setBusiness} label={t('logging.businessOfConcern')} />}
      <button type="submit" className="primary" disabled={result.fetching}>{t('logging.raiseSubmit')}</button>
      {result.error && <p role="alert" className="error">{messageOf(result.error)}</p>}
    </form>
  );
}

function RegisterBusinessForm({ wards }: { wards: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [taxCode, setTaxCode] = useState('');
  const [name, setName] = useState('');
  const [sector, setSector] = useState<(typeof SECTORS)[number]>('TRADE');
  const [wardId, setWardId] = useState('');
  const check = checkTaxCode(taxCode);
  const [existing] = useQuery({ query: BusinessByTaxCodeQuery, variables: { taxCode: taxCode.trim() }, pause: check !== 'valid', requestPolicy: 'network-only' });
  const [result, register] = useMutation(RegisterBusinessMutation);
  const [done, setDone] = useState<string>();
  const taken = existing.data?.business;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (check !== 'valid' || taken) return;
    const answer = await register({ input: { taxCode: taxCode.trim(), name: name.trim(), sector, wardId: wardId || null } });
    if (answer.data) {
      setDone(answer.data.registerBusiness.name);
      setTaxCode('');
      setName('');
    }
  };
  const hint =
    check === 'invalid' ? t('business.taxCodeInvalid')
    : check === 'incomplete' ? t('business.taxCodeIncomplete')
    : check === 'valid' && taken ? t('business.taxCodeTaken', { name: taken.name })
    : check === 'valid' && existing.data ? t('business.taxCodeFree')
    : t('business.taxCodeHint');
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby="register-title">
      <h2 id="register-title">{t('business.register')}</h2>
      <label className="field">
        {t('table.taxCode')}
        <input value={taxCode} onChange={(e) => setTaxCode(e.target.value)} required aria-invalid={check === 'invalid' || !!taken} aria-describedby="tax-code-hint" inputMode="numeric" data-testid="tax-code" />
        <small id="tax-code-hint" className={check === 'invalid' || taken ? 'error' : check === 'valid' ? 'ok' : 'muted'} aria-live="polite">{hint}</small>
      </label>
      <label className="field">{t('business.name')}<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
      <SelectField label={t('business.sector')} value={sector} onChange={(v) => setSector(v as (typeof SECTORS)[number])} options={choices(SECTORS, (s) => t(`sector.${s}`))} />
      <SelectField label={t('table.ward')} value={wardId} onChange={setWardId} first={{ value: '', label: '—' }} options={wards.map((w) => ({ value: w.id, label: unitName(w) }))} />
      <button type="submit" className="primary" disabled={result.fetching || check !== 'valid' || !!taken}>{t('business.submit')}</button>
      {result.error && <p role="alert" className="error">{messageOf(result.error)}</p>}
      {done && !result.error && <p role="status" className="ok">{t('business.registered', { name: done })}</p>}
    </form>
  );
}
