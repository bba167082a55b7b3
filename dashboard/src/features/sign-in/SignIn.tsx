import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actsForOneWard, ROLES, signInLocally, signInWithCognito, signOut, type Role } from '../../auth/session.js';
import { Client, fetchExchange } from 'urql';
import { absoluteUrl, type DashboardConfig } from '../../config.js';
import { SignInWardsQuery } from './documents.js';
import { LanguageSwitch } from '../../lib/LanguageSwitch.js';
import { SelectField } from '../../lib/SelectField.js';

interface WardOption { id: string; name: string }

/** Reads the ward list with a throwaway demo token, through an urql client of its own: a ward officer picks their ward before signing in. */
async function fetchWardsForDemo(config: DashboardConfig): Promise<WardOption[]> {
  const response = await fetch(`/local/token?role=LEADERSHIP`, { method: 'POST' });
  const { token } = (await response.json()) as { token: string };
  const client = new Client({ url: absoluteUrl(config.graphqlUrl), preferGetMethod: false, exchanges: [fetchExchange], fetchOptions: { headers: { authorization: `Bearer ${token}` } } });
  const result = await client.query(SignInWardsQuery, {}).toPromise();
  if (result.error) throw result.error;
  return result.data?.wards ?? [];
}

export function SignIn({ config, onSignedIn }: { config: DashboardConfig; onSignedIn(token: string): void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('LEADERSHIP');
  const [wards, setWards] = useState<WardOption[]>([]);
  const [wardId, setWardId] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const local = config.auth.kind === 'local';

  useEffect(() => {
    if (!local) return;
    fetchWardsForDemo(config)
      .then((list) => {
        setWards(list);
        setWardId((current) => current || list[0]?.id || '');
      })
      .catch(() => setError(t('signIn.unreachable')));
  }, [local, config, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (config.auth.kind === 'cognito') {
        await signInWithCognito(config.auth);
        return;
      }
      onSignedIn(await signInLocally(role, actsForOneWard(role) ? wardId : undefined));
    } catch {
      setError(t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <h1>{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <p>{t('app.subtitle')}</p>
        <form onSubmit={submit}>
          {local ? (
            <>
              <h2>{t('signIn.demoTitle')}</h2>
              <p className="hint">{t('signIn.demoHint')}</p>
              <fieldset className="role-choice">
                <legend>{t('signIn.role')}</legend>
                {ROLES.map((option) => (
                  <label key={option} className={role === option ? 'chosen' : undefined}>
                    <input type="radio" name="role" value={option} checked={role === option} onChange={() => setRole(option)} />
                    <strong>{t(`role.${option}`)}</strong>
                    <span>{t(`roleHint.${option}`)}</span>
                  </label>
                ))}
              </fieldset>
              {actsForOneWard(role) && (
                <SelectField label={t('signIn.ward')} value={wardId} onChange={setWardId} required options={wards.map((ward) => ({ value: ward.id, label: ward.name }))} />
              )}
              <button type="submit" className="primary" disabled={busy}>{t('signIn.submit')}</button>
            </>
          ) : (
            <button type="submit" className="primary" disabled={busy}>{t('signIn.cognito')}</button>
          )}
          {error && <p role="alert" className="error">{error}</p>}
        </form>
      </div>
    </main>
  );
}

/**
 * Signed in, but in no Dialogue Pulse group (`cognito:groups` names no role): the API would refuse
 * everything, so nothing is fetched; the user is told to ask an administrator, and may sign out.
 */
export function NoGroup({ config }: { config: DashboardConfig }) {
  const { t } = useTranslation();
  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card" data-testid="no-group">
        <div className="sign-in-top">
          <h1>{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <h2>{t('noGroup.title')}</h2>
        <p role="alert">{t('noGroup.body')}</p>
        <button type="button" className="primary" onClick={() => void signOut(config)}>{t('nav.signOut')}</button>
      </div>
    </main>
  );
}
