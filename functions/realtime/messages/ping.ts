import type { PingMessage } from 'graphql-ws';
import type { MessageContext } from '../context.js';
import { MessageType } from '../protocol.js';

/** `ping` → `pong`, echoing the payload (graphql-transport-ws keep-alive, also usable as a latency probe). */
export async function onPing(ctx: MessageContext, message: PingMessage): Promise<void> {
  await ctx.api.post(ctx.connectionId, message.payload ? { type: MessageType.Pong, payload: message.payload } : { type: MessageType.Pong });
}
