import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportSPKI, importJWK, type CryptoKey, type JWK } from 'jose';
import { OIDC_CLIENT_ID } from '../../infra/local/oidc-provider.js';
import { OIDC_TEST_USERS, subOf } from '../../infra/local/oidc-users.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { openRawSocket, wsUrlOf } from '../support/realtime-clients.js';
import { claimsOf, headerOf, refreshTokens, rotateProviderKeys, signInThroughProvider } from '../support/oidc-client.js';

const VIEWER = '{ viewer { id role ward { id } } }';
const now = () => Math.floor(Date.now() / 1000);

// AUTH=oidc: the local OpenID Connect provider stands in for Cognito; the API verifies its tokens with
// the same jose JWKS verifier and the same three settings (JWKS_URL, TOKEN_ISSUER, TOKEN_AUDIENCE) as in AWS.
describe('sign-in through the local OpenID Connect provider (the Cognito path), and what the API accepts from it', () => {
  let stack: RunningStack;
  let issuer: string;

  beforeAll(async () => {
    // Short JWKS cache and cool-down so that key rotation is seen within the test (AWS: 10 min and 30 s).
    stack = await startStack({ env: { AUTH: 'oidc', JWKS_CACHE_MAX_AGE_MS: '3000', JWKS_COOLDOWN_MS: '1000' } });
    issuer = stack.oidcIssuer!;
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  /** The provider's current signing key (from DATA_DIR), to forge tokens that differ from real ones in one claim. */
  const providerKey = async () => {
    const { keys } = JSON.parse(readFileSync(join(stack.dataDir, 'oidc', 'oidc-keys.json'), 'utf8')) as { keys: JWK[] };
    return { kid: keys[0]!.kid!, key: (await importJWK(keys[0]!, 'RS256')) as CryptoKey };
  };
  const forge = async (claims: Record<string, unknown>, header: { alg?: string; kid?: string } = {}, key?: CryptoKey | Uint8Array) => {
    const signing = await providerKey();
    const payload = {
      sub: subOf('lanhdao'), iss: issuer, aud: OIDC_CLIENT_ID, iat: now(), exp: now() + 3600,
      'cognito:groups': ['ADMIN'], token_use: 'id', ...claims,
    };
    return new SignJWT(payload).setProtectedHeader({ alg: header.alg ?? 'RS256', kid: header.kid ?? signing.kid }).sign(key ?? signing.key);
  };

  const viewerWith = (token: string) => stack.graphql(VIEWER, {}, token);
  const expectRefusedOverHttp = async (token: string, message: RegExp) => {
    const { status, body } = await viewerWith(token);
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors![0].message).toMatch(message);
  };
  const answerToConnectionInit = async (token: string) => {
    const raw = await openRawSocket(wsUrlOf(stack));
    raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    const first = await raw.message(1);
    raw.close();
    return first;
  };
  const expectRefusedEverywhere = async (token: string, message: RegExp) => {
    await expectRefusedOverHttp(token, message);
    const first = await answerToConnectionInit(token);
    expect(first).toMatchObject({ type: 'error', id: 'connection_init', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(first.payload[0].message).toMatch(message);
  };

  it('publishes a discovery document and a JWKS like a Cognito user pool, and serves the dashboard a Cognito config pointing at it', async () => {
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.jwks_uri).toBe(`${issuer}/jwks`);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.end_session_endpoint).toBeTruthy();
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks.keys.map((k: JWK) => [k.kty, k.alg, k.use])).toEqual([['RSA', 'RS256', 'sig']]);
    expect(jwks.keys[0].d).toBeUndefined();
    const config = await (await fetch(`${stack.url}/config.json`)).json();
    expect(config.auth).toEqual({ kind: 'cognito', authority: issuer, clientId: OIDC_CLIENT_ID, scope: 'openid email profile', logoutUrl: `${issuer}/logout` });
    // No demo sign-in on this stack: tokens come from the provider only, as in AWS.
    expect((await fetch(`${stack.url}/local/token?role=ADMIN`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses an authorization request without PKCE (a public client must send a code challenge)', async () => {
    const url = new URL(`${issuer}/auth`);
    url.search = new URLSearchParams({ client_id: OIDC_CLIENT_ID, redirect_uri: `${stack.url}/auth/callback`, response_type: 'code', scope: 'openid', state: 's', nonce: 'n' }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses a wrong password on the login page', async () => {
    await expect(signInThroughProvider(issuer, stack.url, 'lanhdao', 'wrong-password')).rejects.toThrow(/Incorrect username or password|401/);
  });

  it('signs every test user in with PKCE and gives an ID token shaped like Cognito\'s, which the API accepts with the right role and ward', async () => {
    for (const user of OIDC_TEST_USERS) {
      const tokens = await signInThroughProvider(issuer, stack.url, user.username);
      expect(tokens.refresh_token, user.username).toBeTruthy();
      const claims = claimsOf(tokens.id_token);
      expect(headerOf(tokens.id_token).alg).toBe('RS256');
      expect(claims).toMatchObject({ iss: issuer, aud: OIDC_CLIENT_ID, token_use: 'id', sub: subOf(user.username), 'cognito:username': user.username });
      expect(claims['cognito:groups']).toEqual(user.groups.length ? user.groups : undefined);
      expect(claims['custom:wardId']).toBe(user.wardId);
      expect(claims.exp - claims.iat).toBe(3600);

      const { body } = await viewerWith(tokens.id_token);
      if (user.groups.length === 0) {
        expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
        expect(body.errors![0].message).toMatch(/ask an administrator to add you to a group/);
      } else {
        // Two groups: the most capable role wins (functions/domain/kernel/actor.ts); the dashboard reads it the same way.
        const role = user.groups.includes('TAX_OFFICER') ? 'TAX_OFFICER' : user.groups[0];
        expect(body.data.viewer, user.username).toEqual({ id: subOf(user.username), role, ward: user.wardId ? { id: user.wardId } : null });
      }
    }
  });

  it('renews with the refresh token: a new ID token the API accepts', async () => {
    const first = await signInThroughProvider(issuer, stack.url, 'quantri');
    await new Promise((r) => setTimeout(r, 1100)); // a later second: a later iat
    const renewed = await refreshTokens(issuer, first.refresh_token!);
    expect(claimsOf(renewed.id_token).iat).toBeGreaterThan(claimsOf(first.id_token).iat);
    expect(claimsOf(renewed.id_token)).toMatchObject({ sub: subOf('quantri'), 'cognito:groups': ['ADMIN'], token_use: 'id' });
    expect((await viewerWith(renewed.id_token)).body.data.viewer.role).toBe('ADMIN');
  });

  it('ends the session at Cognito\'s /logout only for an allowed sign-out URL of the client', async () => {
    const bad = await fetch(`${issuer}/logout?${new URLSearchParams({ client_id: OIDC_CLIENT_ID, logout_uri: 'https://evil.example/' })}`, { redirect: 'manual' });
    expect(bad.status).toBe(400);
    const good = await fetch(`${issuer}/logout?${new URLSearchParams({ client_id: OIDC_CLIENT_ID, logout_uri: `${stack.url}/` })}`, { redirect: 'manual' });
    expect(good.status).toBe(302);
    expect(good.headers.get('location')).toMatch(/^\/session\/end\?/);
  });

  describe('refused on HTTP and at connection_init, as UNAUTHENTICATED', () => {
    it('the provider\'s real access token (it is not for this client)', async () => {
      const tokens = await signInThroughProvider(issuer, stack.url, 'quantri');
      expect(claimsOf(tokens.access_token).token_use).toBe('access');
      await expectRefusedEverywhere(tokens.access_token, /claim "aud"/);
    });
    it('an access token even when it names this client as audience (token_use is checked)', async () => {
      await expectRefusedEverywhere(await forge({ token_use: 'access' }), /Send the ID token/);
      await expectRefusedEverywhere(await forge({ token_use: undefined }), /Send the ID token/);
    });
    it('an ID token for another app client', async () => {
      await expectRefusedEverywhere(await forge({ aud: 'another-app-client' }), /claim "aud"/);
    });
    it('an ID token from another issuer (another user pool)', async () => {
      await expectRefusedEverywhere(await forge({ iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_Other' }), /claim "iss"/);
    });
    it('an expired ID token', async () => {
      await expectRefusedEverywhere(await forge({ iat: now() - 7200, exp: now() - 120 }), /expired/);
    });
    it('alg tricks: none, and HS256 keyed with the provider\'s public key (JWK and PEM)', async () => {
      const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const claims = { sub: 'u', iss: issuer, aud: OIDC_CLIENT_ID, iat: now(), exp: now() + 3600, 'cognito:groups': ['ADMIN'], token_use: 'id' };
      await expectRefusedEverywhere(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`, /not signed the way/);
      const jwks = await (await fetch(`${issuer}/jwks`)).json();
      const publicJwk = jwks.keys[0];
      const pem = await exportSPKI((await importJWK(publicJwk, 'RS256', { extractable: true })) as CryptoKey);
      for (const secret of [JSON.stringify(publicJwk), pem]) {
        await expectRefusedEverywhere(await forge({}, { alg: 'HS256', kid: publicJwk.kid }, new TextEncoder().encode(secret)), /not signed the way/);
      }
    });
  });

  it('picks up a key rotation at the provider without a restart, and refuses tokens of a retired key once its cache expires', async () => {
    const before = await signInThroughProvider(issuer, stack.url, 'lanhdao');
    expect((await viewerWith(before.id_token)).body.data.viewer.role).toBe('LEADERSHIP');
    const oldKid = headerOf(before.id_token).kid;
    const pid = stack.process.pid;

    const kids = await rotateProviderKeys(issuer);
    expect(kids).toHaveLength(2);
    expect(kids[1]).toBe(oldKid);
    const after = await signInThroughProvider(issuer, stack.url, 'lanhdao');
    expect(headerOf(after.id_token).kid).toBe(kids[0]);
    // A new kid makes the verifier refetch the JWKS (after its cool-down): accepted, same process.
    await expect.poll(async () => (await viewerWith(after.id_token)).body.data?.viewer?.role, { timeout: 20_000, interval: 250 }).toBe('LEADERSHIP');
    const init = await answerToConnectionInit(after.id_token);
    expect(init).toEqual({ type: 'connection_ack' });
    // The old key is still published: tokens it signed stay valid until it is retired.
    expect((await viewerWith(before.id_token)).body.data.viewer.role).toBe('LEADERSHIP');

    await rotateProviderKeys(issuer, true);
    const jwks = await (await fetch(`${issuer}/jwks`)).json();
    expect(jwks.keys.map((k: JWK) => k.kid)).toEqual([kids[0]]);
    await expect
      .poll(async () => (await viewerWith(before.id_token)).body.errors?.[0]?.message, { timeout: 20_000, interval: 250 })
      .toMatch(/signed by a key this system does not know/);
    await expectRefusedEverywhere(before.id_token, /signed by a key this system does not know/);
    expect((await viewerWith(after.id_token)).body.data.viewer.role).toBe('LEADERSHIP');
    expect(stack.process.pid).toBe(pid);
    expect(stack.process.exitCode).toBeNull();
  });
});
