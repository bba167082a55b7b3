import type { TableDeps } from './client.js';
import { BatchWriteCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity, InputChannel, InputStatus, Neighbourhood, ResidentInput } from '../domain/kernel/model.js';
import type { CounterDelta, InputFilter, InputsPort, NeighbourhoodsPort, RawPage, TriageChange } from '../domain/ports.js';
import { activityPut } from './activity-store.js';
import { listQueryOf, queryPage } from './page.js';
import { counterUpdates } from './stats-store.js';
import { ConditionFailedError, runTransaction, type TransactItem } from './transact.js';

// Items (docs/data-model.md, "Residents' voice"):
// - Neighbourhood pk NBH#<id>, sk NBH; gsi1 WARD#<wardId>#NBHS | <order>.
// - ResidentInput pk INPUT#<id>, sk INPUT; gsi1 INPUTS | gsi2 WARD#<w>#INPUTS | gsi3 SESSION#<s>#AGENDA
//   (once selected), sort <receivedAt>#<id>.
// - its contact, apart: pk INPUT#<id>, sk CONTACT; `ttl` set to the answer + the retention period by
//   the move that answers it (DynamoDB's TTL deletes it; reads treat it as gone from that instant).
// - its look-up code: pk LOOKUP#<code>, sk LOOKUP → inputId (a code is unique: the Put is conditional).
const nbhKey = (id: string) => ({ pk: `NBH#${id}`, sk: 'NBH' });
export const inputKey = (id: string) => ({ pk: `INPUT#${id}`, sk: 'INPUT' });
const contactKey = (id: string) => ({ pk: `INPUT#${id}`, sk: 'CONTACT' });
const lookupKey = (code: string) => ({ pk: `LOOKUP#${code}`, sk: 'LOOKUP' });

export function inputItem(i: ResidentInput) {
  const sort = `${i.receivedAt}#${i.id}`;
  return {
    ...inputKey(i.id),
    gsi1pk: 'INPUTS',
    gsi1sk: sort,
    gsi2pk: `WARD#${i.wardId}#INPUTS`,
    gsi2sk: sort,
    ...(i.sessionId ? { gsi3pk: `SESSION#${i.sessionId}#AGENDA`, gsi3sk: sort } : {}),
    type: 'ResidentInput',
    ...i,
  };
}

export function inputFromItem(item: Record<string, unknown>): ResidentInput {
  const opt = (k: string) => (item[k] as string | undefined) ?? undefined;
  return {
    id: item.id as string,
    wardId: item.wardId as string,
    neighbourhoodId: opt('neighbourhoodId'),
    channel: item.channel as InputChannel,
    topic: item.topic as string,
    text: item.text as string,
    supporters: item.supporters as number,
    status: item.status as InputStatus,
    receivedAt: item.receivedAt as string,
    by: item.by as string,
    lookupCode: item.lookupCode as string,
    hasContact: item.hasContact === true,
    sessionId: opt('sessionId'),
    concernId: opt('concernId'),
    mergedIntoId: opt('mergedIntoId'),
    note: opt('note'),
    answeredAt: opt('answeredAt'),
  };
}

/** The Update that marks an input RAISED, for the transaction that creates its concern (it must still be SELECTED). */
export function inputRaisedUpdate(tableName: string, inputId: string, concernId: string): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: inputKey(inputId),
      UpdateExpression: 'SET #status = :raised, concernId = :concern',
      ConditionExpression: '#status = :selected',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':raised': 'RAISED', ':selected': 'SELECTED', ':concern': concernId },
    },
  };
}

/** The writes of an input's answer, for the transaction of the move that answers its concern. */
export function inputAnsweredUpdates(tableName: string, answered: { inputId: string; answeredAt: string; contactExpiresAt?: number }): TransactItem[] {
  const items: TransactItem[] = [
    { Update: { TableName: tableName, Key: inputKey(answered.inputId), UpdateExpression: 'SET answeredAt = :at', ExpressionAttributeValues: { ':at': answered.answeredAt } } },
  ];
  if (answered.contactExpiresAt) {
    items.push({
      Update: {
        TableName: tableName,
        Key: contactKey(answered.inputId),
        // No condition: a contact already deleted on the resident's request must not stop the answer; the
        // item this then leaves holds no contact and expires by the same TTL.
        UpdateExpression: 'SET #ttl = :ttl',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':ttl': answered.contactExpiresAt },
      },
    });
  }
  return items;
}

function listQuery(f: InputFilter) {
  return listQueryOf(
    [f.sessionId && { index: 'gsi3', partition: `SESSION#${f.sessionId}#AGENDA`, fixes: ['sessionId'] }, f.wardId && { index: 'gsi2', partition: `WARD#${f.wardId}#INPUTS`, fixes: ['wardId'] }],
    { index: 'gsi1', partition: 'INPUTS' },
    { sessionId: f.sessionId, wardId: f.wardId, status: f.status },
    { ascending: false },
  );
}

export function createNeighbourhoodsStore(db: DynamoDBDocumentClient, tableName: string): NeighbourhoodsPort {
  return {
    async putNeighbourhoods(list: readonly Neighbourhood[]): Promise<void> {
      // Idempotent: a plain overwrite of the same items, 25 per batch (like the wards).
      for (let i = 0; i < list.length; i += 25) {
        const puts = list.slice(i, i + 25).map((n) => ({ PutRequest: { Item: { ...nbhKey(n.id), gsi1pk: `WARD#${n.wardId}#NBHS`, gsi1sk: String(n.order).padStart(5, '0'), type: 'Neighbourhood', ...n } } }));
        let unprocessed: Record<string, unknown> | undefined = { [tableName]: puts };
        for (let attempt = 0; unprocessed && Object.keys(unprocessed).length && attempt < 5; attempt++) {
          const out = await db.send(new BatchWriteCommand({ RequestItems: unprocessed as never }));
          unprocessed = out.UnprocessedItems as Record<string, unknown> | undefined;
        }
      }
    },
    async listNeighbourhoods(wardId: string): Promise<Neighbourhood[]> {
      const out = await db.send(
        new QueryCommand({ TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `WARD#${wardId}#NBHS` } }),
      );
      return (out.Items ?? []).map(neighbourhoodFromItem);
    },
    async getNeighbourhood(id: string): Promise<Neighbourhood | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: nbhKey(id) }));
      return out.Item ? neighbourhoodFromItem(out.Item) : undefined;
    },
  };
}

function neighbourhoodFromItem(item: Record<string, unknown>): Neighbourhood {
  return { id: item.id as string, wardId: item.wardId as string, name: item.name as string, order: item.order as number, generated: item.generated === true };
}

function inputReads({ db, tableName }: TableDeps) {
  async function getInput(id: string, consistent = false): Promise<ResidentInput | undefined> {
    const out = await db.send(new GetCommand({ TableName: tableName, Key: inputKey(id), ConsistentRead: consistent }));
    return out.Item ? inputFromItem(out.Item) : undefined;
  }
  return { getInput };
}

/** An input recorded with its look-up code and contact. */
function inputWrites({ db, tableName }: TableDeps) {
  const { getInput } = inputReads({ db, tableName });
  return {
    getInput,
    /**
     * Creates an input once (its id comes from the requestId) with its look-up code, its contact (apart)
     * and counters. 'exists': the input was there (a repeat; nothing written); 'code-taken': the code
     * belongs to another input (draw another).
     */
    async createInput(input: ResidentInput, contact: { contact: string; consentAt: string } | undefined, counters: CounterDelta[], activity?: Activity): Promise<'created' | 'exists' | 'code-taken'> {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: inputItem(input), ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: tableName, Item: { ...lookupKey(input.lookupCode), type: 'LookupCode', inputId: input.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counters.flatMap((c) => counterUpdates(tableName, c)),
      ];
      if (contact) items.push({ Put: { TableName: tableName, Item: { ...contactKey(input.id), type: 'InputContact', ...contact } } });
      if (activity) items.push(activityPut(tableName, activity));
      try {
        await runTransaction(db, items);
        return 'created';
      } catch (error) {
        if (error instanceof ConditionFailedError) return error.index === 0 ? 'exists' : 'code-taken';
        throw error;
      }
    },
    async inputIdOfCode(code: string): Promise<string | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: lookupKey(code) }));
      return (out.Item?.inputId as string | undefined) ?? undefined;
    },
    /** The contact, unless its retention ended (`ttl` passed: DynamoDB deletes it within days; we never show it again). */
    async getContact(id: string, nowSeconds: number): Promise<string | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: contactKey(id) }));
      if (!out.Item) return undefined;
      if (typeof out.Item.ttl === 'number' && out.Item.ttl <= nowSeconds) return undefined;
      return out.Item.contact as string;
    },
  } satisfies Partial<InputsPort>;
}

/** One triage move, conditional on the input as read. */
function inputTriage({ db, tableName }: TableDeps) {
  return {
    /** One triage move, if the input is still in `change.from` (and a merge target still open): false when not (nothing written). */
    async triage(change: TriageChange, counters: CounterDelta[], activity: Activity): Promise<boolean> {
      const { input, after } = change;
      // An Update of the fields that move (never a Put of the whole item: a merge into this input may
      // have added supporters since it was read).
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':from': input.status, ':to': after.status };
      const set = ['#status = :to'];
      const remove: string[] = [];
      for (const field of ['sessionId', 'mergedIntoId', 'note'] as const) {
        if (after[field] === input[field]) continue;
        names[`#${field}`] = field;
        if (after[field] === undefined) remove.push(`#${field}`);
        else {
          values[`:${field}`] = after[field];
          set.push(`#${field} = :${field}`);
        }
      }
      if (after.sessionId && after.sessionId !== input.sessionId) {
        Object.assign(values, { ':g3pk': `SESSION#${after.sessionId}#AGENDA`, ':g3sk': `${input.receivedAt}#${input.id}` });
        set.push('gsi3pk = :g3pk', 'gsi3sk = :g3sk');
      } else if (!after.sessionId && input.sessionId) remove.push('gsi3pk', 'gsi3sk');
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: inputKey(input.id),
            UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ];
      if (change.mergeInto) {
        items.push({
          Update: {
            TableName: tableName,
            Key: inputKey(change.mergeInto.id),
            UpdateExpression: 'ADD supporters :n',
            ConditionExpression: '#status IN (:r, :s, :x)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':n': input.supporters, ':r': 'RECEIVED', ':s': 'SELECTED', ':x': 'RAISED' },
          },
        });
      }
      items.push(...counters.flatMap((c) => counterUpdates(tableName, c)), activityPut(tableName, activity));
      try {
        await runTransaction(db, items);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
  } satisfies Partial<InputsPort>;
}

/** Inputs by ward and status, and a session's agenda. */
function inputLists({ db, tableName }: TableDeps) {
  return {
    async listInputs(filter: InputFilter, first: number, after?: string | null): Promise<RawPage & { inputs: ResidentInput[] }> {
      const page = await queryPage(db, tableName, listQuery(filter), first, after);
      return { ...page, inputs: page.items.map(({ item }) => inputFromItem(item)) };
    },
    /** A session's agenda items (SELECTED and RAISED inputs), unordered: one Query of its AGENDA partition. */
    async agendaOf(sessionId: string): Promise<ResidentInput[]> {
      const out: ResidentInput[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({ TableName: tableName, IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :p', ExpressionAttributeValues: { ':p': `SESSION#${sessionId}#AGENDA` }, ExclusiveStartKey: start }),
        );
        out.push(...(page.Items ?? []).map(inputFromItem));
        start = page.LastEvaluatedKey;
      } while (start);
      return out.filter((i) => i.status === 'SELECTED' || i.status === 'RAISED');
    },
  } satisfies Partial<InputsPort>;
}

export function createInputsStore(db: DynamoDBDocumentClient, tableName: string): InputsPort {
  return {
    ...inputWrites({ db, tableName }),
    ...inputTriage({ db, tableName }),
    ...inputLists({ db, tableName }),
  };
}
