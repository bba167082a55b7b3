import type { Stores } from '../store/index.js';
import { NotFoundError } from './errors.js';
import { isIdOfKind } from './input.js';
import type { AnswerTimeStats } from './model.js';
import { parsePeriod, type Period } from './period.js';
import { readWardTotals } from './summary-service.js';
import { referenceWards, type Ward } from './wards.js';

export interface WardStats {
  wardId: string;
  sessions: number;
  attendance: number;
  concerns: number;
  concernsClosed: number;
  answerTimes: AnswerTimeStats[];
  period?: Period;
}

// Wards are reference data that change only with a deployment: each instance keeps them a few minutes.
const WARDS_TTL_MS = 5 * 60_000;

export function createWardService(stores: Pick<Stores, 'wards' | 'stats'>) {
  let cached: { at: number; wards: Promise<Ward[]> } | undefined;
  const cachedWards = (): Promise<Ward[]> => {
    if (!cached || Date.now() - cached.at > WARDS_TTL_MS) {
      const wards = stores.wards.listWards();
      cached = { at: Date.now(), wards };
      wards.catch(() => (cached = undefined));
    }
    return cached.wards;
  };
  const findWard = async (id: string): Promise<Ward | undefined> => {
    if (!isIdOfKind(id, 'ward')) return undefined;
    const wards = await cachedWards();
    // A ward missing from the cached list is looked up once more (it may have been added since).
    return wards.find((w) => w.id === id) ?? (await stores.wards.getWard(id));
  };
  return {
    /** Makes the table hold exactly the reference wards of functions/data/wards.json. Runs on every start. */
    async ensureReferenceWards(): Promise<Ward[]> {
      const wards = referenceWards();
      await stores.wards.putWards(wards);
      cached = undefined;
      return wards;
    },
    listWards: () => cachedWards(),
    // An id that cannot be a ward's never reaches a key (DynamoDB refuses keys over 2 KB as an internal error).
    getWard: findWard,
    async requireWard(id: string): Promise<Ward> {
      const ward = await findWard(id);
      if (!ward) throw new NotFoundError(`There is no ward with id "${id.slice(0, 60)}"; Query.wards lists them.`, { wardId: id.slice(0, 60) });
      return ward;
    },
    async wardStats(wardId: string, periodInput?: { from: string; to: string } | null): Promise<WardStats> {
      return readWardTotals(stores, wardId, parsePeriod(periodInput));
    },
  };
}
export type WardService = ReturnType<typeof createWardService>;
