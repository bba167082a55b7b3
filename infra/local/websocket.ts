import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { lambdaContext } from './gateway.js';

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

/** API Gateway's limit on one WebSocket message (and on a PostToConnection payload). */
export const MAX_MESSAGE_BYTES = 128 * 1024;
/** Bytes queued for a client that does not read before the local gateway drops it (API Gateway's own bound is not documented). */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** `/@connections/{connectionId}`, with or without a query string. */
const CONNECTIONS_PATH = /^\/@connections\/([^/?]+)(?:\?|$)/;
const OK_HEADERS = { 'content-length': '0' };

interface LiveConnection {
  socket: WebSocket;
  connectedAt: number;
  lastActiveAt: number;
  sourceIp: string;
  userAgent: string;
  /** Handler invocations in flight for this connection ($disconnect waits for them). */
  inFlight: Set<Promise<unknown>>;
  timers: NodeJS.Timeout[];
}

const CHOSEN_PROTOCOL = Symbol('chosenProtocol');

/** API Gateway connection ids look like `L0SM9cOFvHcCIhw=`. */
const newConnectionId = () => randomBytes(10).toString('base64');

export async function startLocalWebSocketGateway(options: LocalWebSocketOptions): Promise<LocalWebSocketGateway> {
  const log = options.log ?? (() => undefined);
  const idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60_000;
  const maxConnectionMs = options.maxConnectionMs ?? 2 * 3600_000;
  const path = options.path ?? '/graphql';
  const connections = new Map<string, LiveConnection>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (_protocols, request) => (request as IncomingMessage & { [CHOSEN_PROTOCOL]?: string })[CHOSEN_PROTOCOL] ?? false,
  });

  const requestContext = (connectionId: string, connection: Pick<LiveConnection, 'connectedAt'>, routeKey: string, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', domainName: string) => {
    const now = new Date();
    return {
      routeKey,
      eventType,
      messageId: eventType === 'MESSAGE' ? randomBytes(10).toString('base64') : undefined,
      extendedRequestId: randomUUID(),
      requestTime: now.toUTCString(),
      messageDirection: 'IN' as const,
      stage: 'local',
      connectedAt: connection.connectedAt,
      requestTimeEpoch: now.getTime(),
      requestId: randomUUID(),
      domainName,
      connectionId,
      apiId: 'local',
    } as APIGatewayProxyWebsocketEventV2['requestContext'];
  };

  const invoke = async (event: WebSocketEvent) => {
    try {
      return await options.handler(event, lambdaContext('graphql-ws', event.requestContext.requestId));
    } catch (error) {
      // In AWS a failed invocation is logged and the client gets nothing (or, on $connect, a 500).
      console.error(`websocket: ${event.requestContext.routeKey} handler failed`, error);
      return { statusCode: 500, body: 'Internal server error' };
    }
  };

  const closeConnection = (connectionId: string, code: number, reason: string) => {
    const connection = connections.get(connectionId);
    if (connection && connection.socket.readyState === connection.socket.OPEN) connection.socket.close(code, reason);
  };

  async function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const connectionId = newConnectionId();
    const connectedAt = Date.now();
    const headers: Record<string, string> = {};
    const multiValueHeaders: Record<string, string[]> = {};
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      const [name, value] = [request.rawHeaders[i], request.rawHeaders[i + 1]];
      headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
      (multiValueHeaders[name] ??= []).push(value);
    }
    const domainName = request.headers.host ?? 'localhost';
    const result = await invoke({
      headers,
      multiValueHeaders,
      queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
      requestContext: requestContext(connectionId, { connectedAt }, '$connect', 'CONNECT', domainName),
      isBase64Encoded: false,
    });
    const status = (result && typeof result === 'object' ? result.statusCode : 200) ?? 200;
    if (status < 200 || status > 299) {
      const body = (result && typeof result === 'object' ? result.body : '') ?? '';
      socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    const responseHeaders = (result && typeof result === 'object' ? result.headers : undefined) ?? {};
    const protocol = Object.entries(responseHeaders).find(([name]) => name.toLowerCase() === 'sec-websocket-protocol')?.[1];
    (request as IncomingMessage & { [CHOSEN_PROTOCOL]?: string })[CHOSEN_PROTOCOL] = protocol === undefined ? undefined : String(protocol);

    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection: LiveConnection = {
        socket: ws,
        connectedAt,
        lastActiveAt: Date.now(),
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
        inFlight: new Set(),
        timers: [],
      };
      connections.set(connectionId, connection);
      let idle = setTimeout(() => closeConnection(connectionId, 1001, 'Going away'), idleTimeoutMs);
      connection.timers.push(setTimeout(() => closeConnection(connectionId, 1001, 'Going away'), maxConnectionMs));

      ws.on('message', (data, isBinary) => {
        connection.lastActiveAt = Date.now();
        clearTimeout(idle);
        idle = setTimeout(() => closeConnection(connectionId, 1001, 'Going away'), idleTimeoutMs);
        const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        // NOTE: each message is its own invocation, concurrently, as in AWS: no ordering between them.
        const pending = invoke({
          requestContext: requestContext(connectionId, connection, '$default', 'MESSAGE', domainName),
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
        connections.delete(connectionId);
        // NOTE: API Gateway's $disconnect is best effort and unordered; waiting here only makes local
        // runs deterministic. The publisher's 410 handling covers what a lost $disconnect leaves.
        await Promise.allSettled([...connection.inFlight]);
        if (closing) return;
        await invoke({
          requestContext: requestContext(connectionId, connection, '$disconnect', 'DISCONNECT', domainName),
          disconnectStatusCode: code,
          disconnectReason: reason.toString(),
          isBase64Encoded: false,
        });
      });
    });
  }

  // The @connections management API: POST (send), GET (describe), DELETE (close).
  // NOTE: every post of a fan-out comes through here (one per client per event), so this path does
  // the least it can: no URL object, the body kept as bytes and sent as a text frame as received.
  // A token bucket: `rps` tokens a second, up to `burst` saved.
  const rps = options.connectionsRps && options.connectionsRps > 0 ? options.connectionsRps : undefined;
  const burst = Math.max(1, options.connectionsBurst ?? rps ?? 1);
  let tokens = burst;
  let refilledAt = performance.now();
  let throttled = 0;
  const takeToken = () => {
    if (!rps) return true;
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) * rps) / 1000);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  if (rps) log(`@connections limited to ${rps} requests/s (LOCAL_CONNECTIONS_RPS): more are refused with 429 LimitExceededException`);
  const management: Server = createServer((request, response) => {
    if (!takeToken()) {
      if (throttled++ === 0) log('@connections: first request over LOCAL_CONNECTIONS_RPS refused with 429 LimitExceededException');
      request.resume();
      return sendError(response, 429, 'LimitExceededException', 'Rate exceeded');
    }
    const match = CONNECTIONS_PATH.exec(request.url ?? '/');
    if (!match) {
      request.resume();
      return sendError(response, 404, 'NotFoundException', 'Not found');
    }
    const connectionId = decodeURIComponent(match[1]);
    const connection = connections.get(connectionId);
    if (!connection || connection.socket.readyState !== connection.socket.OPEN) {
      request.resume();
      return sendError(response, 410, 'GoneException', `Connection ${connectionId} is gone`);
    }
    if (request.method === 'GET') {
      request.resume();
      return sendJson(response, 200, {
        ConnectedAt: new Date(connection.connectedAt).toISOString(),
        LastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent },
      });
    }
    if (request.method === 'DELETE') {
      request.resume();
      connection.socket.close(1000, '');
      response.writeHead(204).end();
      return;
    }
    if (request.method !== 'POST') {
      request.resume();
      return sendError(response, 405, 'BadRequestException', 'Method not allowed');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_MESSAGE_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_MESSAGE_BYTES) return sendError(response, 413, 'PayloadTooLargeException', `Message of ${size} bytes exceeds the ${MAX_MESSAGE_BYTES}-byte limit`);
      if (connection.socket.readyState !== connection.socket.OPEN) return sendError(response, 410, 'GoneException', `Connection ${connectionId} is gone`);
      if (connection.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        // A client that stopped reading long ago: dropped rather than allowed to hold memory without bound.
        connection.socket.terminate();
        return sendError(response, 410, 'GoneException', `Connection ${connectionId} is gone`);
      }
      // NOTE: like API Gateway, a post is accepted once queued for the socket, not when the client has
      // read it: a stalled consumer must not hold up the publisher (and every other dashboard).
      connection.socket.send(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), { binary: false });
      response.writeHead(200, OK_HEADERS).end();
    });
  });
  management.keepAliveTimeout = 60_000;
  const managementPort = await new Promise<number>((resolve, reject) => {
    management.once('error', reject);
    management.listen(0, '127.0.0.1', () => resolve((management.address() as { port: number }).port));
  });
  log(`WebSocket management API (@connections) on http://127.0.0.1:${managementPort}`);

  let closing = false;
  return {
    onUpgrade: (request, socket, head) => {
      onUpgrade(request, socket, head).catch((error) => {
        console.error('websocket: upgrade failed', error);
        socket.destroy();
      });
    },
    managementEndpoint: `http://127.0.0.1:${managementPort}`,
    connectionCount: () => connections.size,
    throttledCount: () => throttled,
    async close() {
      closing = true;
      // Like a redeployed or restarted endpoint: clients are told to go away and reconnect.
      for (const connection of connections.values()) connection.socket.close(1001, 'Going away');
      await new Promise<void>((resolve) => {
        management.closeAllConnections();
        management.close(() => resolve());
      });
      wss.close();
    },
  };
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function sendError(response: ServerResponse, status: number, type: string, message: string) {
  const body = JSON.stringify({ message });
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
