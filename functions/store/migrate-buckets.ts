/**
 * Moves counter buckets of the layout before calendar roll-ups (`T#<instant>#<shard>` items under
 * `STATS#DISTRICT`, `STATS#WARD#<w>` and `STATS#NBH#<n>`) to the current one (docs/data-model.md,
 * "Calendar roll-ups"): each unit's instant, day and year items, the records with no ward apart
 * (`STATS#NOWARD`), and a ward's inputs with their neighbourhood (`STATS#INPUTS#<w>`).
 *
 * Before, one record added to the district's bucket AND its ward's (and an input to its ward's AND its
 * neighbourhood's). Now each record is counted once, in its unit. So, per instant:
 * - a ward's counters (but its inputs) go to its unit;
 * - the district's, less its wards' at that instant, go to the records with no ward;
 * - a neighbourhood's inputs go to its ward's inputs, marked with it; the ward's inputs, less its
 *   neighbourhoods', go there with no neighbourhood.
 *
 * Idempotent and resumable: the legacy items are only read (until the end), each target is computed
 * from them alone, and written by one transaction whose instant item takes a `migrated` mark under
 * the condition that it has none: a second run (or a run resumed after a crash) skips what was
 * written. When every target is written, a `MIGRATION#BUCKETS` item records it and the legacy items
 * are deleted. Live writes may run meanwhile: they never touch legacy items, and ADDs commute.
 */
import { BatchWriteCommand, GetCommand, PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CounterScope } from '../domain/ports.js';
import { ConditionFailedError, runTransaction } from './transact.js';
import { migratedCounterUpdates } from './stats-store.js';

const DONE_KEY = { pk: 'MIGRATION#BUCKETS', sk: 'DONE' };
const INPUT_COUNTER = /^(inputs|inputSupporters|inputsSelected|inputsDeclined|inputsMerged|inputsRaised|inputsAnswered|ida_\d+)$/;
const NOT_COUNTERS = new Set(['pk', 'sk', 'type']);

export interface MigrationResult {
  /** Nothing to do: already migrated (or a new table). */
  alreadyDone: boolean;
  legacyItems: number;
  targets: number;
  written: number;
  /** Targets a previous run had written (refused by their mark). */
  skipped: number;
}

type Counters = Record<string, number>;
const addInto = (into: Counters, from: Counters, sign = 1) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + sign * n;
};
const split = (c: Counters) => {
  const inputs: Counters = {};
  const other: Counters = {};
  for (const [k, n] of Object.entries(c)) (INPUT_COUNTER.test(k) ? inputs : other)[k] = n;
  return { inputs, other };
};
const nonZero = (c: Counters) => Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0));

/** Reads every legacy bucket item, summed per (partition, instant). */
async function readLegacy(db: DynamoDBDocumentClient, tableName: string): Promise<{ sums: Map<string, Map<string, Counters>>; keys: { pk: string; sk: string }[] }> {
  const sums = new Map<string, Map<string, Counters>>();
  const keys: { pk: string; sk: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :stats) AND begins_with(sk, :t)',
        ExpressionAttributeValues: { ':stats': 'STATS#', ':t': 'T#' },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    for (const item of out.Items ?? []) {
      const pk = String(item.pk);
      const sk = String(item.sk);
      keys.push({ pk, sk });
      const instant = sk.slice(2, sk.lastIndexOf('#'));
      const byInstant = sums.get(pk) ?? new Map<string, Counters>();
      const counters = byInstant.get(instant) ?? {};
      for (const [k, v] of Object.entries(item)) if (!NOT_COUNTERS.has(k) && typeof v === 'number') counters[k] = (counters[k] ?? 0) + v;
      byInstant.set(instant, counters);
      sums.set(pk, byInstant);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return { sums, keys };
}

/** The current layout's deltas that hold exactly what the legacy items held (see the file's comment). */
export function migrationTargets(sums: Map<string, Map<string, Counters>>, wardOfNeighbourhood: (id: string) => string): { scope: CounterScope; add: Counters }[] {
  const targets: { scope: CounterScope; add: Counters }[] = [];
  const wardsAt = new Map<string, Counters>(); // instant → the wards' non-input counters, summed
  const nbhAt = new Map<string, Counters>(); // `${ward}|${instant}` → the ward's neighbourhoods' inputs, summed
  for (const [pk, byInstant] of sums) {
    if (pk.startsWith('STATS#NBH#')) {
      const neighbourhoodId = pk.slice('STATS#NBH#'.length);
      const wardId = wardOfNeighbourhood(neighbourhoodId);
      for (const [at, c] of byInstant) {
        const { inputs } = split(c);
        targets.push({ scope: { kind: 'inputs', wardId, neighbourhoodId, at }, add: inputs });
        const key = `${wardId}|${at}`;
        addInto((nbhAt.get(key) ?? nbhAt.set(key, {}).get(key))!, inputs);
      }
    }
  }
  for (const [pk, byInstant] of sums) {
    if (!pk.startsWith('STATS#WARD#')) continue;
    const wardId = pk.slice('STATS#WARD#'.length);
    for (const [at, c] of byInstant) {
      const { inputs, other } = split(c);
      targets.push({ scope: { kind: 'unit', wardId, at }, add: other });
      addInto((wardsAt.get(at) ?? wardsAt.set(at, {}).get(at))!, other);
      const withoutNeighbourhood = { ...inputs };
      addInto(withoutNeighbourhood, nbhAt.get(`${wardId}|${at}`) ?? {}, -1);
      targets.push({ scope: { kind: 'inputs', wardId, at }, add: withoutNeighbourhood });
    }
  }
  for (const [at, c] of sums.get('STATS#DISTRICT') ?? []) {
    const noWard = { ...split(c).other };
    addInto(noWard, wardsAt.get(at) ?? {}, -1);
    targets.push({ scope: { kind: 'unit', at }, add: noWard });
  }
  return targets.map((t) => ({ ...t, add: nonZero(t.add) })).filter((t) => Object.keys(t.add).length > 0);
}

export async function migrateLegacyBuckets(db: DynamoDBDocumentClient, tableName: string, options: { wardOfNeighbourhood?: (id: string) => string; log?: (line: string) => void; concurrency?: number } = {}): Promise<MigrationResult> {
  const done = await db.send(new GetCommand({ TableName: tableName, Key: DONE_KEY, ConsistentRead: true }));
  if (done.Item?.cleaned) return { alreadyDone: true, legacyItems: 0, targets: 0, written: 0, skipped: 0 };
  const { sums, keys } = await readLegacy(db, tableName);
  const wardOfNeighbourhood = options.wardOfNeighbourhood ?? ((id: string) => id.replace(/-kp\d+$/, ''));
  const targets = done.Item ? [] : migrationTargets(sums, wardOfNeighbourhood);
  let written = 0;
  let skipped = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 8 }, async () => {
      while (next < targets.length) {
        const t = targets[next++]!;
        try {
          await runTransaction(db, migratedCounterUpdates(tableName, t.scope, t.add));
          written += 1;
        } catch (error) {
          if (!(error instanceof ConditionFailedError)) throw error;
          skipped += 1;
        }
      }
    }),
  );
  const record = { ...DONE_KEY, type: 'Migration', legacyItems: keys.length, targets: targets.length, at: new Date().toISOString() };
  if (!done.Item) await db.send(new PutCommand({ TableName: tableName, Item: record }));
  // Only once every target is written: the legacy items are no longer needed.
  for (let i = 0; i < keys.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    while (pending?.length) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
    }
  }
  await db.send(new PutCommand({ TableName: tableName, Item: { ...(done.Item ?? record), cleaned: true } }));
  if (keys.length) options.log?.(`counters: ${keys.length} legacy bucket items moved to calendar roll-ups (${written} written, ${skipped} already there)`);
  return { alreadyDone: keys.length === 0, legacyItems: keys.length, targets: targets.length, written, skipped };
}
