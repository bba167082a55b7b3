import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Role } from '../../functions/domain/kernel/actor.js';
import { ensureLocalKeys, mintLocalToken } from '../../infra/local/keys.js';

const root = resolve(import.meta.dirname, '../..');

export interface RunningStack {
  url: string;
  /** With `env: { AUTH: 'oidc' }`: the local OpenID Connect provider's issuer (it stands in for Cognito). */
  oidcIssuer?: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the stack printed so far (stdout and stderr). */
  output(): string;
  /** A token this stack accepts. */
  token(role: Role, wardId?: string, sub?: string): Promise<string>;
  /** POST /graphql; returns the parsed body and the status. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
  /** Ctrl-C: stops the stack and everything it started, keeping the data directory. */
  stop(): Promise<void>;
  /** kill -9 of the stack's process. */
  kill(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  demo?: boolean;
  port?: number;
  env?: Record<string, string>;
  /** How long to wait for the stack to be ready (default 180 s; a demo load on a busy machine takes longer). */
  startTimeoutMs?: number;
}

/**
 * Starts `npm start`'s entry point as a child process, exactly as a user runs it (DynamoDB Local, the
 * gateway, the Lambda handlers), on a free port and a temporary DATA_DIR unless one is given.
 */
export async function startStack(options: StartOptions = {}): Promise<RunningStack> {
  // NOTE: DynamoDB Local syncs every write to disk; on tmpfs (/dev/shm) the suite is several times faster.
  const dataDir = options.dataDir ?? mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-test-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      DATA_DIR: dataDir,
      DEMO: options.demo ? '1' : '0',
      SKIP_DASHBOARD_BUILD: process.env.SKIP_DASHBOARD_BUILD ?? '1',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      // Leave nothing behind: SIGKILL also ends DynamoDB Local (its wrapper watches our pipe).
      child.kill('SIGKILL');
      reject(new Error(`stack did not start in ${(options.startTimeoutMs ?? 180_000) / 1000} s:\n${output}`));
    }, options.startTimeoutMs ?? 180_000);
    const onData = () => {
      const match = /Dashboard:\s+(http:\/\/localhost:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code} before it was ready:\n${output}`));
    });
  });
  const keysPromise = ensureLocalKeys(dataDir);
  const stack: RunningStack = {
    url,
    oidcIssuer: /Sign-in:\s+(http:\/\/localhost:\d+)/.exec(output)?.[1],
    dataDir,
    process: child,
    output: () => output,
    token: async (role, wardId, sub) => mintLocalToken(await keysPromise, { role, wardId, sub }),
    async graphql(query, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: text }] };
      }
      return { status: response.status, body };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      // Ctrl-C stopping everything is asserted in foundation.test.ts; here a stack that has not
      // stopped after a minute is killed rather than left to time the whole file out, and said so.
      const stopped = await Promise.race([exited.then(() => true), new Promise<false>((done) => setTimeout(() => done(false), 60_000).unref())]);
      if (!stopped) {
        console.warn(`stack on ${url} did not stop within 60 s of SIGINT; killing it. Its last output:\n${output.slice(-3000)}`);
        child.kill('SIGKILL');
        await exited;
      }
    },
    async kill() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  return stack;
}

export function removeDataDir(dataDir: string) {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Throws with the errors when a GraphQL response has any; returns data otherwise. */
export function expectData<T>(result: { body: { data?: T; errors?: any[] } }): T {
  if (result.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.body.errors)}`);
  return result.body.data as T;
}
