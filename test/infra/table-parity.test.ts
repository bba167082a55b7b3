import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, ensureTable, startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { tableDefinition, toCreateTableInput } from '../../functions/store/table-definition.js';
import { synthesize, type Json } from './support.js';

/**
 * The local stack (DynamoDB Local, through the same ensureTable `npm start` uses) and the CDK stack
 * must create the same table from functions/store/table-definition.ts.
 */
describe('the local table and the deployed table', () => {
  let dynamo: DynamoDbLocal;
  let dataDir: string;
  let local: Json;
  let localTtl: Json | undefined;
  let cfn: Json;

  beforeAll(async () => {
    const { template, dispose } = synthesize({ bundle: false, cfnValidation: false });
    cfn = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0].Properties;
    dispose();

    dataDir = mkdtempSync(join(tmpdir(), 'dp-parity-'));
    dynamo = await startDynamoDbLocal({ dataDir });
    await ensureTable(dynamo.endpoint, 'parity-check');
    const client = adminClient(dynamo.endpoint);
    try {
      local = (await client.send(new DescribeTableCommand({ TableName: 'parity-check' }))).Table!;
      try {
        localTtl = (await client.send(new DescribeTimeToLiveCommand({ TableName: 'parity-check' }))).TimeToLiveDescription;
      } catch {
        localTtl = undefined; // older DynamoDB Local builds have no TTL API (see ensureTable)
      }
    } finally {
      client.destroy();
    }
  }, 120_000);

  afterAll(async () => {
    await dynamo?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const keySchema = (schema: { AttributeName?: string; KeyType?: string }[]) => schema.map(({ AttributeName, KeyType }) => ({ AttributeName, KeyType }));
  const attributes = (defs: { AttributeName?: string; AttributeType?: string }[]) =>
    defs.map(({ AttributeName, AttributeType }) => `${AttributeName}:${AttributeType}`).sort();
  const indexes = (gsis: Json[]) =>
    gsis
      .map((gsi) => ({ name: gsi.IndexName, keys: keySchema(gsi.KeySchema), projection: gsi.Projection.ProjectionType }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('has the same primary key', () => {
    expect(keySchema(cfn.KeySchema)).toEqual(keySchema(local.KeySchema));
    expect(keySchema(cfn.KeySchema)).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
  });

  it('declares the same key attributes with the same types', () => {
    expect(attributes(cfn.AttributeDefinitions)).toEqual(attributes(local.AttributeDefinitions));
  });

  it('has the same global secondary indexes, keys and projections', () => {
    expect(indexes(cfn.GlobalSecondaryIndexes)).toEqual(indexes(local.GlobalSecondaryIndexes ?? []));
    expect(indexes(cfn.GlobalSecondaryIndexes).map((i) => i.name)).toEqual(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName));
  });

  it('streams the same view of each change', () => {
    expect(local.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(cfn.StreamSpecification).toEqual({ StreamViewType: local.StreamSpecification.StreamViewType });
  });

  it('expires items by the same TTL attribute', () => {
    expect(cfn.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true });
    if (localTtl) {
      expect(localTtl).toMatchObject({ AttributeName: tableDefinition.timeToLiveAttribute });
    }
  });

  it('bills both on demand', () => {
    expect(local.BillingModeSummary?.BillingMode ?? toCreateTableInput('x').BillingMode).toBe('PAY_PER_REQUEST');
    expect(cfn.BillingMode).toBe('PAY_PER_REQUEST');
  });
});
