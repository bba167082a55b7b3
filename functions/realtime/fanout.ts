import { localEndpointOptions } from '../config.js';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { PendingPost } from '../store/connections-store.js';
import { fullJitterDelay, sleep } from './backoff.js';
import type { ConnectionApi } from './connection-api.js';

/** What posting a set of messages did (added into the publisher's stats). */
export interface SendStats {
  sent: number;
  gone: number;
  throttled: number;
  retried: number;
  failed: number;
}

export const emptySendStats = (): SendStats => ({ sent: 0, gone: 0, throttled: 0, retried: 0, failed: 0 });

/** Posts still owed at the deadline (to be kept and retried), and connections found gone (to be deleted). */
export interface SendResult {
  unsent: PendingPost[];
  gone: string[];
}

/** Runs tasks with at most `limit` in flight. */
export function createLimiter(limit: number) {
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

/** 429 and server-side or network failures are worth another try; any other refusal is not. */
const isRetryable = (error: unknown) => {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === undefined || status >= 500;
};

/**
 * Posts each message once, at most `concurrency` in flight. A throttled post (429
 * LimitExceededException) or a 5xx/network failure is retried with exponential backoff and full
 * jitter until `deadline` (epoch ms); what is still not sent then is returned, never dropped. A post
 * refused for good (4xx other than 410/429) is logged and counted as failed.
 */
export async function sendPosts(
  api: ConnectionApi,
  posts: PendingPost[],
  deadline: number,
  stats: SendStats,
  options: { concurrency?: number; warn?: (message: string, details: Record<string, unknown>) => void } = {},
): Promise<SendResult> {
  const limit = createLimiter(options.concurrency ?? 64);
  const gone: string[] = [];
  const attempt = async (post: PendingPost): Promise<'done' | 'retry'> => {
    try {
      const outcome = await api.postRaw(post.connectionId, post.data);
      if (outcome === 'throttled') {
        stats.throttled++;
        return 'retry';
      }
      if (outcome === 'gone') {
        stats.gone++;
        gone.push(post.connectionId);
      } else stats.sent++;
      return 'done';
    } catch (error) {
      if (isRetryable(error)) {
        stats.retried++;
        return 'retry';
      }
      stats.failed++;
      options.warn?.('post failed', { connectionId: post.connectionId, error });
      return 'done';
    }
  };
  const send = async (post: PendingPost): Promise<boolean> => {
    for (let n = 0; ; n++) {
      if ((await limit(() => attempt(post))) === 'done') return true;
      const wait = fullJitterDelay(n);
      if (Date.now() + wait >= deadline) return false;
      await sleep(wait);
    }
  };
  const sent = await Promise.all(posts.map(send));
  return { unsent: posts.filter((_, i) => !sent[i]), gone };
}

/** One chunk of a large topic's fan-out: the `fanout` function's event. */
export interface FanoutChunk {
  posts: PendingPost[];
  /** Epoch ms: stop retrying throttled posts then and return them as unsent. */
  deadline: number;
}

export interface FanoutResult extends SendResult {
  stats: SendStats;
}

/** Posts a chunk somewhere else (the `fanout` Lambda) and answers what it could not send. */
export interface FanoutInvoker {
  invoke(chunk: FanoutChunk): Promise<FanoutResult>;
}

/**
 * The `fanout` function through Lambda's Invoke API (RequestResponse: the publisher waits for every
 * chunk of a message before it sends the next message, so a client still gets a session's updates in
 * order, and learns what each chunk could not send). `endpoint` is the local stack's stand-in for
 * the Lambda API (LAMBDA_ENDPOINT); in AWS it is left out.
 */
export function createLambdaFanout(functionName: string, endpoint?: string): FanoutInvoker {
  const client = new LambdaClient({
    ...localEndpointOptions(endpoint),
    maxAttempts: 2,
  });
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return {
    async invoke(chunk) {
      const out = await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'RequestResponse', Payload: encoder.encode(JSON.stringify(chunk)) }));
      const body = out.Payload ? decoder.decode(out.Payload) : '';
      if (out.FunctionError) throw new Error(`fanout failed (${out.FunctionError}): ${body.slice(0, 500)}`);
      return JSON.parse(body) as FanoutResult;
    },
  };
}

/** Splits posts into chunks of at most `size`. */
export function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
