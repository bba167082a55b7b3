import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { stringifyMessage, type Message } from './protocol.js';

/** Posting to one WebSocket: 'gone' when the client is no longer there (410). */
export type PostOutcome = 'sent' | 'gone';

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
    ...(local ? { region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
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
  const encoder = new TextEncoder();
  const postRaw = async (connectionId: string, data: string): Promise<PostOutcome> => {
    try {
      await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: encoder.encode(data) }));
      return 'sent';
    } catch (error) {
      if (isGone(error)) return 'gone';
      throw error;
    }
  };
  return {
    postRaw,
    post: (connectionId, message) => postRaw(connectionId, stringifyMessage(message)),
    async close(connectionId) {
      try {
        await client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}
