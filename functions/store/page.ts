import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { BadCursorError, type RawPage } from '../domain/ports.js';
import { expressionParts } from './expression.js';

export interface ListQuery {
  index: 'gsi1' | 'gsi2' | 'gsi3';
  partition: string;
  /** Sort-key range [from, to) on the index's sort key (ISO instants prefix the sort keys). */
  range?: { from: string; to: string };
  /** A FilterExpression over non-key attributes, with its names and values. */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  /** false: newest (highest sort key) first. */
  ascending: boolean;
}

/** A list's partition on one index, and the filter fields it already fixes. */
export interface ListPartition {
  index: ListQuery['index'];
  partition: string;
  fixes?: readonly string[];
}

/**
 * The index rule of every list, in one place: read the first partition that applies (the caller lists
 * them most selective first; `undefined` or `false` where its key was not given), else the whole list;
 * every equality filter that partition does not fix becomes a FilterExpression (docs/data-model.md,
 * "Access patterns"). `also` adds clauses of its own (ranges, conditions).
 */
export function listQueryOf(
  partitions: readonly (ListPartition | false | '' | undefined)[],
  whole: ListPartition,
  equal: Record<string, string | undefined>,
  options: { ascending: boolean; range?: { from: string; to: string }; also?: (filter: ReturnType<typeof expressionParts>) => void },
): ListQuery {
  const chosen = partitions.find((p): p is ListPartition => !!p) ?? whole;
  const filter = expressionParts();
  for (const [field, value] of Object.entries(equal)) if (!chosen.fixes?.includes(field)) filter.add(field, value);
  options.also?.(filter);
  return { index: chosen.index, partition: chosen.partition, ascending: options.ascending, ...(options.range ? { range: options.range } : {}), filter: filter.asFilter() };
}

// NOTE: a cursor is the position of the last item seen (its index and table keys), so it survives
// writes made between pages: new items land before or after it, never shift it. base64url JSON,
// carrying the list's partition so a cursor from another list is refused, not misread.
function encodeCursor(q: ListQuery, item: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify([q.partition, item[`${q.index}sk`], item.pk, item.sk])).toString('base64url');
}

function decodeCursor(q: ListQuery, cursor: string): Record<string, unknown> {
  try {
    const [partition, indexSk, pk, sk] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (partition !== q.partition || typeof indexSk !== 'string' || typeof pk !== 'string' || typeof sk !== 'string') throw new Error();
    return { [`${q.index}pk`]: partition, [`${q.index}sk`]: indexSk, pk, sk };
  } catch {
    throw new BadCursorError();
  }
}

function baseInput(tableName: string, q: ListQuery): QueryCommandInput {
  const names: Record<string, string> = { '#ipk': `${q.index}pk`, ...(q.filter?.names ?? {}) };
  const values: Record<string, unknown> = { ':ipk': q.partition, ...(q.filter?.values ?? {}) };
  let key = '#ipk = :ipk';
  if (q.range) {
    names['#isk'] = `${q.index}sk`;
    values[':from'] = q.range.from;
    values[':to'] = q.range.to;
    // NOTE: sort keys are "<instant>#<id>", so BETWEEN "<from>" AND "<to>" is exactly [from, to):
    // "<to>#x" sorts after "<to>" and "<from>#x" after "<from>".
    key += ' AND #isk BETWEEN :from AND :to';
  }
  return {
    TableName: tableName,
    IndexName: q.index,
    KeyConditionExpression: key,
    FilterExpression: q.filter?.expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: q.ascending,
  };
}

/** Reads one page of `first` items after `after` (a cursor from this same list). */
export async function queryPage(db: DynamoDBDocumentClient, tableName: string, q: ListQuery, first: number, after?: string | null): Promise<RawPage> {
  const input = baseInput(tableName, q);
  let startKey = after ? decodeCursor(q, after) : undefined;
  const found: Record<string, unknown>[] = [];
  do {
    const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey, Limit: q.filter ? 100 : first + 1 - found.length }));
    found.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (found.length <= first && startKey);
  const page = found.slice(0, first);
  return { items: page.map((item) => ({ item, cursor: encodeCursor(q, item) })), hasNextPage: found.length > first };
}

/** Counts the items of a list (a counting Query over the index partition: never a Scan). */
export async function countList(db: DynamoDBDocumentClient, tableName: string, q: ListQuery): Promise<number> {
  const input = baseInput(tableName, q);
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
}
