import { createDomain } from '../functions/domain/index.js';
import { storeConfigFromEnv } from '../functions/store/client.js';
import { createStores } from '../functions/store/index.js';
import type { Jurisdiction } from '../functions/domain/wards.js';

/**
 * Runs once after each deployment (a CDK Trigger): puts the reference units of functions/data/units.json
 * and their reorganisations into the table, as `npm start` does on every start. Idempotent: the same
 * items are overwritten.
 */
// NOTE: replaced at bundling by the jurisdiction of context `unitsFile` (infra/reference-data.ts); absent: the default.
declare const __UNITS_JURISDICTION__: string | undefined;
const configured = typeof __UNITS_JURISDICTION__ === 'string' ? (JSON.parse(__UNITS_JURISDICTION__) as Jurisdiction) : undefined;

export const handler = async (): Promise<{ wards: number }> => {
  const wards = await createDomain(createStores(storeConfigFromEnv())).wards.ensureReferenceWards(configured);
  return { wards: wards.length };
};
