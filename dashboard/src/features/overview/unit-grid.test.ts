import { describe, expect, it } from 'vitest';
import { apartFrom, unitGroups } from './UnitGrid.js';

const ward = (id: string, code: string, name: string, level = 'WARD', validTo: string | null = null) => ({ id, code, name, level, generated: false, rolloutWave: 'THIRD', validTo, parent: { name: validTo ? 'Quận 7' : 'Thành phố Hồ Chí Minh' } });
const row = (w: ReturnType<typeof ward> | null, attendance: number, divided = false) => ({ ward: w, includes: [], divided, sessions: 1, attendance, concerns: 0, concernsClosed: 0 });
const rows = [
  row(ward('tan-thuan-2025', '27478', 'Tân Thuận'), 30),
  row(ward('binh-khanh-27667', '27667', 'Bình Khánh', 'COMMUNE'), 20),
  row(ward('phu-my', '27493', 'Phú Mỹ', 'WARD', '2025-06-30T17:00:00.000Z'), 7, true),
  row(null, 5),
] as Parameters<typeof unitGroups>[0];

describe('the city grid (unitGroups, apartFrom)', () => {
  it('tiles the units of today, and counts apart what no tile holds, so the screen adds up', () => {
    const groups = unitGroups(rows, []);
    expect(groups.map((g) => [g.key, g.rows.map((r) => r.row.ward.id)])).toEqual([
      ['WARD', ['tan-thuan-2025']],
      ['COMMUNE', ['binh-khanh-27667']],
    ]);
    const apart = apartFrom(rows);
    expect(apart).toEqual({ divided: 1, dividedAttendance: 7, noneAttendance: 5 });
    const tiles = groups.flatMap((g) => g.rows).reduce((n, r) => n + r.row.attendance, 0);
    expect(tiles + apart.dividedAttendance + apart.noneAttendance).toBe(rows.reduce((n, r) => n + r.attendance, 0));
  });

  it('finds a unit by its code, or by its name without diacritics', () => {
    expect(unitGroups(rows, [], '27667').flatMap((g) => g.rows.map((r) => r.row.ward.name))).toEqual(['Bình Khánh']);
    expect(unitGroups(rows, [], 'thuan tan').flatMap((g) => g.rows.map((r) => r.row.ward.name))).toEqual(['Tân Thuận']);
  });
});
