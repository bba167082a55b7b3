// `npm start`: the whole system on this machine. Ctrl-C stops everything it started.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JAVA_MISSING_MESSAGE, assertJavaAvailable } from './dynamodb-local.js';
import { startLocalStack } from './stack.js';

// NOTE: the SDK's reminder that its 2027 releases need Node 22 is noise on every start; README says it once.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 4000);
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const demo = process.env.DEMO !== '0';
const auth = process.env.AUTH === 'oidc' ? 'oidc' : 'local';
if (process.env.AUTH && process.env.AUTH !== 'oidc' && process.env.AUTH !== 'local') {
  console.error('[dialogue-pulse] AUTH must be "local" (the demo-user picker, default) or "oidc" (sign in through a local OpenID Connect provider, the Cognito path)');
  process.exit(1);
}
// The provider listens on its own port (Cognito's sign-in pages are another origin too): PORT + 1 unless OIDC_PORT says.
const oidcPort = process.env.OIDC_PORT ? Number(process.env.OIDC_PORT) : port === 0 ? 0 : port + 1;
const oidcTokenTtlSeconds = process.env.OIDC_TOKEN_TTL_SECONDS ? Number(process.env.OIDC_TOKEN_TTL_SECONDS) : undefined;
const staticDir = join(root, 'dashboard/dist');
const log = (line: string) => console.log(`[dialogue-pulse] ${line}`);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the dashboard when its sources are newer than the last build (skipped with SKIP_DASHBOARD_BUILD=1). */
function buildDashboardIfStale() {
  if (process.env.SKIP_DASHBOARD_BUILD === '1') return;
  const built = newestMtime(join(staticDir, 'index.html'));
  const sources = Math.max(newestMtime(join(root, 'dashboard/src')), newestMtime(join(root, 'dashboard/index.html')));
  if (built >= sources && built > 0) return;
  log('building the dashboard (vite build)…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the dashboard build failed (see above)');
}

try {
  assertJavaAvailable();
} catch {
  console.error(JAVA_MISSING_MESSAGE);
  process.exit(1);
}

try {
  buildDashboardIfStale();
  const stack = await startLocalStack({ port, host: process.env.HOST, dataDir, demo, staticDir, auth, oidcPort, oidcTokenTtlSeconds, log });
  const signIn = stack.oidc
    ? `  Sign-in:    ${stack.oidc.issuer}  (OpenID Connect provider standing in for Cognito; users in README.md, password dialogue-pulse)`
    : '  Token:      npm run --silent token -- LEADERSHIP';
  console.log(`
Dialogue Pulse is running.
  Dashboard:  ${stack.url}/
  Explorer:   ${stack.url}/explorer
  GraphQL:    ${stack.url}/graphql  (HTTP POST; WebSocket graphql-transport-ws)
${signIn}
Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    // A second Ctrl-C, or a stop that hangs, ends the process at once: DynamoDB Local goes with it
    // (its wrapper ends when our pipe closes), so nothing is left behind either way.
    if (stopping) process.exit(130);
    stopping = true;
    log('stopping…');
    setTimeout(() => {
      console.error('[dialogue-pulse] did not stop within 20 s; exiting anyway');
      process.exit(1);
    }, 20_000).unref();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  console.error(`[dialogue-pulse] could not start: ${(error as Error).message}`);
  process.exit(1);
}
