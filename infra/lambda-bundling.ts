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

/**
 * How every function is bundled (local esbuild, never Docker). One description, read by the stack
 * (NodejsFunction) and by the cold-start benchmark (esbuild directly), so the bench measures what deploys.
 */
export const LAMBDA_BUNDLING = {
  format: 'esm',
  target: 'node22',
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  // ESM output still carries CommonJS dependencies that call require(): give them one.
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
  // NOTE: the AWS SDK v3 is not bundled: every nodejs22.x runtime ships it. Bundling it adds ~340 KB
  // (graphql-http would go from ~0.97 MB to ~1.3 MB); see docs/performance.md "Bundles and cold start".
  externalModules: ['@aws-sdk/*'],
} as const;
