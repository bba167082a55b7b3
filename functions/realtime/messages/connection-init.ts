import { refuseConnection, type MessageContext } from '../context.js';
import { MessageType } from '../protocol.js';
import type { ConnectionInitMessage } from 'graphql-ws';
import { clientError, codeOfDomainError } from '../../graphql/format-error.js';

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
    const code = codeOfDomainError(error);
    if (!code) throw error;
    // Reference server: close(4403, 'Forbidden').
    return refuseConnection(ctx, clientError(code, (error as Error).message));
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
    return refuseConnection(ctx, clientError('BAD_USER_INPUT', 'Too many initialisation requests'));
  }
  ctx.logger.appendKeys({ user: actor.id, role: actor.role });
  await ctx.api.post(ctx.connectionId, { type: MessageType.ConnectionAck });
}
