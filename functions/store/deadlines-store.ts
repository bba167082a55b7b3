import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeadlineRule, DeadlineRuleSet, DeadlinesPort } from '../domain/ports.js';

// Items (docs/data-model.md): DeadlineRules pk DEADLINES, sk V#<version, 6 digits>: one item per version of
// the whole rule set (a handful of rules), never changed once written. Version 0 is built in (not stored).
const versionKey = (version: number) => ({ pk: 'DEADLINES', sk: `V#${String(version).padStart(6, '0')}` });

function fromItem(item: Record<string, unknown>): DeadlineRuleSet {
  return {
    version: item.version as number,
    changedAt: item.changedAt as string,
    changedBy: item.changedBy as string,
    rules: (item.rules as DeadlineRule[]).map((r) => ({ authority: r.authority, ...(r.sessionKind ? { sessionKind: r.sessionKind } : {}), workingDays: r.workingDays, source: r.source })),
  };
}

export function createDeadlinesStore(db: DynamoDBDocumentClient, tableName: string): DeadlinesPort {
  return {
    /** The newest stored version, or undefined while only the built-in version 0 exists. */
    async readLatest(): Promise<DeadlineRuleSet | undefined> {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: { ':pk': 'DEADLINES', ':v': 'V#' },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      return out.Items?.[0] ? fromItem(out.Items[0]) : undefined;
    },
    async readVersion(version: number): Promise<DeadlineRuleSet | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: versionKey(version) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
    /** Stores a new version once; false when that version number was taken meanwhile (nothing written). */
    async putVersion(set: DeadlineRuleSet): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...versionKey(set.version), type: 'DeadlineRules', ...set },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
  };
}
