import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb-local.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { checkIn, collect, connectClient, eventually, openRawSocket, sleep, startLiveSession, tableOf, wsUrlOf } from '../support/realtime-clients.js';

/** The publisher's log line for each invocation (one per delivery of a batch), in order, since `since`. */
function publisherLines(output: string, since: number): { records: number; sent: number; duplicates: number }[] {
  return output
    .split('\n')
    .filter((line) => line.includes('"message":"published"'))
    .map((line) => JSON.parse(line) as { startedAt: number; records: number; sent: number; duplicates: number })
    .filter((line) => line.startedAt >= since);
}

const ATTENDANCE = 'subscription ($sessionId: ID) { attendanceChanged(sessionId: $sessionId) { delta attendance } }';

/**
 * Faults the real system meets: DynamoDB Streams delivering a record again, idle sockets, and the
 * whole local stack restarting under connected dashboards. The stack here delivers every stream
 * batch twice (STREAM_DELIVERIES=2) and closes sockets idle for 3 s instead of 10 minutes.
 */
describe('real time under faults', () => {
  let stack: RunningStack;
  let port: number;
  const env = { STREAM_DELIVERIES: '2', WS_IDLE_TIMEOUT_MS: '3000', POWERTOOLS_LOG_LEVEL: 'INFO' };
  let admin: string;

  beforeAll(async () => {
    port = await freePort();
    stack = await startStack({ port, env });
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('shows each check-in once although every stream record is delivered twice', async () => {
    expect(stack.output()).toMatch(/delivering every batch 2 times/);
    const table = tableOf(stack);
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-my-2025' });
    const client = connectClient(stack, admin, { keepAlive: 1_000 });
    const updates = collect(client, { query: ATTENDANCE, variables: { sessionId } });
    const summaries = collect(client, { query: 'subscription { summaryChanged { attendance } }' });
    await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);
    await table.waitForSubscriptions('SUMMARY');

    // One check-in at a time, each waited for until its summary has arrived and the second delivery
    // of its batch has had time to come: a summary reads the totals as they are when it is pushed, so
    // only check-ins that never overlap give each summary its own total (1, 3, 6, 10, 15).
    const startedAt = Date.now();
    let total = 0;
    for (const count of [1, 2, 3, 4, 5]) {
      await checkIn(stack, admin, sessionId, count);
      total += count;
      await eventually(async () => summaries.values.some((v) => v.data?.summaryChanged.attendance === total), 60_000, `the summary with ${total}`);
      await sleep(1_000); // the poller's second delivery of the same batch has long been processed
    }
    await updates.waitFor(5, 60_000);
    expect(updates.values.map((v) => v.data?.attendanceChanged.delta)).toEqual([1, 2, 3, 4, 5]);
    // The poller hands every batch to the publisher twice, one delivery right after the other: the
    // second finds every claim taken and posts nothing. (A check-in's records may come in two batches
    // when a poll falls between them, as in AWS: then each batch pushes its own summary, and the same
    // total can come twice, but never from a redelivery.)
    const published = publisherLines(stack.output(), startedAt);
    expect(published.length).toBeGreaterThanOrEqual(10);
    expect(published.length % 2).toBe(0);
    for (let i = 0; i < published.length; i += 2) {
      expect(published[i + 1]!.records).toBe(published[i]!.records);
      expect(published[i + 1]!.sent).toBe(0);
    }
    expect(published.filter((_, i) => i % 2 === 1).reduce((n, line) => n + line.duplicates, 0)).toBeGreaterThan(0);
    const totals = summaries.values.map((v) => v.data?.summaryChanged.attendance as number).filter((t) => t > 0);
    expect(totals.filter((t, i) => t !== totals[i - 1])).toEqual([1, 3, 6, 10, 15]);
    await client.dispose();
    table.close();
  }, 120_000);

  it('closes a socket idle for longer than the idle timeout (1001), and keeps one that pings', async () => {
    const raw = await openRawSocket(wsUrlOf(stack));
    raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${admin}` } });
    await raw.message(1);
    const lastMessage = Date.now();
    let connections = 0;
    const client = connectClient(stack, admin, { lazy: false, keepAlive: 1_000, on: { connected: () => connections++ } });
    await eventually(async () => connections === 1, 10_000, 'the pinging client to connect');
    expect((await raw.closed).code).toBe(1001);
    expect(Date.now() - lastMessage).toBeGreaterThanOrEqual(2_500); // WS_IDLE_TIMEOUT_MS=3000 after the client's last message reached the gateway
    const later = collect(client, { query: '{ viewer { role } }' });
    await later.ended();
    expect(later.values[0].data).toEqual({ viewer: { role: 'ADMIN' } });
    expect(connections).toBe(1); // the same socket all along
    await client.dispose();
  });

  it('lets graphql-ws clients reconnect and resubscribe after the local stack restarts', async () => {
    const sessionId = await startLiveSession(stack, admin, { wardId: 'tan-thuan-2025' });
    const table = tableOf(stack);
    const client = connectClient(stack, admin, { keepAlive: 1_000, retryAttempts: 60, retryWait: async () => void (await sleep(500)), shouldRetry: () => true });
    const updates = collect(client, { query: ATTENDANCE, variables: { sessionId } });
    const [before] = await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);
    await checkIn(stack, admin, sessionId, 10);
    await updates.waitFor(1);
    table.close();

    await stack.stop();
    stack = await startStack({ port, dataDir: stack.dataDir, env });

    const restarted = tableOf(stack);
    // The client's resubscription lands next to the item its old connection left behind.
    await restarted.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`, 2);
    await checkIn(stack, admin, sessionId, 5);
    const received = await updates.waitFor(2, 15_000);
    expect(received.map((v) => v.data?.attendanceChanged)).toEqual([
      { delta: 10, attendance: 10 },
      { delta: 5, attendance: 15 },
    ]);
    expect(updates.errors).toEqual([]);
    // The old connection's items were found gone (410) while publishing, and deleted.
    await eventually(async () => (await restarted.itemsOfConnection(before.connectionId)).length === 0, 10_000, 'the old connection items to go');
    await client.dispose();
    restarted.close();
  }, 240_000);
});
