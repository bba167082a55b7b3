import { createHash, randomBytes } from 'node:crypto';
import { OIDC_TEST_PASSWORD } from '../../infra/local/oidc-users.js';
import { OIDC_CLIENT_ID, OIDC_SCOPE } from '../../infra/local/oidc-provider.js';

export interface OidcTokens {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
}

/** A tiny cookie jar: the provider keeps the interaction and the session in cookies. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in through the provider's real pages the way a browser and oidc-client-ts do: authorization
 * request with PKCE (S256), the login form, the redirect back with a code, the code exchange at the
 * token endpoint (a public client: no secret). Returns the tokens.
 */
export async function signInThroughProvider(issuer: string, dashboardUrl: string, username: string, password = OIDC_TEST_PASSWORD): Promise<OidcTokens> {
  const jar = new Jar();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${dashboardUrl}/auth/callback`;
  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: OIDC_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: OIDC_SCOPE,
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  let url = authorize.toString();
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.take(response);
    body = undefined;
    method = 'GET';
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.toString().startsWith(redirectUri)) {
        const code = next.searchParams.get('code');
        if (!code) throw new Error(`the provider answered the callback without a code: ${next}`);
        const tokenResponse = await fetch(discovery.token_endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: OIDC_CLIENT_ID, code_verifier: verifier }),
        });
        const tokens = await tokenResponse.json();
        if (!tokenResponse.ok) throw new Error(`token endpoint answered ${tokenResponse.status}: ${JSON.stringify(tokens)}`);
        return tokens as OidcTokens;
      }
      url = next.toString();
      continue;
    }
    if (new URL(url).pathname.startsWith('/interaction/') && response.status === 200) {
      method = 'POST';
      body = new URLSearchParams({ username, password }).toString();
      continue;
    }
    throw new Error(`sign-in as ${username} stopped at ${url} with ${response.status}: ${(await response.text()).replace(/<style.*<\/style>/s, "").slice(0, 600)}`);
  }
  throw new Error('sign-in did not finish in 10 redirects');
}

/** The refresh token grant, as oidc-client-ts's silent renew sends it. */
export async function refreshTokens(issuer: string, refreshToken: string): Promise<OidcTokens> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: OIDC_CLIENT_ID }),
  });
  const tokens = await response.json();
  if (!response.ok) throw new Error(`refresh answered ${response.status}: ${JSON.stringify(tokens)}`);
  return tokens as OidcTokens;
}

/** Asks the provider to rotate its signing key (`retire`: drop every key but the newest). */
export async function rotateProviderKeys(issuer: string, retire = false): Promise<string[]> {
  const response = await fetch(`${issuer}/local/rotate-keys${retire ? '?retire=1' : ''}`, { method: 'POST' });
  if (!response.ok) throw new Error(`rotate-keys answered ${response.status}`);
  return ((await response.json()) as { kids: string[] }).kids;
}

export function claimsOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
}

export function headerOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString());
}
