// `npm run bench [-- <filter>]`: runs every bench/*.bench.ts (or those whose name contains <filter>),
// one after another, each in its own Node process (they start their own stacks and exit).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const filter = process.argv[2];
const files = readdirSync(join(root, 'bench'))
  .filter((name) => name.endsWith('.bench.ts') && (!filter || name.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.ts${filter ? ` matching "${filter}"` : ''}`);
  process.exit(2);
}
const failed: string[] = [];
for (const name of files) {
  console.log(`\n=== ${name}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', name)], { cwd: root, stdio: 'inherit' });
  console.log(`=== ${name}: ${result.status === 0 ? 'done' : `FAILED (exit ${result.status ?? result.signal})`} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (result.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
