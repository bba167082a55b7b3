import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../domain/kernel/actor.js';
import type { Activity } from '../domain/kernel/model.js';
import type { ActivityPort, RawPage } from '../domain/ports.js';
import { queryPage } from './page.js';
import type { TransactItem } from './transact.js';

// Items (docs/data-model.md): Activity pk ACTIVITY#<id>, sk ACTIVITY, gsi1 ACTIVITY | <at>#<id>.
// CheckIn items carry the same gsi1 keys: a check-in's idempotency record is its audit entry too.

/** The Put of an audit entry, for the transaction of the mutation it records. */
export function activityPut(tableName: string, a: Activity): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { pk: `ACTIVITY#${a.id}`, sk: 'ACTIVITY', gsi1pk: 'ACTIVITY', gsi1sk: `${a.at}#${a.id}`, type: 'Activity', ...a },
    },
  };
}

function fromItem(item: Record<string, unknown>): Activity {
  if (item.type === 'CheckIn') {
    return {
      id: `checkin:${item.sessionId}:${item.requestId}`,
      at: item.at as string,
      actorId: item.by as string,
      role: item.actorRole as Role,
      action: 'CHECKED_IN',
      description: `Checked in ${item.delta} × ${item.category}`,
      count: item.delta as number,
      category: item.category as Activity['category'],
      sessionId: item.sessionId as string,
      businessId: (item.businessId as string | undefined) ?? undefined,
      wardId: (item.wardId as string | undefined) ?? undefined,
    };
  }
  return {
    id: item.id as string,
    at: item.at as string,
    actorId: item.actorId as string,
    role: item.role as Role,
    action: item.action as Activity['action'],
    description: item.description as string,
    sessionId: (item.sessionId as string | undefined) ?? undefined,
    concernId: (item.concernId as string | undefined) ?? undefined,
    businessId: (item.businessId as string | undefined) ?? undefined,
    wardId: (item.wardId as string | undefined) ?? undefined,
    fromStatus: (item.fromStatus as Activity['fromStatus']) ?? undefined,
    toStatus: (item.toStatus as Activity['toStatus']) ?? undefined,
    reportId: (item.reportId as string | undefined) ?? undefined,
  };
}

export function createActivityStore(db: DynamoDBDocumentClient, tableName: string): ActivityPort {
  return {
    async listActivity(first: number, after?: string | null): Promise<RawPage & { activities: Activity[] }> {
      const page = await queryPage(db, tableName, { index: 'gsi1', partition: 'ACTIVITY', ascending: false }, first, after);
      return { ...page, activities: page.items.map((i) => fromItem(i.item)) };
    },
  };
}
