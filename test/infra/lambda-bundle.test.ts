import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, ensureLocalKeys, jwksOf, mintLocalToken } from '../../infra/local/keys.js';
import { HANDLER_ENTRIES, REPO_ROOT, esbuildOptionsOf } from '../../infra/lambda-bundling.js';
import { QUERY_LIMITS } from '../../functions/graphql/limits.js';

// The deployed bundle replaces parts of Apollo with stubs and carries its own SDK (infra/lambda-bundling.ts);
// the other tests run the handlers from source. This one runs the bundle itself, in a fresh process.
const TABLE = 'bundle-test';

/** Answers the events with the handler module at `modulePath`, in a fresh Node process, one after another. */
function answer(modulePath: string, nodeArgs: string[], events: unknown[], env: NodeJS.ProcessEnv, dir: string): Promise<{ statusCode: number; body: string }[]> {
  const child = join(dir, 'answer.mjs');
  writeFileSync(
    child,
    `const mod = await import(process.argv[2]);
const out = [];
for (const event of JSON.parse(process.argv[3])) {
  const r = await mod.handler(event, { awsRequestId: 'test', functionName: 'test', getRemainingTimeInMillis: () => 10000 });
  out.push({ statusCode: r.statusCode, body: r.body });
}
process.stdout.write('ANSWERS' + JSON.stringify(out));
process.exit(0);
`,
  );
  return new Promise((resolve, reject) => {
    // NOTE: async spawn: the JWKS server runs in this process and must keep answering.
    const proc = spawn(process.execPath, [...nodeArgs, child, modulePath, JSON.stringify(events)], { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code) => {
      const at = out.indexOf('ANSWERS');
      if (at < 0) reject(new Error(`handler process failed (exit ${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(out.slice(at + 'ANSWERS'.length)));
    });
  });
}

describe('the deployed graphql-http bundle', () => {
  let outDir: string;
  let dataDir: string;
  let dynamo: DynamoDbLocal | undefined;
  let jwksServer: Server | undefined;
  let env: NodeJS.ProcessEnv;
  let bundlePath: string;
  let tokens: { leadership: string; officer: string };

  beforeAll(async () => {
    // Inside the repository, so the credential providers left external resolve as the runtime's would.
    mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
    outDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'bundle-test-'));
    dataDir = mkdtempSync(join(tmpdir(), 'dp-bundle-test-'));
    bundlePath = join(outDir, 'graphql-http', 'index.mjs');
    await build(esbuildOptionsOf('graphql-http', { outfile: bundlePath }));
    dynamo = await startDynamoDbLocal({ dataDir });
    await ensureTable(dynamo.endpoint, TABLE);
    const keys = await ensureLocalKeys(dataDir);
    jwksServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwksOf(keys))));
    await new Promise<void>((resolve) => jwksServer!.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as { port: number };
    env = {
      PATH: process.env.PATH,
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'local',
      JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      TOKEN_ISSUER: LOCAL_ISSUER,
      TOKEN_AUDIENCE: LOCAL_AUDIENCE,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      NODE_NO_WARNINGS: '1',
    };
    const { createDomain } = await import('../../functions/domain/index.js');
    const { createStores } = await import('../../functions/store/index.js');
    await createDomain(createStores({ tableName: TABLE, endpoint: dynamo.endpoint })).wards.ensureReferenceWards();
    tokens = {
      leadership: await mintLocalToken(keys, { role: 'LEADERSHIP' }),
      officer: await mintLocalToken(keys, { role: 'WARD_OFFICER', wardId: 'tan-hung' }),
    };
  });

  afterAll(async () => {
    jwksServer?.close();
    await dynamo?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('answers queries, refusals and errors exactly like the handler it is built from', async () => {
    const event = (body: string, authorization?: string, contentType = 'application/json') => ({
      version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
      headers: { 'content-type': contentType, ...(authorization ? { authorization } : {}) },
      requestContext: { http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: 'test', routeKey: 'POST /graphql', stage: '$default', timeEpoch: 0 },
      body, isBase64Encoded: false,
    });
    const query = (text: string, variables?: unknown) => JSON.stringify({ query: text, variables });
    const lead = `Bearer ${tokens.leadership}`;
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: wards { id }`).join(' ');
    const events = [
      event(query('{ wards { id name rolloutWave } }'), lead),
      event(query('{ wards { id } }')),
      event(query('{ wards { id } }'), 'Bearer not-a-jwt'),
      event(query('{ ward(id: "no-such-ward") { id name } }'), lead),
      event(query('{ wards { id '), lead),
      event('{not json', lead),
      event(query('{ __schema { types { name fields { name } } } }'), lead),
      event(query('{ wards { nope } }'), lead),
      event(query(`{ ${aliases} }`), lead),
      event(query('mutation { startSession(id: "no-such-session") { id } }'), `Bearer ${tokens.officer}`),
      event(query('{ wards { id } }'), lead, 'text/plain'),
    ];
    const fromSource = await answer(HANDLER_ENTRIES['graphql-http'], ['--import', 'tsx'], events, env, outDir);
    const fromBundle = await answer(bundlePath, [], events, env, outDir);

    // What the source handler says (so that the comparison below compares real answers, not two crashes).
    expect(fromSource.map((r) => r.statusCode)).toEqual([200, 401, 401, 200, 400, 400, 200, 400, 400, 200, 400]);
    expect(JSON.parse(fromSource[0].body).data.wards).toHaveLength(4); // the wards in force now
    expect(JSON.parse(fromSource[2].body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.parse(fromSource[6].body).data.__schema.types.length).toBeGreaterThan(20);
    expect(JSON.parse(fromSource[9].body).errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
    expect(fromBundle).toEqual(fromSource);
  }, 120_000);
});
