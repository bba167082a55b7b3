/** What the units need of storage: the units, past and present, and the jurisdiction they make up. */
import type { Activity } from '../kernel/model.js';
import type { Jurisdiction, Ward } from './wards.js';

export type { Ward } from './wards.js';

export type JurisdictionMeta = Omit<Jurisdiction, 'units'>;

export interface WardsPort {
  /** Writes the units (idempotent). */
  putWards(wards: readonly Ward[]): Promise<void>;
  /** Every unit, past and present, in order. */
  listWards(): Promise<Ward[]>;
  getWard(id: string): Promise<Ward | undefined>;
  putJurisdiction(meta: JurisdictionMeta): Promise<void>;
  /** Records that a reorganisation was applied (the first time is kept) with its audit entry. */
  markReorganisationApplied(id: string, at: string, activity: Activity): Promise<void>;
  getReorganisationApplied(id: string): Promise<string | undefined>;
  getJurisdiction(): Promise<JurisdictionMeta | undefined>;
}
