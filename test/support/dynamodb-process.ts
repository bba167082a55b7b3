import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { adminClient } from '../../infra/local/dynamodb-local.js';

/**
 * Stops and restarts only the DynamoDB Local of a running stack, as an operator pulling the database
 * would: the stack's Node process keeps running and must cope. The Java process is found by its
 * `-dbPath <DATA_DIR>/dynamodb` argument; a restart runs the same command line on the same port and data.
 */
export interface DynamoDbProcess {
  pid: number;
  port: number;
  endpoint: string;
  /** kill -9 of the Java process. */
  kill(): Promise<void>;
  /** Starts DynamoDB Local again with the same arguments; resolves once it answers. */
  restart(): Promise<DynamoDbProcess>;
}

interface JavaProcess {
  pid: number;
  argv: string[];
  cwd: string;
}

function findJava(dataDir: string): JavaProcess | undefined {
  const dbPath = join(resolve(dataDir), 'dynamodb');
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!argv[0]?.endsWith('java')) continue;
      const at = argv.indexOf('-dbPath');
      if (at < 0 || resolve(argv[at + 1]) !== dbPath) continue;
      return { pid: Number(entry), argv, cwd: readlinkSync(`/proc/${entry}/cwd`) };
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilAnswering(endpoint: string, child?: ChildProcess): Promise<void> {
  const client = adminClient(endpoint);
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (child?.exitCode != null || Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}

function wrap(java: JavaProcess, _child?: ChildProcess): DynamoDbProcess {
  const port = Number(java.argv[java.argv.indexOf('-port') + 1]);
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    pid: java.pid,
    port,
    endpoint,
    async kill() {
      if (!isAlive(java.pid)) return;
      process.kill(java.pid, 'SIGKILL');
      const deadline = Date.now() + 10_000;
      while (isAlive(java.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      // NOTE: a zombie (the stack's wrapper shell has not reaped it yet) no longer listens; give the port a moment.
      await new Promise((r) => setTimeout(r, 100));
    },
    async restart() {
      const [command, ...args] = java.argv;
      const started = spawn(command, args, { cwd: java.cwd, stdio: 'ignore' });
      await waitUntilAnswering(endpoint, started);
      return wrap({ pid: started.pid!, argv: java.argv, cwd: java.cwd }, started);
    },
  };
}

/** The DynamoDB Local serving the stack whose DATA_DIR is `dataDir`. */
export function findDynamoDbProcess(dataDir: string): DynamoDbProcess {
  const java = findJava(dataDir);
  if (!java) throw new Error(`no DynamoDB Local process found for ${dataDir}`);
  return wrap(java);
}
