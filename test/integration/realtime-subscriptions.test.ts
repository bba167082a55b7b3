import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { mintLocalToken, ensureLocalKeys } from '../../infra/local/keys.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import {
  checkIn,
  collect,
  connectClient,
  eventually,
  openRawSocket,
  sleep,
  startLiveSession,
  tableOf,
  wsUrlOf,
} from '../support/realtime-clients.js';

const ATTENDANCE = `subscription ($sessionId: ID, $wardId: ID) {
  attendanceChanged(sessionId: $sessionId, wardId: $wardId) { delta attendance session { id ward { id } } }
}`;

describe('GraphQL subscriptions over the local API Gateway WebSocket (graphql-ws Lambda + publisher)', () => {
  let stack: RunningStack;
  let table: ReturnType<typeof tableOf>;
  let admin: string;
  const clients: { dispose(): unknown }[] = [];
  const track = <T extends { dispose(): unknown }>(client: T) => (clients.push(client), client);

  beforeAll(async () => {
    stack = await startStack();
    table = tableOf(stack);
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    table?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('pushes a check-in to a client subscribed to the session, with exactly the fields it asked for', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' });
    const client = track(connectClient(stack, await stack.token('LEADERSHIP')));
    const updates = collect(client, { query: ATTENDANCE, variables: { sessionId } });
    await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);

    const answer = await checkIn(stack, admin, sessionId, 12);

    const [update] = await updates.waitFor(1);
    expect(update).toEqual({ data: { attendanceChanged: { delta: 12, attendance: answer.attendance, session: { id: sessionId, ward: { id: 'tan-hung-2025' } } } } });
  });

  it('sends nothing to a subscriber on another ward, and the ward subscriber everything of its ward', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'phu-thuan-2025' });
    const client = track(connectClient(stack, await stack.token('LEADERSHIP')));
    const otherWard = collect(client, { query: ATTENDANCE, variables: { wardId: 'tan-thuan-2025' } });
    const sameWard = collect(client, { query: ATTENDANCE, variables: { wardId: 'phu-thuan-2025' } });
    const sessionButOtherWard = collect(client, { query: ATTENDANCE, variables: { sessionId, wardId: 'tan-thuan-2025' } });
    await table.waitForSubscriptions('ATTENDANCE#WARD#tan-thuan-2025');
    await table.waitForSubscriptions('ATTENDANCE#WARD#phu-thuan-2025');
    await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);

    // One at a time: check-ins close together may be merged into one update (publish.ts).
    await checkIn(stack, admin, sessionId, 3);
    await sameWard.waitFor(1);
    await checkIn(stack, admin, sessionId, 4);

    const received = await sameWard.waitFor(2);
    expect(received.map((r) => r.data?.attendanceChanged.delta)).toEqual([3, 4]);
    await sleep(1_000); // the stream poller and publisher have had ample time for the others
    expect(otherWard.values).toEqual([]);
    expect(sessionButOtherWard.values).toEqual([]);
  });

  it('pushes the new district summary after a check-in', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-thuan-2025' });
    const before = expectData<any>(await stack.graphql('{ summary { attendance liveSessions } }', {}, admin)).summary;
    const client = track(connectClient(stack, await stack.token('LEADERSHIP')));
    const summaries = collect(client, { query: 'subscription { summaryChanged { attendance liveSessions wards { ward { id } attendance } } }' });
    await table.waitForSubscriptions('SUMMARY');

    await checkIn(stack, admin, sessionId, 25);

    const latest = await eventually(async () => summaries.values.at(-1)?.data?.summaryChanged.attendance === before.attendance + 25 && summaries.values.at(-1)!.data!.summaryChanged);
    expect(latest.liveSessions).toBe(before.liveSessions);
    expect(latest.wards.find((w: any) => w.ward.id === 'tan-thuan-2025').attendance).toBeGreaterThanOrEqual(25);
  });

  it('pushes a concern when it is raised and each time it moves, to its ward only', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'phu-thuan-2025' });
    const client = track(connectClient(stack, await stack.token('WARD_OFFICER', 'phu-thuan-2025')));
    const query = 'subscription ($wardId: ID) { concernChanged(wardId: $wardId) { topic status ward { id } history { from to } } }';
    const mine = collect(client, { query, variables: { wardId: 'phu-thuan-2025' } });
    const everywhere = collect(client, { query });
    const elsewhere = collect(client, { query, variables: { wardId: 'tan-my-2025' } });
    await table.waitForSubscriptions('CONCERN#WARD#phu-thuan-2025');
    await table.waitForSubscriptions('CONCERN#ALL');
    await table.waitForSubscriptions('CONCERN#WARD#tan-my-2025');

    const raised = expectData<any>(
      await stack.graphql(
        'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }',
        { input: { sessionId, topic: 'Ngập nước', text: 'Đường Huỳnh Tấn Phát ngập khi triều cường.', authority: 'WARD', requestId: 'concern-1' } },
        admin,
      ),
    ).raiseConcern;
    // Each move waited for: moves of one concern in the same stream batch are merged into its latest state.
    await mine.waitFor(1);
    expectData(await stack.graphql('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { status } }', { input: { concernId: raised.id, to: 'IN_PROGRESS', note: 'Đã giao phòng QLĐT' } }, admin));
    await mine.waitFor(2);
    expectData(await stack.graphql('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { status } }', { input: { concernId: raised.id, to: 'RESOLVED', response: 'Đã nạo vét cống.' } }, admin));

    const moves = await mine.waitFor(3);
    expect(moves.map((m) => m.data?.concernChanged.status)).toEqual(['OPEN', 'IN_PROGRESS', 'RESOLVED']);
    expect(moves[2].data?.concernChanged).toMatchObject({ topic: 'Ngập nước', ward: { id: 'phu-thuan-2025' }, history: [{ from: null, to: 'OPEN' }, { from: 'OPEN', to: 'IN_PROGRESS' }, { from: 'IN_PROGRESS', to: 'RESOLVED' }] });
    expect((await everywhere.waitFor(3)).map((m) => m.data?.concernChanged.status)).toEqual(['OPEN', 'IN_PROGRESS', 'RESOLVED']);
    await sleep(500);
    expect(elsewhere.values).toEqual([]);
  });

  describe('protocol errors (API Gateway cannot send close codes: an error message, then the socket closes)', () => {
    it('refuses a bad token at connection_init and closes the socket, telling the client why', async () => {
      const raw = await openRawSocket(wsUrlOf(stack));
      raw.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-jwt' } });
      expect(await raw.message(1)).toEqual({
        type: 'error',
        id: 'connection_init',
        payload: [{ message: 'Your token could not be verified; sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
      expect((await raw.closed).code).toBe(1000);
    });

    it('refuses a connection_init without a token, and the stock client gives up instead of retrying', async () => {
      const client = createClientWithoutToken();
      const seen: any[] = [];
      const sub = collect(client, { query: 'subscription { summaryChanged { sessions } }' });
      client.on('message', (m) => seen.push(m));
      await sub.ended();
      expect(sub.values).toEqual([]);
      expect(String((sub.errors[0] as Error).message)).toMatch(/First message cannot be of type error/);
      expect(seen[0]).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/Sign in/) }] });
      function createClientWithoutToken() {
        return track(connectClient(stack, '', { connectionParams: {}, retryAttempts: 3 }));
      }
    });

    it('answers an invalid subscription document with an error message and keeps the connection', async () => {
      const client = track(connectClient(stack, admin));
      const bad = collect(client, { query: 'subscription { attendanceChanged(sessionId: "x") { nope } }' });
      await bad.ended();
      expect(bad.errors[0]).toEqual([
        expect.objectContaining({ message: 'Cannot query field "nope" on type "AttendanceUpdate".', extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
      const syntax = collect(client, { query: 'subscription { summaryChanged { ' });
      await syntax.ended();
      expect((syntax.errors[0] as any[])[0]).toMatchObject({ message: expect.stringMatching(/^Syntax Error/), extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' } });
      // The same connection still serves a valid operation.
      const ok = collect(client, { query: '{ wards { id } }' });
      await ok.ended();
      expect(ok.values[0].data?.wards).toHaveLength(4); // the wards in force now (units through time)
    });

    it('applies the HTTP query limits to subscriptions (too many aliases → BAD_USER_INPUT before anything is filed)', async () => {
      const client = track(connectClient(stack, admin));
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: sessions`).join(' ');
      const sub = collect(client, { query: `subscription { summaryChanged { ${aliases} } }` });
      await sub.ended();
      expect(sub.errors[0]).toEqual([{ message: expect.stringMatching(/31 aliases; the limit is 30/), extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ALIASES', limit: 30, actual: 31 } }]);
    });

    it('refuses a subscription to a ward that does not exist with NOT_FOUND (next with errors, then complete)', async () => {
      const client = track(connectClient(stack, admin));
      const sub = collect(client, { query: ATTENDANCE, variables: { wardId: 'nowhere' } });
      await sub.ended();
      expect(sub.completed).toBe(true);
      expect(sub.values[0].errors?.[0]).toMatchObject({ message: expect.stringMatching(/no ward with id "nowhere"/), extensions: { code: 'NOT_FOUND' } });
    });

    it('closes the connection on a duplicate subscription id, after an error naming it', async () => {
      const raw = await openRawSocket(wsUrlOf(stack));
      raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${admin}` } });
      expect(await raw.message(1)).toEqual({ type: 'connection_ack' });
      const subscribe = { id: 'dup-1', type: 'subscribe', payload: { query: 'subscription { summaryChanged { sessions } }' } };
      raw.send(subscribe);
      await table.waitForSubscriptions('SUMMARY');
      raw.send(subscribe);
      expect(await raw.message(2)).toEqual({ type: 'error', id: 'dup-1', payload: [{ message: 'Subscriber for dup-1 already exists', extensions: { code: 'BAD_USER_INPUT' } }] });
      expect((await raw.closed).code).toBe(1000);
    });

    it('closes the socket when a subscribe comes before connection_init', async () => {
      const raw = await openRawSocket(wsUrlOf(stack));
      raw.send({ id: 'early', type: 'subscribe', payload: { query: 'subscription { summaryChanged { sessions } }' } });
      expect(await raw.message(1)).toMatchObject({ type: 'error', id: 'early', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      expect((await raw.closed).code).toBe(1000);
    });

    it('refuses a socket that does not speak graphql-transport-ws at the handshake', async () => {
      await expect(openRawSocket(wsUrlOf(stack), 'graphql-ws')).rejects.toThrow(/400/);
    });

    it('closes a socket that sends a message over 128 KB (1009), as API Gateway does', async () => {
      const raw = await openRawSocket(wsUrlOf(stack));
      raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${admin}`, padding: 'x'.repeat(130 * 1024) } });
      expect((await raw.closed).code).toBe(1009);
    });

    it('answers ping with pong, echoing the payload', async () => {
      const raw = await openRawSocket(wsUrlOf(stack));
      raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${admin}` } });
      await raw.message(1);
      raw.send({ type: 'ping', payload: { t: 42 } });
      expect(await raw.message(2)).toEqual({ type: 'pong', payload: { t: 42 } });
      raw.close();
    });
  });

  it('deletes the connection and its subscriptions when the client goes without complete', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-thuan-2025' });
    const raw = await openRawSocket(wsUrlOf(stack));
    raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${admin}` } });
    await raw.message(1);
    raw.send({ id: 'a', type: 'subscribe', payload: { query: ATTENDANCE, variables: { sessionId } } });
    raw.send({ id: 'b', type: 'subscribe', payload: { query: 'subscription { summaryChanged { sessions } }' } });
    const [item] = await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);
    const connectionId = item.connectionId as string;
    expect(await table.itemsOfConnection(connectionId)).toHaveLength(3); // connection + 2 subscriptions

    raw.socket.terminate(); // no complete, no close frame

    await eventually(async () => (await table.itemsOfConnection(connectionId)).length === 0, 10_000, 'the connection items to go');
    expect(await table.subscriptionsOn(`ATTENDANCE#SESSION#${sessionId}`)).toEqual([]);
  });

  it('stops delivering after complete', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-thuan-2025' });
    const client = track(connectClient(stack, admin));
    const sub = collect(client, { query: ATTENDANCE, variables: { sessionId } });
    await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);
    sub.stop(); // sends complete
    await eventually(async () => (await table.subscriptionsOn(`ATTENDANCE#SESSION#${sessionId}`)).length === 0, 10_000, 'the subscription to go');
  });

  it('deletes a gone connection found during publish and still delivers to the live ones', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-thuan-2025' });
    const topic = `ATTENDANCE#SESSION#${sessionId}`;
    // What a lost $disconnect leaves behind: items of a connection API Gateway no longer has.
    const goneId = 'G0neC0nnecti0n0=';
    const actor = { id: 'ghost', role: 'LEADERSHIP' as const };
    const expiry = Math.floor(Date.now() / 1000) + 3600;
    await table.connections.putConnection({ connectionId: goneId, actor, tokenExpiresAt: expiry, connectedAt: new Date().toISOString() });
    await table.connections.putSubscription({ connectionId: goneId, subscriptionId: 's1', topic, query: ATTENDANCE, variables: { sessionId }, actor, tokenExpiresAt: expiry });
    const client = track(connectClient(stack, admin));
    const live = collect(client, { query: ATTENDANCE, variables: { sessionId } });
    await table.waitForSubscriptions(topic, 2);

    await checkIn(stack, admin, sessionId, 5);

    expect((await live.waitFor(1))[0].data?.attendanceChanged.delta).toBe(5);
    await eventually(async () => (await table.itemsOfConnection(goneId)).length === 0, 10_000, 'the gone connection to be deleted');
  });

  it('keeps delivering when a record makes the publisher throw (the bad record is retried, then set aside)', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-my-2025' });
    const client = track(connectClient(stack, admin));
    const sub = collect(client, { query: ATTENDANCE, variables: { sessionId } });
    await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);

    await checkIn(stack, admin, sessionId, 1);
    // A CheckIn item no accepted check-in would write (no delta): the publisher cannot turn it into an update.
    await table.db.send(new PutCommand({ TableName: table.tableName, Item: { pk: `SESSION#${sessionId}`, sk: 'CHECKIN#poison', type: 'CheckIn', sessionId, at: new Date().toISOString() } }));
    await checkIn(stack, admin, sessionId, 2);
    await checkIn(stack, admin, sessionId, 3);

    // Check-ins in one batch are merged into one update (publish.ts): their deltas add up to 1 + 2 + 3.
    const deltas = () => sub.values.map((r) => r.data?.attendanceChanged.delta as number);
    await eventually(async () => deltas().reduce((a, b) => a + b, 0) >= 6, 10_000, 'every check-in');
    await eventually(async () => /failed 3 times; set aside/.test(stack.output()), 10_000, 'the poison record to be set aside');
    await sleep(500);
    expect(deltas().reduce((a, b) => a + b, 0)).toBe(6); // retries of the batch delivered nothing twice
    expect(sub.values.at(-1)?.data?.attendanceChanged.attendance).toBe(6);
    // The dead-letter path keeps the whole record, enough to replay it once the cause is fixed.
    const file = /set aside \(the on-failure destination in AWS\): (\S+\.json)/.exec(stack.output())?.[1];
    expect(file).toBeDefined();
    const deadLetter = JSON.parse(readFileSync(file!, 'utf8'));
    expect(deadLetter.attempts).toBe(3);
    expect(deadLetter.record).toMatchObject({ eventName: 'INSERT', dynamodb: { Keys: { pk: { S: `SESSION#${sessionId}` }, sk: { S: 'CHECKIN#poison' } } } });
  });

  it('closes the socket of a client whose token has expired instead of delivering to it', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-my-2025' });
    const shortLived = await mintLocalToken(await ensureLocalKeys(stack.dataDir), { role: 'LEADERSHIP', expiresIn: 2 });
    const raw = await openRawSocket(wsUrlOf(stack));
    raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${shortLived}` } });
    expect(await raw.message(1)).toEqual({ type: 'connection_ack' });
    raw.send({ id: 'x', type: 'subscribe', payload: { query: ATTENDANCE, variables: { sessionId } } });
    const [item] = await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);
    await sleep(2_500);

    await checkIn(stack, admin, sessionId, 1);

    expect((await raw.closed).code).toBe(1000);
    expect(raw.messages).toEqual([{ type: 'connection_ack' }]);
    await eventually(async () => (await table.itemsOfConnection(item.connectionId)).length === 0, 10_000, 'the expired connection items to go');
  });

  it('connection items hold the verified actor and expiry, never the token', async () => {
    const token = await stack.token('WARD_OFFICER', 'tan-hung-2025', 'officer-42');
    const raw = await openRawSocket(wsUrlOf(stack));
    raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await raw.message(1);
    raw.send({ id: 'x', type: 'subscribe', payload: { query: 'subscription { concernChanged(wardId: "tan-hung-2025") { id } }' } });
    const [item] = await table.waitForSubscriptions('CONCERN#WARD#tan-hung-2025');
    const items = await table.itemsOfConnection(item.connectionId);
    expect(items.map((i) => i.type).sort()).toEqual(['Connection', 'Subscription']);
    for (const stored of items) {
      expect(stored.actor).toEqual({ id: 'officer-42', role: 'WARD_OFFICER', wardId: 'tan-hung-2025' });
      expect(stored.ttl).toBeGreaterThan(Date.now() / 1000);
      expect(JSON.stringify(stored)).not.toContain(token.split('.')[2]);
    }
    raw.close();
  });
});
