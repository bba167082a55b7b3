// Fails when the generated files differ from what graphql-codegen would write now from schema/.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check'], { encoding: 'utf8' });
if (result.status !== 0) {
  process.stderr.write(result.stdout + result.stderr);
  console.error('Generated GraphQL types are stale: run `npm run codegen` and commit the result.');
  process.exit(1);
}
console.log('codegen: generated files are up to date');
