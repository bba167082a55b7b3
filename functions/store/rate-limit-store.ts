import { DeleteItemCommand, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RateLimiterDynamo, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../domain/kernel/errors.js';
import type { RateLimitPort, RateLimitRule } from '../domain/ports.js';

// Rate limits per client, kept in the table so that they hold across Lambda instances
// (docs/security.md, "The public endpoint"). The counting, expiry and blocking are
// rate-limiter-flexible's RateLimiterDynamo; this file only lays its items out in the single table:
// pk RATE#<limiter key>, sk RATE, with the library's `points` and `expire`, and `ttl` (expire + 1 h)
// so that DynamoDB deletes idle ones.

type AttributeValue = Record<string, unknown>;
interface Params {
  TableName: string;
  Key: { key: { S: string } };
  UpdateExpression?: string;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ExpressionAttributeNames?: Record<string, string>;
  [other: string]: unknown;
}

const TTL_GRACE_SECONDS = 3600;

/** RateLimiterDynamo's store calls, onto our table's keys (the library names its key attribute `key`). */
function singleTableClient(db: DynamoDBDocumentClient) {
  const key = (params: Params) => ({ pk: { S: `RATE#${params.Key.key.S}` }, sk: { S: 'RATE' } });
  return {
    async getItem(params: Params) {
      return db.send(new GetItemCommand({ TableName: params.TableName, Key: key(params), ConsistentRead: true }));
    },
    async updateItem(params: Params) {
      const values = { ...params.ExpressionAttributeValues, ':rlkey': { S: params.Key.key.S }, ':rltype': { S: 'RateLimit' } };
      let update = `${params.UpdateExpression}, #rlkey = :rlkey, #type = :rltype`;
      // A new window (its expiry is set): the item's TTL follows it.
      const expire = (params.ExpressionAttributeValues?.[':new_expire'] ?? params.ExpressionAttributeValues?.[':expire']) as { N: string } | undefined;
      if (expire && Number(expire.N) > 0) {
        Object.assign(values, { ':rlttl': { N: String(Math.ceil(Number(expire.N)) + TTL_GRACE_SECONDS) } });
        update += ', #ttl = :rlttl';
      }
      const names: Record<string, string> = { ...params.ExpressionAttributeNames, '#rlkey': 'key', '#type': 'type' };
      if (update.includes('#ttl')) names['#ttl'] = 'ttl';
      return db.send(new UpdateItemCommand({ ...params, Key: key(params), UpdateExpression: update, ExpressionAttributeNames: names, ExpressionAttributeValues: values } as never));
    },
    async deleteItem(params: Params) {
      return db.send(new DeleteItemCommand({ TableName: params.TableName, Key: key(params), ConditionExpression: 'attribute_exists(pk)' }));
    },
  };
}

/** Limits per client under the rules the domain passes (functions/domain/access/public-limits.ts), one limiter per rule. */
export function createRateLimitStore(db: DynamoDBDocumentClient, tableName: string): RateLimitPort {
  const client = singleTableClient(db);
  const limiters = new Map<string, RateLimiterDynamo>();
  const limiterOf = (rule: RateLimitRule) => {
    let limiter = limiters.get(rule.name);
    if (!limiter) {
      limiter = new RateLimiterDynamo({
          storeClient: client,
          tableName,
          tableCreated: true,
          ttlSet: true,
          keyPrefix: rule.name,
          points: rule.points,
          duration: rule.durationSeconds,
          // A client past its limit is refused from memory for the rest of the window, in this instance:
          // a flood costs the table one write per instance and window, not one per request.
          inMemoryBlockOnConsumed: rule.points + 1,
          inMemoryBlockDuration: rule.durationSeconds,
      } as never);
      limiters.set(rule.name, limiter);
    }
    return limiter;
  };
  return {
    async consume(rule: RateLimitRule, clientKey: string): Promise<void> {
      try {
        await limiterOf(rule).consume(clientKey, 1);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) throw new RateLimitedError(rule.name, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
        throw refusal;
      }
    },
  };
}
