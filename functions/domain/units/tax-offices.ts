import officesFile from '../../data/tax-offices.json' with { type: 'json' };
import type { Authority } from '../kernel/model.js';
import { startOfVietnamDate } from '../kernel/vietnam-time.js';
import { inForceAt } from './wards.js';

/**
 * Tax offices through time (../shared/contract/README.md, "Tax dialogues"): reference data like the units. An
 * office is in force in [validFrom, validTo); its `parent` is the level above it while it was in
 * force; its successors are the offices that list it among their predecessors. Pure functions over
 * the data: no AWS, no GraphQL.
 */

export const TAX_OFFICE_LEVELS = ['LOCAL', 'CITY', 'NATIONAL'] as const;
export type TaxOfficeLevel = (typeof TAX_OFFICE_LEVELS)[number];

export interface TaxOffice {
  id: string;
  name: string;
  level: TaxOfficeLevel;
  parent?: string;
  /** First instant in force (00:00 Vietnam time); undefined: before our records. */
  validFrom?: string;
  /** First instant no longer in force; undefined: in force. */
  validTo?: string;
  /** LOCAL offices: the units whose businesses they manage (ids). Offices above serve their children's. */
  serves: string[];
  predecessors: string[];
  /** How sure the name is: 'contract', 'secondary' or 'unverified' (docs/units-sources.md). */
  confidence: string;
  source: string;
}

interface OfficeFileEntry {
  id: string;
  name: string;
  level: string;
  parent?: string;
  validFrom?: string;
  validTo?: string;
  serves?: string[];
  predecessors?: string[];
  confidence?: string;
  source?: string;
}

/** Reads and checks a tax offices file (functions/data/tax-offices.json's shape); throws on a broken one. */
export function buildTaxOffices(file: unknown): TaxOffice[] {
  const entries = (file as { offices?: unknown } | null)?.offices;
  if (!Array.isArray(entries)) throw new Error('tax offices: the file needs an "offices" list (functions/data/tax-offices.json shows its shape)');
  const ids = new Set<string>();
  const offices = (entries as OfficeFileEntry[]).map((o): TaxOffice => {
    if (typeof o?.id !== 'string' || !o.id || typeof o.name !== 'string' || !o.name) throw new Error(`tax offices: every office needs an id and a name; got ${JSON.stringify(o).slice(0, 80)}`);
    if (ids.has(o.id)) throw new Error(`tax offices: ${o.id} is listed twice`);
    ids.add(o.id);
    for (const date of [o.validFrom, o.validTo]) if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`tax offices: ${o.id} has the date "${date}"; dates are YYYY-MM-DD (Vietnam time)`);
    if (!TAX_OFFICE_LEVELS.includes(o.level as TaxOfficeLevel)) throw new Error(`tax offices: ${o.id} has level ${o.level}; expected one of ${TAX_OFFICE_LEVELS.join(', ')}`);
    return {
      id: o.id,
      name: o.name.normalize('NFC'),
      level: o.level as TaxOfficeLevel,
      ...(o.parent ? { parent: o.parent } : {}),
      ...(o.validFrom ? { validFrom: startOfVietnamDate(o.validFrom) } : {}),
      ...(o.validTo ? { validTo: startOfVietnamDate(o.validTo) } : {}),
      serves: o.serves ?? [],
      predecessors: o.predecessors ?? [],
      confidence: o.confidence ?? 'unverified',
      source: o.source ?? '',
    };
  });
  for (const o of offices) {
    if (o.parent && !ids.has(o.parent)) throw new Error(`tax offices: ${o.id}'s parent ${o.parent} is not in the file`);
    for (const p of o.predecessors) if (!ids.has(p)) throw new Error(`tax offices: ${o.id}'s predecessor ${p} is not in the file`);
  }
  return offices;
}

/** The default jurisdiction's offices (functions/data/tax-offices.json). */
export const referenceTaxOffices = (): TaxOffice[] => buildTaxOffices(officesFile);

/** The offices in force at an instant, in the file's order. */
export const officesAt = (offices: readonly TaxOffice[], at: string): TaxOffice[] => offices.filter((o) => inForceAt(o, at));

/** The offices that took an office over (those listing it among their predecessors). */
export const officeSuccessors = (offices: readonly TaxOffice[], id: string): TaxOffice[] => offices.filter((o) => o.predecessors.includes(id));

/**
 * The office that carries an office's work at an instant: itself while in force, else its one
 * successor in force then (following the line); undefined when there is none or several.
 */
export function officeCarryingOn(offices: readonly TaxOffice[], id: string, at: string): TaxOffice | undefined {
  let office = offices.find((o) => o.id === id);
  for (let hops = 0; office && hops < 10; hops++) {
    if (inForceAt(office, at)) return office;
    const next = officeSuccessors(offices, office.id);
    office = next.length === 1 ? next[0] : undefined;
  }
  return undefined;
}

/** The units an office serves: its own list, or (an office above) its offices' below, each once. */
export function unitsServedBy(offices: readonly TaxOffice[], id: string): string[] {
  const office = offices.find((o) => o.id === id);
  if (!office) return [];
  if (office.serves.length) return office.serves;
  return [...new Set(offices.filter((o) => o.parent === id).flatMap((o) => unitsServedBy(offices, o.id)))];
}

/** The tax office's level that answers a question raised at an authority (contract: the host office's line). */
export const officeLevelFor = (authority: Authority): TaxOfficeLevel => (authority === 'CITY' ? 'CITY' : authority === 'CENTRAL' ? 'NATIONAL' : 'LOCAL');

/**
 * The office that must answer a tax question at an authority, at an instant: up the host office's
 * line to the level (WARD and DISTRICT: the host itself; CITY: its parent; CENTRAL: the one above),
 * then on to the office carrying that one's work at the instant (a question still open across a
 * reorganisation passes to the successor).
 */
export function answeringOffice(offices: readonly TaxOffice[], hostOfficeId: string, authority: Authority, at: string): TaxOffice | undefined {
  const level = officeLevelFor(authority);
  let office = offices.find((o) => o.id === hostOfficeId);
  for (let hops = 0; office && office.level !== level && hops < 5; hops++) office = office.parent ? offices.find((o) => o.id === office!.parent) : undefined;
  return office ? (officeCarryingOn(offices, office.id, at) ?? office) : undefined;
}

/** The offices of a jurisdiction with the look-ups the services need (built once per cold start). */
export function createTaxOfficeDirectory(offices: readonly TaxOffice[] = referenceTaxOffices()) {
  const byId = new Map(offices.map((o) => [o.id, o]));
  const local = (at: string): { office?: TaxOffice; count: number } => {
    const list = officesAt(offices, at).filter((o) => o.level === 'LOCAL');
    return { office: list.length === 1 ? list[0] : undefined, count: list.length };
  };
  return {
    all: (): readonly TaxOffice[] => offices,
    get: (id: string): TaxOffice | undefined => byId.get(id),
    at: (at: string): TaxOffice[] => officesAt(offices, at),
    /** The one LOCAL office in force at an instant; undefined when none or several (the caller must name one). */
    localAt: local,
    /** The office hosting a round: its own, or (rounds scheduled before offices were recorded) the one LOCAL office in force then. */
    hostOf: (round: { taxOfficeId?: string; scheduledAt: string }): string | undefined => round.taxOfficeId ?? local(round.scheduledAt).office?.id,
    answering: (hostOfficeId: string, authority: Authority, at: string) => answeringOffice(offices, hostOfficeId, authority, at),
    serves: (id: string) => unitsServedBy(offices, id),
    successors: (id: string) => officeSuccessors(offices, id),
  };
}
export type TaxOfficeDirectory = ReturnType<typeof createTaxOfficeDirectory>;
