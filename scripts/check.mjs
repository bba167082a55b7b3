// `npm run check`: the types, the lint (with the architecture's rules) and knip side by side (the
// machine has two cores and they are independent), then the contract and the generated code's
// freshness. Each part's output is printed whole when it ends; the check fails if any part fails.
import { spawn } from 'node:child_process';

const run = (name, command, args) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      process.stdout.write(`${code === 0 ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${code === 0 ? '' : out}`);
      resolve(code === 0);
    });
  });

const bin = (tool) => `node_modules/.bin/${tool}`;
const side = await Promise.all([
  run('types (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
  run('lint (eslint, boundaries)', bin('eslint'), ['--max-warnings', '0', '.']),
  run('unused code and dependencies (knip)', bin('knip'), ['--no-progress', '--no-config-hints']),
]);
const ok =
  side.every(Boolean) &&
  (await run('contract', 'node', ['../shared/tools/check-contract.mjs', 'schema', '--part', 'units', '--part', 'voice', '--part', 'tax'])) &&
  (await run('generated code is fresh', 'node', ['--import', 'tsx', 'scripts/codegen-check.ts']));
process.exit(ok ? 0 : 1);
