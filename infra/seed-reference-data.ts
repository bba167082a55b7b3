import { createDomain } from '../functions/domain/index.js';
import { storeConfigFromEnv } from '../functions/store/client.js';
import { createStores } from '../functions/store/index.js';
import type { Jurisdiction } from '../functions/domain/units/wards.js';
import { neighbourhoodsFrom } from '../functions/domain/units/neighbourhoods.js';
import { migrateLegacyBuckets } from '../functions/store/migrate-buckets.js';
import { migrateRollUp } from '../functions/store/migrate-rollup.js';

/**
 * Runs once after each deployment (a CDK Trigger): puts the reference units of functions/data/units.json,
 * their reorganisations and the neighbourhoods of functions/data/neighbourhoods.json into the table, as `npm start` does on every start. Idempotent: the same
 * items are overwritten. It also moves counter buckets written before calendar roll-ups to them, once
 * (functions/store/migrate-buckets.ts), and builds the jurisdiction's roll-up for a table written before it
 * (functions/store/migrate-rollup.ts); both idempotent and resumable.
 */
// NOTE: replaced at bundling by the jurisdiction of context `unitsFile` (infra/reference-data.ts); absent: the default.
declare const __UNITS_JURISDICTION__: string | undefined;
const configured = typeof __UNITS_JURISDICTION__ === 'string' ? (JSON.parse(__UNITS_JURISDICTION__) as Jurisdiction) : undefined;

export const handler = async (): Promise<{ wards: number; neighbourhoods: number }> => {
  const stores = createStores(storeConfigFromEnv());
  await migrateLegacyBuckets(stores.db, stores.tableName, { log: (line) => console.log(line) });
  await migrateRollUp(stores.db, stores.tableName, { log: (line) => console.log(line) });
  const domain = createDomain(stores);
  const wards = await domain.wards.ensureReferenceWards(configured);
  const neighbourhoods = neighbourhoodsFrom();
  await domain.voice.ensureNeighbourhoods(neighbourhoods);
  return { wards: wards.length, neighbourhoods: neighbourhoods.length };
};
