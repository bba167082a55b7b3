import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/keys.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';

const WARDS_QUERY = '{ wards { id name rolloutWave } }';

describe('the local stack (foundation)', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('lists the ten wards of 2006–2010 in order with their rollout waves, and today the four wards of the city', async () => {
    const data = expectData<{ wards: { id: string; name: string; rolloutWave: string }[] }>(
      await stack.graphql('{ wards(asOf: "2008-01-01T00:00:00Z") { id name rolloutWave } }', {}, await stack.token('LEADERSHIP')),
    );
    const today = expectData<any>(await stack.graphql(WARDS_QUERY, {}, await stack.token('LEADERSHIP'))).wards;
    expect(today.map((w: any) => [w.name, w.rolloutWave])).toEqual([
      ['Tân Thuận', 'SECOND'],
      ['Tân Hưng', 'SECOND'],
      ['Phú Thuận', 'PILOT'],
      ['Tân Mỹ', 'THIRD'],
    ]);
    expect(data.wards.map((w) => [w.name, w.rolloutWave])).toEqual([
      ['Phú Thuận', 'PILOT'],
      ['Tân Quy', 'SECOND'],
      ['Tân Phong', 'SECOND'],
      ['Tân Hưng', 'SECOND'],
      ['Bình Thuận', 'SECOND'],
      ['Tân Thuận Đông', 'THIRD'],
      ['Tân Thuận Tây', 'THIRD'],
      ['Tân Kiểng', 'THIRD'],
      ['Tân Phú', 'THIRD'],
      ['Phú Mỹ', 'THIRD'],
    ]);
  });

  it('answers a ward with its stats (zeros without activity)', async () => {
    const data = expectData<any>(
      await stack.graphql('query ($id: ID!) { ward(id: $id) { name stats { ward { id } sessions attendance concerns concernsClosed } } }', { id: 'tan-thuan-2025' }, await stack.token('WARD_OFFICER', 'tan-thuan-2025')),
    );
    expect(data.ward).toEqual({ name: 'Tân Thuận', stats: { ward: { id: 'tan-thuan-2025' }, sessions: 0, attendance: 0, concerns: 0, concernsClosed: 0 } });
  });

  it('answers null for a ward that does not exist', async () => {
    const data = expectData<any>(await stack.graphql('{ ward(id: "nowhere") { id } }', {}, await stack.token('ADMIN')));
    expect(data.ward).toBeNull();
  });

  it('tells the caller who they are', async () => {
    const data = expectData<any>(await stack.graphql('{ viewer { id role ward { id } } }', {}, await stack.token('WARD_OFFICER', 'tan-hung-2025', 'officer-1')));
    expect(data.viewer).toEqual({ id: 'officer-1', role: 'WARD_OFFICER', ward: { id: 'tan-hung-2025' } });
  });

  describe('refuses requests without a valid token as UNAUTHENTICATED', () => {
    const expectUnauthenticated = async (token: string | undefined) => {
      const result = await stack.graphql(WARDS_QUERY, {}, token);
      expect(result.status).toBe(401);
      expect(result.body.data ?? null).toBeNull();
      expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return result.body.errors![0].message as string;
    };

    it('no token', async () => {
      expect(await expectUnauthenticated(undefined)).toMatch(/Sign in/);
    });

    it('an expired token', async () => {
      const { keys } = await import('../support/keys.js').then((m) => m.loadKeys(stack.dataDir));
      const token = await new SignJWT({ 'cognito:groups': ['LEADERSHIP'] })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
        .setSubject('u').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(keys.privateKey);
      expect(await expectUnauthenticated(token)).toMatch(/expired/);
    });

    it('a token signed by another key', async () => {
      const other = await generateKeyPair('RS256');
      const { keys } = await import('../support/keys.js').then((m) => m.loadKeys(stack.dataDir));
      const token = await new SignJWT({ 'cognito:groups': ['ADMIN'] })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
        .setSubject('u').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setIssuedAt().setExpirationTime('1h')
        .sign(other.privateKey);
      expect(await expectUnauthenticated(token)).toMatch(/signature/);
    });

    it('an alg: none token', async () => {
      const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'u', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now, exp: now + 3600, 'cognito:groups': ['ADMIN'] })}.`;
      await expectUnauthenticated(token);
    });

    it('an HS256 token signed with the public key', async () => {
      const jwks = await (await fetch(`${stack.url}/.well-known/jwks.json`)).json();
      const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
      const token = await new SignJWT({ 'cognito:groups': ['ADMIN'] })
        .setProtectedHeader({ alg: 'HS256', kid: jwks.keys[0].kid })
        .setSubject('u').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setIssuedAt().setExpirationTime('1h')
        .sign(secret);
      expect(await expectUnauthenticated(token)).toMatch(/not signed the way/);
    });
  });

  it('answers malformed JSON with a 400', async () => {
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('ADMIN')}` },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });

  it('answers a query that does not parse with a 400 and BAD_USER_INPUT', async () => {
    const result = await stack.graphql('{ wards { id ', {}, await stack.token('ADMIN'));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' } });
    expect(result.body.errors?.[0].message).toMatch(/Syntax Error/);
  });

  it('serves its JWKS with one RS256 public key and no private parts', async () => {
    const jwks = await (await fetch(`${stack.url}/.well-known/jwks.json`)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });
});

describe('data on disk', () => {
  it('is still there after the stack restarts on the same DATA_DIR', async () => {
    const first = await startStack();
    try {
      // Wards are reference data written on every start; the key pair persists as well, so a token
      // minted for the first run is still accepted by the second.
      const token = await first.token('LEADERSHIP');
      expect(expectData<any>(await first.graphql(WARDS_QUERY, {}, token)).wards).toHaveLength(4);
      await first.stop();
      const second = await startStack({ dataDir: first.dataDir });
      try {
        expect(expectData<any>(await second.graphql(WARDS_QUERY, {}, token)).wards).toHaveLength(4);
      } finally {
        await second.stop();
      }
    } finally {
      removeDataDir(first.dataDir);
    }
  });
});
