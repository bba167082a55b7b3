import type { Logger } from '@aws-lambda-powertools/logger';
import { execute, type GraphQLSchema } from 'graphql';
import type { Domain } from '../domain/index.js';
import type { ConnectionsStore, SubscriptionRecord } from '../store/connections-store.js';
import type { ConnectionApi } from './connection-api.js';
import { rootValueOf, type RealtimeEvent } from './events.js';
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
}

export interface PublishStats {
  subscribers: number;
  sent: number;
  gone: number;
  expired: number;
  failed: number;
  duplicates: number;
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

export const emptyStats = (): PublishStats => ({ subscribers: 0, sent: 0, gone: 0, expired: 0, failed: 0, duplicates: 0, executions: 0, readMs: 0, claimMs: 0, loadMs: 0, executeMs: 0, postMs: 0 });

/** Runs tasks with at most `limit` in flight. */
function createLimiter(limit: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

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

/**
 * Delivers one event: for each topic it goes to, claims the delivery (once per stream record and
 * topic, so a redelivered record reaches nobody twice), runs each subscriber group's own document
 * against the event, and posts `next` to every connection. A gone connection (410) and one whose
 * token has expired are deleted; one failing post never stops the others.
 */
export async function publishEvent(deps: PublishDeps, event: RealtimeEvent, stats: PublishStats = emptyStats()): Promise<PublishStats> {
  const limit = createLimiter(deps.concurrency ?? 64);
  const closed = new Set<string>();
  const dropConnection = async (connectionId: string, reason: 'gone' | 'expired') => {
    if (closed.has(connectionId)) return;
    closed.add(connectionId);
    if (reason === 'expired') await deps.api.close(connectionId).catch(() => undefined);
    await deps.connections.deleteConnection(connectionId);
  };

  // A subscription is filed under exactly one topic, so topics are delivered independently.
  await Promise.all(topicsOf(event).map(async (topic) => {
    const pages = deps.connections.listSubscriptionsByTopic(topic);
    const reading = performance.now();
    const first = await pages.next();
    stats.readMs += performance.now() - reading;
    if (first.done) return; // nobody listens: no claim, no read
    const claiming = performance.now();
    const claimed = await deps.connections.claimDelivery(event.id, topic);
    stats.claimMs += performance.now() - claiming;
    if (!claimed) {
      stats.duplicates++;
      deps.logger.info('already delivered', { eventId: event.id, topic });
      return;
    }
    let rootValue;
    const loading = performance.now();
    try {
      rootValue = await rootValueOf(event);
      stats.loadMs += performance.now() - loading;
    } catch (error) {
      // Nothing was sent: give the claim back so the retried record delivers it.
      await deps.connections.releaseDelivery(event.id, topic);
      throw error;
    }
    const nowSeconds = Math.floor(Date.now() / 1000);
    const nextPage = async () => {
      const started = performance.now();
      const next = await pages.next();
      stats.readMs += performance.now() - started;
      return next.value || undefined;
    };
    for (let page: SubscriptionRecord[] | undefined = first.value; page;) {
      // The next page is read while this one is posted.
      const following = nextPage();
      following.catch(() => undefined); // awaited below, after this page's posts
      const groups = new Map<string, SubscriptionRecord[]>();
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
      const posts: Promise<void>[] = [];
      let posting: number | undefined;
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
        posting ??= performance.now();
        for (const sub of group) {
          const data = `{"id":${JSON.stringify(sub.subscriptionId)},"type":"next","payload":${payload}}`;
          posts.push(
            limit(async () => {
              try {
                if ((await deps.api.postRaw(sub.connectionId, data)) === 'gone') {
                  stats.gone++;
                  await dropConnection(sub.connectionId, 'gone');
                } else stats.sent++;
              } catch (error) {
                stats.failed++;
                deps.logger.warn('post failed', { connectionId: sub.connectionId, error: error as Error });
              }
            }),
          );
        }
      }
      await Promise.all(posts);
      if (posting !== undefined) stats.postMs += performance.now() - posting;
      page = await following;
    }
  }));
  return stats;
}
