import { authExchange } from '@urql/exchange-auth';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { absoluteUrl, type DashboardConfig } from '../config.js';
import type { LiveStatus } from '../lib/live.js';

export type { LiveStatus };

export interface ApiClients {
  client: Client;
  /** The WebSocket client in use now (a new one after `moveToNewToken`). */
  readonly ws: WsClient;
  /**
   * Moves the live connection to the token just renewed, without losing an event: a new socket is
   * opened with it and every open subscription started on it; the old socket is closed only after
   * `overlapMs`. Events delivered on both sockets meanwhile are passed on once.
   */
  moveToNewToken(overlapMs?: number): Promise<void>;
  /** Closes every socket; resolves once each open one has closed (at most SOCKET_CLOSE_WAIT_MS). */
  dispose(): Promise<void>;
}

/** How long sign-out waits for an open socket's close before it leaves the page anyway. */
export const SOCKET_CLOSE_WAIT_MS = 2_000;

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
/**
 * How long both sockets stay open when the connection moves to a renewed token: the protocol has no
 * acknowledgement of `subscribe`, and the server files a subscription asynchronously (one Lambda
 * invocation per message, slower on a loaded machine), so the old socket keeps delivering until the new
 * subscriptions are surely filed. The renewal comes a minute before the old token expires: 15 s fits.
 */
export const TOKEN_MOVE_OVERLAP_MS = 15_000;

interface ActiveSubscription {
  input: { query: string; variables?: Record<string, unknown>; operationName?: string; extensions?: Record<string, unknown> };
  sink: { next(value: unknown): void; error(error: unknown): void; complete(): void };
  /** The socket whose subscription may end this one (a retired socket's `complete` is ignored). */
  owner: WsClient;
  unsubscribe(): void;
  /** While two sockets deliver: the payloads already passed on. */
  seen?: Set<string>;
}

/**
 * The urql client: HTTP POST for queries and mutations (`preferGetMethod: false`: Apollo's CSRF guard
 * refuses GET without a preflight header), graphql-ws for subscriptions, the user's token on both.
 */
export function createApiClients(options: ApiClientOptions): ApiClients {
  const { config, token } = options;
  const authorization = () => `Bearer ${token()}`;
  let droppedOnce = false;
  const active = new Set<ActiveSubscription>();
  // NOTE: declared before the first socket exists: graphql-ws emits `connecting` from inside createClient.
  let ws: WsClient | undefined;
  /** A retired socket (moved away from) no longer speaks for the connection's status. */
  const speaks = (socket: WsClient | undefined) => ws === undefined || socket === ws;

  const newWs = (moved: boolean): WsClient => {
    let quietFirstConnect = moved;
    // NOTE: `let`, assigned below: the `connecting` handler runs before createClient returns.
    let socket: WsClient | undefined = undefined;
    socket = createWsClient({
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
        connecting: () => speaks(socket) && options.onStatus(droppedOnce ? 'offline' : 'connecting'),
        connected: () => {
          if (!speaks(socket)) return;
          options.onStatus('live');
          // A move is not a drop: nothing was missed, nothing needs fetching again.
          if (droppedOnce && !quietFirstConnect) options.onReconnected();
          quietFirstConnect = false;
        },
        message: (message) => {
          // The Lambda path refuses a bad token with an `error` for `connection_init`, then closes the socket
          // (API Gateway cannot send close codes): stop and ask for sign-in rather than retry forever.
          if (speaks(socket) && message.type === 'error' && (message as { id?: string }).id === 'connection_init') options.onUnauthenticated();
        },
        closed: () => {
          if (!speaks(socket)) return;
          droppedOnce = true;
          options.onStatus('offline');
        },
      },
    });
    const opened = socket;
    opened.on('opened', () => liveSockets.add(opened));
    opened.on('closed', () => liveSockets.delete(opened));
    return socket;
  };
  /** Sockets whose WebSocket is open now (dispose waits for their close). */
  const liveSockets = new Set<WsClient>();
  const closeAndWait = (socket: WsClient) =>
    new Promise<void>((done) => {
      if (!liveSockets.has(socket)) {
        void socket.dispose();
        return done();
      }
      const finish = () => {
        clearTimeout(timer);
        off();
        done();
      };
      const timer = setTimeout(finish, SOCKET_CLOSE_WAIT_MS);
      const off = socket.on('closed', finish);
      void socket.dispose();
    });

  const startOn = (socket: WsClient, entry: ActiveSubscription) =>
    socket.subscribe(entry.input, {
      next: (value) => {
        if (entry.seen) {
          const key = JSON.stringify(value);
          if (entry.seen.has(key)) return;
          entry.seen.add(key);
        }
        entry.sink.next(value);
      },
      error: (error) => entry.owner === socket && entry.sink.error(error),
      complete: () => entry.owner === socket && entry.sink.complete(),
    });

  ws = newWs(false);
  let socketNow: WsClient = ws;
  /** Every socket not yet closed: during a move, the old one too (dispose closes both). */
  const open = new Set<WsClient>([ws]);

  const client = new Client({
    url: absoluteUrl(config.graphqlUrl),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      // The token on every HTTP request (read each time: a renewed token is picked up); a refusal
      // (UNAUTHENTICATED) asks the user to sign in again. Tokens are renewed ahead of expiry elsewhere
      // (auth/session.ts), so there is nothing to refresh here.
      authExchange(async (utils) => ({
        addAuthToOperation: (operation) => utils.appendHeaders(operation, { authorization: authorization() }),
        didAuthError: (error) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'),
        refreshAuth: async () => options.onUnauthenticated(),
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const entry: ActiveSubscription = { input, sink, owner: socketNow, unsubscribe: () => undefined };
              entry.unsubscribe = startOn(socketNow, entry);
              active.add(entry);
              return {
                unsubscribe() {
                  active.delete(entry);
                  entry.unsubscribe();
                },
              };
            },
          };
        },
      }),
    ],
  });

  let disposed = false;
  return {
    client,
    get ws() {
      return socketNow;
    },
    async moveToNewToken(overlapMs = TOKEN_MOVE_OVERLAP_MS) {
      // NOTE: a renewal that completes after sign-out (or unmount) must not open a socket nobody closes.
      if (disposed) return;
      const old = socketNow;
      const next = newWs(true);
      ws = socketNow = next;
      open.add(next);
      await new Promise<void>((done) => {
        const off = next.on('connected', () => {
          off();
          done();
        });
      });
      if (disposed || socketNow !== next) return;
      const moving = [...active];
      const previous = moving.map((entry) => {
        entry.seen = new Set();
        entry.owner = next;
        const unsubscribeOld = entry.unsubscribe;
        entry.unsubscribe = startOn(next, entry);
        return unsubscribeOld;
      });
      await new Promise((done) => setTimeout(done, overlapMs));
      previous.forEach((unsubscribeOld) => unsubscribeOld());
      for (const entry of moving) entry.seen = undefined;
      open.delete(old);
      void old.dispose();
    },
    async dispose() {
      disposed = true;
      const closing = [...open].map(closeAndWait);
      open.clear();
      await Promise.all(closing);
    },
  };
}
