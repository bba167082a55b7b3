import type { IncomingMessage } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { lambdaContext } from './gateway.js';
import { MAX_MESSAGE_BYTES, startManagementApi, type LiveConnection } from './websocket-management.js';

export { MAX_MESSAGE_BYTES };

/**
 * The local stand-in for API Gateway WebSocket APIs: frames become the `$connect` / `$default` /
 * `$disconnect` events the `graphql-ws` Lambda receives in AWS, and the `@connections` management
 * API it posts back to is served on its own loopback port (in AWS it is
 * `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`; only the endpoint differs).
 * Where it matters, it behaves like API Gateway: the `$connect` response decides the handshake and
 * the subprotocol, a message is at most 128 KB, a connection idle for 10 minutes or open for two
 * hours is closed (1001), DeleteConnection closes with 1000, a post to a gone connection is a 410.
 * It holds no business logic.
 */
export type WebSocketEvent = APIGatewayProxyWebsocketEventV2 & {
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  disconnectStatusCode?: number;
  disconnectReason?: string;
};
export type WebSocketLambda = (event: WebSocketEvent, context: Context) => Promise<APIGatewayProxyResult | void>;

export interface LocalWebSocketOptions {
  handler: WebSocketLambda;
  /** API Gateway: 10 minutes without a message from the client. */
  idleTimeoutMs?: number;
  /** API Gateway: 2 hours, whatever the traffic. */
  maxConnectionMs?: number;
  /** The WebSocket path on the gateway's port. */
  path?: string;
  /**
   * `@connections` requests per second the endpoint accepts (LOCAL_CONNECTIONS_RPS): above it a
   * request is refused with 429 LimitExceededException, as API Gateway refuses calls over the
   * account's quota (10,000/s by default, shared by every API in the Region). Unlimited if unset.
   */
  connectionsRps?: number;
  /** Requests the rate limit allows at once (the token bucket's size); the rate by default. */
  connectionsBurst?: number;
  log?: (line: string) => void;
}

export interface LocalWebSocketGateway {
  onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Where handlers send `@connections` calls (WS_MANAGEMENT_ENDPOINT). */
  managementEndpoint: string;
  connectionCount(): number;
  /** `@connections` requests refused with 429 so far (LOCAL_CONNECTIONS_RPS). */
  throttledCount(): number;
  close(): Promise<void>;
}



const CHOSEN_PROTOCOL = Symbol('chosenProtocol');

/** API Gateway connection ids look like `L0SM9cOFvHcCIhw=`. */
const newConnectionId = () => randomBytes(10).toString('base64');

/** The requestContext API Gateway gives each WebSocket event. */
function requestContext(connectionId: string, connectedAt: number, routeKey: string, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', domainName: string) {
  const now = new Date();
  return {
    routeKey,
    eventType,
    messageId: eventType === 'MESSAGE' ? randomBytes(10).toString('base64') : undefined,
    extendedRequestId: randomUUID(),
    requestTime: now.toUTCString(),
    messageDirection: 'IN' as const,
    stage: 'local',
    connectedAt,
    requestTimeEpoch: now.getTime(),
    requestId: randomUUID(),
    domainName,
    connectionId,
    apiId: 'local',
  } as APIGatewayProxyWebsocketEventV2['requestContext'];
}

/** The `$connect` event of an upgrade request: its headers (single and multi-valued) and query string. */
function connectEvent(request: IncomingMessage, url: URL, connectionId: string, connectedAt: number): WebSocketEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const [name, value] = [request.rawHeaders[i], request.rawHeaders[i + 1]];
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
    (multiValueHeaders[name] ??= []).push(value);
  }
  return {
    headers,
    multiValueHeaders,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: requestContext(connectionId, connectedAt, '$connect', 'CONNECT', request.headers.host ?? 'localhost'),
    isBase64Encoded: false,
  };
}

/** What the gateway's parts share: its settings, its live connections and the handler it invokes. */
interface Gateway {
  handler: WebSocketLambda;
  idleTimeoutMs: number;
  maxConnectionMs: number;
  path: string;
  connections: Map<string, LiveConnection>;
  wss: WebSocketServer;
  closing: boolean;
}

/** One handler invocation; a failure is what AWS would make of it (logged; on $connect, a 500). */
async function invoke(gateway: Gateway, event: WebSocketEvent) {
  try {
    return await gateway.handler(event, lambdaContext('graphql-ws', event.requestContext.requestId));
  } catch (error) {
    console.error(`websocket: ${event.requestContext.routeKey} handler failed`, error);
    return { statusCode: 500, body: 'Internal server error' };
  }
}

function goAway(gateway: Gateway, connectionId: string) {
  const connection = gateway.connections.get(connectionId);
  if (connection && connection.socket.readyState === connection.socket.OPEN) connection.socket.close(1001, 'Going away');
}

export async function startLocalWebSocketGateway(options: LocalWebSocketOptions): Promise<LocalWebSocketGateway> {
  const log = options.log ?? (() => undefined);
  const gateway: Gateway = {
    handler: options.handler,
    idleTimeoutMs: options.idleTimeoutMs ?? 10 * 60_000,
    maxConnectionMs: options.maxConnectionMs ?? 2 * 3600_000,
    path: options.path ?? '/graphql',
    connections: new Map(),
    wss: new WebSocketServer({
      noServer: true,
      maxPayload: MAX_MESSAGE_BYTES,
      perMessageDeflate: false,
      handleProtocols: (_protocols, request) => (request as IncomingMessage & { [CHOSEN_PROTOCOL]?: string })[CHOSEN_PROTOCOL] ?? false,
    }),
    closing: false,
  };
  const management = await startManagementApi(gateway.connections, { rps: options.connectionsRps, burst: options.connectionsBurst, log });
  return {
    onUpgrade: (request, socket, head) => {
      upgrade(gateway, request, socket, head).catch((error) => {
        console.error('websocket: upgrade failed', error);
        socket.destroy();
      });
    },
    managementEndpoint: management.endpoint,
    connectionCount: () => gateway.connections.size,
    throttledCount: management.throttledCount,
    async close() {
      gateway.closing = true;
      // Like a redeployed or restarted endpoint: clients are told to go away and reconnect.
      for (const connection of gateway.connections.values()) connection.socket.close(1001, 'Going away');
      await management.close();
      gateway.wss.close();
    },
  };
}

/** The handshake: `$connect` decides it (and the subprotocol), as API Gateway lets it. */
async function upgrade(gateway: Gateway, request: IncomingMessage, socket: Duplex, head: Buffer) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== gateway.path) {
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const connectionId = newConnectionId();
  const connectedAt = Date.now();
  const result = await invoke(gateway, connectEvent(request, url, connectionId, connectedAt));
  const status = (result && typeof result === 'object' ? result.statusCode : 200) ?? 200;
  if (status < 200 || status > 299) {
    const body = (result && typeof result === 'object' ? result.body : '') ?? '';
    socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return;
  }
  const responseHeaders = (result && typeof result === 'object' ? result.headers : undefined) ?? {};
  const protocol = Object.entries(responseHeaders).find(([name]) => name.toLowerCase() === 'sec-websocket-protocol')?.[1];
  (request as IncomingMessage & { [CHOSEN_PROTOCOL]?: string })[CHOSEN_PROTOCOL] = protocol === undefined ? undefined : String(protocol);
  gateway.wss.handleUpgrade(request, socket, head, (ws) => attach(gateway, ws, connectionId, connectedAt, request));
}

/** An accepted connection: its idle and lifetime timers, one invocation per message, `$disconnect` on close. */
function attach(gateway: Gateway, ws: WebSocket, connectionId: string, connectedAt: number, request: IncomingMessage) {
  const domainName = request.headers.host ?? 'localhost';
  const connection: LiveConnection = {
    socket: ws,
    connectedAt,
    lastActiveAt: Date.now(),
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    userAgent: request.headers['user-agent'] ?? '',
    inFlight: new Set(),
    timers: [],
  };
  gateway.connections.set(connectionId, connection);
  let idle = setTimeout(() => goAway(gateway, connectionId), gateway.idleTimeoutMs);
  connection.timers.push(setTimeout(() => goAway(gateway, connectionId), gateway.maxConnectionMs));

  ws.on('message', (data, isBinary) => {
    connection.lastActiveAt = Date.now();
    clearTimeout(idle);
    idle = setTimeout(() => goAway(gateway, connectionId), gateway.idleTimeoutMs);
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    // NOTE: each message is its own invocation, concurrently, as in AWS: no ordering between them.
    const pending = invoke(gateway, {
      requestContext: requestContext(connectionId, connectedAt, '$default', 'MESSAGE', domainName),
      body: isBinary ? buffer.toString('base64') : buffer.toString('utf8'),
      isBase64Encoded: isBinary,
    });
    connection.inFlight.add(pending);
    void pending.finally(() => connection.inFlight.delete(pending));
  });
  ws.on('error', () => undefined); // 1009 (too big) and friends: the close event follows
  ws.on('close', async (code, reason) => {
    clearTimeout(idle);
    for (const timer of connection.timers) clearTimeout(timer);
    gateway.connections.delete(connectionId);
    // NOTE: API Gateway's $disconnect is best effort and unordered; waiting here only makes local
    // runs deterministic. The publisher's 410 handling covers what a lost $disconnect leaves.
    await Promise.allSettled([...connection.inFlight]);
    if (gateway.closing) return;
    await invoke(gateway, {
      requestContext: requestContext(connectionId, connectedAt, '$disconnect', 'DISCONNECT', domainName),
      disconnectStatusCode: code,
      disconnectReason: reason.toString(),
      isBase64Encoded: false,
    });
  });
}
