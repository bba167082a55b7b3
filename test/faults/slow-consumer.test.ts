import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { checkIn, connectClient, openRawSocket, sleep, startLiveSession, tableOf, wsUrlOf, type RawSocket } from '../support/realtime-clients.js';

const ATTENDANCE = 'subscription ($s: ID) { attendanceChanged(sessionId: $s) { delta attendance at } }';
// A heavy document: the district summary's ward table asked 30 times over (aliases), ~30 KB a message.
const HEAVY_SUMMARY = `subscription { summaryChanged { ${Array.from({ length: 30 }, (_, i) => `w${i}: wards { ward { id name rolloutWave } sessions attendance concerns concernsClosed }`).join(' ')} } }`;
// A socket that never reads keeps its receive buffer at the initial 128 KB; the sender's grows to at most
// 4 MB (net.ipv4.tcp_rmem/tcp_wmem): a backlog well beyond that has really stalled the sending side.
const STALLED_BYTES = 8 * 1024 * 1024;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

describe('a subscriber that stops reading (slow consumer)', () => {
  let stack: RunningStack;
  let table: ReturnType<typeof tableOf>;
  let admin: string;
  let slow: RawSocket | undefined;
  const clients: { dispose(): unknown }[] = [];

  beforeAll(async () => {
    stack = await startStack();
    table = tableOf(stack);
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    slow?.socket.terminate();
    await Promise.all(clients.map((c) => c.dispose()));
    table?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  /** Check-ins one after another; returns how long each took to reach the healthy dashboard. */
  async function measureHealthyDashboard(sessionId: string, checkIns: number, phase: string): Promise<number[]> {
    const latencies: number[] = [];
    const client = connectClient(stack, await stack.token('LEADERSHIP'));
    clients.push(client);
    let received = 0;
    client.subscribe<any>({ query: ATTENDANCE, variables: { s: sessionId } }, {
      next: ({ data }) => {
        // Check-ins in one stream batch arrive merged (one update, deltas summed): count check-ins by delta.
        received += data.attendanceChanged.delta;
        latencies.push(Date.now() - Date.parse(data.attendanceChanged.at));
      },
      error: () => undefined,
      complete: () => undefined,
    });
    await table.waitForSubscriptions(`ATTENDANCE#SESSION#${sessionId}`);
    for (let i = 0; i < checkIns; i++) await checkIn(stack, admin, sessionId, 1);
    const deadline = Date.now() + 120_000;
    while (received < checkIns && Date.now() < deadline) await sleep(100);
    console.log(`${phase}: the healthy dashboard received ${received} of ${checkIns} check-ins; delivery ms ${latencies.join(' ')}`);
    expect(received, `check-ins the healthy dashboard received ${phase}`).toBe(checkIns);
    return latencies;
  }

  /**
   * A dashboard with 80 heavy summary subscriptions on one socket (~2.4 MB per summary event).
   * NOTE: summaryChanged goes out once per stream batch, so 20 check-ins make anywhere from ~5 (idle
   * machine, big batches) to 20 summary events: 80 subscriptions keep even 5 events well past STALLED_BYTES.
   */
  async function heavyConsumer(): Promise<RawSocket> {
    const socket = await openRawSocket(wsUrlOf(stack));
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${await stack.token('LEADERSHIP')}` } });
    expect(await socket.message(1)).toEqual({ type: 'connection_ack' });
    for (let i = 0; i < 80; i++) socket.send({ id: `s${i}`, type: 'subscribe', payload: { query: HEAVY_SUMMARY } });
    await table.waitForSubscriptions('SUMMARY', 80);
    return socket;
  }

  it('does not slow down the other dashboards', async () => {
    // Control: the same heavy consumer, reading normally: what the publisher's own work costs the others.
    const reader = await heavyConsumer();
    const control = await measureHealthyDashboard(await startLiveSession(stack, admin, { wardId: 'tan-hung-2025' }), 20, 'beside a heavy reader');
    reader.close();
    await reader.closed;
    const gone = Date.now() + 30_000;
    while ((await table.subscriptionsOn('SUMMARY')).length > 0 && Date.now() < gone) await sleep(200);

    // The slow consumer stops reading before anything arrives, so the kernel never grows its buffers.
    slow = await heavyConsumer();
    (slow.socket as unknown as { _socket: Socket })._socket.pause();
    const withSlow = await measureHealthyDashboard(await startLiveSession(stack, admin, { wardId: 'tan-my-2025' }), 20, 'beside a stalled consumer');

    // Proof the consumer really was stalled with a backlog beyond the kernel's buffers: it arrives once it reads again.
    const beforeResume = slow.messages.length;
    let bytes = 0;
    slow.socket.on('message', (data: Buffer) => void (bytes += data.length));
    (slow.socket as unknown as { _socket: Socket })._socket.resume();
    const deadline = Date.now() + 60_000;
    let [seen, quietSince] = [slow.messages.length, Date.now()];
    while (Date.now() < deadline && Date.now() - quietSince < 3_000) {
      await sleep(200);
      if (slow.messages.length !== seen) [seen, quietSince] = [slow.messages.length, Date.now()];
    }
    console.log(
      `healthy dashboard delivery p50/p95/max: beside a heavy reader ${percentile(control, 50)}/${percentile(control, 95)}/${Math.max(...control)} ms; ` +
        `beside a stalled consumer ${percentile(withSlow, 50)}/${percentile(withSlow, 95)}/${Math.max(...withSlow)} ms; ` +
        `${slow.messages.length - beforeResume} messages (${(bytes / 1024 / 1024).toFixed(1)} MB) were queued for the stalled consumer`,
    );
    expect(bytes).toBeGreaterThan(STALLED_BYTES);
    // Generous: a shared two-core machine is noisy; a consumer that blocks the publisher stops the others outright.
    expect(percentile(withSlow, 95)).toBeLessThan(Math.max(3 * percentile(control, 95), percentile(control, 95) + 5_000));
  });
});
