import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUnitsFile } from '../../infra/units-file.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { actorsOf, domainClient, fastDataDir, type Actors } from './domain-support.js';

// NOTE: a generated list in the statistics office's layout (marked GENERATED in the file): the real
// 168-unit list could not be verified from this machine (docs/units-sources.md).
const CITY_LIST = join(import.meta.dirname, '..', 'fixtures', 'hcmc-168-units.generated.csv');

describe('a jurisdiction loaded from a CSV in the statistics office\'s layout (UNITS_FILE)', () => {
  it('reads 168 units: 113 wards, 54 communes and 1 special zone, with ids that never are the code alone', () => {
    const j = loadUnitsFile(CITY_LIST, { name: 'Thành phố Hồ Chí Minh', validFrom: '2025-07-01' });
    expect(j.units).toHaveLength(168);
    const count = (level: string) => j.units.filter((u) => u.level === level).length;
    expect([count('WARD'), count('COMMUNE'), count('SPECIAL_ZONE')]).toEqual([113, 54, 1]);
    expect(new Set(j.units.map((u) => u.id)).size).toBe(168);
    expect(j.units.every((u) => u.id.endsWith(`-${u.code}`) && u.id !== u.code && u.generated === true && u.parentCode === '79')).toBe(true);
    expect(j.units[0]).toMatchObject({ id: 'phuong-tan-nhon-26703', name: 'Tân Nhơn', level: 'WARD', validFrom: '2025-06-30T17:00:00.000Z' });
  });

  let stack: RunningStack;
  let who: Actors;
  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir(), env: { UNITS_FILE: CITY_LIST, UNITS_NAME: 'Thành phố Hồ Chí Minh', UNITS_VALID_FROM: '2025-07-01', DEMO: '1' } });
    who = await actorsOf(stack);
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('serves the loaded list through the API, and writes follow it', async () => {
    const api = domainClient(stack);
    const data = await api.ok<any>('{ jurisdiction { name units { id generated } } wards { id level } }', {}, who.leadership);
    expect(data.jurisdiction.name).toBe('Thành phố Hồ Chí Minh');
    expect(data.jurisdiction.units).toHaveLength(168);
    expect(data.wards).toHaveLength(168);
    expect(data.wards.filter((w: any) => w.level === 'SPECIAL_ZONE')).toHaveLength(1);
    expect(stack.output()).toMatch(/units: 168 units loaded from/);
    expect(stack.output()).toMatch(/demo data: not loaded with UNITS_FILE/);
    const s = await api.schedule(who.admin, { kind: 'PUBLIC', wardId: data.wards[5].id, scheduledAt: '2026-03-01T01:00:00.000Z' });
    expect(s.ward.id).toBe(data.wards[5].id);
    const before = await api.refused('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', { i: { kind: 'PUBLIC', title: 'x', hostBody: 'y', wardId: data.wards[5].id, scheduledAt: '2025-03-01T01:00:00.000Z' } }, who.admin);
    expect(before.code).toBe('BAD_USER_INPUT');
  });
});
