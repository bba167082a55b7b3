import { createDomain } from '../functions/domain/index.js';
import { storeConfigFromEnv } from '../functions/store/client.js';
import { createStores } from '../functions/store/index.js';

/**
 * Runs once after each deployment (a CDK Trigger): puts the reference units of functions/data/units.json
 * and their reorganisations into the table, as `npm start` does on every start. Idempotent: the same
 * items are overwritten.
 */
export const handler = async (): Promise<{ wards: number }> => {
  const wards = await createDomain(createStores(storeConfigFromEnv())).wards.ensureReferenceWards();
  return { wards: wards.length };
};
