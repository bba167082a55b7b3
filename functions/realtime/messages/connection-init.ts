import { DomainError } from '../../domain/errors.js';
import { refuseConnection, type MessageContext } from '../context.js';
import { MessageType } from '../protocol.js';
import type { ConnectionInitMessage } from 'graphql-ws';

/**
 * `connection_init`: the token travels in the payload (`{ authorization: "Bearer <JWT>" }`, the
 * same value as the HTTP header) and is verified exactly as over HTTP. The connection item keeps
 * the verified actor and the token's expiry, never the token.
 */
export async function onConnectionInit(ctx: MessageContext, message: ConnectionInitMessage): Promise<void> {
  const raw = message.payload?.authorization ?? message.payload?.Authorization;
  const authorization = typeof raw === 'string' ? raw : undefined;
  let verified;
  try {
    verified = await ctx.verifyToken(authorization);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Reference server: close(4403, 'Forbidden').
    return refuseConnection(ctx, { message: error.message, extensions: { code: error.code } });
  }
  const { expiresAt, ...actor } = verified;
  const recorded = await ctx.connections.putConnection({
    connectionId: ctx.connectionId,
    actor,
    tokenExpiresAt: expiresAt,
    connectedAt: new Date().toISOString(),
  });
  if (!recorded) {
    // Reference server: close(4429, 'Too many initialisation requests').
    return refuseConnection(ctx, { message: 'Too many initialisation requests', extensions: { code: 'BAD_USER_INPUT' } });
  }
  ctx.logger.appendKeys({ user: actor.id, role: actor.role });
  await ctx.api.post(ctx.connectionId, { type: MessageType.ConnectionAck });
}
