import { createDocumentClient, type StoreConfig } from './client.js';
import { createStatsStore } from './stats-store.js';
import { createWardsStore } from './wards-store.js';

/** Every store over one table and one client: built once per cold start. */
export function createStores(config: StoreConfig) {
  const db = createDocumentClient(config);
  return {
    db,
    wards: createWardsStore(db, config.tableName),
    stats: createStatsStore(db, config.tableName),
  };
}
export type Stores = ReturnType<typeof createStores>;
