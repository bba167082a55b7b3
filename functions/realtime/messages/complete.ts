import type { CompleteMessage } from 'graphql-ws';
import type { MessageContext } from '../context.js';

/**
 * `complete` from the client: it stops listening, so the subscription item goes.
 * NOTE: API Gateway invokes the handler for each message independently, so a `complete` sent right
 * after its `subscribe` may be handled first; the subscription then lives until the socket closes
 * (its events go to an id the client no longer listens to, which graphql-ws clients ignore).
 */
export async function onComplete(ctx: MessageContext, message: CompleteMessage): Promise<void> {
  await ctx.connections.deleteSubscription(ctx.connectionId, message.id);
}
