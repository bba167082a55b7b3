// `npm run --silent token -- ROLE [WARD_ID]`: prints a token the local stack (same DATA_DIR) accepts, valid 12 hours.
import { join, resolve } from 'node:path';
import { ROLES, type Role } from '../functions/domain/kernel/actor.js';
import { referenceUnits as referenceWards } from '../functions/domain/units/wards.js';
import { ensureLocalKeys, mintLocalToken } from '../infra/local/keys.js';

const [role, wardId] = process.argv.slice(2);
const usage = `usage: npm run --silent token -- ROLE [WARD_ID]
  ROLE:    ${ROLES.join(' | ')}
  WARD_ID: required for WARD_OFFICER, one of: ${referenceWards().map((w) => w.id).join(', ')}`;

if (!role || !ROLES.includes(role as Role)) {
  console.error(usage);
  process.exit(2);
}
if (role === 'WARD_OFFICER' && !wardId) {
  console.error(`A WARD_OFFICER token needs the ward.\n${usage}`);
  process.exit(2);
}
if (wardId && !referenceWards().some((w) => w.id === wardId)) {
  console.error(`Unknown ward "${wardId}".\n${usage}`);
  process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR ?? join(import.meta.dirname, '..', '.data'));
const keys = await ensureLocalKeys(dataDir);
console.log(await mintLocalToken(keys, { role: role as Role, wardId }));
