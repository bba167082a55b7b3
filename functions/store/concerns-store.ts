import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity, Authority, Concern, ConcernStatus, ConcernTransition } from '../domain/kernel/model.js';
import { activityPut } from './activity-store.js';
import type { TableDeps } from './client.js';
import { expressionParts } from './expression.js';
import type { ConcernChange, ConcernFilter, ConcernsPort, CounterDelta, EngagementFacts, InputAnswered, OverdueFilter, RawPage, WaitingConcernRecord } from '../domain/ports.js';
import { countList, listQueryOf, queryPage, type ListQuery } from './page.js';
import { counterUpdates, engagementPut } from './stats-store.js';
import { ConditionFailedError, runConditionalTransaction, runTransaction, type TransactItem } from './transact.js';
import { inputAnsweredUpdates, inputRaisedUpdate } from './inputs-store.js';
import { publicAnswerPut, taxQuestionRaisedUpdate } from './tax-store.js';

// Items (docs/data-model.md): Concern pk CONCERN#<id>, sk CONCERN;
//   gsi1 CONCERNS | gsi2 WARD#<w>#CONCERNS | gsi3 SESSION#<sessionId>#CONCERNS, sort <raisedAt>#<id>.
// The history lives in the item: at most four entries (raise + three moves) of ≤ 4,000 characters.
export const concernKey = (id: string) => ({ pk: `CONCERN#${id}`, sk: 'CONCERN' });

/** The Concern item (also used by the benches' bulk loaders). */
export function concernItem(c: Concern) {
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
    dueAt: (item.dueAt as string | undefined) ?? undefined,
    ruleVersion: (item.ruleVersion as number | undefined) ?? undefined,
    history: ((item.history as ConcernTransition[] | undefined) ?? []).map((h) => ({
      from: h.from ?? null,
      to: h.to,
      at: h.at,
      by: h.by,
      note: h.note ?? null,
      ...(h.authority ? { authority: h.authority } : {}),
      ...(h.dueAt ? { dueAt: h.dueAt } : {}),
      ...(h.handedOverTo ? { handedOverTo: h.handedOverTo } : {}),
      ...(h.legalBasis ? { legalBasis: h.legalBasis } : {}),
    })),
    ...(item.handledBy ? { handledBy: item.handledBy as string } : {}),
    ...(item.awaitingSuccessor ? { awaitingSuccessor: true } : {}),
    ...(item.successorCandidates ? { successorCandidates: item.successorCandidates as string[] } : {}),
    ...(item.handovers ? { handovers: [...(item.handovers as Iterable<string>)] } : {}),
    ...(item.taxTopic ? { taxTopic: item.taxTopic as string } : {}),
    ...(item.hostTaxOfficeId ? { hostTaxOfficeId: item.hostTaxOfficeId as string } : {}),
    ...(item.answerForm ? { answerForm: item.answerForm as Concern['answerForm'] } : {}),
    ...(item.answerDocument ? { answerDocument: item.answerDocument as string } : {}),
    ...(item.fromTaxQuestion ? { fromTaxQuestion: item.fromTaxQuestion as string } : {}),
    ...(item.fromInput ? { fromInput: item.fromInput as NonNullable<Concern['fromInput']> } : {}),
  };
}

// A concern waiting for an answer (OPEN, IN_PROGRESS, ESCALATED) with a deadline has a due marker:
// pk CONCERN#<id>, sk DUE; gsi1 DUE | <dueAt>#<id>; gsi2 WARD#<w>#DUE | same. It is written in the
// transaction of every raise and move and deleted by the move that answers the concern, so the DUE
// partitions hold only unanswered concerns, in due order: "overdue" is the key range below "now"
// (docs/data-model.md, "Deadlines").
const dueMarkerKey = (id: string) => ({ pk: `CONCERN#${id}`, sk: 'DUE' });

function dueMarkerPut(tableName: string, c: Concern & { dueAt: string }): TransactItem {
  const sort = `${c.dueAt}#${c.id}`;
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...dueMarkerKey(c.id),
        type: 'ConcernDue',
        gsi1pk: 'DUE',
        gsi1sk: sort,
        ...(c.wardId ? { gsi2pk: `WARD#${c.wardId}#DUE`, gsi2sk: sort, wardId: c.wardId } : {}),
        concernId: c.id,
        dueAt: c.dueAt,
        raisedAt: c.raisedAt,
        status: c.status,
        authority: c.authority,
        // A tax round's question: its round and topic, so the tax view counts overdue questions by topic.
        ...(c.sessionKind === 'BUSINESS_TAX' ? { sessionId: c.sessionId, taxTopic: c.taxTopic ?? 'NONE' } : {}),
      },
    },
  };
}

/** Unanswered concerns whose deadline is before `now`, most overdue first. */
function overdueQuery(f: OverdueFilter, now: string): ListQuery {
  return listQueryOf(
    [f.wardId && { index: 'gsi2', partition: `WARD#${f.wardId}#DUE`, fixes: ['wardId'] }],
    { index: 'gsi1', partition: 'DUE' },
    { wardId: f.wardId, status: f.status, authority: f.authority },
    // NOTE: sort keys are "<dueAt>#<id>": BETWEEN "0" AND "<now>" is every dueAt < now.
    { ascending: true, range: { from: '0', to: now }, also: (filter) => filter.addRange('raisedAt', f.raised) },
  );
}

const waitingKey = (c: { raisedAt: string; id: string }) => ({ pk: 'WAITING', sk: `${c.raisedAt}#${c.id}` });

/** The waiting marker item of a concern still waiting for an answer. */
export function waitingItem(w: WaitingConcernRecord) {
  const sort = `${w.raisedAt}#${w.id}`;
  return { ...waitingKey(w), ...(w.wardId ? { gsi1pk: `WARD#${w.wardId}#WAITING`, gsi1sk: sort } : {}), type: 'WaitingConcern', ...w };
}

function waitingPut(tableName: string, w: WaitingConcernRecord): TransactItem {
  return { Put: { TableName: tableName, Item: waitingItem(w) } };
}

function listQuery(f: ConcernFilter): ListQuery {
  return listQueryOf(
    [f.sessionId && { index: 'gsi3', partition: `SESSION#${f.sessionId}#CONCERNS`, fixes: ['sessionId'] }, f.wardId && { index: 'gsi2', partition: `WARD#${f.wardId}#CONCERNS`, fixes: ['wardId'] }],
    { index: 'gsi1', partition: 'CONCERNS' },
    { sessionId: f.sessionId, wardId: f.wardId, status: f.status, authority: f.authority },
    { ascending: false, also: (filter) => filter.add('dueAt', f.notOverdueAt, '(attribute_not_exists(#dueAt) OR #dueAt >= :dueAt OR attribute_exists(#closedAt))', ['closedAt']) },
  );
}

/** The waiting marker of a concern (its fields now). */
export function waitingRecordOf(c: Concern): WaitingConcernRecord {
  return { id: c.id, wardId: c.wardId, topic: c.topic, authority: c.authority, status: c.status, raisedAt: c.raisedAt, sessionKind: c.sessionKind, ...(c.dueAt ? { dueAt: c.dueAt } : {}) };
}


function sourceRaising({ db, tableName }: TableDeps) {
  /** Creates a concern and marks what it was raised from (a resident's input, a tax question) RAISED, in one transaction. */
  async function createFromSource(concern: Concern, sourceRaised: TransactItem, counters: CounterDelta[], activity: Activity, engagement?: EngagementFacts): Promise<'created' | 'exists' | 'input-moved'> {
    const items: TransactItem[] = [
      { Put: { TableName: tableName, Item: concernItem(concern), ConditionExpression: 'attribute_not_exists(pk)' } },
      sourceRaised,
      ...counters.flatMap((c) => counterUpdates(tableName, c)),
      activityPut(tableName, activity),
      waitingPut(tableName, waitingRecordOf(concern)),
    ];
    if (concern.dueAt) items.push(dueMarkerPut(tableName, { ...concern, dueAt: concern.dueAt }));
    if (engagement) items.push(engagementPut(tableName, { ...engagement, sessionId: concern.sessionId }));
    try {
      await runTransaction(db, items);
      return 'created';
    } catch (error) {
      if (error instanceof ConditionFailedError) return error.index === 0 ? 'exists' : 'input-moved';
      throw error;
    }
  }
  return { createFromSource };
}

/** A concern created (from a session, an input or a tax question) and moved. */
function concernWrites({ db, tableName }: TableDeps) {
  const { createFromSource } = sourceRaising({ db, tableName });
  return {
    async getConcern(id: string, consistent = false): Promise<Concern | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: concernKey(id), ConsistentRead: consistent }));
      return out.Item ? concernFromItem(out.Item) : undefined;
    },
    /** Creates a concern once (its id comes from the requestId); false when it already exists. */
    async createConcern(concern: Concern, counters: CounterDelta[], activity: Activity, engagement?: EngagementFacts): Promise<boolean> {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: concernItem(concern), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counters.flatMap((c) => counterUpdates(tableName, c)),
        activityPut(tableName, activity),
        waitingPut(tableName, waitingRecordOf(concern)),
      ];
      if (concern.dueAt) items.push(dueMarkerPut(tableName, { ...concern, dueAt: concern.dueAt }));
      if (engagement) items.push(engagementPut(tableName, { ...engagement, sessionId: concern.sessionId }));
      return runConditionalTransaction(db, items);
    },
    /** Applies one move if the concern is still in `from`; false when it moved meanwhile (nothing written). */
    async moveConcern(
      id: string,
      from: ConcernStatus,
      change: ConcernChange,
      counters: CounterDelta[],
      activity: Activity,
      /** The concern after the move: its due and waiting markers are rewritten (still waiting) or deleted (answered). */
      after?: Concern,
      /** The move answers a concern raised from a resident's input: the input's answer and its contact's retention. */
      answered?: InputAnswered,
    ): Promise<boolean> {
      const update = expressionParts();
      update.add('status', change.to);
      update.add('authority', change.authority);
      update.add('history', [change.transition], '#history = list_append(#history, :history)');
      update.add('response', change.response);
      update.add('closedAt', change.closedAt || undefined);
      update.add('dueAt', change.dueAt || undefined);
      update.add('answerForm', change.answerForm);
      update.add('answerDocument', change.answerDocument);
      const markers: TransactItem[] = [];
      if (after?.closedAt) {
        markers.push({ Delete: { TableName: tableName, Key: dueMarkerKey(id) } }, { Delete: { TableName: tableName, Key: waitingKey(after) } });
      } else if (after) {
        if (after.dueAt) markers.push(dueMarkerPut(tableName, { ...after, dueAt: after.dueAt }));
        markers.push(waitingPut(tableName, waitingRecordOf(after)));
      }
      return runConditionalTransaction(db, [
          {
            Update: {
              TableName: tableName,
              Key: concernKey(id),
              UpdateExpression: `SET ${update.join(', ')}`,
              ConditionExpression: '#status = :from',
              ExpressionAttributeNames: update.names,
              ExpressionAttributeValues: { ...update.values, ':from': from },
            },
          },
          ...counters.flatMap((c) => counterUpdates(tableName, c)),
          activityPut(tableName, activity),
          ...markers,
          ...(answered ? inputAnsweredUpdates(tableName, answered) : []),
          ...(change.publicAnswer ? [publicAnswerPut(tableName, change.publicAnswer)] : []),
        ]);
    },
    createConcernFromInput: (concern, counters, activity) => createFromSource(concern, inputRaisedUpdate(tableName, concern.fromInput.id, concern.id), counters, activity),
    createConcernFromTaxQuestion: (concern, counters, activity, engagement) => createFromSource(concern, taxQuestionRaisedUpdate(tableName, concern.fromTaxQuestion, concern.id), counters, activity, engagement),
  } satisfies Partial<ConcernsPort>;
}

/** A concern handed over to another unit. */
function concernHandover({ db, tableName }: TableDeps) {
  return {
    /**
     * Hands a concern over to another unit (a reorganisation, or the pick of a successor): one history
     * entry, handledBy, the authority (DISTRICT becomes WARD), its markers, counters and audit entry in
     * one transaction. `reorganisationId` makes it once per reorganisation; a pick needs the concern to
     * be still awaiting one. False when the condition no longer holds (nothing written).
     */
    async handOverConcern(
      before: Concern,
      after: Concern,
      how: { reorganisationId?: string; transition: ConcernTransition },
      counters: CounterDelta[],
      activity: Activity,
    ): Promise<boolean> {
      const sets = ['#history = list_append(#history, :history)', '#authority = :authority', '#awaiting = :awaiting'];
      const removes: string[] = [];
      const names: Record<string, string> = { '#history': 'history', '#authority': 'authority', '#awaiting': 'awaitingSuccessor', '#status': 'status', '#handledBy': 'handledBy', '#candidates': 'successorCandidates' };
      const values: Record<string, unknown> = { ':history': [how.transition], ':authority': after.authority, ':awaiting': !!after.awaitingSuccessor, ':status': before.status };
      if (after.handledBy) {
        sets.push('#handledBy = :handledBy');
        values[':handledBy'] = after.handledBy;
      } else removes.push('#handledBy');
      if (after.successorCandidates?.length) {
        sets.push('#candidates = :candidates');
        values[':candidates'] = after.successorCandidates;
      } else removes.push('#candidates');
      let condition = '#status = :status';
      let adds = '';
      if (how.reorganisationId) {
        names['#handovers'] = 'handovers';
        values[':rid'] = how.reorganisationId;
        values[':rset'] = new Set([how.reorganisationId]);
        condition += ' AND (attribute_not_exists(#handovers) OR NOT contains(#handovers, :rid))';
        adds = ' ADD #handovers :rset';
      } else {
        condition += ' AND #awaiting = :true';
        values[':true'] = true;
      }
      const awaitingKey = { pk: 'AWAITING_SUCCESSOR', sk: `${before.raisedAt}#${before.id}` };
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: concernKey(before.id),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}${adds}`,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        ...counters.flatMap((c) => counterUpdates(tableName, c)),
        activityPut(tableName, activity),
        waitingPut(tableName, waitingRecordOf(after)),
        after.awaitingSuccessor
          ? { Put: { TableName: tableName, Item: { ...awaitingKey, type: 'AwaitingSuccessor', concernId: before.id } } }
          : { Delete: { TableName: tableName, Key: awaitingKey } },
      ];
      if (after.dueAt) items.push(dueMarkerPut(tableName, { ...after, dueAt: after.dueAt }));
      // The unit that takes a concern over finds it by this marker (its own ward's lists hold the concerns raised in it).
      if (after.handledBy && after.handledBy !== before.handledBy && after.handledBy !== before.wardId) {
        items.push({ Put: { TableName: tableName, Item: { pk: `HANDLED#${after.handledBy}`, sk: `${before.raisedAt}#${before.id}`, type: 'HandedOver', concernId: before.id } } });
      }
      return runConditionalTransaction(db, items);
    },
  } satisfies Partial<ConcernsPort>;
}

/** Concerns by unit, by session, by status and level, and those awaiting a successor. */
function concernLists({ db, tableName }: TableDeps) {
  return {
    /** The ids of the concerns handed over to a unit by reorganisations, oldest raised first. */
    async listHandedOverTo(wardId: string): Promise<string[]> {
      const ids: string[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `HANDLED#${wardId}` }, ExclusiveStartKey: startKey, ConsistentRead: true }),
        );
        ids.push(...(page.Items ?? []).map((i) => i.concernId as string));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return ids;
    },
    /** The ids of concerns awaiting a successor, oldest raised first (their markers: pk AWAITING_SUCCESSOR). */
    async listAwaitingSuccessor(): Promise<string[]> {
      const ids: string[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'AWAITING_SUCCESSOR' }, ExclusiveStartKey: startKey, ConsistentRead: true }),
        );
        ids.push(...(page.Items ?? []).map((i) => i.concernId as string));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return ids;
    },
    async listConcerns(filter: ConcernFilter, first: number, after?: string | null): Promise<RawPage & { concerns: Concern[] }> {
      const page = await queryPage(db, tableName, listQuery(filter), first, after);
      return { ...page, concerns: page.items.map((i) => concernFromItem(i.item)) };
    },
    countConcerns: (filter: ConcernFilter) => countList(db, tableName, listQuery(filter)),
  } satisfies Partial<ConcernsPort>;
}

/** The concerns still waiting for an answer, and those past their deadline. */
function waitingLists({ db, tableName }: TableDeps) {
  return {
    /** A page of unanswered concerns past their deadline at `now`, most overdue first. */
    async listOverdue(filter: OverdueFilter, now: string, first: number, after?: string | null): Promise<RawPage & { concerns: Concern[] }> {
      const page = await queryPage(db, tableName, overdueQuery(filter, now), first, after);
      const concerns = await Promise.all(
        page.items.map(async ({ item }) => {
          const out = await db.send(new GetCommand({ TableName: tableName, Key: concernKey(item.concernId as string) }));
          return out.Item ? concernFromItem(out.Item) : undefined;
        }),
      );
      const found = page.items.flatMap((p, i) => (concerns[i] ? [{ ...p, concern: concerns[i] }] : []));
      return { items: found, hasNextPage: page.hasNextPage, concerns: found.map((f) => f.concern) };
    },
    /** How many unanswered concerns are past their deadline at `now`: a counting Query of the due markers before now. */
    countOverdue: (filter: OverdueFilter, now: string) => countList(db, tableName, overdueQuery(filter, now)),
    /**
     * The concerns raised in [from, to) that still wait for an answer, oldest first, from their waiting
     * markers (district: pk WAITING; a ward: gsi1 WARD#<w>#WAITING). Reads only waiting concerns.
     */
    async listWaitingConcerns(period: { from: string; to: string } | undefined, wardId?: string): Promise<WaitingConcernRecord[]> {
      const out: WaitingConcernRecord[] = [];
      let startKey: Record<string, unknown> | undefined;
      const [pkName, skName] = wardId ? ['gsi1pk', 'gsi1sk'] : ['pk', 'sk'];
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: wardId ? 'gsi1' : undefined,
            KeyConditionExpression: period ? `${pkName} = :p AND ${skName} BETWEEN :from AND :to` : `${pkName} = :p`,
            ExpressionAttributeValues: { ':p': wardId ? `WARD#${wardId}#WAITING` : 'WAITING', ...(period ? { ':from': period.from, ':to': period.to } : {}) },
            ExclusiveStartKey: startKey,
            ConsistentRead: wardId ? undefined : true,
          }),
        );
        for (const item of page.Items ?? []) {
          out.push({
            id: item.id as string,
            wardId: (item.wardId as string | undefined) ?? undefined,
            topic: item.topic as string,
            authority: item.authority as Authority,
            status: item.status as ConcernStatus,
            raisedAt: item.raisedAt as string,
            sessionKind: item.sessionKind as Concern['sessionKind'],
            ...(item.dueAt ? { dueAt: item.dueAt as string } : {}),
          });
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return out;
    },
  } satisfies Partial<ConcernsPort>;
}

export function createConcernsStore(db: DynamoDBDocumentClient, tableName: string): ConcernsPort {
  return {
    ...concernWrites({ db, tableName }),
    ...concernHandover({ db, tableName }),
    ...concernLists({ db, tableName }),
    ...waitingLists({ db, tableName }),
  };
}
