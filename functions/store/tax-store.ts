import type { TableDeps } from './client.js';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity, InputStatus, TaxQuestion } from '../domain/kernel/model.js';
import type { CounterDelta, PublicTaxAnswerRecord, RoundAttendee, TaxPort, TaxQuestionFilter } from '../domain/ports.js';
import { activityPut } from './activity-store.js';
import { listQueryOf, queryPage } from './page.js';
import { counterUpdates } from './stats-store.js';
import { ConditionFailedError, runTransaction, type TransactItem } from './transact.js';

// Items (docs/data-model.md, "Tax dialogues"):
//   TaxQuestion     pk TAXQ#<id>        sk TAXQ          gsi1 TAXQS | gsi2 BUSINESS#<businessId>#TAXQS | gsi3 SESSION#<sessionId>#TAXQS, sort <receivedAt>#<id>
//   its code        pk TAXCODE#<code>   sk TAXCODE       → questionId (unique: the Put is conditional)
//   attended marker pk SESSION#<id>     sk ATTENDED#<businessId>  (written with the business's check-in)
//   rating          pk SESSION#<id>     sk RATING#<businessId>    (one per business and round; the comment stays here)
//   public answer   pk TAXANSWERS       sk <answeredAt>#<concernId> (written by the move that answers a tax question)
export const taxQuestionKey = (id: string) => ({ pk: `TAXQ#${id}`, sk: 'TAXQ' });
const codeKey = (code: string) => ({ pk: `TAXCODE#${code}`, sk: 'TAXCODE' });
const PUBLIC_ANSWERS = 'TAXANSWERS';

export function taxQuestionItem(q: TaxQuestion) {
  const sort = `${q.receivedAt}#${q.id}`;
  return { ...taxQuestionKey(q.id), gsi1pk: 'TAXQS', gsi1sk: sort, gsi2pk: `BUSINESS#${q.businessId}#TAXQS`, gsi2sk: sort, gsi3pk: `SESSION#${q.sessionId}#TAXQS`, gsi3sk: sort, type: 'TaxQuestion', ...q };
}

export function taxQuestionFromItem(item: Record<string, unknown>): TaxQuestion {
  return {
    id: item.id as string,
    sessionId: item.sessionId as string,
    businessId: item.businessId as string,
    topic: item.topic as string,
    text: item.text as string,
    status: item.status as InputStatus,
    receivedAt: item.receivedAt as string,
    supporters: Number(item.supporters ?? 1),
    by: item.by as string,
    lookupCode: item.lookupCode as string,
    ...(item.concernId ? { concernId: item.concernId as string } : {}),
    ...(item.mergedIntoId ? { mergedIntoId: item.mergedIntoId as string } : {}),
    ...(item.note ? { note: item.note as string } : {}),
  };
}

/** The Update that marks a question RAISED, for the transaction that creates its concern (it must still be SELECTED). */
export function taxQuestionRaisedUpdate(tableName: string, questionId: string, concernId: string): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: taxQuestionKey(questionId),
      UpdateExpression: 'SET #status = :raised, concernId = :concern',
      ConditionExpression: '#status = :selected',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':raised': 'RAISED', ':selected': 'SELECTED', ':concern': concernId },
    },
  };
}

/** The marker of a business that checked in to a round, for the check-in's transaction (a Put: again changes nothing). */
export function attendedPut(tableName: string, sessionId: string, a: RoundAttendee): TransactItem {
  return { Put: { TableName: tableName, Item: { pk: `SESSION#${sessionId}`, sk: `ATTENDED#${a.businessId}`, type: 'RoundAttendee', ...a } } };
}

/** The public answer item, for the transaction of the move that answers a tax question. */
export function publicAnswerPut(tableName: string, a: PublicTaxAnswerRecord): TransactItem {
  return { Put: { TableName: tableName, Item: { pk: PUBLIC_ANSWERS, sk: `${a.answeredAt}#${a.concernId}`, type: 'PublicTaxAnswer', ...a } } };
}

function listQuery(f: TaxQuestionFilter) {
  return listQueryOf(
    [f.sessionId && { index: 'gsi3', partition: `SESSION#${f.sessionId}#TAXQS`, fixes: ['sessionId'] }, f.businessId && { index: 'gsi2', partition: `BUSINESS#${f.businessId}#TAXQS`, fixes: ['businessId'] }],
    { index: 'gsi1', partition: 'TAXQS' },
    { sessionId: f.sessionId, businessId: f.businessId, status: f.status },
    { ascending: false },
  );
}

function taxQueries({ db, tableName }: TableDeps) {
  async function queryAll(pk: string, prefix: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': pk, ':s': prefix }, ExclusiveStartKey: start, ConsistentRead: true }),
      );
      out.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  return { queryAll };
}

/** Questions sent in advance: recorded, triaged, listed. */
function taxQuestionItems({ db, tableName }: TableDeps) {
  return {
    async getQuestion(id, consistent = false) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: taxQuestionKey(id), ConsistentRead: consistent }));
      return out.Item ? taxQuestionFromItem(out.Item) : undefined;
    },
    async createQuestion(q: TaxQuestion, counters: CounterDelta[], activity?: Activity) {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: taxQuestionItem(q), ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: tableName, Item: { ...codeKey(q.lookupCode), type: 'TaxLookupCode', questionId: q.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counters.flatMap((c) => counterUpdates(tableName, c)),
      ];
      if (activity) items.push(activityPut(tableName, activity));
      try {
        await runTransaction(db, items);
        return 'created';
      } catch (error) {
        if (error instanceof ConditionFailedError) return error.index === 0 ? 'exists' : 'code-taken';
        throw error;
      }
    },
    async questionIdOfCode(code: string) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: codeKey(code) }));
      return (out.Item?.questionId as string | undefined) ?? undefined;
    },
    async triageQuestion(before, after, mergeInto, activity) {
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':from': before.status, ':to': after.status };
      const set = ['#status = :to'];
      for (const field of ['mergedIntoId', 'note'] as const) {
        if (after[field] === undefined || after[field] === before[field]) continue;
        names[`#${field}`] = field;
        values[`:${field}`] = after[field];
        set.push(`#${field} = :${field}`);
      }
      const items: TransactItem[] = [
        { Update: { TableName: tableName, Key: taxQuestionKey(before.id), UpdateExpression: `SET ${set.join(', ')}`, ConditionExpression: '#status = :from', ExpressionAttributeNames: names, ExpressionAttributeValues: values } },
      ];
      if (mergeInto) {
        items.push({
          Update: {
            TableName: tableName,
            Key: taxQuestionKey(mergeInto.id),
            UpdateExpression: 'ADD supporters :n',
            ConditionExpression: '#status IN (:r, :s, :x)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':n': before.supporters, ':r': 'RECEIVED', ':s': 'SELECTED', ':x': 'RAISED' },
          },
        });
      }
      items.push(activityPut(tableName, activity));
      try {
        await runTransaction(db, items);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
    async listQuestions(filter, first, after) {
      const page = await queryPage(db, tableName, listQuery(filter), first, after);
      return { ...page, questions: page.items.map(({ item }) => taxQuestionFromItem(item)) };
    },
  } satisfies Partial<TaxPort>;
}

/** A round's attendees and ratings, the public answers and the overdue questions. */
function taxRoundItems({ db, tableName }: TableDeps) {
  const { queryAll } = taxQueries({ db, tableName });
  return {
    async listEngagedSessions(businessId: string) {
      const items = await queryAll(`ENGAGED#${businessId}`, 'SESSION#');
      return items.map((i) => ({ sessionId: i.sessionId as string, ...(i.scheduledAt ? { scheduledAt: i.scheduledAt as string } : {}) }));
    },
    async listAttendees(sessionId: string) {
      const items = await queryAll(`SESSION#${sessionId}`, 'ATTENDED#');
      return items.map((i) => ({ businessId: i.businessId as string, ...(i.sector ? { sector: i.sector as string } : {}), ...(i.wardId ? { wardId: i.wardId as string } : {}) }));
    },
    async getRating(sessionId, businessId) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: `SESSION#${sessionId}`, sk: `RATING#${businessId}` }, ConsistentRead: true }));
      return out.Item ? { requestId: out.Item.requestId as string } : undefined;
    },
    async putRating(rating, counters) {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: { pk: `SESSION#${rating.sessionId}`, sk: `RATING#${rating.businessId}`, type: 'Rating', ...rating }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counters.flatMap((c) => counterUpdates(tableName, c)),
      ];
      try {
        await runTransaction(db, items);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
    async listPublicAnswers(first: number, after?: string) {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: after ? 'pk = :p AND sk < :after' : 'pk = :p',
          ExpressionAttributeValues: { ':p': PUBLIC_ANSWERS, ...(after ? { ':after': after } : {}) },
          ScanIndexForward: false,
          Limit: first,
        }),
      );
      const items = page.Items ?? [];
      const answers = items.map((i) => ({
        concernId: i.concernId as string,
        sessionId: i.sessionId as string,
        topic: i.topic as string,
        question: i.question as string,
        answer: i.answer as string,
        answerForm: i.answerForm as PublicTaxAnswerRecord['answerForm'],
        answeredAt: i.answeredAt as string,
        taxOfficeId: i.taxOfficeId as string,
      }));
      return { answers, next: page.LastEvaluatedKey ? (page.LastEvaluatedKey.sk as string) : undefined };
    },
    async listOverdueTaxQuestions(now: string) {
      const out: { sessionId: string; topic: string }[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            // NOTE: due markers sort by "<dueAt>#<id>": BETWEEN "0" AND now is every dueAt before now.
            KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :now',
            FilterExpression: 'attribute_exists(taxTopic)',
            ExpressionAttributeValues: { ':p': 'DUE', ':from': '0', ':now': now },
            ExclusiveStartKey: start,
          }),
        );
        for (const i of page.Items ?? []) out.push({ sessionId: i.sessionId as string, topic: i.taxTopic as string });
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },
  } satisfies Partial<TaxPort>;
}

export function createTaxStore(db: DynamoDBDocumentClient, tableName: string): TaxPort {
  return {
    ...taxQuestionItems({ db, tableName }),
    ...taxRoundItems({ db, tableName }),
  };
}
