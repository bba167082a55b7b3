import { readFileSync } from 'node:fs';
import type { BuildOptions } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (infra/ is one level below it). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The three Lambda entry points, shared by the CDK stack, the local stack and bench/cold-start.bench.ts. */
export const HANDLER_ENTRIES = {
  'graphql-http': join(REPO_ROOT, 'functions/handlers/graphql-http.ts'),
  'graphql-ws': join(REPO_ROOT, 'functions/handlers/graphql-ws.ts'),
  publisher: join(REPO_ROOT, 'functions/handlers/publisher.ts'),
} as const;
export type HandlerName = keyof typeof HANDLER_ENTRIES;

const ESM_CONDITIONS = new Set(['import', 'node', 'default']);

/** The file an `exports` entry names under Node's ESM conditions (keys in order, first match wins). */
function esmTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  for (const [condition, value] of Object.entries(entry)) {
    if (!ESM_CONDITIONS.has(condition)) continue;
    const target = esmTarget(value);
    if (target) return target;
  }
  return undefined;
}

/**
 * Aliases every import path of a dual (CommonJS + ESM) package to its ESM build, so that `require()`
 * from a CommonJS dependency and `import` from our code share one copy of it.
 */
function esmBuildOf(packageName: string): Record<string, string> {
  const dir = join(REPO_ROOT, 'node_modules', packageName);
  const { exports } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const aliases: Record<string, string> = {};
  for (const [subpath, entry] of Object.entries(exports)) {
    const target = esmTarget(entry);
    if (subpath.includes('*') || !target || !/\.m?js$/.test(target)) continue;
    aliases[subpath === '.' ? packageName : `${packageName}${subpath.slice(1)}`] = join(dir, target);
  }
  if (!aliases[packageName]) throw new Error(`${packageName} has no ESM entry point in its package.json exports`);
  return aliases;
}

/**
 * Import paths replaced when bundling (esbuild `alias`):
 * - `@apollo/server` and `lru-cache` to their ESM builds. NOTE: @as-integrations/aws-lambda is CommonJS
 *   and `require()`s @apollo/server, which resolves to its CommonJS build while our `import` resolves to
 *   the ESM one: esbuild then bundled and evaluated two Apollo Servers (with two @graphql-tools, two
 *   protobufs), ~300 KB of the 982 KB graphql-http bundle.
 * - `@apollo/usage-reporting-protobuf` to a stub (infra/stubs/): ~210 KB used only for Apollo usage
 *   reports and federation traces, both disabled in functions/graphql/server.ts.
 * - `@apollo/utils.createhash` to node:crypto (infra/stubs/): bundled, it falls back to a pure-JS SHA.
 */
const ALIASES: Record<string, string> = {
  ...esmBuildOf('@apollo/server'),
  ...esmBuildOf('lru-cache'),
  '@apollo/usage-reporting-protobuf': join(REPO_ROOT, 'infra/stubs/apollo-usage-reporting-protobuf.ts'),
  '@apollo/utils.createhash': join(REPO_ROOT, 'infra/stubs/apollo-createhash.ts'),
};

/**
 * How every function is bundled (local esbuild, never Docker). One description, read by the stack
 * (NodejsFunction) and by the cold-start benchmark (esbuild directly), so the bench measures what deploys.
 * Why each choice: docs/performance.md "Bundles and cold start".
 */
export const LAMBDA_BUNDLING = {
  format: 'esm',
  target: 'node22',
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  // ESM output still carries CommonJS dependencies that call require(): give them one.
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
  // The AWS SDK v3 clients are bundled (tree-shaken, one file, the version the tests ran with): importing
  // the runtime's copy file by file from node_modules was most of the cold start. Left out: the credential
  // providers the SDK's default chain only reaches through dynamic import() when the environment holds no
  // credentials, which never happens in Lambda (it sets AWS_ACCESS_KEY_ID/…/AWS_SESSION_TOKEN).
  externalModules: [
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-login',
    '@aws-sdk/credential-provider-http',
    '@smithy/credential-provider-imds',
  ],
  alias: ALIASES,
  /** The alias list as the esbuild CLI arguments NodejsFunction passes on (`--alias:from=to`). */
  esbuildArgs: { '--alias': Object.entries(ALIASES).map(([from, to]) => `${from}=${to}`) },
} as const;

/**
 * esbuild options that bundle one handler as the stack deploys it, for the tests and the cold-start
 * bench that run esbuild directly; `overrides` change what a comparison needs (e.g. the SDK external).
 */
export function esbuildOptionsOf(name: HandlerName, overrides: BuildOptions = {}): BuildOptions {
  return {
    entryPoints: [HANDLER_ENTRIES[name]],
    bundle: true,
    platform: 'node',
    format: LAMBDA_BUNDLING.format,
    target: LAMBDA_BUNDLING.target,
    minify: LAMBDA_BUNDLING.minify,
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: { js: LAMBDA_BUNDLING.banner },
    external: [...LAMBDA_BUNDLING.externalModules],
    alias: LAMBDA_BUNDLING.alias,
    logLevel: 'error',
    ...overrides,
  };
}
