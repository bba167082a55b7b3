import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { checkIn, eventually, openRawSocket, sleep, startLiveSession, startReferenceProcess, tableOf, wsUrlOf, type RawSocket } from '../support/realtime-clients.js';

/**
 * The idea of graphql-lambda-subscriptions' conformance test: the same operations, sent over a
 * real WebSocket to the Lambda path (local API Gateway → graphql-ws Lambda → table → stream →
 * publisher → @connections) and to graphql-ws's own `useServer` over the same schema (in-memory
 * pub/sub fed by the same stream), give the same messages. Where they cannot (API Gateway sends
 * no close codes), the difference is asserted as documented in docs/realtime.md.
 */
describe('conformance: the Lambda path answers like the reference graphql-ws server', () => {
  let stack: RunningStack;
  let table: ReturnType<typeof tableOf>;
  let reference: Awaited<ReturnType<typeof startReferenceProcess>>;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack();
    table = tableOf(stack);
    admin = await stack.token('ADMIN');
    reference = await startReferenceProcess(stack);
  });
  afterAll(async () => {
    await reference?.stop();
    table?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  const bothSockets = async () => Promise.all([openRawSocket(wsUrlOf(stack)), openRawSocket(wsUrlOf(reference))]);
  const byId = (socket: RawSocket) => {
    const grouped: Record<string, unknown[]> = {};
    for (const m of socket.messages) (grouped[m.id ?? '-'] ??= []).push(m);
    return grouped;
  };

  it('gives the same messages for queries, invalid documents, refused subscriptions, events and complete', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025', title: 'Đối thoại quý IV' });
    const sockets = await bothSockets();
    const token = await stack.token('LEADERSHIP', undefined, 'leader-1');
    const operations = [
      { id: 'query', payload: { query: '{ wards { id name rolloutWave } viewer { id role } }' } },
      { id: 'unknown-field', payload: { query: 'subscription { summaryChanged { nope } }' } },
      { id: 'syntax', payload: { query: 'subscription { summaryChanged { ' } },
      { id: 'two-fields', payload: { query: 'subscription { summaryChanged { sessions } concernChanged { id } }' } },
      { id: 'missing-variable', payload: { query: 'subscription ($s: ID!) { attendanceChanged(sessionId: $s) { delta } }', variables: {} } },
      { id: 'unknown-ward', payload: { query: 'subscription { concernChanged(wardId: "nowhere") { id } }' } },
      { id: 'unknown-operation', payload: { query: 'subscription A { summaryChanged { sessions } } subscription B { summaryChanged { sessions } }', operationName: 'C' } },
      {
        id: 'attendance',
        payload: {
          query: 'subscription Live($s: ID) { attendanceChanged(sessionId: $s) { delta attendance at session { id title status ward { name } } } }',
          variables: { s: sessionId },
          operationName: 'Live',
        },
      },
      { id: 'concerns', payload: { query: 'subscription { concernChanged(wardId: "tan-hung-2025") { topic status authority response history { from to by note } session { id } } }' } },
    ];
    for (const socket of sockets) {
      socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
      expect(await socket.message(1)).toEqual({ type: 'connection_ack' });
      for (const { id, payload } of operations) socket.send({ id, type: 'subscribe', payload });
      socket.send({ type: 'ping', payload: { probe: 1 } });
    }
    await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);
    await table.waitForSubscriptions('CONCERN#WARD#tan-hung-2025');
    await eventually(async () => (await reference.listeners()) === 2, 10_000, 'the reference subscriptions');

    const first = await checkIn(stack, admin, sessionId, 7, 'YOUTH_UNION_MEMBER');
    await eventually(async () => sockets.every((s) => byId(s).attendance?.length === 1), 10_000, 'the first update on both');
    await checkIn(stack, admin, sessionId, 2);
    await eventually(async () => sockets.every((s) => byId(s).attendance?.length === 2), 10_000, 'the second update on both');
    const concern = expectData<any>(
      await stack.graphql(
        'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }',
        { input: { sessionId, topic: 'Giấy phép xây dựng', text: 'Thời gian cấp phép quá lâu.', authority: 'WARD', requestId: 'conf-1' } },
        admin,
      ),
    ).raiseConcern;
    await eventually(async () => sockets.every((s) => byId(s).concerns?.length === 1), 10_000, 'the raised concern on both');
    expectData(await stack.graphql('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { status } }', { input: { concernId: concern.id, to: 'ANSWERED_ON_SPOT', response: 'Sẽ rút ngắn còn 15 ngày.' } }, admin));
    await eventually(async () => sockets.every((s) => byId(s).concerns?.length === 2), 10_000, 'the moved concern on both');

    // complete: neither sends anything more for that id.
    for (const socket of sockets) socket.send({ id: 'attendance', type: 'complete' });
    await eventually(async () => (await table.subscriptionsOn(`ATTENDANCE#SESSION#${sessionId}`)).length === 0 && (await reference.listeners()) === 1, 10_000, 'complete on both');
    await checkIn(stack, admin, sessionId, 1);
    await sleep(1_500);

    const [lambda, referenceMessages] = sockets.map(byId);
    expect(lambda).toEqual(referenceMessages);
    // And what they agree on is what the protocol says:
    expect(lambda['-']).toEqual([{ type: 'connection_ack' }, { type: 'pong', payload: { probe: 1 } }]);
    expect(lambda.query.map((m: any) => m.type)).toEqual(['next', 'complete']);
    for (const id of ['unknown-field', 'syntax', 'two-fields', 'unknown-operation']) expect(lambda[id]).toMatchObject([{ type: 'error', id }]);
    expect(lambda['missing-variable'].map((m: any) => m.type)).toEqual(['next', 'complete']);
    expect(lambda['unknown-ward']).toMatchObject([{ type: 'next', payload: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } }, { type: 'complete' }]);
    expect(lambda.attendance).toMatchObject([
      { type: 'next', payload: { data: { attendanceChanged: { delta: 7, attendance: first.attendance, session: { id: sessionId, status: 'LIVE', ward: { name: 'Tân Hưng' } } } } } },
      { type: 'next', payload: { data: { attendanceChanged: { delta: 2, attendance: first.attendance + 2 } } } },
    ]);
    expect((lambda.concerns as any[]).map((m) => m.payload.data.concernChanged.status)).toEqual(['OPEN', 'ANSWERED_ON_SPOT']);
    sockets.forEach((s) => s.close());
  });

  it('differs only where API Gateway forces it: a refused connection_init', async () => {
    const [lambda, referenceSocket] = await bothSockets();
    for (const socket of [lambda, referenceSocket]) socket.send({ type: 'connection_init', payload: { authorization: 'Bearer nope' } });
    // Reference: close(4403, 'Forbidden'). Lambda path: one error message with the reason, then close 1000.
    expect(await referenceSocket.closed).toEqual({ code: 4403, reason: 'Forbidden' });
    expect(referenceSocket.messages).toEqual([]);
    expect(await lambda.closed).toEqual({ code: 1000, reason: '' });
    expect(lambda.messages).toEqual([{ type: 'error', id: 'connection_init', payload: [{ message: 'Your token could not be verified; sign in again.', extensions: { code: 'UNAUTHENTICATED' } }] }]);
  });

  it('differs only where API Gateway forces it: a duplicate subscription id', async () => {
    const [lambda, referenceSocket] = await bothSockets();
    const subscribe = { id: 'same', type: 'subscribe', payload: { query: 'subscription { summaryChanged { sessions } }' } };
    for (const socket of [lambda, referenceSocket]) {
      socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${admin}` } });
      await socket.message(1);
      socket.send(subscribe);
    }
    await table.waitForSubscriptions('SUMMARY');
    await eventually(async () => (await reference.listeners()) >= 1, 10_000, 'the reference subscription');
    for (const socket of [lambda, referenceSocket]) socket.send(subscribe);
    expect(await referenceSocket.closed).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
    expect(await lambda.closed).toEqual({ code: 1000, reason: '' });
    expect(lambda.messages.at(-1)).toEqual({ type: 'error', id: 'same', payload: [{ message: 'Subscriber for same already exists', extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});
