import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity, CheckIn, Session, SessionKind, SessionStatus } from '../domain/kernel/model.js';
import { activityPut } from './activity-store.js';
import type { CounterDelta, EngagementFacts, RawPage, SessionFilter, SessionsPort } from '../domain/ports.js';
import { countList, listQueryOf, queryPage, type ListQuery } from './page.js';
import { counterUpdates, engagementPut } from './stats-store.js';
import { attendedPut } from './tax-store.js';
import { runConditionalTransaction, runOnceTransaction, runTransaction, type TransactItem } from './transact.js';

// Items (docs/data-model.md):
//   Session  pk SESSION#<id>  sk SESSION             gsi1 SESSIONS | gsi2 WARD#<w>#SESSIONS | gsi3 SESSIONS#<kind>, sort <scheduledAt>#<id>
//   CheckIn  pk SESSION#<id>  sk CHECKIN#<requestId> gsi1 ACTIVITY, <at>#checkin:<sessionId>:<requestId>
//   shards   pk SESSION#<id>  sk COUNT#<nn>          (stats-store)
export const sessionKey = (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' });
export const checkInKey = (sessionId: string, requestId: string) => ({ pk: `SESSION#${sessionId}`, sk: `CHECKIN#${requestId}` });

function toItem(s: Session) {
  const sort = `${s.scheduledAt}#${s.id}`;
  return {
    ...sessionKey(s.id),
    gsi1pk: 'SESSIONS',
    gsi1sk: sort,
    ...(s.wardId ? { gsi2pk: `WARD#${s.wardId}#SESSIONS`, gsi2sk: sort } : {}),
    gsi3pk: `SESSIONS#${s.kind}`,
    gsi3sk: sort,
    type: 'Session',
    ...s,
  };
}

/** The Session in a Session item (also a stream image's NewImage, unmarshalled). */
export function sessionFromItem(item: Record<string, unknown>): Session {
  return {
    id: item.id as string,
    kind: item.kind as SessionKind,
    title: item.title as string,
    wardId: (item.wardId as string | undefined) ?? undefined,
    hostBody: item.hostBody as string,
    ...(item.place ? { place: item.place as string } : {}),
    ...(item.taxOfficeId ? { taxOfficeId: item.taxOfficeId as string } : {}),
    status: item.status as SessionStatus,
    scheduledAt: item.scheduledAt as string,
    startedAt: (item.startedAt as string | undefined) ?? undefined,
    closedAt: (item.closedAt as string | undefined) ?? undefined,
  };
}

/** The CheckIn in a CheckIn item (also a stream image's NewImage, unmarshalled). */
export function checkInFromItem(item: Record<string, unknown>): CheckIn {
  return {
    sessionId: item.sessionId as string,
    requestId: item.requestId as string,
    wardId: (item.wardId as string | undefined) ?? undefined,
    kind: item.kind as SessionKind,
    category: item.category as CheckIn['category'],
    delta: Number(item.delta),
    businessId: (item.businessId as string | undefined) ?? undefined,
    at: item.at as string,
    by: item.by as string,
  };
}

function listQuery(f: SessionFilter): ListQuery {
  return listQueryOf(
    [f.wardId && { index: 'gsi2', partition: `WARD#${f.wardId}#SESSIONS`, fixes: ['wardId'] }, f.kind && { index: 'gsi3', partition: `SESSIONS#${f.kind}`, fixes: ['kind'] }],
    { index: 'gsi1', partition: 'SESSIONS' },
    { wardId: f.wardId, kind: f.kind, status: f.status },
    { ascending: false, range: f.period },
  );
}

/** The CheckIn item: the idempotency record of one requestId, and its audit entry (gsi1 ACTIVITY). */
export function checkInItem(checkIn: CheckIn, actorRole: string) {
  const activityId = `checkin:${checkIn.sessionId}:${checkIn.requestId}`;
  return {
    ...checkInKey(checkIn.sessionId, checkIn.requestId),
    gsi1pk: 'ACTIVITY',
    gsi1sk: `${checkIn.at}#${activityId}`,
    type: 'CheckIn',
    ...checkIn,
    actorRole,
  };
}

export function createSessionsStore(db: DynamoDBDocumentClient, tableName: string): SessionsPort {
  return {
    async getSession(id: string, options: { consistent?: boolean } = {}): Promise<Session | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: sessionKey(id), ConsistentRead: options.consistent }));
      return out.Item ? sessionFromItem(out.Item) : undefined;
    },
    /** Creates a session with its counters and audit entry, all or nothing. */
    async createSession(session: Session, counters: CounterDelta[], activity: Activity): Promise<void> {
      await runTransaction(db, [
        { Put: { TableName: tableName, Item: toItem(session), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counters.flatMap((c) => counterUpdates(tableName, c)),
        activityPut(tableName, activity),
      ]);
    },
    /**
     * Moves a session from `from` to `to`, setting `set` (startedAt/closedAt), with its counters and
     * audit entry. Returns false when the session was no longer in `from` (nothing written).
     */
    async moveSession(id: string, from: SessionStatus, to: SessionStatus, set: { startedAt?: string; closedAt?: string }, counters: CounterDelta[], activity: Activity): Promise<boolean> {
      const stamp = set.startedAt ? 'startedAt' : 'closedAt';
      return runConditionalTransaction(db, [
          {
            Update: {
              TableName: tableName,
              Key: sessionKey(id),
              UpdateExpression: 'SET #status = :to, #stamp = :stamp',
              ConditionExpression: '#status = :from',
              ExpressionAttributeNames: { '#status': 'status', '#stamp': stamp },
              ExpressionAttributeValues: { ':to': to, ':from': from, ':stamp': set.startedAt ?? set.closedAt },
            },
          },
          ...counters.flatMap((c) => counterUpdates(tableName, c)),
          activityPut(tableName, activity),
        ]);
    },
    /**
     * Records one check-in, exactly once per (session, requestId): the CheckIn item (conditional Put,
     * the idempotency record and the audit entry), the counter shards and the business's engagement,
     * in one transaction. Returns false when this requestId was already recorded (nothing written).
     */
    async recordCheckIn(checkIn: CheckIn, actorRole: string, counters: CounterDelta[], engagement?: EngagementFacts): Promise<{ recorded: boolean; earlier?: CheckIn }> {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: checkInItem(checkIn, actorRole), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counters.flatMap((c) => counterUpdates(tableName, c)),
      ];
      if (engagement) {
        // A business checked in to a round: its engagement, and the round's own marker (who attended, for the tax view and ratings).
        items.push(engagementPut(tableName, { ...engagement, sessionId: checkIn.sessionId }), attendedPut(tableName, checkIn.sessionId, engagement));
      }
      const refused = await runOnceTransaction(db, items);
      if (!refused) return { recorded: true };
      return { recorded: false, earlier: refused.existing ? checkInFromItem(refused.existing) : undefined };
    },
    async getCheckIn(sessionId: string, requestId: string): Promise<CheckIn | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: checkInKey(sessionId, requestId), ConsistentRead: true }));
      return out.Item ? checkInFromItem(out.Item) : undefined;
    },
    async listSessions(filter: SessionFilter, first: number, after?: string | null): Promise<RawPage & { sessions: Session[] }> {
      const page = await queryPage(db, tableName, listQuery(filter), first, after);
      return { ...page, sessions: page.items.map((i) => sessionFromItem(i.item)) };
    },
    countSessions: (filter: SessionFilter) => countList(db, tableName, listQuery(filter)),
  };
}
