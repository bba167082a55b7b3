import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useSubscription } from 'urql';
import { useLive, useLiveQuery } from '../../lib/live.js';
import { Link } from '../../lib/router.js';
import { formatNumber } from '../../lib/format.js';
import { BusinessPicker, type PickedBusiness } from './BusinessPicker.js';
import { CheckInMutation, KioskAttendanceSubscription, KioskSessionQuery } from './documents.js';
import { CheckInQueue, localStorageQueue, type AttendeeCategory, type SendOutcome } from './kiosk-queue.js';
import { outcomeOfError, useQueueRunning } from '../../lib/offline-queue.js';

export const CATEGORIES: AttendeeCategory[] = ['RESIDENT', 'YOUTH_UNION_MEMBER', 'PARTY_MEMBER', 'WOMENS_UNION_MEMBER', 'BUSINESS_REPRESENTATIVE', 'OFFICIAL', 'OTHER'];

/** Codes after which sending the same check-in again cannot succeed. */

/** The door kiosk: one large button per category, a head count, and taps kept while offline. */
export function Kiosk({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { epoch } = useLive();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [count, setCount] = useState(1);
  // A tax round: the business the next representative speaks for; the picker starts empty after each such tap.
  const [business, setBusiness] = useState<PickedBusiness>();
  const [pickerKey, setPickerKey] = useState(0);
  const [attendance, setAttendance] = useState<number>();
  const [{ data, error }] = useLiveQuery({ query: KioskSessionQuery, variables: { id: sessionId }, requestPolicy: 'network-only' });
  // NOTE: keep the last session known: the kiosk must keep taking taps while the API is unreachable.
  const lastSession = useRef(data?.session);
  if (data?.session) lastSession.current = data.session;
  const session = data?.session ?? lastSession.current;

  const queue = useMemo(
    () =>
      new CheckInQueue({
        storage: localStorageQueue(),
        onChange: rerender,
        maxAttempts: 20,
        async send(item): Promise<SendOutcome> {
          const { requestId, sessionId: id, category, count: headCount, businessId } = item;
          const result = await client
            .mutation(CheckInMutation, { input: { requestId, sessionId: id, category, count: headCount, businessId } }, { requestPolicy: 'network-only' })
            .toPromise();
          if (result.data?.checkIn) {
            if (id === sessionId) setAttendance((current) => Math.max(current ?? 0, result.data!.checkIn.attendance));
            return { status: 'sent' };
          }
          return outcomeOfError(result.error);
        },
      }),
    [client, sessionId],
  );
  useQueueRunning(queue);
  // Back online over the WebSocket: the HTTP side is very likely back too.
  useEffect(() => {
    if (epoch > 0) void queue.flush();
  }, [epoch, queue]);

  useSubscription({ query: KioskAttendanceSubscription, variables: { sessionId } }, (_prev, event) => {
    setAttendance((current) => Math.max(current ?? 0, event.attendanceChanged.attendance));
    return event;
  });

  const shown = Math.max(session?.attendance ?? 0, attendance ?? 0);
  const pending = queue.pendingFor(sessionId);
  const live = session?.status === 'LIVE';

  return (
    <section className="kiosk" aria-labelledby="kiosk-title">
      <p><Link to="/logging">← {t('nav.logging')}</Link></p>
      {error && !session && <p role="alert" className="error">{t('errors.load')}: {error.message}</p>}
      {data && !session && <p role="alert" className="error">{t('kiosk.notFound')}</p>}
      <h1 id="kiosk-title">{session?.title ?? t('kiosk.title')}</h1>
      {session && (
        <p className="muted">
          {session.heldBy} · {t(`sessionStatus.${session.status}`)}
        </p>
      )}
      <div className="kiosk-counters">
        <div className="kiosk-total">
          <span>{t('kiosk.attendance')}</span>
          <strong data-testid="kiosk-attendance" data-value={shown}>{formatNumber(shown, i18n.language)}</strong>
        </div>
        <div className={`kiosk-pending${queue.pending > 0 ? ' waiting' : ''}`} role="status" aria-live="polite">
          <span>{t('kiosk.pending')}</span>
          <strong data-testid="kiosk-pending" data-value={queue.pending}>{formatNumber(queue.pending, i18n.language)}</strong>
          {queue.pending > 0 && <small>{t('kiosk.pendingHint', { people: pending })}</small>}
          {queue.pending > 0 && queue.lastError && <small className="muted" data-testid="kiosk-last-error">{t('kiosk.lastError', { error: queue.lastError })}</small>}
        </div>
      </div>
      {session && !live && <p role="alert" className="warning">{t('kiosk.notLive')}</p>}
      {session?.kind === 'BUSINESS_TAX' && <BusinessPicker key={pickerKey} picked={business} onPick={setBusiness} />}
      <label className="field count-field">
        {t('kiosk.headCount')}
        <input type="number" min={1} max={10000} inputMode="numeric" value={count} onChange={(e) => setCount(Math.max(1, Math.min(10000, Number(e.target.value) || 1)))} />
      </label>
      <div className="kiosk-buttons">
        {CATEGORIES.map((category) => (
          <button
            key={category}
            type="button"
            className="kiosk-button"
            data-category={category}
            disabled={!live}
            onClick={() => {
              const forBusiness = category === 'BUSINESS_REPRESENTATIVE' && business ? business.id : undefined;
              queue.enqueue({ sessionId, category, count, ...(forBusiness ? { businessId: forBusiness } : {}) });
              setCount(1);
              if (forBusiness) {
                setBusiness(undefined);
                setPickerKey((key) => key + 1);
              }
            }}
          >
            {t(`category.${category}`)}
            {count > 1 && <small> +{count}</small>}
          </button>
        ))}
      </div>
      {queue.rejections.length > 0 && (
        <section className="panel" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{t('kiosk.rejected')}</h2>
          <ul>
            {queue.rejections.map(({ item, message }) => (
              <li key={item.requestId}>{t(`category.${item.category}`)} ×{item.count}: {message}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
