import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { optionalEnv, requireEnv } from '../config.js';
import { createConnectionApi, type ConnectionApi } from '../realtime/connection-api.js';
import type { MessageContext, RealtimeDeps } from '../realtime/context.js';
import { handleMessage } from '../realtime/messages/index.js';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL, MessageType } from '../realtime/protocol.js';
import { realtimeSchema } from '../realtime/schema.js';
import { createConnectionsStore } from '../store/connections-store.js';
import { getRuntime } from './runtime.js';
import { INTERNAL_ERROR } from '../graphql/format-error.js';

/**
 * The `graphql-ws` Lambda behind API Gateway WebSocket: `$connect`, `$disconnect` and `$default`
 * (every graphql-transport-ws message). Thin by design: parse the event, hand on to
 * functions/realtime/messages. Replies go through the `@connections` management API.
 */
type WebSocketEvent = APIGatewayProxyWebsocketEventV2 & { headers?: Record<string, string | undefined> };

const runtime = getRuntime();
const tableName = requireEnv('TABLE_NAME');
const connections = createConnectionsStore(runtime.stores.db, tableName);
const schema = realtimeSchema();
// In AWS the endpoint follows from the event (https://{domain}/{stage}); a custom domain, or the
// local gateway, sets it explicitly.
const configuredEndpoint = optionalEnv('WS_MANAGEMENT_ENDPOINT');
const apis = new Map<string, ConnectionApi>();
function connectionApiFor(event: WebSocketEvent): ConnectionApi {
  const endpoint = configuredEndpoint ?? `https://${event.requestContext.domainName}/${event.requestContext.stage}`;
  let api = apis.get(endpoint);
  if (!api) apis.set(endpoint, (api = createConnectionApi(endpoint)));
  return api;
}

function headerOf(event: WebSocketEvent, name: string): string | undefined {
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}

export const handler = async (event: WebSocketEvent, context?: Context): Promise<APIGatewayProxyResult> => {
  const { routeKey, connectionId } = event.requestContext;
  const requestId = event.requestContext.requestId ?? context?.awsRequestId ?? connectionId;
  const logger = runtime.logger.createChild({ persistentKeys: { requestId, connectionId, routeKey } });

  if (routeKey === '$connect') {
    // The subprotocol is agreed here: API Gateway passes the header of this response to the client.
    const offered = (headerOf(event, 'sec-websocket-protocol') ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(GRAPHQL_TRANSPORT_WS_PROTOCOL)) {
      logger.info('refused connection', { reason: 'subprotocol not acceptable', offered });
      return { statusCode: 400, body: `Use the WebSocket subprotocol "${GRAPHQL_TRANSPORT_WS_PROTOCOL}".` };
    }
    return { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': GRAPHQL_TRANSPORT_WS_PROTOCOL }, body: '' };
  }

  if (routeKey === '$disconnect') {
    const deleted = await connections.deleteConnection(connectionId);
    logger.info('disconnected', { itemsDeleted: deleted });
    return { statusCode: 200, body: '' };
  }

  const deps: RealtimeDeps = { connections, api: connectionApiFor(event), verifyToken: runtime.verifyToken, schema, domain: runtime.domain, logger };
  const ctx: MessageContext = { ...deps, connectionId, requestId };
  const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  try {
    await handleMessage(ctx, body);
  } catch (error) {
    // Unexpected (the database, a bug): logged in full; the client learns only that it failed.
    logger.error('message failed', { error: error as Error });
    const id = /"id"\s*:\s*"([^"]{1,200})"/.exec(body)?.[1];
    if (id) {
      await ctx.api
        .post(connectionId, { type: MessageType.Error, id, payload: [INTERNAL_ERROR] as never })
        .catch(() => undefined);
    }
  }
  return { statusCode: 200, body: '' };
};
