/**
 * Bundles and cold start of the three Lambda functions, measured the way Lambda starts them: each
 * sample is a fresh Node process that imports the deployed bundle (same esbuild options as the CDK
 * stack, infra/lambda-bundling.ts) and answers one realistic event against DynamoDB Local.
 *
 *   node --import tsx bench/cold-start.bench.ts [samples] [--compare]   (default 7 samples per function)
 *
 * `--compare` adds graphql-http bundled the previous way (AWS SDK left to the runtime, no aliases).
 * Samples of the different rows are interleaved, so a change in the machine's load hits every row alike.
 * Prints a Markdown table for docs/performance.md "Bundles and cold start".
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, ensureLocalKeys, jwksOf, mintLocalToken } from '../infra/local/keys.js';
import { REPO_ROOT, esbuildOptionsOf, type HandlerName } from '../infra/lambda-bundling.js';

const SAMPLES = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 7);
const COMPARE = process.argv.includes('--compare');
const TABLE = 'bench-cold-start';
// Inside the repository so that the bundles' external imports (credential providers never reached here;
// the whole SDK in the --compare row) resolve from node_modules, as they resolve from the runtime's SDK in Lambda.
const OUT = join(REPO_ROOT, '.tmp/bench-cold-start');

interface Sample {
  bootMs: number;
  importMs: number;
  firstAnswerMs: number;
  /** CPU time (user + system) of import + first answer: what a busy machine inflates least. */
  cpuMs: number;
}

type Variant = 'deployed' | 'previous';

/** Bundles one handler as the stack does; `previous` is how it was bundled before (SDK external, no aliases). */
async function bundle(name: HandlerName, variant: Variant): Promise<{ file: string; bytes: number; gzipBytes: number }> {
  const file = join(OUT, `${name}-${variant}`, 'index.mjs');
  await build(
    esbuildOptionsOf(name, {
      outfile: file,
      ...(variant === 'previous' ? { external: ['@aws-sdk/*'], alias: {} } : {}),
    }),
  );
  const code = readFileSync(file);
  return { file, bytes: code.length, gzipBytes: gzipSync(code).length };
}

/** The child: timestamps relative to the process's own start (performance.timeOrigin). */
const CHILD = `
const [bundlePath, eventJson] = process.argv.slice(2);
const boot = performance.now();
const cpu0 = process.cpuUsage();
const mod = await import(bundlePath);
const imported = performance.now();
const result = await mod.handler(JSON.parse(eventJson), { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10000 });
const answered = performance.now();
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ boot, importMs: imported - boot, firstAnswerMs: answered - imported, cpuMs: (cpu.user + cpu.system) / 1000, result }));
process.exit(0);
`;

function runChild(childFile: string, bundlePath: string, event: unknown, env: NodeJS.ProcessEnv): Promise<{ sample: Sample; result: any }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, bundlePath, JSON.stringify(event)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(line.slice(line.indexOf('{"boot"')));
        resolve({ sample: { bootMs: parsed.boot, importMs: parsed.importMs, firstAnswerMs: parsed.firstAnswerMs, cpuMs: parsed.cpuMs }, result: parsed.result });
      } catch {
        reject(new Error(`cold-start child failed (exit ${code}): ${err.slice(-2000)} ${out.slice(-500)}`));
      }
    });
  });
}

/** JWKS (what Cognito serves) and the @connections management API (what API Gateway serves). */
async function startFakeAws(jwks: unknown): Promise<{ url: string; posts: number; server: Server }> {
  const state = { posts: 0 };
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
      return;
    }
    if (req.url?.startsWith('/@connections/')) {
      state.posts += 1;
      req.resume();
      req.on('end', () => res.writeHead(200).end());
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server, get posts() { return state.posts; } };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v: number) => `${Math.round(v)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-bench-cold-'));
  const dynamo = await startDynamoDbLocal({ dataDir });
  let fake: Awaited<ReturnType<typeof startFakeAws>> | undefined;
  try {
    await ensureTable(dynamo.endpoint, TABLE);
    const keys = await ensureLocalKeys(dataDir);
    fake = await startFakeAws(jwksOf(keys));
    const token = await mintLocalToken(keys, { role: 'LEADERSHIP' });
    const env = {
      PATH: process.env.PATH,
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      JWKS_URL: `${fake.url}/.well-known/jwks.json`,
      TOKEN_ISSUER: LOCAL_ISSUER,
      TOKEN_AUDIENCE: LOCAL_AUDIENCE,
      WS_MANAGEMENT_ENDPOINT: fake.url,
      POWERTOOLS_SERVICE_NAME: 'dialogue-pulse',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      NODE_NO_WARNINGS: '1',
    };
    const childFile = join(OUT, 'child.mjs');
    writeFileSync(childFile, CHILD);

    // The reference wards, as the deployment's seeder puts them.
    Object.assign(process.env, env);
    const { createDomain } = await import('../functions/domain/index.js');
    const { createStores } = await import('../functions/store/index.js');
    await createDomain(createStores({ tableName: TABLE, endpoint: dynamo.endpoint })).wards.ensureReferenceWards();

    const now = new Date().toISOString();
    const events: Record<HandlerName, (i: number) => unknown> = {
      // What the dashboard sends first: the wards, with a Cognito-style ID token.
      'graphql-http': (i) => ({
        version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requestContext: { http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, requestId: `bench-${i}`, routeKey: 'POST /graphql', stage: '$default', timeEpoch: Date.now() },
        body: JSON.stringify({ query: '{ wards { id name rolloutWave } }' }),
        isBase64Encoded: false,
      }),
      // A dashboard's first message on its socket: verify the token, record the connection, post connection_ack.
      'graphql-ws': (i) => ({
        requestContext: { routeKey: '$default', eventType: 'MESSAGE', connectionId: `bench-conn-${i}`, requestId: `bench-${i}`, domainName: '127.0.0.1', stage: 'bench', apiId: 'bench', connectedAt: Date.now(), requestTimeEpoch: Date.now(), messageId: `m-${i}`, extendedRequestId: `e-${i}`, messageDirection: 'IN' },
        body: JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
        isBase64Encoded: false,
      }),
      // One check-in arriving from the stream (no subscriber yet: look-up, then nothing to post).
      publisher: (i) => ({
        Records: [
          {
            eventID: `bench-event-${i}`, eventName: 'INSERT', eventSource: 'aws:dynamodb', awsRegion: 'local',
            dynamodb: {
              SequenceNumber: String(1000 + i), StreamViewType: 'NEW_AND_OLD_IMAGES',
              Keys: { pk: { S: 'SESSION#bench' }, sk: { S: `CHECKIN#${i}` } },
              NewImage: {
                pk: { S: 'SESSION#bench' }, sk: { S: `CHECKIN#${i}` }, type: { S: 'CheckIn' }, sessionId: { S: 'bench' }, wardId: { S: 'tan-hung-2025' },
                kind: { S: 'WARD_DIRECT' }, category: { S: 'RESIDENT' }, delta: { N: '1' }, at: { S: now }, by: { S: 'bench' }, requestId: { S: `r-${i}` },
              },
            },
          },
        ],
      }),
    };
    const checks: Record<HandlerName, (result: any) => boolean> = {
      'graphql-http': (r) => r?.statusCode === 200 && JSON.parse(r.body).data?.wards?.length === 10,
      'graphql-ws': (r) => r?.statusCode === 200,
      publisher: (r) => Array.isArray(r?.batchItemFailures) && r.batchItemFailures.length === 0,
    };

    const variants: { name: HandlerName; variant: Variant }[] = [
      { name: 'graphql-http', variant: 'deployed' },
      { name: 'graphql-ws', variant: 'deployed' },
      { name: 'publisher', variant: 'deployed' },
      ...(COMPARE ? [{ name: 'graphql-http' as const, variant: 'previous' as const }] : []),
    ];
    const built = await Promise.all(variants.map(({ name, variant }) => bundle(name, variant)));
    const samples: Sample[][] = variants.map(() => []);
    const acksBefore = fake.posts;
    for (let i = 0; i < SAMPLES; i += 1) {
      for (const [v, { name }] of variants.entries()) {
        const { sample, result } = await runChild(childFile, built[v].file, events[name](i * variants.length + v), env);
        if (!checks[name](result)) throw new Error(`${name}: unexpected first answer ${JSON.stringify(result).slice(0, 500)}`);
        samples[v].push(sample);
      }
    }
    const wsRows = variants.filter(({ name }) => name === 'graphql-ws').length;
    if (fake.posts - acksBefore !== SAMPLES * wsRows) throw new Error(`graphql-ws: expected ${SAMPLES * wsRows} connection_ack posts, saw ${fake.posts - acksBefore}`);
    const rows = variants.map(({ name, variant }, v) => {
      const { bytes, gzipBytes } = built[v];
      const s = samples[v];
      const total = s.map((x) => x.importMs + x.firstAnswerMs);
      console.error(`${name} ${variant}: ${s.map((x) => `${Math.round(x.importMs)}+${Math.round(x.firstAnswerMs)}`).join(', ')} ms`);
      return `| ${name}${variant === 'previous' ? ' (previous bundling: SDK from the runtime, no aliases)' : ''} | ${kb(bytes)} | ${kb(gzipBytes)} | ${ms(percentile(s.map((x) => x.bootMs), 50))} | ${ms(percentile(s.map((x) => x.importMs), 50))} | ${ms(percentile(s.map((x) => x.firstAnswerMs), 50))} | ${ms(percentile(total, 50))} | ${ms(Math.max(...total))} | ${ms(percentile(s.map((x) => x.cpuMs), 50))} |`;
    });
    const header = [
      `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (parallelism ${availableParallelism()}), load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; ${SAMPLES} fresh processes per row, rows interleaved; DynamoDB Local on loopback.`,
      '',
      '| function | bundle | gzip | node boot (p50) | import (p50) | first answer (p50) | import + first answer (p50) | (max) | CPU time of import + answer (p50) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ];
    console.log([...header, ...rows].join('\n'));
  } finally {
    fake?.server.close();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
