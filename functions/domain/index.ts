import type { Stores } from '../store/index.js';
import { createWardService } from './ward-service.js';

/** The domain: every rule of the system, over the stores. No AWS and no GraphQL here. */
export function createDomain(stores: Stores) {
  return {
    wards: createWardService(stores),
  };
}
export type Domain = ReturnType<typeof createDomain>;
