// `npm run units:apply -- <reorganisation id> [--apply]`: hands the open concerns of the units a
// reorganisation ended over to their successors, on the running local stack (same DATA_DIR and PORT).
// Without --apply it is a dry run: it lists what would move and writes nothing. Applying is idempotent.
import { join, resolve } from 'node:path';
import { ensureLocalKeys, mintLocalToken } from '../infra/local/keys.js';

const args = process.argv.slice(2);
const id = args.find((a) => !a.startsWith('--'));
const apply = args.includes('--apply');
if (!id) {
  console.error('usage: npm run units:apply -- <reorganisation id> [--apply]   (ids: Query.reorganisations, e.g. 2025-07-01-hcmc)');
  process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR ?? join(import.meta.dirname, '..', '.data'));
const url = `http://${process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : '127.0.0.1'}:${process.env.PORT ?? 4000}/graphql`;
const token = await mintLocalToken(await ensureLocalKeys(dataDir), { role: 'ADMIN', sub: 'units-apply' });
const query = `mutation ($id: ID!, $dryRun: Boolean) { applyReorganisation(id: $id, dryRun: $dryRun) {
  dryRun awaitingSuccessor reorganisation { legalBasis appliedAt } moves { reason authority to { name } concern { id topic ward { name } } } } }`;
let answer: Response;
try {
  answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { id, dryRun: !apply } }) });
} catch {
  console.error(`No stack answers at ${url}: start it first (npm start), with the same DATA_DIR and PORT.`);
  process.exit(1);
}
const body = (await answer.json()) as { data?: { applyReorganisation: any }; errors?: { message: string }[] };
if (body.errors?.length) {
  console.error(body.errors.map((e) => e.message).join('\n'));
  process.exit(1);
}
const r = body.data!.applyReorganisation;
console.log(`${r.dryRun ? 'Dry run: would hand over' : 'Handed over'} ${r.moves.length} open concern(s) (${r.reorganisation.legalBasis}); ${r.awaitingSuccessor} wait for a successor to be picked at /handover.`);
for (const m of r.moves) console.log(`- ${m.concern.topic} (${m.concern.ward?.name ?? 'district'} → ${m.to?.name ?? 'to be picked'}, ${m.authority}): ${m.reason}`);
if (r.dryRun) console.log('Nothing was written. Run again with --apply to hand them over.');
