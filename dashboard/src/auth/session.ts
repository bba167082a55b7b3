import type { CognitoAuthConfig, DashboardConfig } from '../config.js';
// The roles and which one a user in several groups acts with: the API's own module (pure, no imports).
import { actsForOneWard, ROLES, roleFromGroups, type Role } from '../../../functions/domain/kernel/actor.js';

export { actsForOneWard, ROLES, type Role };

const TOKEN_KEY = 'dp.token';

/** Reads a JWT's payload without verifying it: only to know when to ask for a new one (the API verifies). */
export function decodeTokenPayload(token: string): Record<string, unknown> | undefined {
  try {
    const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * Who the token says the user is (`cognito:groups`, `custom:wardId`), read without verifying: enough
 * to draw the right screens at once while `Query.viewer` (the API's word) is on its way.
 */
export function viewerFromToken(token: string): { id: string; role: Role; ward: { id: string; name: string } | null } | undefined {
  const payload = decodeTokenPayload(token);
  const groups = Array.isArray(payload?.['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
  const role = roleFromGroups(groups);
  if (!payload || !role) return undefined;
  const wardId = actsForOneWard(role) && typeof payload['custom:wardId'] === 'string' ? payload['custom:wardId'] : undefined;
  return { id: String(payload.sub ?? ''), role, ward: wardId ? { id: wardId, name: '' } : null };
}

function isFresh(token: string, now = Date.now()): boolean {
  const exp = decodeTokenPayload(token)?.exp;
  return typeof exp === 'number' && exp * 1000 > now + 30_000;
}

/** The signed-in user's token, or undefined when there is none or it is about to expire. */
export function currentToken(): string | undefined {
  const token = localStorage.getItem(TOKEN_KEY) ?? undefined;
  if (token && isFresh(token)) return token;
  if (token) localStorage.removeItem(TOKEN_KEY);
  return undefined;
}

export function storeToken(token: string) {
  localStorage.setItem(TOKEN_KEY, token);
}

/** Local demo sign-in: the local stack mints a token for the chosen role (and ward, for a ward officer). */
export async function signInLocally(role: Role, wardId?: string): Promise<string> {
  const query = new URLSearchParams({ role, ...(wardId ? { wardId } : {}) });
  const response = await fetch(`/local/token?${query}`, { method: 'POST' });
  if (!response.ok) throw new Error(`local sign-in answered ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  storeToken(token);
  return token;
}

const CALLBACK_PATH = '/auth/callback';

async function cognitoManager(auth: CognitoAuthConfig) {
  // NOTE: loaded on demand: the local build never needs the OIDC library in its first bundle.
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: auth.scope ?? 'openid email profile',
    userStore: new WebStorageStateStore({ store: window.localStorage }),
  });
}

/** Starts Cognito's hosted sign-in (authorization code flow with PKCE). */
export async function signInWithCognito(auth: CognitoAuthConfig): Promise<void> {
  const manager = await cognitoManager(auth);
  await manager.signinRedirect({ state: window.location.pathname });
}

/**
 * Completes the redirect back from Cognito when the page is the callback; returns the path to go
 * back to, or undefined when this page is not a callback.
 */
export async function completeCognitoSignIn(config: DashboardConfig): Promise<string | undefined> {
  if (config.auth.kind !== 'cognito' || window.location.pathname !== CALLBACK_PATH) return undefined;
  const manager = await cognitoManager(config.auth);
  const user = await manager.signinCallback();
  // NOTE: the ID token carries `cognito:groups` and `custom:wardId`, which the API reads; Cognito's
  // access token has no custom attributes.
  if (user?.id_token) storeToken(user.id_token);
  return typeof user?.state === 'string' ? user.state : '/';
}

/**
 * Renews the Cognito tokens before they expire (refresh token, oidc-client-ts's automatic silent
 * renew) and stores each new ID token: a wall screen stays signed in for days. Returns a stop function.
 */
export function keepCognitoTokenFresh(auth: CognitoAuthConfig, onRenewed?: (idToken: string) => void): () => void {
  let stopped = false;
  let stop = () => undefined as void;
  void cognitoManager(auth).then(async (manager) => {
    if (stopped) return;
    const onLoaded = (user: { id_token?: string }) => {
      if (!user.id_token) return;
      storeToken(user.id_token);
      onRenewed?.(user.id_token);
    };
    manager.events.addUserLoaded(onLoaded);
    manager.startSilentRenew();
    await manager.getUser();
    stop = () => {
      manager.events.removeUserLoaded(onLoaded);
      manager.stopSilentRenew();
    };
  });
  return () => {
    stopped = true;
    stop();
  };
}

/**
 * Whether the token names a role of this system. A user Cognito knows but no administrator has put in
 * a group has none: the API refuses every request of theirs (UNAUTHENTICATED), so the dashboard says
 * what to do instead of asking them to sign in again and again.
 */
export function tokenHasRole(token: string): boolean {
  return viewerFromToken(token) !== undefined;
}

const beforeSignOut = new Set<() => void | Promise<void>>();

/**
 * Runs `close` when the user signs out, before the page leaves: sign-out waits for what it returns
 * (the live sockets' close), so the server forgets them now rather than when the page is gone.
 */
export function onSignOut(close: () => void | Promise<void>): () => void {
  beforeSignOut.add(close);
  return () => beforeSignOut.delete(close);
}

export async function signOut(config: DashboardConfig) {
  const closing = Promise.all([...beforeSignOut].map(async (close) => close()));
  localStorage.removeItem(TOKEN_KEY);
  if (config.auth.kind === 'cognito') {
    const manager = await cognitoManager(config.auth);
    await manager.removeUser();
    // NOTE: a renewal already in flight when the user signs out stores its user after removeUser;
    // whatever oidc-client-ts keeps (user, refresh token, sign-in state) goes now, before leaving.
    await closing;
    for (const key of Object.keys(localStorage)) if (key.startsWith('oidc.')) localStorage.removeItem(key);
    if (config.auth.logoutUrl) {
      const query = new URLSearchParams({ client_id: config.auth.clientId, logout_uri: `${window.location.origin}/` });
      window.location.assign(`${config.auth.logoutUrl}?${query}`);
      return;
    }
  }
  await closing;
  window.location.assign('/');
}
