import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportSPKI, generateKeyPair, importJWK, type CryptoKey, type JWTPayload } from 'jose';
import { getIntrospectionQuery } from 'graphql';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/keys.js';
import { loadKeys } from '../support/keys.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';

const VIEWER = '{ viewer { id role ward { id } } }';
const now = () => Math.floor(Date.now() / 1000);

describe('tokens on HTTP: every bad token is refused as UNAUTHENTICATED, good ones within the clock tolerance pass', () => {
  let stack: RunningStack;
  let keys: { kid: string; privateKey: CryptoKey };

  /** A token with the local issuer's key and claims, overridden by `claims` (undefined removes a claim). */
  const forge = async (claims: Record<string, unknown> = {}, header: { alg?: string; kid?: string } = {}, key?: CryptoKey | Uint8Array) => {
    const payload: JWTPayload = {
      sub: 'officer-7',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      iat: now(),
      exp: now() + 3600,
      'cognito:groups': ['WARD_OFFICER'],
      'custom:wardId': 'tan-hung-2025',
      token_use: 'id',
      ...claims,
    };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete payload[name];
    return new SignJWT(payload).setProtectedHeader({ alg: header.alg ?? 'RS256', kid: header.kid ?? keys.kid }).sign(key ?? keys.privateKey);
  };

  beforeAll(async () => {
    // INFO: the refusal log lines are part of what is checked (they must never hold the token).
    stack = await startStack({ env: { POWERTOOLS_LOG_LEVEL: 'INFO' } });
    ({ keys } = await loadKeys(stack.dataDir));
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  const expectRefused = async (authorization: string | undefined, message: RegExp, query = VIEWER) => {
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = await response.json();
    expect(response.status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(message);
    // The refusal never echoes the token back.
    if (authorization && authorization.length > 40) expect(JSON.stringify(body)).not.toContain(authorization.slice(-20));
  };

  it('accepts a well-formed ward officer token (the baseline every case below changes one thing of)', async () => {
    const data = expectData<any>(await stack.graphql(VIEWER, {}, await forge()));
    expect(data.viewer).toEqual({ id: 'officer-7', role: 'WARD_OFFICER', ward: { id: 'tan-hung-2025' } });
  });

  describe('anonymous callers', () => {
    it('get UNAUTHENTICATED for any query', async () => {
      await expectRefused(undefined, /Sign in first/, '{ wards { id } }');
    });
    it('get UNAUTHENTICATED for introspection too: the explorer needs a sign-in', async () => {
      await expectRefused(undefined, /Sign in first/, getIntrospectionQuery());
    });
    it('get UNAUTHENTICATED for an Authorization header that is not a bearer token', async () => {
      await expectRefused('Basic YWRtaW46YWRtaW4=', /must be "Bearer <token>"/);
      await expectRefused('Bearer', /must be "Bearer <token>"/);
      await expectRefused('Bearer not-a-jwt', /could not be verified/);
    });
  });

  it('refuses an expired token', async () => {
    await expectRefused(`Bearer ${await forge({ iat: now() - 7200, exp: now() - 120 })}`, /expired/);
  });

  it('refuses a token not valid yet (nbf beyond the tolerance)', async () => {
    await expectRefused(`Bearer ${await forge({ nbf: now() + 120 })}`, /not valid yet/);
  });

  it('refuses a token issued in the future beyond the tolerance (the issuer\'s clock is far ahead)', async () => {
    await expectRefused(`Bearer ${await forge({ iat: now() + 600, exp: now() + 4000 })}`, /not valid yet/);
  });

  it('refuses a token older than a day, whatever its exp says', async () => {
    await expectRefused(`Bearer ${await forge({ iat: now() - 25 * 3600, exp: now() + 3600 })}`, /expired/);
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused(`Bearer ${await forge({ iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/other-pool' })}`, /not issued for this system \(claim "iss"\)/);
  });

  it('refuses a token for another audience (another app client)', async () => {
    await expectRefused(`Bearer ${await forge({ aud: 'another-app' })}`, /not issued for this system \(claim "aud"\)/);
  });

  it('refuses a token without a subject', async () => {
    await expectRefused(`Bearer ${await forge({ sub: undefined })}`, /sign in again/);
  });

  it('refuses a token whose subject is not a plausible user id', async () => {
    await expectRefused(`Bearer ${await forge({ sub: 'x'.repeat(500) })}`, /subject \(sub\) is not a valid user id/);
  });

  it('refuses an alg: none token', async () => {
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const claims = { sub: 'u', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now(), exp: now() + 3600, 'cognito:groups': ['ADMIN'] };
    await expectRefused(`Bearer ${encode({ alg: 'none', typ: 'JWT', kid: keys.kid })}.${encode(claims)}.`, /not signed the way this system requires/);
  });

  it('refuses an HS256 token "signed" with the public key (as JWK and as PEM)', async () => {
    const jwks = await (await fetch(`${stack.url}/.well-known/jwks.json`)).json();
    const publicJwk = jwks.keys[0];
    const pem = await exportSPKI((await importJWK(publicJwk, 'RS256', { extractable: true })) as CryptoKey);
    for (const secret of [JSON.stringify(publicJwk), pem]) {
      const token = await forge({ 'cognito:groups': ['ADMIN'] }, { alg: 'HS256', kid: publicJwk.kid }, new TextEncoder().encode(secret));
      await expectRefused(`Bearer ${token}`, /not signed the way this system requires/);
    }
  });

  it('refuses a token whose kid names no key of the issuer', async () => {
    const other = await generateKeyPair('RS256');
    await expectRefused(`Bearer ${await forge({}, { kid: 'rotated-away-key' }, other.privateKey)}`, /signed by a key this system does not know/);
  });

  it('refuses a token signed by another key under the right kid', async () => {
    const other = await generateKeyPair('RS256');
    await expectRefused(`Bearer ${await forge({}, {}, other.privateKey)}`, /signature is not valid/);
  });

  it('refuses a token whose payload was edited after signing (ward officer promoted to ADMIN)', async () => {
    const [header, payload, signature] = (await forge()).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const edited = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['ADMIN'] })).toString('base64url');
    await expectRefused(`Bearer ${header}.${edited}.${signature}`, /signature is not valid/);
  });

  it('refuses a token without groups, or with groups that are no role of this system', async () => {
    await expectRefused(`Bearer ${await forge({ 'cognito:groups': undefined })}`, /no Dialogue Pulse role/);
    await expectRefused(`Bearer ${await forge({ 'cognito:groups': [] })}`, /no Dialogue Pulse role/);
    await expectRefused(`Bearer ${await forge({ 'cognito:groups': ['admin', 'Leadership'] })}`, /no Dialogue Pulse role/);
    await expectRefused(`Bearer ${await forge({ 'cognito:groups': 'ADMIN' })}`, /no Dialogue Pulse role/);
  });

  it('refuses a ward officer token without custom:wardId, or with a malformed one', async () => {
    await expectRefused(`Bearer ${await forge({ 'custom:wardId': undefined })}`, /must name the ward \(custom:wardId\)/);
    await expectRefused(`Bearer ${await forge({ 'custom:wardId': '' })}`, /must name the ward/);
    await expectRefused(`Bearer ${await forge({ 'custom:wardId': 'WARD#tan-hung' })}`, /ward id of the wrong form/);
  });

  describe('clock skew between the token issuer and the server', () => {
    it('accepts a token that expired 10 s ago (within the 30 s tolerance)', async () => {
      const data = expectData<any>(await stack.graphql(VIEWER, {}, await forge({ iat: now() - 3600, exp: now() - 10 })));
      expect(data.viewer.id).toBe('officer-7');
    });
    it('accepts a token whose nbf and iat are 10 s in the future (the issuer\'s clock is ahead)', async () => {
      const data = expectData<any>(await stack.graphql(VIEWER, {}, await forge({ iat: now() + 10, nbf: now() + 10 })));
      expect(data.viewer.id).toBe('officer-7');
    });
    it('refuses a token that expired 60 s ago (beyond the tolerance)', async () => {
      await expectRefused(`Bearer ${await forge({ iat: now() - 3600, exp: now() - 60 })}`, /expired/);
    });
  });

  it('logs a refused request with its reason but never the token', async () => {
    const token = await forge({ aud: 'another-app' });
    await expectRefused(`Bearer ${token}`, /not issued/);
    await new Promise((r) => setTimeout(r, 200));
    expect(stack.output()).toMatch(/"message":"refused request".*claim \\"aud\\"/);
    expect(stack.output()).not.toContain(token.split('.')[2]);
    expect(stack.output()).not.toContain(token.split('.')[1]);
  });
});
