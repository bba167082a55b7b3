import { BatchWriteCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Ward } from '../domain/wards.js';

// Item layout (docs/data-model.md): pk WARD#<id>, sk WARD; listed through gsi1 (WARDS, <order>).
const wardKey = (id: string) => ({ pk: `WARD#${id}`, sk: 'WARD' });

function toItem(ward: Ward) {
  return {
    ...wardKey(ward.id),
    gsi1pk: 'WARDS',
    gsi1sk: String(ward.order).padStart(4, '0'),
    type: 'Ward',
    id: ward.id,
    name: ward.name,
    rolloutWave: ward.rolloutWave,
    order: ward.order,
  };
}

function fromItem(item: Record<string, unknown>): Ward {
  return { id: item.id as string, name: item.name as string, rolloutWave: item.rolloutWave as Ward['rolloutWave'], order: item.order as number };
}

export function createWardsStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Writes the reference wards (idempotent: a plain overwrite of the same items). */
    async putWards(wards: readonly Ward[]): Promise<void> {
      for (let i = 0; i < wards.length; i += 25) {
        const chunk = wards.slice(i, i + 25);
        await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: chunk.map((w) => ({ PutRequest: { Item: toItem(w) } })) } }));
      }
    },
    async listWards(): Promise<Ward[]> {
      const out = await db.send(
        new QueryCommand({ TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'WARDS' } }),
      );
      return (out.Items ?? []).map(fromItem);
    },
    async getWard(id: string): Promise<Ward | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: wardKey(id) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
  };
}
export type WardsStore = ReturnType<typeof createWardsStore>;
