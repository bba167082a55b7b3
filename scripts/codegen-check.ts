// Fails when the generated files differ from what `npm run codegen` would write now from schema/ and
// the dashboard's documents. It generates them afresh (with the hook that marks them), compares, and
// puts the files back as they were, so the check changes nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GENERATED_DIRS = ['functions/generated', 'dashboard/src/gql', 'dashboard/src/public/gql'];
const files = () => GENERATED_DIRS.flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)));
const before = new Map(files().map((file) => [file, readFileSync(file, 'utf8')]));

const result = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.ts'], { encoding: 'utf8' });
const after = new Map(files().map((file) => [file, readFileSync(file, 'utf8')]));
for (const [file, text] of before) writeFileSync(file, text);
if (result.status !== 0) {
  process.stderr.write(result.stdout + result.stderr);
  process.exit(1);
}
const stale = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
if (stale.length) {
  console.error(`Generated GraphQL code is stale (${stale.join(', ')}): run \`npm run codegen\` and commit the result.`);
  process.exit(1);
}
console.log('codegen: generated files are up to date');
