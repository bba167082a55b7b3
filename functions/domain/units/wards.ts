import unitsFile from '../../data/units.json' with { type: 'json' };
import type { Period } from '../kernel/period.js';
import { formatVietnamDate, startOfVietnamDate } from '../kernel/vietnam-time.js';

/**
 * Administrative units through time (../shared/contract/README.md, "Units through time"). A unit is in force in
 * [validFrom, validTo); `id` names it for its whole life, while the statistics office's `code` may be
 * reused by a later unit with another territory. Lineage edges say which units a unit was formed from.
 * Pure functions over reference data: no AWS, no GraphQL.
 */

export const ROLLOUT_WAVES = ['PILOT', 'SECOND', 'THIRD'] as const;
export type RolloutWave = (typeof ROLLOUT_WAVES)[number];
export const UNIT_LEVELS = ['WARD', 'COMMUNE', 'SPECIAL_ZONE', 'DISTRICT', 'CITY', 'PROVINCE'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface Ward {
  id: string;
  /** The statistics office's code, e.g. "27478". Reused over time: never a key. */
  code: string;
  name: string;
  level: UnitLevel;
  /** The code of the district (before 1/7/2025) or city it belonged to. */
  parentCode: string;
  /** First instant in force (00:00 Vietnam time); undefined: before our records. */
  validFrom?: string;
  /** First instant no longer in force; undefined: in force. */
  validTo?: string;
  /** The report's rollout wave; for a unit formed by a change, the earliest of its predecessors'. */
  rolloutWave: RolloutWave;
  /** Position in Query.wards and Jurisdiction.units. */
  order: number;
  /** True for units made up for tests and benchmarks (never in the demo). */
  generated?: boolean;
}

/** A unit above the wards: the district (ended 1/7/2025), the city or the province. */
export interface ParentUnit {
  code: string;
  name: string;
  level: UnitLevel;
  validFrom?: string;
  validTo?: string;
}

/** One lineage edge: `from` went, whole or in part, into `to`. */
export interface UnitChange {
  from: string;
  to: string;
  whole: boolean;
  effectiveAt: string;
  legalBasis: string;
  /** The clause of the legal basis this link relies on, e.g. "khoản 18 Điều 1". */
  clause?: string;
  reorganisationId: string;
}

/** A lineage edge as seen from one of its units: `other` is the unit on the other side. */
export interface UnitChangeView extends UnitChange {
  other: string;
}

/** A reorganisation as data: its edges, its legal basis and sources (functions/data/reorganisations/). */
export interface Reorganisation {
  id: string;
  effectiveAt: string;
  legalBasis: string;
  title: string;
  sources: string[];
  /** The parent level that ended with it (the district level on 1/7/2025). */
  endsParentLevel?: { level: UnitLevel; legalBasis: string };
  changes: UnitChange[];
}

export interface Jurisdiction {
  name: string;
  nameEn?: string;
  /** The body that holds what belongs to no unit of it once the district level is gone (default: the People's Committee of its city or province). */
  body?: string;
  parents: ParentUnit[];
  /** Every unit, past and present, in `order`. */
  units: Ward[];
  reorganisations: Reorganisation[];
}


const dateToInstant = (date: string | undefined, what: string): string | undefined => {
  if (date === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${what}: "${date}" is not a calendar date (YYYY-MM-DD)`);
  return startOfVietnamDate(date);
};

export interface UnitsFile {
  jurisdiction: { name: string; nameEn?: string; body?: string };
  /** The ids of functions/data/reorganisations/<id>.json files that apply to these units. */
  reorganisations?: string[];
  parents: { code: string; name: string; level: string; validFrom?: string; validTo?: string }[];
  units: { id: string; code: string; name: string; level: string; parent: string; validFrom?: string; validTo?: string; rolloutWave?: string; order: number; generated?: boolean }[];
}

export interface ReorganisationFile {
  id: string;
  effectiveFrom: string;
  legalBasis: string;
  title: string;
  sources: string[];
  endsParentLevel?: { level: string; legalBasis: string };
  /** `legalBasis`: only where a link relies on another act than the reorganisation's. */
  changes: { from: string; to: string; whole: boolean; clause?: string; legalBasis?: string }[];
}

/**
 * Builds and checks a jurisdiction from a units file and its reorganisation files. A malformed file
 * fails at start, not in the middle of a request: bad ids, unknown levels or parents, edges to unknown
 * units, edges whose dates disagree with the units' validity, a code held by two units at one moment.
 */
export function buildJurisdiction(file: UnitsFile, reorganisationFiles: ReorganisationFile[] = []): Jurisdiction {
  const level = (value: string, what: string): UnitLevel => {
    if (!(UNIT_LEVELS as readonly string[]).includes(value)) throw new Error(`${what}: unknown level "${value}"`);
    return value as UnitLevel;
  };
  const parents = file.parents.map((p) => ({
    code: p.code,
    name: p.name.normalize('NFC'),
    level: level(p.level, `parent ${p.code}`),
    validFrom: dateToInstant(p.validFrom, `parent ${p.code}`),
    validTo: dateToInstant(p.validTo, `parent ${p.code}`),
  }));
  const ids = new Set<string>();
  const raw = file.units.map((u) => {
    if (!/^[a-z0-9-]{2,40}$/.test(u.id)) throw new Error(`units: bad unit id "${u.id}"`);
    if (ids.has(u.id)) throw new Error(`units: duplicate unit id "${u.id}"`);
    ids.add(u.id);
    if (!parents.some((p) => p.code === u.parent)) throw new Error(`units: ${u.id} has an unknown parent "${u.parent}"`);
    if (u.rolloutWave !== undefined && !(ROLLOUT_WAVES as readonly string[]).includes(u.rolloutWave)) throw new Error(`units: bad rollout wave for ${u.id}`);
    const unit = {
      id: u.id,
      code: u.code,
      name: u.name.normalize('NFC'),
      level: level(u.level, `unit ${u.id}`),
      parentCode: u.parent,
      validFrom: dateToInstant(u.validFrom, `unit ${u.id}`),
      validTo: dateToInstant(u.validTo, `unit ${u.id}`),
      order: u.order,
      ...(u.generated ? { generated: true } : {}),
    };
    if (unit.validFrom && unit.validTo && unit.validFrom >= unit.validTo) throw new Error(`units: ${u.id} ends before it starts`);
    return { unit, wave: u.rolloutWave as RolloutWave | undefined };
  });
  const byId = new Map(raw.map((u) => [u.unit.id, u.unit]));
  const reorganisations: Reorganisation[] = reorganisationFiles.map((r) => {
    const effectiveAt = dateToInstant(r.effectiveFrom, `reorganisation ${r.id}`)!;
    const changes = r.changes.map((c) => {
      const from = byId.get(c.from);
      const to = byId.get(c.to);
      if (!from || !to) throw new Error(`reorganisation ${r.id}: an edge names an unknown unit (${c.from} → ${c.to})`);
      if (from.validTo !== effectiveAt) throw new Error(`reorganisation ${r.id}: ${c.from} must end (validTo) the day the change takes effect`);
      if (to.validFrom !== effectiveAt) throw new Error(`reorganisation ${r.id}: ${c.to} must begin (validFrom) the day the change takes effect`);
      return { from: c.from, to: c.to, whole: c.whole, effectiveAt, legalBasis: c.legalBasis ?? r.legalBasis, ...(c.clause ? { clause: c.clause } : {}), reorganisationId: r.id };
    });
    for (const from of new Set(changes.map((c) => c.from))) {
      const out = changes.filter((c) => c.from === from);
      if (out.length > 1 && out.some((c) => c.whole)) throw new Error(`reorganisation ${r.id}: ${from} cannot go whole into one unit and also into another`);
    }
    const ends = r.endsParentLevel ? { level: level(r.endsParentLevel.level, `reorganisation ${r.id}`), legalBasis: r.endsParentLevel.legalBasis } : undefined;
    return { id: r.id, effectiveAt, legalBasis: r.legalBasis, title: r.title.normalize('NFC'), sources: r.sources, ...(ends ? { endsParentLevel: ends } : {}), changes };
  });
  const edges = reorganisations.flatMap((r) => r.changes);
  // A unit formed by a change takes the earliest wave of its predecessors (contract); units with no wave
  // and no predecessor (a city list loaded from a CSV) are put in the last wave.
  const waveOf = (id: string, seen = new Set<string>()): RolloutWave => {
    const own = raw.find((u) => u.unit.id === id)?.wave;
    if (own) return own;
    if (seen.has(id)) return 'THIRD';
    seen.add(id);
    const waves = edges.filter((e) => e.to === id).map((e) => waveOf(e.from, seen));
    return ROLLOUT_WAVES.find((w) => waves.includes(w)) ?? 'THIRD';
  };
  const units: Ward[] = raw.map(({ unit }) => ({ ...unit, rolloutWave: waveOf(unit.id) })).sort((a, b) => a.order - b.order);
  // A code names one unit at any moment: two units holding it must not overlap in time.
  for (const a of units) {
    for (const b of units) {
      if (a.id < b.id && a.code === b.code && overlaps(a, b)) throw new Error(`units: ${a.id} and ${b.id} hold code ${a.code} at the same time`);
    }
  }
  const body = file.jurisdiction.body?.normalize('NFC');
  return { name: file.jurisdiction.name.normalize('NFC'), nameEn: file.jurisdiction.nameEn, ...(body ? { body } : {}), parents, units, reorganisations };
}

const overlaps = (a: Ward, b: Ward) => (!a.validTo || !b.validFrom || b.validFrom < a.validTo) && (!b.validTo || !a.validFrom || a.validFrom < b.validTo);

/**
 * The default jurisdiction: the former District 7 area (functions/data/units.json) with every
 * reorganisation it lists. NOTE: the files are imported by id (a glob import the bundler resolves at
 * build time), so a new reorganisation is data only: its file, its id in units.json, its new units.
 */
export async function referenceJurisdiction(): Promise<Jurisdiction> {
  const file = unitsFile as UnitsFile;
  const reorganisations = await Promise.all(
    (file.reorganisations ?? []).map(async (id) => (await import(`../../data/reorganisations/${id}.json`, { with: { type: 'json' } })).default as ReorganisationFile),
  );
  return buildJurisdiction(file, reorganisations);
}

/** The default jurisdiction's units, without their lineage (for tools that only need ids and names). */
export function referenceUnits(): Ward[] {
  return buildJurisdiction(unitsFile as UnitsFile).units;
}

/** Whether the unit is in force at the instant. */
export function inForceAt(unit: Pick<Ward, 'validFrom' | 'validTo'>, at: string): boolean {
  return (!unit.validFrom || unit.validFrom <= at) && (!unit.validTo || at < unit.validTo);
}

/** Whether the unit is in force at some moment of [from, to); no period: always. */
export function inForceDuring(unit: Pick<Ward, 'validFrom' | 'validTo'>, period?: Period): boolean {
  if (!period) return true;
  return (!unit.validFrom || unit.validFrom < period.to) && (!unit.validTo || period.from < unit.validTo);
}

/** The units in force at the instant, in order. */
export const unitsAt = (j: Pick<Jurisdiction, 'units'>, at: string): Ward[] => j.units.filter((u) => inForceAt(u, at));

/** The units in force at some moment of the period (no period: all), in order. */
export const unitsDuring = (j: Pick<Jurisdiction, 'units'>, period?: Period): Ward[] => j.units.filter((u) => inForceDuring(u, period));

const allChanges = (j: Pick<Jurisdiction, 'reorganisations'>): UnitChange[] => j.reorganisations.flatMap((r) => r.changes);

/** The edges into a unit: the units it was formed from. */
export const predecessorsOf = (j: Pick<Jurisdiction, 'reorganisations'>, id: string): UnitChange[] => allChanges(j).filter((c) => c.to === id);

/** The edges out of a unit: the units it became. */
export const successorsOf = (j: Pick<Jurisdiction, 'reorganisations'>, id: string): UnitChange[] => allChanges(j).filter((c) => c.from === id);

/**
 * The one unit that took over an ended unit's tasks, or undefined when there is none or several (a
 * divided unit, such as Phú Mỹ: someone has to pick, nothing is apportioned).
 */
export function uniqueSuccessor(j: Pick<Jurisdiction, 'reorganisations'>, id: string): string | undefined {
  const next = successorsOf(j, id);
  return next.length === 1 && next[0].whole ? next[0].to : undefined;
}

/**
 * Every predecessor of a unit, as far back as the lineage goes (a unit formed in 2025 from units
 * formed earlier lists those too), each with `whole`: false when any step on the way was a part.
 */
export function lineageOf(j: Pick<Jurisdiction, 'reorganisations'>, id: string): { id: string; whole: boolean }[] {
  const out = new Map<string, boolean>();
  const visit = (unitId: string, whole: boolean) => {
    for (const edge of predecessorsOf(j, unitId)) {
      const w = whole && edge.whole;
      if (out.has(edge.from) && (out.get(edge.from) || !w)) continue;
      out.set(edge.from, w);
      visit(edge.from, w);
    }
  };
  visit(id, true);
  return [...out].map(([unitId, whole]) => ({ id: unitId, whole }));
}

/** What to say when a unit is not in force at an instant: when it was, and what it became. */
export function notInForceMessage(j: Jurisdiction, unit: Ward, at: string, what: string): string {
  const date = formatVietnamDate;
  if (unit.validTo && at >= unit.validTo) {
    const next = successorsOf(j, unit.id).map((c) => {
      const to = j.units.find((u) => u.id === c.to);
      return `${to?.name ?? c.to} (${c.to}${c.whole ? '' : ', part'})`;
    });
    const successors = next.length ? ` Its successor${next.length > 1 ? 's are' : ' is'} ${next.join(' and ')}.` : '';
    const lastDay = new Date(Date.parse(unit.validTo) - 1).toISOString();
    return `${unit.name} (${unit.id}) was in force until ${date(lastDay)}, so ${what} on ${date(at)} cannot be in it.${successors}`;
  }
  return `${unit.name} (${unit.id}) is in force only from ${date(unit.validFrom!)}, so ${what} on ${date(at)} cannot be in it.${
    predecessorsOf(j, unit.id).length ? ` Before that, use ${predecessorsOf(j, unit.id).map((c) => c.from).join(', ')}.` : ''
  }`;
}

/** Who a record with no unit stands for: `name` on screens, `committee` on documents, `area` in their text, `place` in their dateline. */
export interface BodyAt {
  /** Undefined when several districts were in force (a city before 1/7/2025): the record's own host must say which. */
  name?: string;
  committee: string;
  /** The committee as a recipient line writes it: "UBND Quận 7". */
  committeeShort: string;
  area: string;
  place: string;
}

/**
 * Who a record that belongs to no unit (a district-level session, a whole-area report) stands for at an
 * instant, from the data and the date, never from code: the one district in force then (before
 * 1/7/2025: "Quận 7", "Ủy ban nhân dân Quận 7"); after it, the jurisdiction's body (default: the
 * People's Committee of its city or province).
 */
export function bodyAt(j: Pick<Jurisdiction, 'name' | 'parents' | 'body'>, at: string): BodyAt {
  const districts = j.parents.filter((p) => p.level === 'DISTRICT' && inForceAt(p, at));
  if (districts.length === 1) {
    const d = districts[0]!;
    return { name: d.name, committee: committeeOf(d), committeeShort: committeeOf(d, 'short'), area: d.name, place: d.name };
  }
  const top = j.parents.find((p) => (p.level === 'CITY' || p.level === 'PROVINCE') && inForceAt(p, at)) ?? j.parents.at(-1);
  const committee = j.body ?? (top ? committeeOf(top) : j.name);
  const committeeShort = j.body ?? (top ? committeeOf(top, 'short') : j.name);
  return { ...(districts.length > 1 ? {} : { name: committee }), committee, committeeShort, area: j.name, place: top?.name ?? j.name };
}

/** A report's address: who issues it, from where, what it covers and whom it goes to. */
export interface ReportAddress {
  /** Upper case, as printed: "ỦY BAN NHÂN DÂN PHƯỜNG TÂN HƯNG". */
  issuingBody: string;
  place: string;
  areaName: string;
  sentTo: string;
}

/** The address of a report of the ward (none: the whole jurisdiction) whose last instant is `at`: all from the data in force then. */
export function reportAddress(j: Jurisdiction, ward: Ward | undefined, at: string): ReportAddress {
  if (!ward) {
    const body = bodyAt(j, at);
    return { issuingBody: body.committee.toLocaleUpperCase('vi'), place: body.place, areaName: body.area, sentTo: body.committeeShort };
  }
  const parent = j.parents.find((p) => p.code === ward.parentCode);
  const word = LEVEL_WORDS[ward.level];
  return {
    issuingBody: committeeOf(ward).toLocaleUpperCase('vi'),
    place: fullNameOf(ward),
    areaName: word && !SAYS_ITS_LEVEL.test(ward.name) ? `${word} ${ward.name}` : ward.name,
    sentTo: parent ? committeeOf(parent, 'short') : bodyAt(j, at).committeeShort,
  };
}

const LEVEL_WORDS: Partial<Record<UnitLevel, string>> = { WARD: 'phường', COMMUNE: 'xã', SPECIAL_ZONE: 'đặc khu' };
/** A name that already says its level: "Phường 1", "Thị trấn Cần Thạnh", "Quận 7", "Tỉnh Lâm Đồng". */
const SAYS_ITS_LEVEL = /^(Phường|Xã|Đặc khu|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh) /iu;

/** The unit's name with its level, as written in a document: "Phường Tân Hưng", "Xã Bình Khánh", "Quận 7". */
export function fullNameOf(unit: Pick<Ward, 'name' | 'level'>): string {
  const word = LEVEL_WORDS[unit.level];
  if (!word || SAYS_ITS_LEVEL.test(unit.name)) return unit.name;
  return `${word[0]!.toLocaleUpperCase('vi')}${word.slice(1)} ${unit.name}`;
}

/** The unit's People's Committee: "UBND phường Tân Hưng" (short) or "Ủy ban nhân dân phường Tân Hưng". */
export function committeeOf(unit: Pick<Ward, 'name' | 'level'>, form: 'short' | 'full' = 'full'): string {
  const word = LEVEL_WORDS[unit.level];
  const named = !word || SAYS_ITS_LEVEL.test(unit.name) ? unit.name : `${word} ${unit.name}`;
  return `${form === 'short' ? 'UBND' : 'Ủy ban nhân dân'} ${named}`;
}

/** One row of a breakdown by unit: a unit with the former units folded into it, or a divided former unit apart. */
export interface UnitRowGroup {
  wardId: string;
  /** Former units in force during the period that went whole into this one (as far back as the lineage goes). */
  includes: string[];
  /** A former unit divided between several successors: its figures stay apart, never apportioned. */
  divided: boolean;
}

/**
 * The rows of a breakdown by unit over a period, so that they add up to its total and none is counted
 * twice: each unit in force during the period (`ids`, in order) is folded into the one unit it went
 * into whole, when that unit is in force during the period too; a divided unit keeps its own row. A
 * period before a change keeps every unit apart; all time shows today's units with their history in.
 */
export function unitRowGroups(j: Pick<Jurisdiction, 'reorganisations'>, ids: readonly string[]): UnitRowGroup[] {
  const inPeriod = new Set(ids);
  const edges = j.reorganisations.flatMap((r) => r.changes);
  const targetOf = (id: string, seen = new Set<string>()): string => {
    const out = edges.filter((e) => e.from === id);
    const next = out.length === 1 && out[0]!.whole ? out[0]!.to : undefined;
    if (!next || !inPeriod.has(next) || seen.has(next)) return id;
    seen.add(id);
    return targetOf(next, seen);
  };
  const rows = new Map<string, UnitRowGroup>();
  for (const id of ids) {
    const target = targetOf(id);
    if (!rows.has(target)) rows.set(target, { wardId: target, includes: [], divided: edges.filter((e) => e.from === target).length > 1 });
    if (target !== id) rows.get(target)!.includes.push(id);
  }
  // In the order of the units they stand for.
  return ids.filter((id) => rows.has(id)).map((id) => rows.get(id)!);
}
