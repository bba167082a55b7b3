import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/keys.js';
import type { Role } from '../../functions/domain/kernel/actor.js';
import { loadKeys } from '../support/keys.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { checkIn, collect, connectClient, openRawSocket, sleep, startLiveSession, tableOf, wsUrlOf } from '../support/realtime-clients.js';

const now = () => Math.floor(Date.now() / 1000);

describe('WebSocket security: tokens at connection_init, query limits, and what each role receives', () => {
  let stack: RunningStack;
  let keys: { kid: string; privateKey: CryptoKey };
  let table: ReturnType<typeof tableOf>;
  let admin: string;
  const clients: { dispose(): unknown }[] = [];
  const track = <T extends { dispose(): unknown }>(client: T) => (clients.push(client), client);

  const forge = async (claims: Record<string, unknown> = {}, header: { alg?: string; kid?: string } = {}, key?: CryptoKey | Uint8Array) => {
    const payload: JWTPayload = {
      sub: 'ws-user', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now(), exp: now() + 3600,
      'cognito:groups': ['WARD_OFFICER'], 'custom:wardId': 'tan-hung-2025', token_use: 'id', ...claims,
    };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete payload[name];
    return new SignJWT(payload).setProtectedHeader({ alg: header.alg ?? 'RS256', kid: header.kid ?? keys.kid }).sign(key ?? keys.privateKey);
  };

  beforeAll(async () => {
    stack = await startStack();
    ({ keys } = await loadKeys(stack.dataDir));
    table = tableOf(stack);
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    table?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  /** Sends connection_init with `authorization`; returns the first answer and how the socket ended. */
  const initWith = async (authorization: string) => {
    const raw = await openRawSocket(wsUrlOf(stack));
    raw.send({ type: 'connection_init', payload: { authorization } });
    const first = await raw.message(1);
    return { raw, first };
  };

  const expectRefusedAtInit = async (authorization: string, message: RegExp) => {
    const { raw, first } = await initWith(authorization);
    expect(first).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(first.payload[0].message).toMatch(message);
    expect((await raw.closed).code).toBe(1000);
  };

  describe('connection_init refuses every bad token and closes the socket', () => {
    it('an expired token', async () => {
      await expectRefusedAtInit(`Bearer ${await forge({ iat: now() - 7200, exp: now() - 120 })}`, /expired/);
    });
    it('a token not valid yet', async () => {
      await expectRefusedAtInit(`Bearer ${await forge({ nbf: now() + 120 })}`, /not valid yet/);
    });
    it('a token from another issuer', async () => {
      await expectRefusedAtInit(`Bearer ${await forge({ iss: 'https://evil.example' })}`, /claim "iss"/);
    });
    it('a token for another audience', async () => {
      await expectRefusedAtInit(`Bearer ${await forge({ aud: 'another-app' })}`, /claim "aud"/);
    });
    it('an alg: none token', async () => {
      const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const claims = { sub: 'u', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now(), exp: now() + 3600, 'cognito:groups': ['ADMIN'] };
      await expectRefusedAtInit(`Bearer ${encode({ alg: 'none', kid: keys.kid })}.${encode(claims)}.`, /not signed the way/);
    });
    it('an HS256 token signed with the public key', async () => {
      const jwks = await (await fetch(`${stack.url}/.well-known/jwks.json`)).json();
      const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
      await expectRefusedAtInit(`Bearer ${await forge({ 'cognito:groups': ['ADMIN'] }, { alg: 'HS256' }, secret)}`, /not signed the way/);
    });
    it('a token with an unknown kid', async () => {
      const other = await generateKeyPair('RS256');
      await expectRefusedAtInit(`Bearer ${await forge({}, { kid: 'unknown-kid' }, other.privateKey)}`, /key this system does not know/);
    });
    it('a token without groups', async () => {
      await expectRefusedAtInit(`Bearer ${await forge({ 'cognito:groups': undefined })}`, /no Dialogue Pulse role/);
    });
    it('a ward officer token without custom:wardId', async () => {
      await expectRefusedAtInit(`Bearer ${await forge({ 'custom:wardId': undefined })}`, /custom:wardId/);
    });

    it('but accepts a token that expired 10 s ago, within the clock tolerance', async () => {
      const { raw, first } = await initWith(`Bearer ${await forge({ iat: now() - 3600, exp: now() - 10 })}`);
      expect(first).toEqual({ type: 'connection_ack' });
      raw.close();
    });
  });

  it('refuses an over-limit document over the socket as over HTTP, and keeps the connection', async () => {
    const { raw, first } = await initWith(`Bearer ${admin}`);
    expect(first).toEqual({ type: 'connection_ack' });
    const deep = 'subscription { attendanceChanged { session { ward { stats { ward { stats { ward { stats { ward { stats { sessions } } } } } } } } } } }';
    raw.send({ id: 'deep', type: 'subscribe', payload: { query: deep } });
    const answer = await raw.message(2);
    expect(answer).toMatchObject({ type: 'error', id: 'deep', payload: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(answer.payload[0].message).toMatch(/11 levels deep; the limit is 10/);
    const aliases = `query { ${Array.from({ length: 31 }, (_, i) => `w${i}: wards { id }`).join(' ')} }`;
    raw.send({ id: 'aliases', type: 'subscribe', payload: { query: aliases } });
    expect((await raw.message(3)).payload[0].message).toMatch(/31 aliases; the limit is 30/);
    raw.send({ type: 'ping' });
    expect(await raw.message(4)).toEqual({ type: 'pong' });
    raw.close();
  });

  describe('what each subscription delivers to each role (every role may read everything)', () => {
    const ROLES: [Role, string | undefined][] = [['LEADERSHIP', undefined], ['WARD_OFFICER', 'tan-hung-2025'], ['WARD_OFFICER', 'tan-my-2025'], ['TAX_OFFICER', undefined], ['ADMIN', undefined]];

    it('delivers the same check-in, concern and summary events to every role, including a ward officer of another ward', async () => {
      const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' });
      const subscribers = await Promise.all(
        ROLES.map(async ([role, wardId]) => {
          const client = track(connectClient(stack, await stack.token(role, wardId)));
          return {
            who: `${role}${wardId ? `/${wardId}` : ''}`,
            attendance: collect(client, { query: 'subscription ($s: ID) { attendanceChanged(sessionId: $s) { delta session { id } } }', variables: { s: sessionId } }),
            concerns: collect(client, { query: 'subscription { concernChanged(wardId: "tan-hung-2025") { topic status } }' }),
            summary: collect(client, { query: 'subscription { summaryChanged { attendance } }' }),
          };
        }),
      );
      await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`, ROLES.length);
      await table.waitForSubscriptions('CONCERN#WARD#tan-hung-2025', ROLES.length);
      await table.waitForSubscriptions('SUMMARY', ROLES.length);
      await sleep(300);

      await checkIn(stack, admin, sessionId, 7);
      const raised = await stack.graphql(
        'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }',
        { input: { sessionId, topic: 'Giấy phép xây dựng', text: 'Thời gian cấp phép quá lâu.', authority: 'WARD', requestId: `ws-roles-${Date.now()}` } },
        admin,
      );
      expect(raised.body.errors).toBeUndefined();

      for (const s of subscribers) {
        const [update] = await s.attendance.waitFor(1);
        expect(update.data, s.who).toEqual({ attendanceChanged: { delta: 7, session: { id: sessionId } } });
        const [concern] = await s.concerns.waitFor(1);
        expect(concern.data, s.who).toEqual({ concernChanged: { topic: 'Giấy phép xây dựng', status: 'OPEN' } });
        // The session's start may reach a subscriber first (attendance 0): wait for the summary that counts the check-in.
        const summary = await s.summary.waitForValue((v) => (v.data?.summaryChanged.attendance ?? 0) >= 7);
        expect(summary.errors, s.who).toBeUndefined();
      }
    });

    it('delivers nothing to a socket that never signed in', async () => {
      const raw = await openRawSocket(wsUrlOf(stack));
      raw.send({ id: 's', type: 'subscribe', payload: { query: 'subscription { summaryChanged { attendance } }' } });
      const answer = await raw.message(1);
      expect(answer).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      expect((await raw.closed).code).toBe(1000);
    });
  });
});
