import { createSourceEventStream, execute } from 'graphql';
import type { SubscribeMessage } from 'graphql-ws';
import { nowSeconds, refuseConnection, type MessageContext } from '../context.js';
import { formatGraphQLErrors, formatResult, prepareOperation } from '../operation.js';
import { MessageType } from '../protocol.js';
import type { SubscriptionContext, SubscriptionTarget } from '../subscription-resolvers.js';
import { topicOf } from '../topics.js';
import { clientError } from '../../graphql/format-error.js';

/** The Lambda path never iterates a subscription's source: the publisher delivers its events. */
const NEVER: AsyncIterable<unknown> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) };

/**
 * `subscribe`: validates the document against the schema, runs the Subscription field's own
 * `subscribe` resolver (argument and permission checks), and files the subscription under its
 * topic. Queries and mutations sent this way are executed at once (`next` then `complete`), as
 * the reference server does.
 */
export async function onSubscribe(ctx: MessageContext, message: SubscribeMessage): Promise<void> {
  const { id, payload } = message;
  const connection = await ctx.connections.getConnection(ctx.connectionId);
  if (!connection) {
    // Reference server: close(4401, 'Unauthorized').
    return refuseConnection(ctx, clientError('UNAUTHENTICATED', 'Unauthorized: send connection_init and wait for connection_ack before subscribing.'), id);
  }
  if (connection.tokenExpiresAt <= nowSeconds()) {
    return refuseConnection(ctx, clientError('UNAUTHENTICATED', 'Your token has expired; sign in again.'), id);
  }
  const prepared = prepareOperation(ctx.schema, payload);
  if ('errors' in prepared) {
    await ctx.api.post(ctx.connectionId, { type: MessageType.Error, id, payload: formatGraphQLErrors(prepared.errors) as never });
    return;
  }
  let target: SubscriptionTarget | undefined;
  const contextValue: SubscriptionContext = {
    actor: connection.actor,
    requestId: ctx.requestId,
    domain: ctx.domain,
    logger: ctx.logger,
    subscribeTo: (t) => {
      target = t;
      return NEVER;
    },
  };
  const args = { schema: ctx.schema, document: prepared.document, variableValues: payload.variables, operationName: payload.operationName, contextValue };

  if (prepared.operation.operation !== 'subscription') {
    const result = await execute(args);
    await ctx.api.post(ctx.connectionId, { type: MessageType.Next, id, payload: formatResult(result) as never });
    await ctx.api.post(ctx.connectionId, { type: MessageType.Complete, id });
    return;
  }

  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source) || !target) {
    // Refused by the resolver or bad variables: graphql's subscribe() answers an ExecutionResult,
    // which the reference server sends as `next` then `complete`.
    await ctx.api.post(ctx.connectionId, { type: MessageType.Next, id, payload: formatResult(source as never) as never });
    await ctx.api.post(ctx.connectionId, { type: MessageType.Complete, id });
    return;
  }
  const { topic, filter } = topicOf(target);
  const recorded = await ctx.connections.putSubscription({
    connectionId: ctx.connectionId,
    subscriptionId: id,
    topic,
    filter,
    query: payload.query,
    variables: payload.variables ?? undefined,
    operationName: payload.operationName ?? undefined,
    actor: connection.actor,
    tokenExpiresAt: connection.tokenExpiresAt,
  });
  if (!recorded) {
    // Reference server: close(4409, 'Subscriber for <id> already exists').
    return refuseConnection(ctx, clientError('BAD_USER_INPUT', `Subscriber for ${id} already exists`), id);
  }
  ctx.logger.info('subscribed', { field: target.field, topic });
}
