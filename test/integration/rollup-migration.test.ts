// The jurisdiction's roll-up built for a table written before it (functions/store/migrate-rollup.ts), on
// a copy of a real `.data` folder: the demo's database as `npm start` of the previous version left it
// (test/fixtures/pre-rollup-data-v34.tar.xz, written by DynamoDB Local 1.11). The roll-up then equals
// the sum of every unit over any period; a run cut short resumes; a second run adds nothing; and a
// write made after it lands in both.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { createDocumentClient } from '../../functions/store/client.js';
import { counterUpdates, createStatsStore } from '../../functions/store/stats-store.js';
import { migrateRollUp } from '../../functions/store/migrate-rollup.js';
import { runTransaction } from '../../functions/store/transact.js';
import { startOfVietnamDate } from '../../functions/domain/kernel/vietnam-time.js';
import type { Period } from '../../functions/domain/kernel/period.js';

const FIXTURE = new URL('../fixtures/pre-rollup-data-v34.tar.xz', import.meta.url).pathname;

const PERIODS: (Period | undefined)[] = [
  undefined,
  { from: startOfVietnamDate('2006-01-01'), to: startOfVietnamDate('2011-01-01') }, // the report's five years
  { from: startOfVietnamDate('2007-03-01'), to: startOfVietnamDate('2009-07-15') }, // months and days
  { from: '2008-05-06T03:00:00.000Z', to: '2010-02-03T09:30:00.000Z' }, // partial days at both edges
  { from: startOfVietnamDate('2025-05-01'), to: '2026-12-31T00:00:00.000Z' }, // across the reorganisation
  { from: startOfVietnamDate('2026-01-01'), to: startOfVietnamDate('2027-01-01') }, // this year
];

describe("the jurisdiction's roll-up, built on a copy of a real .data folder", () => {
  let dir: string;
  let dynamo: DynamoDbLocal;
  let db: DynamoDBDocumentClient;
  let unitIds: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dp-rollup-'));
    execFileSync('tar', ['xJf', FIXTURE, '-C', dir]);
    dynamo = await startDynamoDbLocal({ dataDir: dir });
    db = createDocumentClient({ tableName: LOCAL_TABLE_NAME, endpoint: dynamo.endpoint });
    const out = await db.send(new ScanCommand({ TableName: LOCAL_TABLE_NAME, FilterExpression: 'begins_with(pk, :w)', ExpressionAttributeValues: { ':w': 'STATS#WARD#' }, ProjectionExpression: 'pk' }));
    let items = out.Items ?? [];
    for (let key = out.LastEvaluatedKey; key; ) {
      const page = await db.send(new ScanCommand({ TableName: LOCAL_TABLE_NAME, FilterExpression: 'begins_with(pk, :w)', ExpressionAttributeValues: { ':w': 'STATS#WARD#' }, ProjectionExpression: 'pk', ExclusiveStartKey: key }));
      items = [...items, ...(page.Items ?? [])];
      key = page.LastEvaluatedKey;
    }
    unitIds = [...new Set(items.map((i) => String(i.pk).slice('STATS#WARD#'.length)))].sort();
  }, 60_000);
  afterAll(async () => {
    await dynamo?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('equals the sum of every unit over any period, after a run cut short, resumed, and run again', async () => {
    const stats = createStatsStore(db, LOCAL_TABLE_NAME);
    expect(unitIds.length).toBeGreaterThanOrEqual(14);
    const truth = await Promise.all(PERIODS.map(async (p) => (await stats.readUnitTotals(unitIds, p)).total));
    expect(truth[1]!.attendance).toBeGreaterThan(3000); // the demo's report years are there
    // Before: the roll-up is empty.
    expect((await stats.readJurisdictionTotals()).attendance).toBe(0);

    const cut = await migrateRollUp(db, LOCAL_TABLE_NAME, { stopAfter: 100 });
    expect(cut).toMatchObject({ alreadyDone: false });
    expect(cut.written).toBeGreaterThanOrEqual(100);
    const partial = await stats.readJurisdictionTotals();
    expect(partial.attendance + partial.sessions + partial.concerns).toBeLessThan(truth[0]!.attendance + truth[0]!.sessions + truth[0]!.concerns);

    const resumed = await migrateRollUp(db, LOCAL_TABLE_NAME);
    expect(resumed.alreadyDone).toBe(false);
    expect(resumed.written).toBeGreaterThan(200);
    for (const [i, p] of PERIODS.entries()) expect(await stats.readJurisdictionTotals(p), JSON.stringify(p)).toEqual(truth[i]);

    // A second run reads its marker only; without the marker it finds every item marked and adds nothing.
    expect(await migrateRollUp(db, LOCAL_TABLE_NAME)).toMatchObject({ alreadyDone: true, written: 0 });
    await db.send(new DeleteCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: 'MIGRATION#ROLLUP', sk: 'DONE' } }));
    expect(await migrateRollUp(db, LOCAL_TABLE_NAME)).toMatchObject({ alreadyDone: false, written: 0 });
    expect(await stats.readJurisdictionTotals()).toEqual(truth[0]);

    // A write of the new version lands in its unit and in the roll-up, and is not added again by a run.
    const at = '2009-04-10T02:00:00.000Z';
    await runTransaction(db, counterUpdates(LOCAL_TABLE_NAME, { scope: { kind: 'unit', wardId: unitIds[0], at }, add: { attendance: 7, attendanceByCategory: { RESIDENT: 7 } } }));
    await db.send(new DeleteCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: 'MIGRATION#ROLLUP', sk: 'DONE' } }));
    expect(await migrateRollUp(db, LOCAL_TABLE_NAME)).toMatchObject({ written: 0 });
    for (const [i, p] of PERIODS.entries()) {
      const units = (await stats.readUnitTotals(unitIds, p)).total;
      expect(await stats.readJurisdictionTotals(p), JSON.stringify(p)).toEqual(units);
      const inside = !p || (at >= p.from && at < p.to);
      expect(units.attendance - truth[i]!.attendance, JSON.stringify(p)).toBe(inside ? 7 : 0);
    }
  }, 240_000);
});
