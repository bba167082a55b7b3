import { describe, expect, it } from 'vitest';
import { authoritiesAt, movesFrom } from '../../functions/domain/concerns/concern-rules.js';
import { bodyAt, buildJurisdiction, unitRowGroups, inForceAt, inForceDuring, lineageOf, predecessorsOf, referenceJurisdiction, successorsOf, uniqueSuccessor, unitsAt, unitsDuring } from '../../functions/domain/units/wards.js';

const j = await referenceJurisdiction();
const ids = (units: { id: string }[]) => units.map((u) => u.id);
const LAST_OLD_MOMENT = '2025-06-30T16:59:59.999Z';
const FIRST_NEW_MOMENT = '2025-06-30T17:00:00.000Z'; // 1/7/2025 00:00 in Vietnam

describe('units through time: validity', () => {
  it('holds the ten wards of District 7 until 30/6/2025 and the four wards of the city from 1/7/2025, at 00:00 Vietnam time', () => {
    expect(ids(unitsAt(j, LAST_OLD_MOMENT))).toEqual(['phu-thuan', 'tan-quy', 'tan-phong', 'tan-hung', 'binh-thuan', 'tan-thuan-dong', 'tan-thuan-tay', 'tan-kieng', 'tan-phu', 'phu-my']);
    expect(ids(unitsAt(j, FIRST_NEW_MOMENT))).toEqual(['tan-thuan-2025', 'tan-hung-2025', 'phu-thuan-2025', 'tan-my-2025']);
    expect(ids(unitsAt(j, '2008-05-01T00:00:00.000Z'))).toHaveLength(10);
  });

  it('treats validity as half-open [validFrom, validTo)', () => {
    const tanKieng = j.units.find((u) => u.id === 'tan-kieng')!;
    expect([inForceAt(tanKieng, LAST_OLD_MOMENT), inForceAt(tanKieng, FIRST_NEW_MOMENT)]).toEqual([true, false]);
    expect(inForceDuring(tanKieng, { from: FIRST_NEW_MOMENT, to: '2026-01-01T00:00:00.000Z' })).toBe(false);
    expect(inForceDuring(tanKieng, { from: '2025-06-01T00:00:00.000Z', to: FIRST_NEW_MOMENT })).toBe(true);
    expect(ids(unitsDuring(j, { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' }))).toHaveLength(14);
  });

  it('never takes a reused code for the same unit: 27478 was Bình Thuận, then Tân Thuận; 27487 Tân Phú, then Tân Mỹ', () => {
    const byCode = (code: string, at: string) => unitsAt(j, at).filter((u) => u.code === code).map((u) => u.name);
    expect([byCode('27478', LAST_OLD_MOMENT), byCode('27478', FIRST_NEW_MOMENT)]).toEqual([['Bình Thuận'], ['Tân Thuận']]);
    expect([byCode('27487', LAST_OLD_MOMENT), byCode('27487', FIRST_NEW_MOMENT)]).toEqual([['Tân Phú'], ['Tân Mỹ']]);
    expect(new Set(j.units.map((u) => u.id)).size).toBe(14);
  });

  it('refuses a units file where two units hold one code at the same moment', () => {
    const file = {
      jurisdiction: { name: 'x' },
      parents: [{ code: '79', name: 'TP', level: 'CITY' }],
      units: [
        { id: 'a-ward', code: '1', name: 'A', level: 'WARD', parent: '79', validTo: '2025-07-01', order: 1 },
        { id: 'b-ward', code: '1', name: 'B', level: 'WARD', parent: '79', validFrom: '2025-06-01', order: 2 },
      ],
    };
    expect(() => buildJurisdiction(file)).toThrow(/hold code 1 at the same time/);
    expect(() => buildJurisdiction({ ...file, units: [file.units[0]!, { ...file.units[1]!, validFrom: '2025-07-01' }] })).not.toThrow();
  });
});

describe('units through time: lineage', () => {
  it('joins whole wards into one successor and divides Phú Mỹ into two, citing Resolution 1685', () => {
    expect(predecessorsOf(j, 'tan-hung-2025').map((c) => [c.from, c.whole])).toEqual([['tan-kieng', true], ['tan-hung', true], ['tan-quy', true], ['tan-phong', true]]);
    expect(successorsOf(j, 'phu-my').map((c) => [c.to, c.whole])).toEqual([['phu-thuan-2025', false], ['tan-my-2025', false]]);
    expect(successorsOf(j, 'tan-phu').every((c) => c.legalBasis === 'Nghị quyết 1685/NQ-UBTVQH15' && c.effectiveAt === FIRST_NEW_MOMENT)).toBe(true);
  });

  it('names a unique successor only for a ward that went whole into one unit', () => {
    expect(uniqueSuccessor(j, 'binh-thuan')).toBe('tan-thuan-2025');
    expect(uniqueSuccessor(j, 'phu-my')).toBeUndefined();
    expect(uniqueSuccessor(j, 'tan-thuan-2025')).toBeUndefined();
  });

  it('marks a divided predecessor as a part, so its figures are never added', () => {
    expect(lineageOf(j, 'tan-my-2025')).toEqual([{ id: 'tan-phu', whole: true }, { id: 'phu-my', whole: false }]);
  });

  it('gives a unit formed by the change the earliest rollout wave of its predecessors', () => {
    const wave = (id: string) => j.units.find((u) => u.id === id)!.rolloutWave;
    expect([wave('phu-thuan-2025'), wave('tan-hung-2025'), wave('tan-thuan-2025'), wave('tan-my-2025')]).toEqual(['PILOT', 'SECOND', 'SECOND', 'THIRD']);
  });
});

describe('the authority ladder through time', () => {
  it('drops DISTRICT from 1/7/2025: WARD → CITY → CENTRAL', () => {
    expect(authoritiesAt(LAST_OLD_MOMENT)).toEqual(['WARD', 'DISTRICT', 'CITY', 'CENTRAL']);
    expect(authoritiesAt(FIRST_NEW_MOMENT)).toEqual(['WARD', 'CITY', 'CENTRAL']);
    expect(movesFrom('OPEN', FIRST_NEW_MOMENT).find((m) => m.to === 'IN_PROGRESS')!.authorities).toEqual(['WARD']);
    expect(movesFrom('OPEN', LAST_OLD_MOMENT).find((m) => m.to === 'IN_PROGRESS')!.authorities).toEqual(['WARD', 'DISTRICT']);
  });
});

describe('units through time: breakdowns that add up (unitRowGroups)', () => {
  const shape = (groups: ReturnType<typeof unitRowGroups>) => groups.map((g) => `${g.wardId}${g.divided ? '÷' : ''}${g.includes.length ? `(${g.includes.join(' ')})` : ''}`);
  it('folds a former unit into the one it went into whole when both are in the period, keeps a divided one apart, and keeps every unit apart before the change', () => {
    const all = ids(j.units);
    expect(shape(unitRowGroups(j, all))).toEqual(['tan-thuan-2025(binh-thuan tan-thuan-dong tan-thuan-tay)', 'tan-hung-2025(tan-quy tan-phong tan-hung tan-kieng)', 'phu-thuan-2025(phu-thuan)', 'tan-my-2025(tan-phu)', 'phu-my÷']);
    expect(shape(unitRowGroups(j, ids(unitsAt(j, LAST_OLD_MOMENT))))).toEqual(['phu-thuan', 'tan-quy', 'tan-phong', 'tan-hung', 'binh-thuan', 'tan-thuan-dong', 'tan-thuan-tay', 'tan-kieng', 'tan-phu', 'phu-my÷']);
    // Every unit lands in exactly one row.
    const landed = unitRowGroups(j, all).flatMap((g) => [g.wardId, ...g.includes]).sort();
    expect(landed).toEqual([...all].sort());
  });
});

describe('units through time: who a record with no unit stands for (bodyAt)', () => {
  it('is the district in force on its date, then the jurisdiction\'s body, from the data', () => {
    expect(bodyAt(j, LAST_OLD_MOMENT)).toMatchObject({ name: 'Quận 7', committee: 'Ủy ban nhân dân Quận 7', committeeShort: 'UBND Quận 7', place: 'Quận 7' });
    expect(bodyAt(j, FIRST_NEW_MOMENT)).toMatchObject({ name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', committeeShort: 'UBND Thành phố Hồ Chí Minh', area: 'Khu vực Quận 7 cũ', place: 'Thành phố Hồ Chí Minh' });
    expect(bodyAt({ ...j, body: 'Ban Chỉ đạo khu vực' }, FIRST_NEW_MOMENT)).toMatchObject({ name: 'Ban Chỉ đạo khu vực', committee: 'Ban Chỉ đạo khu vực' });
    // Several districts in force (a city before 1/7/2025): no one name, the record's host says which.
    const twoDistricts = { ...j, parents: [...j.parents, { code: '779', name: 'Quận 8', level: 'DISTRICT' as const, validTo: FIRST_NEW_MOMENT }] };
    expect(bodyAt(twoDistricts, LAST_OLD_MOMENT).name).toBeUndefined();
  });
});

