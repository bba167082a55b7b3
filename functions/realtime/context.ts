import type { Logger } from '@aws-lambda-powertools/logger';
import type { GraphQLSchema } from 'graphql';
import type { VerifyToken } from '../auth/verify-token.js';
import type { Domain } from '../domain/index.js';
import type { ConnectionsStore } from '../store/connections-store.js';
import type { ConnectionApi } from './connection-api.js';
import { CONNECTION_ERROR_ID, MessageType } from './protocol.js';
import type { ClientError } from '../graphql/format-error.js';

/** What the real-time handlers work with, built once per cold start. */
export interface RealtimeDeps {
  connections: ConnectionsStore;
  api: ConnectionApi;
  verifyToken: VerifyToken;
  schema: GraphQLSchema;
  domain: Domain;
  logger: Logger;
}

/** One incoming WebSocket message: the deps plus which connection sent it. */
export interface MessageContext extends RealtimeDeps {
  connectionId: string;
  requestId: string;
}

/**
 * Tells the client why and closes the socket: the nearest API Gateway gets to the reference
 * server's `close(44xx, reason)` (docs/realtime.md, "How errors reach the client").
 */
export async function refuseConnection(ctx: MessageContext, error: ClientError, id = CONNECTION_ERROR_ID): Promise<void> {
  ctx.logger.info('closing connection', { reason: error.message, code: error.extensions?.code });
  try {
    await ctx.api.post(ctx.connectionId, { type: MessageType.Error, id, payload: [error] });
  } finally {
    await ctx.api.close(ctx.connectionId);
    await ctx.connections.deleteConnection(ctx.connectionId);
  }
}

/** Seconds since the epoch, the unit of JWT `exp` and DynamoDB TTL. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);
