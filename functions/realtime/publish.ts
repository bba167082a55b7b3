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
 * on who the user is (contract/README.md: every role reads everything).
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

/** Delivers one event (see publishConflated). */
export async function publishEvent(deps: PublishDeps, event: RealtimeEvent, stats: PublishStats = emptyStats()): Promise<PublishStats> {
  const outcome = await publishConflated(deps, [event], stats);
  if (outcome.failed.size) throw new Error(`event ${event.id} was not delivered to every subscriber`);
  return stats;
}

/**
 * Delivers events of one conflation key (a session's check-ins, a concern's moves, in stream order)
 * as ONE message per topic and subscriber group. For each topic:
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
  const limit = createLimiter(deps.concurrency ?? 64);
  const failed = new Set<string>();
  const closed = new Set<string>();
  const dropConnection = async (connectionId: string, reason: 'gone' | 'expired') => {
    if (closed.has(connectionId)) return;
    closed.add(connectionId);
    if (reason === 'expired') await deps.api.close(connectionId).catch(() => undefined);
    await deps.connections.deleteConnection(connectionId);
  };
  /**
   * Sends posts with retries until the deadline, here or, for a large topic, in parallel chunks by
   * the `fanout` function; deletes connections found gone; returns what is still owed.
   */
  const sendAll = async (posts: PendingPost[]): Promise<PendingPost[]> => {
    const threshold = deps.fanoutThreshold ?? 500;
    let results: SendResult[];
    if (deps.fanout && posts.length > threshold) {
      const chunks = chunksOf(posts, deps.fanoutChunkSize ?? 250);
      stats.chunks += chunks.length;
      results = await Promise.all(chunks.map(async (chunk) => {
        try {
          const result = await deps.fanout!.invoke({ posts: chunk, deadline });
          for (const key of Object.keys(result.stats) as (keyof SendStats)[]) stats[key] += result.stats[key];
          return result;
        } catch (error) {
          // The chunk's outcome is unknown: all of it is owed (kept and retried).
          deps.logger.error('fanout chunk failed', { posts: chunk.length, error: error as Error });
          return { unsent: chunk, gone: [] };
        }
      }));
    } else {
      results = [await sendPosts(deps.api, posts, deadline, stats, { concurrency: deps.concurrency ?? 64, warn: (message, details) => deps.logger.warn(message, { ...details, error: details.error as Error }) })];
    }
    await Promise.all(results.flatMap((r) => r.gone).map((connectionId) => limit(() => dropConnection(connectionId, 'gone'))));
    return results.flatMap((r) => r.unsent);
  };

  const topics = [...new Set(events.flatMap((event) => topicsOf(event)))];
  // A subscription is filed under exactly one topic, so topics are delivered independently.
  await Promise.all(topics.map(async (topic) => {
    const parts = events.filter((event) => topicsOf(event).includes(topic));
    const pages = deps.connections.listSubscriptionsByTopic(topic);
    const reading = performance.now();
    const first = await pages.next();
    stats.readMs += performance.now() - reading;
    if (first.done) return; // nobody listens: no claim, no read
    const claiming = performance.now();
    const claims = await deps.connections.claimDeliveries(parts.map((part) => part.id), topic);
    stats.claimMs += performance.now() - claiming;
    const claimed = parts.filter((_, i) => claims[i].claimed);
    const release = async () => {
      for (const part of claimed) failed.add(part.id);
      await Promise.all(claimed.map((part) => deps.connections.releaseDelivery(part.id, topic)));
    };

    // What an earlier delivery of these records still owes, in stream order, before anything newer.
    let owed = false;
    for (const [i, claim] of claims.entries()) {
      if (claim.claimed) continue;
      stats.duplicates++;
      if (!claim.pending) continue;
      const left = await sendAll(claim.pending);
      stats.owedSent += claim.pending.length - left.length;
      await deps.connections.setPendingPosts(parts[i].id, topic, left);
      if (left.length) {
        owed = true;
        failed.add(parts[i].id);
      }
    }
    if (owed) {
      // Still owed: sending anything newer now could reach a client before the older update.
      deps.logger.warn('posts still owed; later records wait', { eventId: parts[0].id, topic });
      await release();
      return;
    }
    if (!claimed.length) {
      deps.logger.info('already delivered', { eventId: parts[0].id, topic });
      return;
    }
    const event = mergeEvents(claimed);
    stats.merged += claimed.length - 1;
    let rootValue;
    const loading = performance.now();
    try {
      rootValue = await rootValueOf(event);
      stats.loadMs += performance.now() - loading;
    } catch (error) {
      // Nothing was sent: give the claims back so the retried records deliver them.
      deps.logger.error('reading the event failed', { eventId: event.id, topic, error: error as Error });
      await release();
      return;
    }
    const nowSeconds = Math.floor(Date.now() / 1000);
    const nextPage = async () => {
      const started = performance.now();
      const next = await pages.next();
      stats.readMs += performance.now() - started;
      return next.value || undefined;
    };
    // Every page first (the batch has read them already): then a large topic is chunked as a whole,
    // and each group's document runs once however many pages its subscribers span.
    const groups = new Map<string, SubscriptionRecord[]>();
    for (let page: SubscriptionRecord[] | undefined = first.value; page; page = await nextPage()) {
      for (const sub of page) {
        if (!matchesFilter(sub.filter, event)) continue;
        stats.subscribers++;
        if (sub.tokenExpiresAt <= nowSeconds) {
          stats.expired++;
          await limit(() => dropConnection(sub.connectionId, 'expired'));
          continue;
        }
        const key = groupKey(sub);
        const group = groups.get(key);
        if (group) group.push(sub);
        else groups.set(key, [sub]);
      }
    }
    const posts: PendingPost[] = [];
    for (const group of groups.values()) {
      const [sample] = group;
      stats.executions++;
      const executing = performance.now();
      const result = await execute({
        schema: deps.schema,
        document: parseCached(sample.query),
        rootValue,
        contextValue: { actor: sample.actor, requestId: event.id, domain: deps.domain, logger: deps.logger },
        variableValues: sample.variables,
        operationName: sample.operationName,
      });
      const payload = JSON.stringify(formatResult(result));
      stats.executeMs += performance.now() - executing;
      for (const sub of group) {
        posts.push({ connectionId: sub.connectionId, data: `{"id":${JSON.stringify(sub.subscriptionId)},"type":"next","payload":${payload}}` });
      }
    }
    const posting = performance.now();
    const unsent = await sendAll(posts);
    stats.postMs += performance.now() - posting;
    if (unsent.length) {
      // Kept on the first merged record's claim; that record is reported, comes again, and the
      // step above sends exactly these posts (and nothing twice).
      stats.owed += unsent.length;
      deps.logger.warn('posts not sent in time; kept for the retry', { eventId: claimed[0].id, topic, owed: unsent.length });
      await deps.connections.setPendingPosts(claimed[0].id, topic, unsent);
      failed.add(claimed[0].id);
    }
  }));
  return { failed };
}
