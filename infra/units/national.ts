import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJurisdiction, type Jurisdiction, type ReorganisationFile, type UnitsFile } from '../../functions/domain/units/wards.js';

/**
 * Vietnam's units of 1 July 2025 and their lineage (infra/units/vn-2025/<province>.json, built by
 * scripts/units-build.ts from dvhcvn/20250701; docs/units-sources.md), and the jurisdiction a
 * deployment picks from them: a province or centrally-run city (`79`), or a set of its units
 * (`79:27475,27478`). The jurisdiction is built here, at synth or at `npm start`, and put into the table;
 * the functions never read the national files.
 */
export interface ProvinceReference {
  $comment?: string;
  code: string;
  name: string;
  /** The provinces it was formed from (Resolution 202/2025/QH15): [code, name]. */
  formerProvinces: [string, string][];
  /** The Standing Committee's resolutions its links rely on: [number, title]. */
  resolutions: [string, string][];
  /** The former districts: [code, name, former province code]. */
  districts: [string, string, string][];
  /** The units in force from 1/7/2025, in the statistics office's order: [code, name]. */
  units: [string, string][];
  /** The former units: [code, name, district code (or the former province's, for a district with no communes)]. */
  formerUnits: [string, string, string][];
  /** new code, former code, 1 whole / 0 part, index in `resolutions`, clause of its Article 1 (0: not cited). */
  links: [string, string, 0 | 1, number, number][];
}

/** The demo's area (infra/units/areas/former-district-7.json): stable ids, rollout waves and order over the reference. */
export interface Area {
  name: string;
  nameEn?: string;
  jurisdiction: string;
  reorganisationId: string;
  ids: Record<string, string>;
  rolloutWaves: Record<string, string>;
  order: string[];
}

const UNITS_DIR = join(import.meta.dirname, 'vn-2025');
const AREA_FILE = join(import.meta.dirname, 'areas', 'former-district-7.json');
export const REORGANISED_ON = '2025-07-01';

export const readProvince = (code: string): ProvinceReference => JSON.parse(readFileSync(join(UNITS_DIR, `${code}.json`), 'utf8')) as ProvinceReference;
export const readArea = (): Area => JSON.parse(readFileSync(AREA_FILE, 'utf8')) as Area;

const LEVELS: [RegExp, string][] = [
  [/^Phường /u, 'WARD'],
  [/^Xã /u, 'COMMUNE'],
  [/^Đặc khu /u, 'SPECIAL_ZONE'],
  [/^Thị trấn /u, 'COMMUNE'],
  [/^(Huyện|Quận|Thị xã|Thành phố) /u, 'DISTRICT'],
];
const levelOf = (fullName: string) => LEVELS.find(([re]) => re.test(fullName))?.[1] ?? 'COMMUNE';
/** "Phường Tân Thuận" → "Tân Thuận"; "Phường 1", "Thị trấn Cần Thạnh" and "Huyện Côn Đảo" keep their level, which is part of the name. */
export function shortName(fullName: string): string {
  const short = fullName.replace(/^(Phường|Xã|Đặc khu) /u, '');
  return /^\d/.test(short) ? fullName : short;
}
const slug = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 26).replace(/^-+|-+$/g, '');

/** What a JURISDICTION value names: a province's code, and optionally some of its units in force from 1/7/2025. */
export function parseJurisdictionSpec(spec: string): { province: string; codes?: string[] } {
  const match = /^(\d{2})(?::(\d{5}(?:,\d{5})*))?$/.exec(spec.replace(/\s+/g, ''));
  if (!match) {
    throw new Error(`JURISDICTION "${spec}" is not a province code (two digits, e.g. 79) or a province code and some of its units' codes (e.g. 79:27475,27478)`);
  }
  return { province: match[1]!, ...(match[2] ? { codes: match[2].split(',') } : {}) };
}

/** A jurisdiction's units file and its reorganisation, in the layout of functions/data/units.json. */
export function jurisdictionFiles(province: ProvinceReference, options: { codes?: string[]; area?: Area; name?: string; nameEn?: string } = {}): { units: UnitsFile; reorganisation: ReorganisationFile } {
  const { area } = options;
  const unknown = (options.codes ?? []).filter((c) => !province.units.some(([code]) => code === c));
  if (unknown.length) throw new Error(`JURISDICTION: ${province.name} (${province.code}) has no unit ${unknown.join(', ')} in force from 1/7/2025`);
  const chosen = options.codes ? province.units.filter(([code]) => options.codes!.includes(code)) : province.units;
  const chosenCodes = new Set(chosen.map(([code]) => code));
  const links = province.links.filter(([to]) => chosenCodes.has(to));
  const formerCodes = new Set(links.map(([, from]) => from));
  const former = province.formerUnits.filter(([code]) => formerCodes.has(code));
  const districtOf = new Map(province.districts.map((d) => [d[0], d]));
  const ids = area?.ids ?? {};
  const newId = (code: string, name: string) => ids[code] ?? `${slug(shortName(name))}-${code}`;
  const formerId = (code: string, name: string, parent: string) => ids[`${parent}/${code}`] ?? `${slug(shortName(name))}-${code}-${parent}`;
  const topLevel = /^Thành phố /u.test(province.name) ? 'CITY' : 'PROVINCE';
  const units: UnitsFile['units'] = [
    ...chosen.map(([code, name]) => ({ id: newId(code, name), code, name: shortName(name), level: levelOf(name), parent: province.code, validFrom: REORGANISED_ON, order: 0 })),
    ...[...former]
      .sort((a, b) => a[2].localeCompare(b[2]) || a[0].localeCompare(b[0]))
      .map(([code, name, parent]) => ({ id: formerId(code, name, parent), code, name: shortName(name), level: levelOf(name), parent, validTo: REORGANISED_ON, order: 0 })),
  ];
  const position = (id: string) => (area?.order.includes(id) ? area.order.indexOf(id) : area ? area.order.length : 0);
  units.forEach((u, i) => (u.order = i + 1));
  if (area) units.sort((a, b) => position(a.id) - position(b.id) || a.order - b.order).forEach((u, i) => (u.order = i + 1));
  for (const u of units) if (area?.rolloutWaves[u.id]) (u as { rolloutWave?: string }).rolloutWave = area.rolloutWaves[u.id];
  const parentCodes = new Set(former.map(([, , parent]) => parent));
  const formerProvinces = new Map(province.formerProvinces);
  const parents: UnitsFile['parents'] = [
    ...province.districts.filter(([code]) => parentCodes.has(code)).map(([code, name]) => ({ code, name, level: 'DISTRICT', validTo: REORGANISED_ON })),
    // A former district with no communes (Côn Đảo) hangs from its former province.
    ...[...parentCodes].filter((c) => !districtOf.has(c) && c !== province.code).map((code) => ({ code, name: formerProvinces.get(code) ?? code, level: /^Thành phố /u.test(formerProvinces.get(code) ?? '') ? 'CITY' : 'PROVINCE', validTo: REORGANISED_ON })),
    { code: province.code, name: province.name, level: topLevel },
  ];
  const idOfNew = new Map(units.filter((u) => u.validFrom).map((u) => [u.code, u.id]));
  const idOfFormer = new Map(units.filter((u) => u.validTo).map((u) => [u.code, u.id]));
  const counts = province.resolutions.map((_, i) => links.filter((l) => l[3] === i).length);
  const main = counts.indexOf(Math.max(...counts));
  const [mainNumber, mainTitle] = province.resolutions[main] ?? ['', ''];
  const reorganisation: ReorganisationFile = {
    id: area && area.jurisdiction.startsWith(`${province.code}:`) ? area.reorganisationId : `${REORGANISED_ON}-${province.code}`,
    effectiveFrom: REORGANISED_ON,
    legalBasis: `Nghị quyết ${mainNumber}`,
    title: mainTitle,
    sources: [
      ...province.resolutions.filter((_, i) => counts[i]! > 0).map(([n, t]) => `Nghị quyết ${n} của Ủy ban Thường vụ Quốc hội: ${t}`),
      'Luật Tổ chức chính quyền địa phương số 72/2025/QH15 (chính quyền địa phương hai cấp từ 1/7/2025)',
      'Nghị quyết 202/2025/QH15 về việc sắp xếp đơn vị hành chính cấp tỉnh',
      'Công văn 1027/CTK-CSCL của Cục Thống kê: danh mục và mã số các đơn vị hành chính cấp xã',
      'dvhcvn/20250701 (MIT): https://github.com/dvhcvn/20250701',
    ],
    endsParentLevel: { level: 'DISTRICT', legalBasis: 'Luật số 72/2025/QH15' },
    changes: links.map(([to, from, whole, resolution, clause]) => {
      const parent = former.find(([code]) => code === from)![2];
      return {
        from: ids[`${parent}/${from}`] ?? idOfFormer.get(from)!,
        to: idOfNew.get(to)!,
        whole: whole === 1,
        ...(clause ? { clause: `khoản ${clause} Điều 1` } : {}),
        ...(resolution !== main ? { legalBasis: `Nghị quyết ${province.resolutions[resolution]![0]}` } : {}),
      };
    }),
  };
  const name = options.name ?? (options.codes ? `${chosen.map(([, n]) => n).join(', ')} (${province.name})` : province.name);
  return { units: { jurisdiction: { name, ...(options.nameEn ? { nameEn: options.nameEn } : {}) }, reorganisations: [reorganisation.id], parents, units }, reorganisation };
}

/** The files of the default area (functions/data/units.json and its reorganisation), for scripts/units-build.ts. */
export function areaFiles(area: Area, provinces: Map<string, ProvinceReference>): [string, unknown][] {
  const { province, codes } = parseJurisdictionSpec(area.jurisdiction);
  const { units, reorganisation } = jurisdictionFiles(provinces.get(province)!, { codes, area, name: area.name, nameEn: area.nameEn });
  return [
    ['functions/data/units.json', units],
    [`functions/data/reorganisations/${reorganisation.id}.json`, reorganisation],
  ];
}

/**
 * The jurisdiction a JURISDICTION value (or CDK context `jurisdiction`) names, with the demo area's
 * stable ids wherever its units are part of it. `name` overrides the name made from the data.
 */
export function jurisdictionFromSpec(spec: string, options: { name?: string; nameEn?: string } = {}): Jurisdiction {
  const { province, codes } = parseJurisdictionSpec(spec);
  let reference: ProvinceReference;
  try {
    reference = readProvince(province);
  } catch {
    throw new Error(`JURISDICTION "${spec}": there is no province or centrally-run city with code ${province} among the 34 of 1/7/2025 (infra/units/vn-2025/)`);
  }
  const area = readArea();
  // The area's ids and waves hold wherever its units are; its name and order only when it is the jurisdiction.
  const isArea = spec.replace(/\s+/g, '') === area.jurisdiction;
  const { units, reorganisation } = jurisdictionFiles(reference, {
    codes,
    area: isArea ? area : { ...area, order: [] },
    ...(isArea ? { name: area.name, nameEn: area.nameEn } : {}),
    ...options,
  });
  return buildJurisdiction(units, [reorganisation]);
}
