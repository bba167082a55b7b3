import { createHash as nodeCreateHash, type Hash } from 'node:crypto';

/**
 * Stand-in for `@apollo/utils.createhash` in the Lambda bundles (aliased in infra/lambda-bundling.ts).
 *
 * NOTE: the real module uses Node's crypto only when `module.require` exists, which is not the case
 * inside an esbuild bundle: it then falls back to `sha.js`, a pure-JavaScript SHA that Apollo runs on
 * every query (and on the whole schema at start). Same hashes, from node:crypto.
 */
export function createHash(kind: string): Hash {
  return nodeCreateHash(kind);
}
