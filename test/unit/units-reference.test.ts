import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildProvinces, buildReferenceFiles } from '../../scripts/units-build.js';
import { jurisdictionFromSpec, parseJurisdictionSpec } from '../../infra/units/national.js';
import { lineageOf, predecessorsOf, successorsOf } from '../../functions/domain/units/wards.js';

const ROOT = join(import.meta.dirname, '../..');
const provinces = buildProvinces();
const all = [...provinces.values()];

describe('the national reference of 1/7/2025 (infra/units/vn-2025, built by scripts/units-build.ts)', () => {
  it('is what the build makes from the source, byte for byte, with the default area: nothing edited by hand', () => {
    const files = buildReferenceFiles();
    expect(files.size).toBe(34 + 2);
    for (const [path, text] of files) expect(readFileSync(join(ROOT, path), 'utf8'), `${path}: run npm run units:build`).toBe(text);
  });

  it('holds the 34 provinces, 3,321 units in force, 10,052 former units and 10,604 links of dvhcvn/20250701', () => {
    expect(all).toHaveLength(34);
    expect(all.reduce((n, p) => n + p.units.length, 0)).toBe(3321);
    expect(all.reduce((n, p) => n + p.formerUnits.length, 0)).toBe(10052);
    expect(all.reduce((n, p) => n + p.links.length, 0)).toBe(10604);
    expect(all.flatMap((p) => p.links).filter((l) => l[2] === 0)).toHaveLength(1012);
  });

  it('agrees with the statistics office\'s letter 1027/CTK-CSCL, a second source, on every code, name and province', () => {
    const letter = gunzipSync(readFileSync(join(ROOT, 'infra/units/source/dvhcvn-20250701/1027_CTK-CSCL.md.gz'))).toString('utf8');
    const rows = [...letter.matchAll(/^\|\s*\d+\s*\|\s*(\d{5})\s*\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|/gmu)].map((m) => ({
      code: m[1]!,
      name: m[2]!.replace(/<br>/g, ' ').replace(/\s+/g, ' ').normalize('NFC'),
    }));
    expect(rows).toHaveLength(3321);
    const ours = new Map(all.flatMap((p) => p.units.map(([code, name]) => [code, name.normalize('NFC')] as const)));
    const differ = rows.filter((r) => ours.get(r.code) !== r.name);
    // What differs is written down in docs/units-sources.md; a new difference fails here.
    expect(differ.map((r) => `${r.code} ${r.name} / ${ours.get(r.code)}`)).toEqual([]);
  });

  it('gives Ho Chi Minh City 168 units (113 wards, 54 communes, 1 special zone) formed from 442 former units of three provinces, 47 of them divided', () => {
    const hcm = provinces.get('79')!;
    expect(hcm.units).toHaveLength(168);
    const kind = (k: string) => hcm.units.filter(([, n]) => n.startsWith(k)).length;
    expect([kind('Phường '), kind('Xã '), kind('Đặc khu ')]).toEqual([113, 54, 1]);
    expect(hcm.formerUnits).toHaveLength(442);
    expect(hcm.formerProvinces.map(([c]) => c)).toEqual(['74', '77', '79']);
    const outgoing = new Map<string, number>();
    for (const [, from] of hcm.links) outgoing.set(from, (outgoing.get(from) ?? 0) + 1);
    expect([...outgoing.values()].filter((n) => n > 1)).toHaveLength(47);
  });
});

describe('a jurisdiction chosen from it (JURISDICTION, --context jurisdiction)', () => {
  const city = jurisdictionFromSpec('79');
  const unit = (id: string) => city.units.find((u) => u.id === id)!;

  it('is the province with its units in force, the units they were formed from and their parents', () => {
    expect(city.name).toBe('Thành phố Hồ Chí Minh');
    expect(city.units.filter((u) => !u.validTo)).toHaveLength(168);
    expect(city.units.filter((u) => u.validTo)).toHaveLength(442);
    expect(city.parents.filter((p) => p.level === 'DISTRICT').length).toBeGreaterThan(30);
    expect(city.parents.find((p) => p.code === '778')).toMatchObject({ name: 'Quận 7', level: 'DISTRICT', validTo: '2025-06-30T17:00:00.000Z' });
    // Every former unit carries its district: many share a name.
    const phuong1 = city.units.filter((u) => u.name === 'Phường 1');
    expect(phuong1.length).toBeGreaterThan(5);
    expect(new Set(phuong1.map((u) => u.parentCode)).size).toBe(phuong1.length);
  });

  it('keeps the demo area\'s ids, so records of the four wards and their history keep their unit city-wide', () => {
    expect(unit('tan-thuan-2025')).toMatchObject({ code: '27478', name: 'Tân Thuận', parentCode: '79' });
    expect(unit('binh-thuan')).toMatchObject({ code: '27478', name: 'Bình Thuận', parentCode: '778', rolloutWave: 'SECOND' });
    expect(unit('phu-thuan').rolloutWave).toBe('PILOT');
  });

  it('has the lineage as the data has it: whole and part, the resolution and its clause', () => {
    // A reused code: 27478 was Bình Thuận (Quận 7) and is Tân Thuận, formed from it whole.
    expect(predecessorsOf(city, 'tan-thuan-2025').map((c) => [c.from, c.whole, c.legalBasis, c.clause]).sort()).toEqual([
      ['binh-thuan', true, 'Nghị quyết 1685/NQ-UBTVQH15', 'khoản 18 Điều 1'],
      ['tan-thuan-dong', true, 'Nghị quyết 1685/NQ-UBTVQH15', 'khoản 18 Điều 1'],
      ['tan-thuan-tay', true, 'Nghị quyết 1685/NQ-UBTVQH15', 'khoản 18 Điều 1'],
    ]);
    // A divided ward: Phú Mỹ went in parts into Phú Thuận (clause 19) and Tân Mỹ (clause 20).
    expect(successorsOf(city, 'phu-my').map((c) => [c.to, c.whole, c.clause])).toEqual([
      ['phu-thuan-2025', false, 'khoản 19 Điều 1'],
      ['tan-my-2025', false, 'khoản 20 Điều 1'],
    ]);
    // Sài Gòn ward: Bến Nghé whole, parts of Đa Kao and Nguyễn Thái Bình (Quận 1), clause 1.
    const saiGon = city.units.find((u) => u.name === 'Sài Gòn' && !u.validTo)!;
    const from = predecessorsOf(city, saiGon.id).map((c) => `${unit(c.from).name} (${city.parents.find((p) => p.code === unit(c.from).parentCode)!.name}) ${c.whole ? 'whole' : 'part'} ${c.clause}`);
    expect(from.sort()).toEqual(['Bến Nghé (Quận 1) whole khoản 1 Điều 1', 'Nguyễn Thái Bình (Quận 1) part khoản 1 Điều 1', 'Đa Kao (Quận 1) part khoản 1 Điều 1']);
    // The special zone Côn Đảo was a district with no communes, of the former province Bà Rịa - Vũng Tàu.
    const conDao = city.units.find((u) => u.level === 'SPECIAL_ZONE')!;
    const [former] = lineageOf(city, conDao.id);
    expect([conDao.name, unit(former!.id).name, unit(former!.id).level, city.parents.find((p) => p.code === unit(former!.id).parentCode)?.name]).toEqual(['Côn Đảo', 'Huyện Côn Đảo', 'DISTRICT', 'Tỉnh Bà Rịa - Vũng Tàu']);
  });

  it('refuses a value that names no province or unit, saying what to write', () => {
    expect(parseJurisdictionSpec('79:27475, 27478')).toEqual({ province: '79', codes: ['27475', '27478'] });
    expect(() => parseJurisdictionSpec('Ho Chi Minh')).toThrow(/a province code \(two digits, e\.g\. 79\)/);
    expect(() => jurisdictionFromSpec('79:01234')).toThrow(/Thành phố Hồ Chí Minh \(79\) has no unit 01234 in force from 1\/7\/2025/);
    expect(() => jurisdictionFromSpec('00')).toThrow(/no province or centrally-run city with code 00/);
    expect(jurisdictionFromSpec('01').units.filter((u) => !u.validTo)).toHaveLength(126);
  });
});
