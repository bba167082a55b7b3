import { createClient, type Client, type ClientOptions, type FormattedExecutionResult as ExecutionResult, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createConnectionsStore } from '../../functions/store/connections-store.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { expectData, type RunningStack } from './local-stack.js';

/** Real WebSockets against a running local stack: the stock graphql-ws client, raw sockets, the table. */

export const wsUrlOf = (stack: { url: string }) => `${stack.url.replace(/^http/, 'ws')}/graphql`;

export function connectClient(stack: { url: string }, token: string | (() => Promise<string>), options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url: wsUrlOf(stack),
    webSocketImpl: WebSocket,
    connectionParams: async () => ({ authorization: `Bearer ${typeof token === 'string' ? token : await token()}` }),
    retryAttempts: 0,
    ...options,
  });
}

export interface Collected<T = any> {
  values: ExecutionResult<T, unknown>[];
  errors: unknown[];
  completed: boolean;
  /** Resolves once `count` values arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ExecutionResult<T, unknown>[]>;
  /** Resolves with the first value that satisfies `test` (or rejects after `timeoutMs`). */
  waitForValue(test: (value: ExecutionResult<T, unknown>) => boolean, timeoutMs?: number): Promise<ExecutionResult<T, unknown>>;
  /** Resolves when the sink errored or completed. */
  ended(timeoutMs?: number): Promise<void>;
  stop(): void;
}

/** Subscribes with the stock client and records what it receives. */
export function collect<T = any>(client: Client, payload: SubscribePayload): Collected<T> {
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const collected: Collected<T> = {
    values: [],
    errors: [],
    completed: false,
    waitFor: (count, timeoutMs = 10_000) => until(() => collected.values.length >= count, timeoutMs, () => `expected ${count} values, got ${JSON.stringify(collected.values)} (errors: ${describe(collected.errors)})`).then(() => collected.values),
    waitForValue: (test, timeoutMs = 10_000) =>
      until(() => collected.values.some(test), timeoutMs, () => `no value matched; got ${JSON.stringify(collected.values)} (errors: ${describe(collected.errors)})`).then(() => collected.values.find(test)!),
    ended: (timeoutMs = 10_000) => until(() => collected.completed || collected.errors.length > 0, timeoutMs, () => 'the subscription did not end'),
    stop: () => undefined,
  };
  function until(done: () => boolean, timeoutMs: number, message: () => string) {
    return new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(message()));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });
  }
  collected.stop = client.subscribe<T>(payload, {
    next: (value) => {
      collected.values.push(value);
      notify();
    },
    error: (error) => {
      collected.errors.push(error);
      notify();
    },
    complete: () => {
      collected.completed = true;
      notify();
    },
  });
  return collected;
}

function describe(errors: unknown[]) {
  return errors.map((e) => (e instanceof Error ? e.message : JSON.stringify(e, ['code', 'reason', 'message']))).join('; ');
}

export interface RawSocket {
  socket: WebSocket;
  /** Every message received, parsed. */
  messages: any[];
  send(message: unknown): void;
  /** Resolves with the n-th message (1-based) once it arrived. */
  message(n: number, timeoutMs?: number): Promise<any>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** A plain WebSocket speaking graphql-transport-ws by hand: for asserting exact wire messages. */
export async function openRawSocket(url: string, protocol = 'graphql-transport-ws'): Promise<RawSocket> {
  const socket = new WebSocket(url, protocol);
  const messages: any[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    waiters.forEach((w) => w());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    message: (n, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        if (messages.length >= n) return resolve(messages[n - 1]);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected message #${n}; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        const check = () => {
          if (messages.length < n) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages[n - 1]);
        };
        waiters.add(check);
      }),
    close: () => socket.close(1000),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The stack's DynamoDB Local endpoint, from its start-up log. */
export function dynamoEndpointOf(stack: RunningStack): string {
  const match = /DynamoDB Local on (http:\/\/[\d.:]+)/.exec(stack.output());
  if (!match) throw new Error('the stack did not print its DynamoDB endpoint');
  return match[1];
}

/** Direct access to the stack's table: to inspect connection items and to plant faulty ones. */
export function tableOf(stack: RunningStack) {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamoEndpointOf(stack), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const connections = createConnectionsStore(db, LOCAL_TABLE_NAME);
  return {
    db,
    tableName: LOCAL_TABLE_NAME,
    connections,
    async subscriptionsOn(topic: string) {
      const out = await db.send(
        new QueryCommand({ TableName: LOCAL_TABLE_NAME, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :t', ExpressionAttributeValues: { ':t': `TOPIC#${topic}` } }),
      );
      return out.Items ?? [];
    },
    async itemsOfConnection(connectionId: string) {
      const out = await db.send(
        new QueryCommand({ TableName: LOCAL_TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `CONN#${connectionId}` } }),
      );
      return out.Items ?? [];
    },
    /** Waits until `count` subscriptions are filed under the topic (subscribing is asynchronous). */
    async waitForSubscriptions(topic: string, count = 1) {
      return eventually(async () => {
        const items = await this.subscriptionsOn(topic);
        return items.length >= count ? items : undefined;
      }, 10_000, `${count} subscription(s) on ${topic}`);
    },
    close: () => db.destroy(),
  };
}

let requestCounter = 0;

/** Schedules and starts a session; returns its id. */
export async function startLiveSession(stack: RunningStack, token: string, input: { kind?: string; wardId?: string; title?: string } = {}): Promise<string> {
  const scheduled = expectData<any>(
    await stack.graphql(
      'mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }',
      {
        input: {
          kind: input.kind ?? 'PUBLIC',
          title: input.title ?? 'Đối thoại trực tiếp với nhân dân',
          wardId: input.wardId,
          hostBody: 'Đảng ủy - UBND phường',
          scheduledAt: new Date().toISOString(),
        },
      },
      token,
    ),
  );
  const id = scheduled.scheduleSession.id as string;
  expectData(await stack.graphql('mutation ($id: ID!) { startSession(id: $id) { status } }', { id }, token));
  return id;
}

export async function checkIn(stack: RunningStack, token: string, sessionId: string, count = 1, category = 'RESIDENT') {
  return expectData<any>(
    await stack.graphql(
      'mutation ($input: CheckInInput!) { checkIn(input: $input) { delta attendance at } }',
      { input: { sessionId, category, count, requestId: `rt-${process.pid}-${Date.now()}-${++requestCounter}` } },
      token,
    ),
  ).checkIn as { delta: number; attendance: number; at: string };
}

/** Starts test/support/reference-server-main.ts beside a running stack (see there why a process). */
export async function startReferenceProcess(stack: RunningStack, env: Record<string, string> = {}) {
  const { spawn } = await import('node:child_process');
  const { resolve } = await import('node:path');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/reference-server-main.ts'], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, STACK_URL: stack.url, DYNAMODB_ENDPOINT: dynamoEndpointOf(stack), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`the reference server exited:\n${output}`);
    return /reference: (http:\/\/[\d.:]+)/.exec(output)?.[1];
  }, 60_000, 'the reference server');
  return {
    url,
    output: () => output,
    listeners: async () => Number(await (await fetch(`${url}/listeners`)).text()),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
