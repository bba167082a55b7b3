import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity } from '../domain/kernel/model.js';
import type { JurisdictionMeta, Ward, WardsPort } from '../domain/ports.js';
import { activityPut } from './activity-store.js';
import { runTransaction } from './transact.js';

// Item layout (docs/data-model.md, "Units through time"):
// - a unit: pk WARD#<id>, sk WARD; listed through gsi1 (WARDS, <order>);
// - the jurisdiction: pk JURISDICTION, sk JURISDICTION: its name, the parent units and every
//   reorganisation with its lineage edges (a few hundred edges for a whole city: one item, one read).
const wardKey = (id: string) => ({ pk: `WARD#${id}`, sk: 'WARD' });
const JURISDICTION_KEY = { pk: 'JURISDICTION', sk: 'JURISDICTION' };

function toItem(ward: Ward) {
  return { ...wardKey(ward.id), gsi1pk: 'WARDS', gsi1sk: String(ward.order).padStart(5, '0'), type: 'Ward', ...ward };
}

function fromItem(item: Record<string, unknown>): Ward {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, ...ward } = item;
  // Items written before units had a life carry only id, name, rolloutWave and order.
  return { code: '', level: 'WARD', parentCode: '', ...(ward as Partial<Ward>) } as Ward;
}

export function createWardsStore(db: DynamoDBDocumentClient, tableName: string): WardsPort {
  return {
    /** Writes the units (idempotent: a plain overwrite of the same items). */
    async putWards(wards: readonly Ward[]): Promise<void> {
      for (let i = 0; i < wards.length; i += 25) {
        const chunk = wards.slice(i, i + 25);
        await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: chunk.map((w) => ({ PutRequest: { Item: toItem(w) } })) } }));
      }
    },
    /** Every unit, past and present, in order (one Query; paged past 1 MB for a long city list). */
    async listWards(): Promise<Ward[]> {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({ TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'WARDS' }, ExclusiveStartKey: start }),
        );
        items.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start);
      return items.map(fromItem);
    },
    async getWard(id: string): Promise<Ward | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: wardKey(id) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
    async putJurisdiction(meta: JurisdictionMeta): Promise<void> {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...JURISDICTION_KEY, type: 'Jurisdiction', ...meta } }));
    },
    /** Records that a reorganisation was applied (the first time is kept) with its audit entry. */
    async markReorganisationApplied(id: string, at: string, activity: Activity): Promise<void> {
      await runTransaction(db, [
        {
          Update: {
            TableName: tableName,
            Key: { pk: `REORGANISATION#${id}`, sk: 'APPLIED' },
            UpdateExpression: 'SET #type = :type, appliedAt = if_not_exists(appliedAt, :at), lastRunAt = :at',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':type': 'ReorganisationApplied', ':at': at },
          },
        },
        activityPut(tableName, activity),
      ]);
    },
    async getReorganisationApplied(id: string): Promise<string | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: `REORGANISATION#${id}`, sk: 'APPLIED' }, ConsistentRead: true }));
      return (out.Item?.appliedAt as string | undefined) ?? undefined;
    },
    async getJurisdiction(): Promise<JurisdictionMeta | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: JURISDICTION_KEY }));
      if (!out.Item) return undefined;
      const { pk: _pk, sk: _sk, type: _t, ...meta } = out.Item;
      return meta as JurisdictionMeta;
    },
  };
}
