import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { checkIn, collect, connectClient, eventually, sleep, startLiveSession, tableOf, type Collected } from '../support/realtime-clients.js';

const BY_SESSION = 'subscription ($sessionId: ID) { attendanceChanged(sessionId: $sessionId) { session { id } delta attendance at } }';
const BY_WARD = 'subscription ($wardId: ID) { attendanceChanged(wardId: $wardId) { session { id } delta attendance at } }';
const EVERY_SESSION = 'subscription { attendanceChanged { session { id } delta attendance at } }';
const CONCERNS = 'subscription { concernChanged { id status } }';

type Update = { session: { id: string }; delta: number; attendance: number; at: string };

/**
 * The invariants of conflated delivery (functions/realtime/publish.ts), on the whole local path:
 * DynamoDB Local, the stream poller, the publisher in its worker, the local @connections, stock
 * graphql-ws clients. The stack delivers every stream batch in part first and then twice
 * (STREAM_PARTIAL_FIRST=1, STREAM_DELIVERIES=2), and its @connections accepts 20 requests a second
 * (LOCAL_CONNECTIONS_RPS, 5 at once), far fewer than a burst needs: redelivery, throttling and a record that
 * fails halfway through a batch all happen on every burst below. A message to more than 5
 * connections is posted in chunks of 3 by the `fanout` function (FANOUT_THRESHOLD, FANOUT_CHUNK_SIZE:
 * worker threads behind the local Lambda Invoke API), so the ward topic (8 clients) goes through
 * chunked fan-out and the others (4 clients) are posted by the publisher itself.
 */
describe('conflated delivery under redelivery, failures and throttling', () => {
  let stack: RunningStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({
      env: { STREAM_DELIVERIES: '2', STREAM_PARTIAL_FIRST: '1', LOCAL_CONNECTIONS_RPS: '20', LOCAL_CONNECTIONS_BURST: '5', FANOUT_THRESHOLD: '5', FANOUT_CHUNK_SIZE: '3' },
    });
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  /** A client's view of one session: its updates, in the order they arrived. */
  const updatesOf = (sub: Collected, sessionId: string): Update[] =>
    sub.values.map((v) => v.data?.attendanceChanged as Update).filter((u) => u?.session.id === sessionId);

  it('adds up every check-in exactly once, never goes down, and merges a burst into fewer messages', async () => {
    expect(stack.output()).toMatch(/first half of every batch/);
    expect(stack.output()).toMatch(/limited to 20 requests\/s/);
    const table = tableOf(stack);
    const sessionA = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' });
    const sessionB = await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' });
    const clients = Array.from({ length: 16 }, () => connectClient(stack, admin, { keepAlive: 5_000 }));
    // Four clients by session, eight by ward (chunked), four on every session.
    const bySession = clients.slice(0, 4).map((c) => collect(c, { query: BY_SESSION, variables: { sessionId: sessionA } }));
    const byWard = clients.slice(4, 12).map((c) => collect(c, { query: BY_WARD, variables: { wardId: 'tan-hung-2025' } }));
    const everySession = clients.slice(12).map((c) => collect(c, { query: EVERY_SESSION }));
    for (const [topic, count] of [[`ATTENDANCE#SESSION#${sessionA}`, 4], ['ATTENDANCE#WARD#tan-hung-2025', 8], ['ATTENDANCE#ALL', 4]] as const) {
      await eventually(async () => (await table.subscriptionsOn(topic)).length >= count, 60_000, `${count} subscriptions on ${topic} (stack output: ${stack.output().slice(-2000)})`);
    }

    // A burst on two sessions, with a CheckIn no accepted check-in would write (no delta) in the
    // middle of A's records: its batch fails halfway, is retried, and the record is set aside.
    const counts = Array.from({ length: 40 }, (_, i) => (i % 3) + 1);
    const half = counts.length / 2;
    const firstHalf = Promise.all(counts.slice(0, half).map((n, i) => checkIn(stack, admin, i % 4 ? sessionA : sessionB, n)));
    await sleep(20);
    await table.db.send(new PutCommand({ TableName: table.tableName, Item: { pk: `SESSION#${sessionA}`, sk: 'CHECKIN#poison', type: 'CheckIn', sessionId: sessionA, at: new Date().toISOString() } }));
    const answers = [...(await firstHalf), ...(await Promise.all(counts.slice(half).map((n, i) => checkIn(stack, admin, (i + half) % 4 ? sessionA : sessionB, n))))];
    const expected = {
      [sessionA]: counts.filter((_, i) => i % 4).reduce((a, b) => a + b, 0),
      [sessionB]: counts.filter((_, i) => !(i % 4)).reduce((a, b) => a + b, 0),
    };
    const finalOf = (sessionId: string) => Math.max(...answers.filter((_, i) => (i % 4 ? sessionA : sessionB) === sessionId).map((a) => a.attendance));
    expect(finalOf(sessionA)).toBe(expected[sessionA]);
    expect(finalOf(sessionB)).toBe(expected[sessionB]);

    const views = [...bySession.map((s) => [s, [sessionA]] as const), ...[...byWard, ...everySession].map((s) => [s, [sessionA, sessionB]] as const)];
    for (const [sub, sessions] of views) {
      for (const sessionId of sessions) {
        const total = () => updatesOf(sub, sessionId).reduce((sum, u) => sum + u.delta, 0);
        await eventually(async () => total() >= expected[sessionId], 120_000, `${expected[sessionId]} check-ins on ${sessionId} (got ${total()})`);
      }
    }
    await eventually(async () => /record \S+ failed 3 times; set aside/.test(stack.output()), 60_000, 'the poison record to be set aside');
    expect(stack.output()).toMatch(/first request over LOCAL_CONNECTIONS_RPS refused with 429/);
    expect(stack.output()).toMatch(/lambda-api: first invocation of fanout/);
    await sleep(2_000); // any late duplicate would arrive by now

    let messages = 0;
    for (const [sub, sessions] of views) {
      expect(sub.errors).toEqual([]);
      for (const sessionId of sessions) {
        const updates = updatesOf(sub, sessionId);
        messages += updates.length;
        // Deltas add up exactly: nothing lost, nothing twice (redelivered, retried, throttled).
        expect(updates.reduce((sum, u) => sum + u.delta, 0)).toBe(expected[sessionId]);
        // Attendance never goes down, and the last one is the final count.
        const attendances = updates.map((u) => u.attendance);
        expect(attendances).toEqual([...attendances].sort((a, b) => a - b));
        expect(attendances.at(-1)).toBe(expected[sessionId]);
        // Each update's attendance includes at least its own check-ins: never less than the deltas so far.
        let sum = 0;
        for (const u of updates) expect(u.attendance).toBeGreaterThanOrEqual((sum += u.delta));
      }
    }
    // Conflation: every update merges at least one check-in; a burst is fewer messages than check-ins.
    expect(messages).toBeLessThan(views.reduce((n, [, sessions]) => n + sessions.reduce((m, s) => m + counts.filter((_, i) => (i % 4 ? sessionA : sessionB) === s).length, 0), 0));
    await Promise.all(clients.map(async (c) => c.dispose()));
    table.close();
  }, 300_000);

  it('sends a concern\'s moves in order, the last state last, each move once', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-my-2025' });
    const client = connectClient(stack, admin, { keepAlive: 5_000 });
    const sub = collect(client, { query: CONCERNS });
    const table = tableOf(stack);
    await table.waitForSubscriptions('CONCERN#ALL');
    const raised = await stack.graphql<any>(
      'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id status } }',
      { input: { sessionId, topic: 'Chiếu sáng', text: 'Đèn đường hẻm 12 hỏng.', authority: 'WARD', requestId: `conflation-${Date.now()}` } },
      admin,
    );
    expect(raised.body.errors).toBeUndefined();
    const id = raised.body.data.raiseConcern.id as string;
    // Three moves back to back: some land in one stream batch and are merged.
    let final = '';
    const moves = [
      { to: 'IN_PROGRESS', note: 'Đã giao phòng QLĐT.' },
      { to: 'ESCALATED', authority: 'CITY', note: 'Chuyển Sở Xây dựng.' },
      { to: 'ANSWERED', response: 'Sở đã thay bóng đèn.' },
    ];
    for (const move of moves) {
      const moved = await stack.graphql<any>('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { status } }', { input: { concernId: id, ...move } }, admin);
      expect(moved.body.errors).toBeUndefined();
      final = moved.body.data.moveConcern.status;
    }
    await eventually(async () => sub.values.some((v) => v.data?.concernChanged.status === final), 60_000, 'the last state');
    await sleep(2_000);
    const states = sub.values.map((v) => v.data?.concernChanged).filter((c) => c.id === id).map((c) => c.status);
    // Merged or not, the last state arrives last, and no state arrives twice in a row.
    expect(states.at(-1)).toBe(final);
    expect(states.filter((s, i) => s === states[i - 1])).toEqual([]);
    // In the order they were made: each state a later one than the one before.
    const order = ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'ANSWERED'];
    expect(states.map((s) => order.indexOf(s))).toEqual([...states.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    await client.dispose();
    table.close();
  }, 120_000);
});
