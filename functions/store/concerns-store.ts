import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity, Authority, Concern, ConcernStatus, ConcernTransition } from '../domain/model.js';
import { activityPut } from './activity-store.js';
import { countList, queryPage, type ListQuery, type RawPage } from './page.js';
import { counterUpdate, engagementPut, type CounterDelta } from './stats-store.js';
import { ConditionFailedError, runTransaction, type TransactItem } from './transact.js';

// Items (docs/data-model.md): Concern pk CONCERN#<id>, sk CONCERN;
//   gsi1 CONCERNS | gsi2 WARD#<w>#CONCERNS | gsi3 SESSION#<sessionId>#CONCERNS, sort <raisedAt>#<id>.
// The history lives in the item: at most four entries (raise + three moves) of ≤ 4,000 characters.
export const concernKey = (id: string) => ({ pk: `CONCERN#${id}`, sk: 'CONCERN' });

function toItem(c: Concern) {
  const sort = `${c.raisedAt}#${c.id}`;
  return {
    ...concernKey(c.id),
    gsi1pk: 'CONCERNS',
    gsi1sk: sort,
    ...(c.wardId ? { gsi2pk: `WARD#${c.wardId}#CONCERNS`, gsi2sk: sort } : {}),
    gsi3pk: `SESSION#${c.sessionId}#CONCERNS`,
    gsi3sk: sort,
    type: 'Concern',
    ...c,
  };
}

/** The Concern in a Concern item (also a stream image's NewImage, unmarshalled). */
export function concernFromItem(item: Record<string, unknown>): Concern {
  return {
    id: item.id as string,
    sessionId: item.sessionId as string,
    sessionKind: item.sessionKind as Concern['sessionKind'],
    wardId: (item.wardId as string | undefined) ?? undefined,
    businessId: (item.businessId as string | undefined) ?? undefined,
    topic: item.topic as string,
    text: item.text as string,
    authority: item.authority as Authority,
    status: item.status as ConcernStatus,
    response: (item.response as string | undefined) ?? undefined,
    raisedAt: item.raisedAt as string,
    closedAt: (item.closedAt as string | undefined) ?? undefined,
    history: ((item.history as ConcernTransition[] | undefined) ?? []).map((h) => ({ from: h.from ?? null, to: h.to, at: h.at, by: h.by, note: h.note ?? null })),
  };
}

export interface ConcernFilter {
  wardId?: string;
  sessionId?: string;
  status?: ConcernStatus;
  authority?: Authority;
}

function listQuery(f: ConcernFilter): ListQuery {
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let index: ListQuery['index'] = 'gsi1';
  let partition = 'CONCERNS';
  if (f.sessionId) {
    index = 'gsi3';
    partition = `SESSION#${f.sessionId}#CONCERNS`;
    if (f.wardId) {
      filters.push('#ward = :ward');
      names['#ward'] = 'wardId';
      values[':ward'] = f.wardId;
    }
  } else if (f.wardId) {
    index = 'gsi2';
    partition = `WARD#${f.wardId}#CONCERNS`;
  }
  if (f.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = f.status;
  }
  if (f.authority) {
    filters.push('#authority = :authority');
    names['#authority'] = 'authority';
    values[':authority'] = f.authority;
  }
  return { index, partition, ascending: false, filter: filters.length ? { expression: filters.join(' AND '), names, values } : undefined };
}

export function createConcernsStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async getConcern(id: string, consistent = false): Promise<Concern | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: concernKey(id), ConsistentRead: consistent }));
      return out.Item ? concernFromItem(out.Item) : undefined;
    },
    /** Creates a concern once (its id comes from the requestId); false when it already exists. */
    async createConcern(concern: Concern, counters: CounterDelta[], activity: Activity, engagement?: { businessId: string; scheduledAt: string }): Promise<boolean> {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: toItem(concern), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counters.map((c) => counterUpdate(tableName, c)),
        activityPut(tableName, activity),
      ];
      if (engagement) items.push(engagementPut(tableName, { ...engagement, sessionId: concern.sessionId }));
      try {
        await runTransaction(db, items);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError && error.index === 0) return false;
        throw error;
      }
    },
    /** Applies one move if the concern is still in `from`; false when it moved meanwhile (nothing written). */
    async moveConcern(
      id: string,
      from: ConcernStatus,
      change: { to: ConcernStatus; authority: Authority; response?: string; closedAt?: string; transition: ConcernTransition },
      counters: CounterDelta[],
      activity: Activity,
    ): Promise<boolean> {
      const sets = ['#status = :to', '#authority = :authority', '#history = list_append(#history, :entry)'];
      const names: Record<string, string> = { '#status': 'status', '#authority': 'authority', '#history': 'history' };
      const values: Record<string, unknown> = { ':to': change.to, ':from': from, ':authority': change.authority, ':entry': [change.transition] };
      if (change.response !== undefined) {
        sets.push('#response = :response');
        names['#response'] = 'response';
        values[':response'] = change.response;
      }
      if (change.closedAt) {
        sets.push('#closedAt = :closedAt');
        names['#closedAt'] = 'closedAt';
        values[':closedAt'] = change.closedAt;
      }
      try {
        await runTransaction(db, [
          {
            Update: {
              TableName: tableName,
              Key: concernKey(id),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: '#status = :from',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          ...counters.map((c) => counterUpdate(tableName, c)),
          activityPut(tableName, activity),
        ]);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError && error.index === 0) return false;
        throw error;
      }
    },
    async listConcerns(filter: ConcernFilter, first: number, after?: string | null): Promise<RawPage & { concerns: Concern[] }> {
      const page = await queryPage(db, tableName, listQuery(filter), first, after);
      return { ...page, concerns: page.items.map((i) => concernFromItem(i.item)) };
    },
    countConcerns: (filter: ConcernFilter) => countList(db, tableName, listQuery(filter)),
  };
}
export type ConcernsStore = ReturnType<typeof createConcernsStore>;
