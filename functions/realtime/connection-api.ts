import { localEndpointOptions } from '../config.js';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { retryUntil } from './backoff.js';
import { stringifyMessage, type Message } from './protocol.js';

/** How long a protocol message (ack, pong, error) keeps retrying a throttled post before failing. */
const PROTOCOL_POST_BUDGET_MS = 3_000;

/**
 * Posting to one WebSocket: 'gone' when the client is no longer there (410); 'throttled' when API
 * Gateway refused the call for the account's request quota (429 LimitExceededException): nothing
 * was sent, try again later.
 */
export type PostOutcome = 'sent' | 'gone' | 'throttled';

/** The API Gateway management API (`@connections`): the only way a handler talks back to a socket. */
export interface ConnectionApi {
  post(connectionId: string, message: Message): Promise<PostOutcome>;
  /** Posts an already serialised message (the publisher serialises once per group of subscribers). */
  postRaw(connectionId: string, data: string): Promise<PostOutcome>;
  /** Closes the socket (API Gateway closes it with 1000; a handler cannot choose the code). */
  close(connectionId: string): Promise<void>;
}

const isGone = (error: unknown) =>
  error instanceof GoneException || (error as Error | undefined)?.name === 'GoneException' ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 410;

/**
 * A client for `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}` in AWS, or the local
 * gateway's management endpoint: the same SDK calls, only the endpoint differs.
 */
export function createConnectionApi(endpoint: string): ConnectionApi {
  const local = endpoint.startsWith('http://');
  const client = new ApiGatewayManagementApiClient({
    endpoint,
    ...(local ? localEndpointOptions(endpoint) : {}),
    // The SDK's standard retries (3 attempts) cover a dropped connection or a 5xx, as before. A
    // throttled post that is still refused after them comes back as 'throttled': the publisher
    // then retries it with its own backoff, within its time budget, and knows what it could not send.
    maxAttempts: 3,
    // A fan-out sends the same command thousands of times: resolve its middleware stack once, not per post.
    cacheMiddleware: true,
    // Fan-out is many small posts: keep connections open and allow many in flight.
    requestHandler: {
      connectionTimeout: 1_000,
      requestTimeout: 5_000,
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 128 }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 128 }),
    },
  });
  const isThrottled = (error: unknown) =>
  (error as Error | undefined)?.name === 'LimitExceededException' || (error as Error | undefined)?.name === 'TooManyRequestsException' ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 429;

  const encoder = new TextEncoder();
  const postRaw = async (connectionId: string, data: string): Promise<PostOutcome> => {
    try {
      await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: encoder.encode(data) }));
      return 'sent';
    } catch (error) {
      if (isGone(error)) return 'gone';
      if (isThrottled(error)) return 'throttled';
      throw error;
    }
  };
  return {
    postRaw,
    // Protocol messages (connection_ack, pong, errors) are one post each: a throttled one is retried
    // here; the publisher retries its own fan-out (publish.ts) and uses postRaw.
    async post(connectionId, message) {
      const data = stringifyMessage(message);
      let outcome: PostOutcome = 'throttled';
      const sent = await retryUntil(async () => (outcome = await postRaw(connectionId, data)) !== 'throttled', Date.now() + PROTOCOL_POST_BUDGET_MS);
      if (!sent) throw new Error(`@connections kept refusing the post (429 LimitExceededException) for ${PROTOCOL_POST_BUDGET_MS} ms`);
      return outcome;
    },
    async close(connectionId) {
      try {
        await client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}
