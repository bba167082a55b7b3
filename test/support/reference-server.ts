import { createServer, type Server } from 'node:http';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { VerifyToken } from '../../functions/auth/verify-token.js';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import type { Domain } from '../../functions/domain/index.js';
import { rootValueOf, type RealtimeEvent } from '../../functions/realtime/events.js';
import { formatGraphQLErrors, formatResult, prepareOperation } from '../../functions/realtime/operation.js';
import type { SubscriptionContext, SubscriptionTarget } from '../../functions/realtime/subscription-resolvers.js';
import { targetMatches } from '../../functions/realtime/topics.js';

/**
 * The reference: graphql-ws's own server (`useServer`) over the same executable schema, with an
 * in-memory pub/sub instead of the table, the stream and API Gateway. Used by the conformance test
 * (same operations, same messages?) and as the benchmark's baseline.
 */
export interface InMemoryPubSub {
  publish(event: RealtimeEvent): void;
  subscribe(target: SubscriptionTarget): AsyncIterableIterator<unknown>;
  listenerCount(): number;
}

export function createInMemoryPubSub(): InMemoryPubSub {
  const listeners = new Set<(event: RealtimeEvent) => void>();
  return {
    publish: (event) => listeners.forEach((listener) => listener(event)),
    listenerCount: () => listeners.size,
    subscribe(target) {
      const queue: RealtimeEvent[] = [];
      let wake: (() => void) | undefined;
      let done = false;
      const listener = (event: RealtimeEvent) => {
        if (!targetMatches(target, event)) return;
        queue.push(event);
        wake?.();
      };
      listeners.add(listener);
      const finish = () => {
        done = true;
        listeners.delete(listener);
        wake?.();
        return Promise.resolve({ done: true as const, value: undefined });
      };
      const iterator: AsyncIterableIterator<unknown> = {
        async next() {
          while (!queue.length && !done) await new Promise<void>((resolve) => (wake = resolve));
          if (done) return { done: true, value: undefined };
          return { done: false, value: await rootValueOf(queue.shift()!) };
        },
        return: finish,
        throw: (error) => {
          void finish();
          return Promise.reject(error);
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
}

export interface ReferenceServerOptions {
  schema: GraphQLSchema;
  domain: Domain;
  logger: Logger;
  verifyToken: VerifyToken;
  pubsub: InMemoryPubSub;
  port?: number;
}

export async function startReferenceServer(options: ReferenceServerOptions): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  // GET /listeners: how many subscriptions the in-memory pub/sub holds (tests wait on it).
  const server = createServer((req, res) => {
    if (req.url === '/listeners') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(options.pubsub.listenerCount()));
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 128 * 1024 });
  const actors = new WeakMap<object, Actor>();
  const disposable = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        try {
          const raw = ctx.connectionParams?.authorization;
          const { expiresAt: _expiresAt, ...actor } = await options.verifyToken(typeof raw === 'string' ? raw : undefined);
          actors.set(ctx, actor);
          return true;
        } catch {
          return false;
        }
      },
      // The same parse/validate and error shaping as the Lambda path (functions/realtime/operation.ts).
      onSubscribe: (_ctx, _id, payload) => {
        const prepared = prepareOperation(options.schema, payload);
        if ('errors' in prepared) return [...prepared.errors];
        return { schema: options.schema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx, id): SubscriptionContext => ({
        actor: actors.get(ctx)!,
        requestId: `reference-${id}`,
        domain: options.domain,
        logger: options.logger,
        subscribeTo: (target) => options.pubsub.subscribe(target),
      }),
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result as never) as never,
      onError: (_ctx, _id, _payload, errors) => formatGraphQLErrors(errors) as never,
    },
    wss,
  );
  const port = await new Promise<number>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      await disposable.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
