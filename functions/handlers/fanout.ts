import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { fanoutConfigFromEnv, serviceName } from '../config.js';
import { createConnectionApi } from '../realtime/connection-api.js';
import { emptySendStats, sendPosts, type FanoutChunk, type FanoutResult } from '../realtime/fanout.js';

/**
 * The `fanout` Lambda: posts one chunk of a large topic's message (functions/realtime/publish.ts
 * splits a topic above FANOUT_THRESHOLD connections into chunks and invokes this once per chunk, in
 * parallel). It only posts: it reads and writes no table item (connections found gone are answered
 * to the publisher, which deletes them), so its only permission is `@connections` on this API.
 * Throttled posts are retried with backoff until the chunk's deadline (and before this function's
 * own timeout); what is still unsent is answered, and the publisher keeps it for the retry.
 */
const config = fanoutConfigFromEnv();
const logger = new Logger({ serviceName: serviceName() });
const api = createConnectionApi(config.managementEndpoint);
/** Time kept in hand before this function's timeout, to answer what is unsent. */
const MARGIN_MS = 2_000;

export const handler = async (event: FanoutChunk, context?: Context): Promise<FanoutResult> => {
  if (!Array.isArray(event?.posts)) throw new Error('a fanout event needs posts: [{ connectionId, data }]');
  const started = performance.now();
  const ownDeadline = context ? Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS : Infinity;
  const stats = emptySendStats();
  const result = await sendPosts(api, event.posts, Math.min(event.deadline ?? Date.now() + 10_000, ownDeadline), stats, {
    concurrency: config.concurrency,
    warn: (message, details) => logger.warn(message, { ...details, error: details.error as Error }),
  });
  logger.info('fanned out', { posts: event.posts.length, unsent: result.unsent.length, durationMs: Math.round(performance.now() - started), ...stats });
  return { ...result, stats };
};
