import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Stores } from '../domain/ports.js';
import { createActivityStore } from './activity-store.js';
import { createBusinessesStore } from './businesses-store.js';
import { createDocumentClient, type StoreConfig } from './client.js';
import { createConcernsStore } from './concerns-store.js';
import { createDeadlinesStore } from './deadlines-store.js';
import { createInputsStore, createNeighbourhoodsStore } from './inputs-store.js';
import { createRateLimitStore } from './rate-limit-store.js';
import { createReportsStore } from './reports-store.js';
import { createSessionsStore } from './sessions-store.js';
import { createStatsStore } from './stats-store.js';
import { createWardsStore } from './wards-store.js';
import { createTaxStore } from './tax-store.js';

/** Every store over one table and one client: built once per cold start. */
export function createStores(config: StoreConfig): Stores & { db: DynamoDBDocumentClient; tableName: string } {
  const db = createDocumentClient(config);
  return {
    db,
    tableName: config.tableName,
    wards: createWardsStore(db, config.tableName),
    stats: createStatsStore(db, config.tableName),
    sessions: createSessionsStore(db, config.tableName),
    concerns: createConcernsStore(db, config.tableName),
    businesses: createBusinessesStore(db, config.tableName),
    activity: createActivityStore(db, config.tableName),
    deadlines: createDeadlinesStore(db, config.tableName),
    reports: createReportsStore(db, config.tableName),
    neighbourhoods: createNeighbourhoodsStore(db, config.tableName),
    inputs: createInputsStore(db, config.tableName),
    tax: createTaxStore(db, config.tableName),
    limits: createRateLimitStore(db, config.tableName),
  };
}

export { checkInFromItem } from './sessions-store.js';
export { concernFromItem } from './concerns-store.js';
export type TableStores = ReturnType<typeof createStores>;
