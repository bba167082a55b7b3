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
    // NOTE: every ping is a Lambda invocation in AWS; API Gateway drops a socket idle for 10 minutes,
    // so a ping every 4 minutes keeps it open at a quarter of the cost of a 1-minute ping.
    keepAlive: 240_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: waitBeforeRetry,
    on: {
      connecting: () => options.onStatus(droppedOnce ? 'offline' : 'connecting'),
      connected: () => {
        options.onStatus('live');
        if (droppedOnce) options.onReconnected();
      },
      message: (message) => {
        // The Lambda path refuses a bad token with an `error` for `connection_init`, then closes the socket
        // (API Gateway cannot send close codes): stop and ask for sign-in rather than retry forever.
        if (message.type === 'error' && (message as { id?: string }).id === 'connection_init') options.onUnauthenticated();
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
