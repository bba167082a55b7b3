// The move of counter buckets to calendar roll-ups (functions/store/migrate-buckets.ts), on a copy of a
// real `.data` folder: the demo's database as `npm start` left it before roll-ups existed
// (test/fixtures/legacy-data-v24.tar.xz). Nothing is lost, a second run adds nothing, and a run cut
// short resumes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { createDocumentClient } from '../../functions/store/client.js';
import { createStatsStore } from '../../functions/store/stats-store.js';
import { migrateLegacyBuckets } from '../../functions/store/migrate-buckets.js';
import { migrateRollUp } from '../../functions/store/migrate-rollup.js';
import { totalsFrom } from '../../functions/store/counters.js';
import { startOfVietnamDate } from '../../functions/domain/kernel/vietnam-time.js';
import type { Period } from '../../functions/domain/kernel/period.js';

const FIXTURE = new URL('../fixtures/legacy-data-v24.tar.xz', import.meta.url).pathname;
const INPUT = /^(inputs|inputSupporters|inputsSelected|inputsDeclined|inputsMerged|inputsRaised|inputsAnswered|ida_\d+)$/;

type Item = Record<string, unknown>;
async function scanAll(db: DynamoDBDocumentClient): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const out = await db.send(new ScanCommand({ TableName: LOCAL_TABLE_NAME, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...((out.Items ?? []) as Item[]));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** What the legacy layout says of one partition over a period: its T# items summed (inputs apart). */
function legacySum(items: Item[], pk: string, period?: Period, pick: (name: string) => boolean = () => true) {
  const sum: Record<string, number> = {};
  for (const item of items) {
    if (item.pk !== pk || !String(item.sk).startsWith('T#')) continue;
    const at = String(item.sk).slice(2, String(item.sk).lastIndexOf('#'));
    if (period && (at < period.from || at >= period.to)) continue;
    for (const [k, v] of Object.entries(item)) if (typeof v === 'number' && pick(k)) sum[k] = (sum[k] ?? 0) + v;
  }
  return totalsFrom(sum);
}

describe('bucket migration on a copy of a real .data folder', () => {
  let dir: string;
  let dynamo: DynamoDbLocal;
  let db: DynamoDBDocumentClient;
  let legacy: Item[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dp-migration-'));
    execFileSync('tar', ['xJf', FIXTURE, '-C', dir]);
    dynamo = await startDynamoDbLocal({ dataDir: dir });
    db = createDocumentClient({ tableName: LOCAL_TABLE_NAME, endpoint: dynamo.endpoint });
    legacy = await scanAll(db);
  }, 60_000);
  afterAll(async () => {
    await dynamo?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('moves every bucket, resumes after a crash, runs again as a no-op, and every figure stays equal', async () => {
    const legacyBuckets = legacy.filter((i) => String(i.pk).startsWith('STATS#') && String(i.sk).startsWith('T#'));
    expect(legacyBuckets.length).toBeGreaterThan(900);
    const wardIds = [...new Set(legacyBuckets.map((i) => String(i.pk)).filter((pk) => pk.startsWith('STATS#WARD#')).map((pk) => pk.slice('STATS#WARD#'.length)))].sort();
    const neighbourhoods = [...new Set(legacyBuckets.map((i) => String(i.pk)).filter((pk) => pk.startsWith('STATS#NBH#')).map((pk) => pk.slice('STATS#NBH#'.length)))];
    expect(wardIds.length).toBeGreaterThanOrEqual(14);
    expect(neighbourhoods.length).toBeGreaterThan(0);

    // A run cut short: the database stops answering transactions after 150 of them.
    let transactions = 0;
    const failing = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'send') return Reflect.get(target, prop);
        return (command: { constructor: { name: string } }) => {
          if (command.constructor.name === 'TransactWriteCommand' && ++transactions > 150) return Promise.reject(new Error('connection lost'));
          return target.send(command as never);
        };
      },
    });
    await expect(migrateLegacyBuckets(failing, LOCAL_TABLE_NAME)).rejects.toThrow('connection lost');

    const resumed = await migrateLegacyBuckets(db, LOCAL_TABLE_NAME);
    expect(resumed.legacyItems).toBe(legacyBuckets.length);
    expect(resumed.skipped).toBeGreaterThanOrEqual(140); // what the first run had written, refused by its mark
    expect(resumed.written + resumed.skipped).toBe(resumed.targets);
    const again = await migrateLegacyBuckets(db, LOCAL_TABLE_NAME);
    expect(again).toMatchObject({ alreadyDone: true, written: 0 });

    const after = await scanAll(db);
    expect(after.filter((i) => String(i.sk).startsWith('T#'))).toEqual([]);
    expect(after.filter((i) => !String(i.pk).startsWith('STATS#') && i.pk !== 'MIGRATION#BUCKETS')).toEqual(legacy.filter((i) => !String(i.pk).startsWith('STATS#')));

    const stats = createStatsStore(db, LOCAL_TABLE_NAME);
    const periods: (Period | undefined)[] = [
      undefined,
      { from: startOfVietnamDate('2006-01-01'), to: startOfVietnamDate('2011-01-01') }, // the report's five years
      { from: startOfVietnamDate('2007-03-01'), to: startOfVietnamDate('2009-07-15') }, // months and days
      { from: '2008-05-06T03:00:00.000Z', to: '2010-02-03T09:30:00.000Z' }, // partial days at both edges
      { from: startOfVietnamDate('2025-05-01'), to: '2026-12-31T00:00:00.000Z' }, // across the reorganisation, to now
      // Whole months and years within two years: the units' year items are read by key (BatchGetItem).
      { from: startOfVietnamDate('2025-01-01'), to: startOfVietnamDate('2026-01-01') },
      { from: startOfVietnamDate('2009-03-01'), to: startOfVietnamDate('2010-07-01') },
    ];
    const notInputs = (k: string) => !INPUT.test(k);
    for (const period of periods) {
      const units = await stats.readUnitTotals(wardIds, period);
      expect(units.total, JSON.stringify(period)).toEqual(legacySum(legacy, 'STATS#DISTRICT', period, notInputs));
      // The move writes the jurisdiction's roll-up as it goes (stats-store.ts, counterKeys).
      expect(await stats.readJurisdictionTotals(period), JSON.stringify(period)).toEqual(units.total);
      for (const w of wardIds) {
        expect(units.wards.get(w), `${w} ${JSON.stringify(period)}`).toEqual(legacySum(legacy, `STATS#WARD#${w}`, period, notInputs));
        expect(await stats.readInputTotals(w, period)).toEqual(legacySum(legacy, `STATS#WARD#${w}`, period, (k) => INPUT.test(k)));
      }
      for (const n of neighbourhoods) {
        expect(await stats.readInputTotals(n.replace(/-kp\d+$/, ''), period, n)).toEqual(legacySum(legacy, `STATS#NBH#${n}`, period));
      }
    }
    // Every instant item it wrote is marked as in the roll-up: the roll-up's migration adds nothing.
    expect(await migrateRollUp(db, LOCAL_TABLE_NAME)).toMatchObject({ alreadyDone: false, written: 0 });
    // The figures are not all zero: the demo's report years are there.
    expect((await stats.readUnitTotals(wardIds, periods[1])).total.attendance).toBeGreaterThan(3000);
  }, 240_000);
});
