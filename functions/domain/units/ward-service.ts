import type { StatsPort } from '../kernel/ports.js';
import type { WardsPort } from './ports.js';
import { actsForOneWard, type Actor } from '../kernel/actor.js';
import { readOnlyRoleReason } from '../access/authorization.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import { isIdOfKind } from '../kernel/input.js';
import type { UnitFigures, WardStats } from '../kernel/model.js';
import { parseInstant, parsePeriod, type Period } from '../kernel/period.js';
import { readWardStats } from '../figures/summary-service.js';
import {
  bodyAt,
  unitRowGroups,
  reportAddress,
  inForceAt,
  lineageOf,
  notInForceMessage,
  predecessorsOf,
  referenceJurisdiction,
  successorsOf,
  uniqueSuccessor,
  unitsAt,
  unitsDuring,
  type Jurisdiction,
  type UnitChangeView,
  type Ward,
} from './wards.js';

/** A ward's figures with its predecessors': whole ones summed, divided ones beside, never apportioned. */
export interface WardLineageStats {
  wardId: string;
  period?: Period;
  own: WardStats;
  predecessors: PredecessorStats[];
  /** Own figures plus every predecessor that went into this ward whole. */
  combined: CombinedStats;
}
export interface PredecessorStats {
  wardId: string;
  whole: boolean;
  stats: WardStats;
}
export interface CombinedStats {
  sessions: number;
  attendance: number;
  concerns: number;
  concernsClosed: number;
  wardIds: string[];
}

/** A row of a breakdown by unit (GraphQL SummaryUnitRow): `wardId` null for what belongs to no unit. */
export interface UnitRow extends UnitFigures {
  wardId: string | null;
  includes: string[];
  divided: boolean;
}

// Units are reference data that change only with a deployment or a loaded list: each instance keeps them a few minutes.
const WARDS_TTL_MS = 5 * 60_000;

/** The jurisdiction as the table holds it, read again once its few minutes are up (or when forgotten). */
function cachedJurisdiction(wards: WardsPort) {
  let cached: { at: number; jurisdiction: Promise<Jurisdiction> } | undefined;
  return {
    read(): Promise<Jurisdiction> {
      if (!cached || Date.now() - cached.at > WARDS_TTL_MS) {
        const read = Promise.all([wards.listWards(), wards.getJurisdiction()]).then(([units, meta]) => ({
          name: meta?.name ?? '',
          nameEn: meta?.nameEn,
          ...(meta?.body ? { body: meta.body } : {}),
          parents: meta?.parents ?? [],
          reorganisations: meta?.reorganisations ?? [],
          units: units.sort((a, b) => a.order - b.order),
        }));
        cached = { at: Date.now(), jurisdiction: read };
        read.catch(() => (cached = undefined));
      }
      return cached.jurisdiction;
    },
    forget: () => void (cached = undefined),
  };
}

/**
 * A ward's figures beside its predecessors' (as far back as the lineage goes): whole predecessors are
 * summed into `combined`; a divided one (Phú Mỹ) is listed beside it and never added, since no figure
 * says which part of it went where. Reads one set of counter buckets per unit, never records.
 */
async function lineageStats(j: Jurisdiction, readStats: (wardId: string, period?: Period) => Promise<WardStats>, wardId: string, period?: Period): Promise<WardLineageStats> {
  const lineage = lineageOf(j, wardId);
  const [own, ...rest] = await Promise.all([readStats(wardId, period), ...lineage.map((p) => readStats(p.id, period))]);
  const predecessors = lineage.map((p, i) => ({ wardId: p.id, whole: p.whole, stats: rest[i] }));
  const summed = [own, ...predecessors.filter((p) => p.whole).map((p) => p.stats)];
  const add = (k: 'sessions' | 'attendance' | 'concerns' | 'concernsClosed') => summed.reduce((s, t) => s + t[k], 0);
  return {
    wardId,
    period,
    own,
    predecessors,
    combined: {
      sessions: add('sessions'),
      attendance: add('attendance'),
      concerns: add('concerns'),
      concernsClosed: add('concernsClosed'),
      wardIds: [wardId, ...predecessors.filter((p) => p.whole).map((p) => p.wardId)],
    },
  };
}

/** How records are named and broken down: who records with no unit stand for, a report's address, rows by unit that add up. */
function namingUseCases(jurisdiction: () => Promise<Jurisdiction>, requireWard: (id: string) => Promise<Ward>) {
  return {
    /** Who a record with no unit stands for at `at` (units/wards.ts bodyAt): the district then, the jurisdiction's body now. */
    bodyAt: async (at: string) => bodyAt(await jurisdiction(), at),
    /** What a report of the ward (none: the whole jurisdiction) over the period covers and whom it goes to. */
    reportAddress: async (wardId: string | undefined, period: { to: string }) =>
      reportAddress(await jurisdiction(), wardId ? await requireWard(wardId) : undefined, new Date(Date.parse(period.to) - 1).toISOString()),
    /** A breakdown by unit that adds up (units/wards.ts unitRowGroups), from figures per unit in force during the period. */
    async unitRows(figures: readonly (UnitFigures & { wardId: string })[]): Promise<UnitRow[]> {
      const byId = new Map(figures.map((f) => [f.wardId, f]));
      return unitRowGroups(await jurisdiction(), figures.map((f) => f.wardId)).map((g) => {
        const parts = [g.wardId, ...g.includes].map((id) => byId.get(id)!);
        const sum = (k: 'sessions' | 'attendance' | 'concerns' | 'concernsClosed') => parts.reduce((n, f) => n + f[k], 0);
        return { ...g, sessions: sum('sessions'), attendance: sum('attendance'), concerns: sum('concerns'), concernsClosed: sum('concernsClosed') };
      });
    },
  };
}

export function createWardService(stores: { wards: WardsPort; stats: StatsPort }) {
  const cache = cachedJurisdiction(stores.wards);
  const jurisdiction = cache.read;
  const findWard = async (id: string): Promise<Ward | undefined> => {
    if (!isIdOfKind(id, 'ward')) return undefined;
    const j = await jurisdiction();
    // A unit missing from the cached list is looked up once more (it may have been added since).
    return j.units.find((w) => w.id === id) ?? (await stores.wards.getWard(id));
  };
  const requireWard = async (id: string): Promise<Ward> => {
    const ward = await findWard(id);
    if (!ward) throw new NotFoundError(`There is no ward with id "${id.slice(0, 60)}"; Query.wards lists them.`, { wardId: id.slice(0, 60) });
    return ward;
  };
  const readStats = (wardId: string, period?: Period) => readWardStats(stores, wardId, period);
  const readOnlyReason = async (actor: Actor, at: string): Promise<string | undefined> => {
    const roleReason = readOnlyRoleReason(actor);
    if (roleReason) return roleReason;
    if (!actsForOneWard(actor.role) || !actor.wardId) return undefined;
    const ward = await findWard(actor.wardId);
    if (!ward || inForceAt(ward, at)) return undefined;
    const next = successorsOf(await jurisdiction(), ward.id).map((c) => c.to);
    return `Your ward ${ward.name} (${ward.id}) is no longer in force; you may read but not write. Ask for an account of ${next.join(' or ') || 'the unit now in force'}.`;
  };

  return {
    /**
     * Makes the table hold the jurisdiction's units and lineage (default: functions/data/units.json and
     * its reorganisations). Runs on every start and after each deployment; a plain overwrite.
     */
    async ensureReferenceWards(given?: Jurisdiction): Promise<Ward[]> {
      const j = given ?? (await referenceJurisdiction());
      await stores.wards.putWards(j.units);
      const { units: _units, ...meta } = j;
      await stores.wards.putJurisdiction(meta);
      cache.forget();
      return j.units;
    },
    jurisdiction,
    /** The units in force at `asOf` (default: now), in order. */
    async listWards(asOf?: string | null): Promise<Ward[]> {
      const at = asOf ? parseInstant(asOf, 'asOf') : new Date().toISOString();
      return unitsAt(await jurisdiction(), at);
    },
    /** The units in force at some moment of the period (no period: every unit), in order. */
    unitsDuring: async (period?: Period): Promise<Ward[]> => unitsDuring(await jurisdiction(), period),
    // An id that cannot be a ward's never reaches a key (DynamoDB refuses keys over 2 KB as an internal error).
    getWard: findWard,
    requireWard,
    predecessors: async (id: string): Promise<UnitChangeView[]> => predecessorsOf(await jurisdiction(), id).map((c) => ({ ...c, other: c.from })),
    successors: async (id: string): Promise<UnitChangeView[]> => successorsOf(await jurisdiction(), id).map((c) => ({ ...c, other: c.to })),
    uniqueSuccessor: async (id: string) => uniqueSuccessor(await jurisdiction(), id),
    ...namingUseCases(jurisdiction, requireWard),

    /** The ward, which must be in force at `at`: otherwise BAD_USER_INPUT naming its successor(s). */
    async requireWardInForce(id: string, at: string, what: string): Promise<Ward> {
      const ward = await requireWard(id);
      if (!inForceAt(ward, at)) throw new InvalidInputError(notInForceMessage(await jurisdiction(), ward, at, what), { field: 'wardId', wardId: ward.id });
      return ward;
    },

    /** Why the actor may not write now (a ward officer whose ward has ended reads only), or undefined. */
    readOnlyReason,
    /** Refuses every write of a ward officer whose ward has ended (FORBIDDEN); the read-only roles are refused elsewhere. */
    async assertActorUnitInForce(actor: Actor, at: string): Promise<void> {
      if (!actsForOneWard(actor.role)) return;
      const reason = await readOnlyReason(actor, at);
      if (reason) throw new ForbiddenError(reason);
    },

    async wardStats(wardId: string, periodInput?: { from: string; to: string } | null): Promise<WardStats> {
      return readStats(wardId, parsePeriod(periodInput));
    },

    async wardLineageStats(wardId: string, periodInput?: { from: string; to: string } | null): Promise<WardLineageStats> {
      return lineageStats(await jurisdiction(), readStats, wardId, parsePeriod(periodInput));
    },
  };
}
export type WardService = ReturnType<typeof createWardService>;
