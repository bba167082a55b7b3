import type { Logger } from '@aws-lambda-powertools/logger';
import { execute, type GraphQLSchema } from 'graphql';
import type { Domain } from '../domain/index.js';
import type { ConnectionsStore, PendingPost, SubscriptionRecord } from '../store/connections-store.js';
import { chunksOf, createLimiter, sendPosts, type FanoutInvoker, type SendResult, type SendStats } from './fanout.js';
import type { ConnectionApi } from './connection-api.js';
import { mergeEvents, rootValueOf, type RealtimeEvent } from './events.js';
import { formatResult, parseCached } from './operation.js';
import { matchesFilter, topicsOf } from './topics.js';

export interface PublishDeps {
  connections: ConnectionsStore;
  api: ConnectionApi;
  schema: GraphQLSchema;
  domain: Domain;
  logger: Logger;
  /** Posts in flight at once (API Gateway allows far more; Lambda's sockets and CPU are the limit). */
  concurrency?: number;
  /** Posts a large topic's chunks elsewhere (the `fanout` function); without it everything is posted here. */
  fanout?: FanoutInvoker;
  /** A message to more connections than this is split into chunks of `fanoutChunkSize` (500 / 250). */
  fanoutThreshold?: number;
  fanoutChunkSize?: number;
}

export interface PublishStats {
  subscribers: number;
  sent: number;
  gone: number;
  expired: number;
  failed: number;
  duplicates: number;
  /** Records merged into another's message (conflation), posts refused with 429, other posts retried. */
  merged: number;
  throttled: number;
  retried: number;
  /** Posts not sent in the time budget (kept for the retry), and such posts sent on a retry. */
  owed: number;
  owedSent: number;
  /** Chunks handed to the `fanout` function. */
  chunks: number;
  executions: number;
  /**
   * Where the time goes (milliseconds, summed over events and topics, which overlap): reading the
   * topic's subscriptions, claiming the delivery, reading the event's value, running documents, posting.
   */
  readMs: number;
  claimMs: number;
  loadMs: number;
  executeMs: number;
  postMs: number;
}

export const emptyStats = (): PublishStats => ({ subscribers: 0, sent: 0, gone: 0, expired: 0, failed: 0, duplicates: 0, merged: 0, throttled: 0, retried: 0, owed: 0, owedSent: 0, chunks: 0, executions: 0, readMs: 0, claimMs: 0, loadMs: 0, executeMs: 0, postMs: 0 });

/**
 * Subscribers with the same document, variables and visibility (role and ward) get the same
 * result: it is computed once per group, then posted to each. Reads depend on role and ward, never
 * on who the user is (../shared/contract/README.md: every role reads everything).
 */
function groupKey(sub: SubscriptionRecord): string {
  return JSON.stringify([sub.query, sub.operationName ?? null, sub.variables ?? null, sub.actor.role, sub.actor.wardId ?? null]);
}

/**
 * The store as one publisher invocation sees it: each topic's subscriptions are read once and
 * reused by every record of the batch (a burst of check-ins on one session is one read of its
 * subscribers, not one per check-in). Sound because every record of a batch was written before the
 * batch was read: a subscription filed after the first read missed none of them. A connection that
 * goes during the batch is found gone (410) at the next post, as it would be anyway.
 */
export function readSubscribersOncePerBatch(store: ConnectionsStore): ConnectionsStore {
  const topics = new Map<string, Promise<SubscriptionRecord[][]>>();
  return {
    ...store,
    async *listSubscriptionsByTopic(topic: string): AsyncGenerator<SubscriptionRecord[]> {
      let pages = topics.get(topic);
      if (!pages) {
        pages = (async () => {
          const read: SubscriptionRecord[][] = [];
          for await (const page of store.listSubscriptionsByTopic(topic)) read.push(page);
          return read;
        })();
        topics.set(topic, pages);
        pages.catch(() => topics.delete(topic)); // a failed read is retried by the next record
      }
      yield* await pages;
    },
  };
}

/** What one delivery could not do: records to report as batch item failures (they come again). */
export interface PublishOutcome {
  failed: Set<string>;
}

/** How long the publisher may keep retrying throttled posts when it is not given a deadline. */
const DEFAULT_BUDGET_MS = 20_000;


/** One call of publishConflated: its deps, stats and deadline, the records it must report, and its helpers. */
interface Delivery {
  deps: PublishDeps;
  stats: PublishStats;
  deadline: number;
  /** Stream records (event ids) to report as failures: they come again. */
  failed: Set<string>;
  limit: ReturnType<typeof createLimiter>;
  dropConnection(connectionId: string, reason: 'gone' | 'expired'): Promise<void>;
  /** Sends posts with retries until the deadline (a large topic in chunks by `fanout`); returns what is still owed. */
  sendAll(posts: PendingPost[]): Promise<PendingPost[]>;
}

function createDelivery(deps: PublishDeps, stats: PublishStats, deadline: number): Delivery {
  const limit = createLimiter(deps.concurrency ?? 64);
  const closed = new Set<string>();
  const delivery: Delivery = {
    deps,
    stats,
    deadline,
    failed: new Set<string>(),
    limit,
    async dropConnection(connectionId, reason) {
      if (closed.has(connectionId)) return;
      closed.add(connectionId);
      if (reason === 'expired') await deps.api.close(connectionId).catch(() => undefined);
      await deps.connections.deleteConnection(connectionId);
    },
    async sendAll(posts) {
      const useFanout = deps.fanout && posts.length > (deps.fanoutThreshold ?? 500);
      const results = useFanout
        ? await sendInChunks(delivery, posts)
        : [await sendPosts(deps.api, posts, deadline, stats, { concurrency: deps.concurrency ?? 64, warn: (message, details) => deps.logger.warn(message, { ...details, error: details.error as Error }) })];
      await Promise.all(results.flatMap((r) => r.gone).map((connectionId) => limit(() => delivery.dropConnection(connectionId, 'gone'))));
      return results.flatMap((r) => r.unsent);
    },
  };
  return delivery;
}

/** Hands a large topic's posts to the `fanout` function in parallel chunks; a chunk that fails is owed whole. */
async function sendInChunks({ deps, stats, deadline }: Delivery, posts: PendingPost[]): Promise<SendResult[]> {
  const chunks = chunksOf(posts, deps.fanoutChunkSize ?? 250);
  stats.chunks += chunks.length;
  return Promise.all(
    chunks.map(async (chunk) => {
      try {
        const result = await deps.fanout!.invoke({ posts: chunk, deadline });
        for (const key of Object.keys(result.stats) as (keyof SendStats)[]) stats[key] += result.stats[key];
        return result;
      } catch (error) {
        // The chunk's outcome is unknown: all of it is owed (kept and retried).
        deps.logger.error('fanout chunk failed', { posts: chunk.length, error: error as Error });
        return { unsent: chunk, gone: [] };
      }
    }),
  );
}

/** Measures one step's time into a stats field. */
async function timed<T>(stats: PublishStats, field: 'readMs' | 'claimMs' | 'loadMs' | 'executeMs' | 'postMs', step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    stats[field] += performance.now() - started;
  }
}

/**
 * Delivers events of one conflation key (a session's check-ins, a concern's moves, in stream order)
 * as ONE message per topic and subscriber group. For each topic (deliverTopic):
 * 1. claims every event's delivery (one conditional Put per stream record and topic, in parallel):
 *    a redelivered record is not claimed again, and only what this invocation claimed is merged, so
 *    a record reaches nobody twice and a merged delta counts each check-in once;
 * 2. sends first what an earlier delivery of these records still owed (posts it could not make in
 *    its time, kept on the record's claim), so a client's updates stay in stream order;
 * 3. merges the claimed events (mergeEvents), runs each subscriber group's own document against the
 *    merged event once and posts `next` to every connection of the group.
 * A throttled post (429) is retried with exponential backoff and full jitter until `deadline`; what
 * still cannot be sent is kept on the claim of the first merged record, which is reported failed, so
 * the stream delivers it again and step 2 sends exactly those posts. A gone connection (410) and one
 * whose token has expired are deleted; one failing post never stops the others.
 */
export async function publishConflated(deps: PublishDeps, events: RealtimeEvent[], stats: PublishStats = emptyStats(), deadline = Date.now() + DEFAULT_BUDGET_MS): Promise<PublishOutcome> {
  const delivery = createDelivery(deps, stats, deadline);
  const topics = [...new Set(events.flatMap((event) => topicsOf(event)))];
  // A subscription is filed under exactly one topic, so topics are delivered independently.
  await Promise.all(topics.map((topic) => deliverTopic(delivery, topic, events.filter((event) => topicsOf(event).includes(topic)))));
  return { failed: delivery.failed };
}

async function deliverTopic(d: Delivery, topic: string, parts: RealtimeEvent[]): Promise<void> {
  const { deps, stats, failed } = d;
  const pages = deps.connections.listSubscriptionsByTopic(topic);
  const first = await timed(stats, 'readMs', () => pages.next());
  if (first.done) return; // nobody listens: no claim, no read
  const claims = await timed(stats, 'claimMs', () => deps.connections.claimDeliveries(parts.map((part) => part.id), topic));
  const claimed = parts.filter((_, i) => claims[i].claimed);
  const release = async () => {
    for (const part of claimed) failed.add(part.id);
    await Promise.all(claimed.map((part) => deps.connections.releaseDelivery(part.id, topic)));
  };

  if (await sendOwed(d, topic, parts, claims)) {
    // Still owed: sending anything newer now could reach a client before the older update.
    deps.logger.warn('posts still owed; later records wait', { eventId: parts[0].id, topic });
    return release();
  }
  if (!claimed.length) {
    deps.logger.info('already delivered', { eventId: parts[0].id, topic });
    return;
  }
  const event = mergeEvents(claimed);
  stats.merged += claimed.length - 1;
  let rootValue;
  try {
    rootValue = await timed(stats, 'loadMs', () => rootValueOf(event));
  } catch (error) {
    // Nothing was sent: give the claims back so the retried records deliver them.
    deps.logger.error('reading the event failed', { eventId: event.id, topic, error: error as Error });
    return release();
  }
  const groups = await subscriberGroups(d, first.value, () => timed(stats, 'readMs', () => pages.next()).then((next) => next.value || undefined), event);
  const posts = await renderPosts(d, groups, event, rootValue);
  const unsent = await timed(stats, 'postMs', () => d.sendAll(posts));
  if (unsent.length) {
    // Kept on the first merged record's claim; that record is reported, comes again, and step 2
    // sends exactly these posts (and nothing twice).
    stats.owed += unsent.length;
    deps.logger.warn('posts not sent in time; kept for the retry', { eventId: claimed[0].id, topic, owed: unsent.length });
    await deps.connections.setPendingPosts(claimed[0].id, topic, unsent);
    failed.add(claimed[0].id);
  }
}

/** Step 2: sends what earlier deliveries of these records still owe, in stream order; true while some is still owed. */
async function sendOwed(d: Delivery, topic: string, parts: RealtimeEvent[], claims: Awaited<ReturnType<ConnectionsStore['claimDeliveries']>>): Promise<boolean> {
  let owed = false;
  for (const [i, claim] of claims.entries()) {
    if (claim.claimed) continue;
    d.stats.duplicates++;
    if (!claim.pending) continue;
    const left = await d.sendAll(claim.pending);
    d.stats.owedSent += claim.pending.length - left.length;
    await d.deps.connections.setPendingPosts(parts[i].id, topic, left);
    if (left.length) {
      owed = true;
      d.failed.add(parts[i].id);
    }
  }
  return owed;
}

/**
 * The topic's live subscribers whose filter the event matches, by group (groupKey); expired ones are
 * dropped. Every page first (the batch has read them already): then a large topic is chunked as a
 * whole, and each group's document runs once however many pages its subscribers span.
 */
async function subscriberGroups(d: Delivery, first: SubscriptionRecord[], nextPage: () => Promise<SubscriptionRecord[] | undefined>, event: RealtimeEvent): Promise<SubscriptionRecord[][]> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const groups = new Map<string, SubscriptionRecord[]>();
  for (let page: SubscriptionRecord[] | undefined = first; page; page = await nextPage()) {
    for (const sub of page) {
      if (!matchesFilter(sub.filter, event)) continue;
      d.stats.subscribers++;
      if (sub.tokenExpiresAt <= nowSeconds) {
        d.stats.expired++;
        await d.limit(() => d.dropConnection(sub.connectionId, 'expired'));
        continue;
      }
      const key = groupKey(sub);
      const group = groups.get(key);
      if (group) group.push(sub);
      else groups.set(key, [sub]);
    }
  }
  return [...groups.values()];
}

/** Step 3: runs each group's document once against the merged event, and addresses the result to each subscriber. */
async function renderPosts({ deps, stats }: Delivery, groups: SubscriptionRecord[][], event: RealtimeEvent, rootValue: unknown): Promise<PendingPost[]> {
  const posts: PendingPost[] = [];
  for (const group of groups) {
    const [sample] = group;
    stats.executions++;
    const payload = await timed(stats, 'executeMs', async () => {
      const result = await execute({
        schema: deps.schema,
        document: parseCached(sample.query),
        rootValue,
        contextValue: { actor: sample.actor, requestId: event.id, domain: deps.domain, logger: deps.logger },
        variableValues: sample.variables,
        operationName: sample.operationName,
      });
      return JSON.stringify(formatResult(result));
    });
    for (const sub of group) {
      posts.push({ connectionId: sub.connectionId, data: `{"id":${JSON.stringify(sub.subscriptionId)},"type":"next","payload":${payload}}` });
    }
  }
  return posts;
}
