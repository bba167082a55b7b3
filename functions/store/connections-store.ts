import type { TableDeps } from './client.js';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  DeleteCommand,
  GetCommand,
  UpdateCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Actor } from '../domain/kernel/actor.js';

// Item layouts of the real-time part (docs/realtime.md, "Items and TTLs"):
//   connection    pk CONN#<connectionId>  sk CONN
//   subscription  pk CONN#<connectionId>  sk SUB#<subscriptionId>   gsi1 TOPIC#<topic> / <connectionId>#<subscriptionId>
//   delivery      pk DELIVERY#<eventId>   sk <topic>                 (one per stream record and topic: dedup; `pending`: posts still owed)
// Every one carries `ttl` (epoch seconds) so an abandoned socket leaves nothing behind for long.

/** API Gateway closes every WebSocket after two hours, whatever happens on it. */
export const MAX_CONNECTION_SECONDS = 2 * 3600;
/** DynamoDB Streams keep records for 24 hours: a redelivery can come no later than that. */
const DELIVERY_MARKER_SECONDS = 24 * 3600;

/** Claims made at once by claimDeliveries (a burst's records × one topic). */
const CLAIMS_IN_PARALLEL = 32;

/** A post a delivery still owes: the connection and the exact message (already serialised). */
export interface PendingPost {
  connectionId: string;
  data: string;
}

export interface ConnectionRecord {
  connectionId: string;
  actor: Actor;
  /** The token's `exp` (epoch seconds): the connection is closed once it passes. */
  tokenExpiresAt: number;
  connectedAt: string;
}

export interface SubscriptionRecord {
  connectionId: string;
  subscriptionId: string;
  topic: string;
  /** Argument checks the topic alone does not make (e.g. a wardId given along with a sessionId). */
  filter?: Record<string, string>;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  actor: Actor;
  tokenExpiresAt: number;
}

const connectionKey = (connectionId: string) => ({ pk: `CONN#${connectionId}`, sk: 'CONN' });
const subscriptionKey = (connectionId: string, subscriptionId: string) => ({ pk: `CONN#${connectionId}`, sk: `SUB#${subscriptionId}` });

function expiryOf(tokenExpiresAt: number, nowSeconds: number): number {
  return Math.min(tokenExpiresAt, nowSeconds + MAX_CONNECTION_SECONDS) + 60;
}

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || (error as Error | undefined)?.name === 'ConditionalCheckFailedException';

/** Connections and their subscriptions, recorded once. */
function connectionRecords({ db, tableName }: TableDeps) {
  return {
    /** Records an acknowledged connection; false when one was already recorded (a second connection_init). */
    async putConnection(connection: ConnectionRecord): Promise<boolean> {
      const now = Math.floor(Date.now() / 1000);
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...connectionKey(connection.connectionId), type: 'Connection', ...connection, ttl: expiryOf(connection.tokenExpiresAt, now) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async getConnection(connectionId: string): Promise<ConnectionRecord | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: connectionKey(connectionId), ConsistentRead: true }));
      if (!out.Item) return undefined;
      const { actor, tokenExpiresAt, connectedAt } = out.Item;
      return { connectionId, actor: actor as Actor, tokenExpiresAt: Number(tokenExpiresAt), connectedAt: String(connectedAt) };
    },

    /** Records a subscription; false when the connection already has one with this id. */
    async putSubscription(subscription: SubscriptionRecord): Promise<boolean> {
      const now = Math.floor(Date.now() / 1000);
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...subscriptionKey(subscription.connectionId, subscription.subscriptionId),
              gsi1pk: `TOPIC#${subscription.topic}`,
              gsi1sk: `${subscription.connectionId}#${subscription.subscriptionId}`,
              type: 'Subscription',
              ...subscription,
              ttl: expiryOf(subscription.tokenExpiresAt, now),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async deleteSubscription(connectionId: string, subscriptionId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: subscriptionKey(connectionId, subscriptionId) }));
    },

  };
}

/** A topic's subscribers, and a connection deleted with its subscriptions. */
function topicSubscribers({ db, tableName }: TableDeps) {
  return {
    /** Every subscription on a topic, one page at a time (the publisher fans out page by page). */
    async *listSubscriptionsByTopic(topic: string): AsyncGenerator<SubscriptionRecord[]> {
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :topic',
            ExpressionAttributeValues: { ':topic': `TOPIC#${topic}` },
            ExclusiveStartKey: exclusiveStartKey,
          }),
        );
        exclusiveStartKey = out.LastEvaluatedKey;
        const page = (out.Items ?? []).map(toSubscriptionRecord);
        if (page.length) yield page;
      } while (exclusiveStartKey);
    },

    /** Deletes a connection and all its subscriptions ($disconnect, or a gone/expired connection). */
    async deleteConnection(connectionId: string): Promise<number> {
      const keys: { pk: string; sk: string }[] = [];
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `CONN#${connectionId}` },
            ProjectionExpression: 'pk, sk',
            ConsistentRead: true,
            ExclusiveStartKey: exclusiveStartKey,
          }),
        );
        keys.push(...((out.Items ?? []) as { pk: string; sk: string }[]));
        exclusiveStartKey = out.LastEvaluatedKey;
      } while (exclusiveStartKey);
      for (let i = 0; i < keys.length; i += 25) {
        let pending: BatchWriteCommandInput['RequestItems'] = {
          [tableName]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
        };
        for (let attempt = 0; pending && Object.keys(pending).length && attempt < 5; attempt++) {
          const out: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: pending }));
          pending = out.UnprocessedItems;
          if (pending && Object.keys(pending).length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
      return keys.length;
    },
  };
}

/** Claims on deliveries, so a redelivered record is posted once. */
function deliveryClaims({ db, tableName }: TableDeps) {
  const { claimDelivery } = claimDeliveryOf({ db, tableName });
  return {
    /**
     * Claims many records' delivery to one topic at once (one conditional Put each, in parallel):
     * for each id, whether this invocation won it. For an id claimed before, the posts its first
     * delivery could not make (throttled, failed) come back as `pending`, to be sent now.
     */
    async claimDeliveries(eventIds: string[], topic: string): Promise<{ claimed: boolean; pending?: PendingPost[] }[]> {
      const results: { claimed: boolean; pending?: PendingPost[] }[] = [];
      for (let i = 0; i < eventIds.length; i += CLAIMS_IN_PARALLEL) {
        results.push(...(await Promise.all(eventIds.slice(i, i + CLAIMS_IN_PARALLEL).map(async (eventId) => {
          if (await claimDelivery(eventId, topic)) return { claimed: true };
          const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: `DELIVERY#${eventId}`, sk: topic }, ConsistentRead: true, ProjectionExpression: 'pending' }));
          const pending = out.Item?.pending as PendingPost[] | undefined;
          return pending?.length ? { claimed: false, pending } : { claimed: false };
        }))));
      }
      return results;
    },

    /** Records on a claim the posts still owed (or none: `[]` clears them), sent when the record comes again. */
    async setPendingPosts(eventId: string, topic: string, pending: PendingPost[]): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `DELIVERY#${eventId}`, sk: topic },
          ...(pending.length
            ? { UpdateExpression: 'SET pending = :p', ExpressionAttributeValues: { ':p': pending } }
            : { UpdateExpression: 'REMOVE pending' }),
        }),
      );
    },

    /** Gives a claim back when nothing was delivered, so a retry of the record delivers it. */
    async releaseDelivery(eventId: string, topic: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: `DELIVERY#${eventId}`, sk: topic } }));
    },
  };
}

function claimDeliveryOf({ db, tableName }: TableDeps) {
  /**
   * Claims the delivery of one stream record to one topic: true the first time, false for a
   * redelivered record (DynamoDB Streams deliver at least once).
   */
  async function claimDelivery(eventId: string, topic: string): Promise<boolean> {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: `DELIVERY#${eventId}`, sk: topic, type: 'Delivery', ttl: Math.floor(Date.now() / 1000) + DELIVERY_MARKER_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
  return { claimDelivery };
}

export function createConnectionsStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    ...connectionRecords({ db, tableName }),
    ...topicSubscribers({ db, tableName }),
    ...deliveryClaims({ db, tableName }),
  };
}
export type ConnectionsStore = ReturnType<typeof createConnectionsStore>;

function toSubscriptionRecord(item: Record<string, unknown>): SubscriptionRecord {
  return {
    connectionId: item.connectionId as string,
    subscriptionId: item.subscriptionId as string,
    topic: item.topic as string,
    filter: item.filter as Record<string, string> | undefined,
    query: item.query as string,
    variables: item.variables as Record<string, unknown> | undefined,
    operationName: item.operationName as string | undefined,
    actor: item.actor as Actor,
    tokenExpiresAt: Number(item.tokenExpiresAt),
  };
}
