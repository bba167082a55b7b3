import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { absoluteUrl, type DashboardConfig } from '../config.js';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface ApiClients {
  client: Client;
  ws: WsClient;
}

export interface ApiClientOptions {
  config: DashboardConfig;
  /** The token to send now: read on every request and every (re)connection, so a renewed token is picked up. */
  token(): string;
  onStatus(status: LiveStatus): void;
  /** Called when the WebSocket comes back after a drop: whatever is on screen must be fetched again. */
  onReconnected(): void;
  /** Called when the API refuses the token (UNAUTHENTICATED). */
  onUnauthenticated(): void;
}

/** Reconnects forever, waiting 0.5 s, 1 s, 2 s … capped at 5 s, plus jitter: a wall screen stays on for days. */
export async function waitBeforeRetry(retries: number) {
  const delay = Math.min(500 * 2 ** retries, 5_000) + Math.random() * 300;
  await new Promise((done) => setTimeout(done, delay));
}

/**
 * The urql client: HTTP POST for queries and mutations (`preferGetMethod: false`: Apollo's CSRF guard
 * refuses GET without a preflight header), graphql-ws for subscriptions, the user's token on both.
 */
export function createApiClients(options: ApiClientOptions): ApiClients {
  const { config, token } = options;
  const authorization = () => `Bearer ${token()}`;
  let droppedOnce = false;
  const ws = createWsClient({
    url: absoluteUrl(config.graphqlWsUrl, true),
    connectionParams: () => ({ authorization: authorization() }),
    lazy: false,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: waitBeforeRetry,
    on: {
      connecting: () => options.onStatus(droppedOnce ? 'offline' : 'connecting'),
      connected: () => {
        options.onStatus('live');
        if (droppedOnce) options.onReconnected();
      },
      closed: () => {
        droppedOnce = true;
        options.onStatus('offline');
      },
    },
  });
  const client = new Client({
    url: absoluteUrl(config.graphqlUrl),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization: authorization() } }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) options.onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws };
}
