import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/keys.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { dynamoEndpointOf, eventually, startLiveSession, tableOf } from '../support/realtime-clients.js';

/**
 * The publisher Lambda stops short of its timeout (functions/realtime/publish-batch.ts): records it has
 * no time left for are reported as batch item failures, so Lambda redelivers them instead of losing
 * the fan-out in progress when the invocation is killed. Here the handler runs in its own process
 * (test/support/publisher-main.ts) against the stack's DynamoDB Local, with a real subscription item
 * and an @connections endpoint that records every post, and a Lambda context whose remaining time
 * the test decides.
 */
describe('the publisher near its timeout', () => {
  let stack: RunningStack;
  let sessionId: string;
  let server: Server;
  const posts: { connectionId: string; delta: number }[] = [];
  let publisher: ChildProcess;
  let output = '';
  /** Invokes the handler in the publisher process; its answer is the next line it prints. */
  async function invoke(records: DynamoDBRecord[], remainingMs: number[]): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
    const answers = () => output.split('\n').filter((l) => l.startsWith('publisher: {'));
    const before = answers().length;
    publisher.stdin!.write(`${JSON.stringify({ records, remainingMs })}\n`);
    const line = await eventually(async () => answers()[before], 30_000, `the publisher's answer (output: ${output.slice(-1000)})`);
    return JSON.parse(line.slice('publisher: '.length));
  }

  beforeAll(async () => {
    stack = await startStack();
    const admin = await stack.token('ADMIN');
    sessionId = await startLiveSession(stack, admin, { wardId: 'tan-my-2025' });
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const connectionId = decodeURIComponent(req.url!.replace('/@connections/', ''));
        posts.push({ connectionId, delta: JSON.parse(body).payload.data.attendanceChanged.delta });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const table = tableOf(stack);
    await table.connections.putSubscription({
      connectionId: 'dashboard-1',
      subscriptionId: '1',
      topic: `ATTENDANCE#SESSION#${sessionId}`,
      query: 'subscription ($s: ID) { attendanceChanged(sessionId: $s) { delta } }',
      variables: { s: sessionId },
      actor: { id: 'leader', role: 'LEADERSHIP' },
      tokenExpiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    table.close();
    publisher = spawn(process.execPath, ['--import', 'tsx', 'test/support/publisher-main.ts'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        TABLE_NAME: LOCAL_TABLE_NAME,
        DYNAMODB_ENDPOINT: dynamoEndpointOf(stack),
        AWS_REGION: 'local',
        WS_MANAGEMENT_ENDPOINT: `http://127.0.0.1:${port}`,
        JWKS_URL: `${stack.url}/.well-known/jwks.json`,
        TOKEN_ISSUER: LOCAL_ISSUER,
        TOKEN_AUDIENCE: LOCAL_AUDIENCE,
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    publisher.stdout!.on('data', (chunk) => (output += chunk));
    publisher.stderr!.on('data', (chunk) => (output += chunk));
    await eventually(async () => output.includes('publisher: ready'), 60_000, 'the publisher process');
  });
  afterAll(async () => {
    publisher?.kill();
    server?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  let batch = 0;
  /** Three check-ins of a session, as the stream delivers them (one item, in order). */
  function checkInRecords(session = sessionId): DynamoDBRecord[] {
    batch += 1;
    return [1, 2, 3].map((delta) => {
      const requestId = `deadline-${batch}-${delta}`;
      const item = { pk: `SESSION#${session}`, sk: `CHECKIN#${requestId}`, type: 'CheckIn', sessionId: session, requestId, category: 'RESIDENT', delta, at: new Date(Date.UTC(2026, 11, 2, 3, 0, delta)).toISOString(), by: 'officer', wardId: 'tan-my-2025' };
      return {
        eventID: `event-${requestId}`,
        eventName: 'INSERT',
        dynamodb: { Keys: marshall({ pk: item.pk, sk: item.sk }) as never, NewImage: marshall(item) as never, SequenceNumber: `${batch}0${delta}` },
      };
    });
  }
  const deltasPosted = () => posts.splice(0).map((p) => p.delta);

  it('publishes a batch of one session as one update: deltas summed, the latest time', async () => {
    const result = await invoke(checkInRecords(), [60_000]);
    expect(result.batchItemFailures).toEqual([]);
    expect(deltasPosted()).toEqual([6]);
  });

  it('merges only what it claimed: a batch redelivered in part or whole posts each check-in once', async () => {
    const records = checkInRecords();
    expect((await invoke(records.slice(0, 2), [60_000])).batchItemFailures).toEqual([]);
    expect(deltasPosted()).toEqual([3]);
    expect((await invoke(records, [60_000])).batchItemFailures).toEqual([]);
    expect(deltasPosted()).toEqual([3]); // only the third was new
    expect((await invoke(records, [60_000])).batchItemFailures).toEqual([]);
    expect(deltasPosted()).toEqual([]);
  });

  it('defers the sessions it has no time left for, and they are published once when redelivered', async () => {
    const other = await startLiveSession(stack, await stack.token('ADMIN'), { wardId: 'tan-my-2025' });
    const table = tableOf(stack);
    await table.connections.putSubscription({
      connectionId: 'dashboard-2',
      subscriptionId: '1',
      topic: `ATTENDANCE#SESSION#${other}`,
      query: 'subscription ($s: ID) { attendanceChanged(sessionId: $s) { delta } }',
      variables: { s: other },
      actor: { id: 'leader', role: 'LEADERSHIP' },
      tokenExpiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    table.close();
    const records = [...checkInRecords(), ...checkInRecords(other)];
    // Remaining time: at the start, before the first session (ample), before the second (within the margin).
    const first = await invoke(records, [60_000, 60_000, 5_000]);
    expect(first.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(records.slice(3).map((r) => r.dynamodb!.SequenceNumber));
    expect(posts.map((p) => p.connectionId)).toEqual(['dashboard-1']);
    expect(deltasPosted()).toEqual([6]);
    const again = await invoke(records.slice(3), [60_000]);
    expect(again.batchItemFailures).toEqual([]);
    expect(posts.map((p) => p.connectionId)).toEqual(['dashboard-2']);
    expect(deltasPosted()).toEqual([6]);
    // Redelivered from the first: the first session is not posted twice.
    expect((await invoke(records, [60_000])).batchItemFailures).toEqual([]);
    expect(deltasPosted()).toEqual([]);
  });

  it('starts nothing when the invocation is already within the margin of its timeout', async () => {
    const records = checkInRecords();
    const result = await invoke(records, [5_000]);
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(records.map((r) => r.dynamodb!.SequenceNumber));
    expect(deltasPosted()).toEqual([]);
  });
});
