import type { Stores } from '../store/index.js';
import { NotFoundError } from './errors.js';
import { isIdOfKind } from './input.js';
import { parsePeriod } from './period.js';
import { readWardTotals } from './summary-service.js';
import { referenceWards, type Ward } from './wards.js';

export interface WardStats {
  wardId: string;
  sessions: number;
  attendance: number;
  concerns: number;
  concernsClosed: number;
}

export function createWardService(stores: Pick<Stores, 'wards' | 'stats'>) {
  return {
    /** Makes the table hold exactly the reference wards of functions/data/wards.json. Runs on every start. */
    async ensureReferenceWards(): Promise<Ward[]> {
      const wards = referenceWards();
      await stores.wards.putWards(wards);
      return wards;
    },
    listWards: () => stores.wards.listWards(),
    // An id that cannot be a ward's never reaches a key (DynamoDB refuses keys over 2 KB as an internal error).
    getWard: async (id: string) => (isIdOfKind(id, 'ward') ? stores.wards.getWard(id) : undefined),
    async requireWard(id: string): Promise<Ward> {
      const ward = isIdOfKind(id, 'ward') ? await stores.wards.getWard(id) : undefined;
      if (!ward) throw new NotFoundError(`There is no ward with id "${id.slice(0, 60)}"; Query.wards lists them.`, { wardId: id.slice(0, 60) });
      return ward;
    },
    async wardStats(wardId: string, periodInput?: { from: string; to: string } | null): Promise<WardStats> {
      return readWardTotals(stores, wardId, parsePeriod(periodInput));
    },
  };
}
export type WardService = ReturnType<typeof createWardService>;
