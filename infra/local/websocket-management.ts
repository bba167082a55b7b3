import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { MAX_MESSAGE_BYTES } from '../../functions/realtime/protocol.js';
import type { WebSocket } from 'ws';

/**
 * The local `@connections` management API (in AWS:
 * `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}/@connections/{connectionId}`):
 * POST sends a frame, GET describes the connection, DELETE closes it; a gone connection is a 410, a
 * message over 128 KB a 413, and above LOCAL_CONNECTIONS_RPS a request is refused with 429.
 * NOTE: every post of a fan-out comes through here (one per client per event), so this path does
 * the least it can: no URL object, the body kept as bytes and sent as a text frame as received.
 */
export interface LiveConnection {
  socket: WebSocket;
  connectedAt: number;
  lastActiveAt: number;
  sourceIp: string;
  userAgent: string;
  /** Handler invocations in flight for this connection ($disconnect waits for them). */
  inFlight: Set<Promise<unknown>>;
  timers: NodeJS.Timeout[];
}

/** API Gateway's limit on one WebSocket message (and on a PostToConnection payload): the protocol's. */
export { MAX_MESSAGE_BYTES };
/** Bytes queued for a client that does not read before the local gateway drops it (API Gateway's own bound is not documented). */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** `/@connections/{connectionId}`, with or without a query string. */
const CONNECTIONS_PATH = /^\/@connections\/([^/?]+)(?:\?|$)/;
const OK_HEADERS = { 'content-length': '0' };

export interface ManagementApi {
  endpoint: string;
  /** Requests refused with 429 so far. */
  throttledCount(): number;
  close(): Promise<void>;
}

export async function startManagementApi(connections: ReadonlyMap<string, LiveConnection>, limits: { rps?: number; burst?: number; log: (line: string) => void }): Promise<ManagementApi> {
  const rps = limits.rps && limits.rps > 0 ? limits.rps : undefined;
  const takeToken = rps ? tokenBucket(rps, Math.max(1, limits.burst ?? rps)) : () => true;
  let throttled = 0;
  if (rps) limits.log(`@connections limited to ${rps} requests/s (LOCAL_CONNECTIONS_RPS): more are refused with 429 LimitExceededException`);
  const management: Server = createServer((request, response) => {
    if (!takeToken()) {
      if (throttled++ === 0) limits.log('@connections: first request over LOCAL_CONNECTIONS_RPS refused with 429 LimitExceededException');
      request.resume();
      return sendError(response, 429, 'LimitExceededException', 'Rate exceeded');
    }
    handleRequest(connections, request, response);
  });
  management.keepAliveTimeout = 60_000;
  const managementPort = await new Promise<number>((resolve, reject) => {
    management.once('error', reject);
    management.listen(0, '127.0.0.1', () => resolve((management.address() as { port: number }).port));
  });
  limits.log(`WebSocket management API (@connections) on http://127.0.0.1:${managementPort}`);

  return {
    endpoint: `http://127.0.0.1:${managementPort}`,
    throttledCount: () => throttled,
    close: () =>
      new Promise<void>((resolve) => {
        management.closeAllConnections();
        management.close(() => resolve());
      }),
  };
}

/** One `@connections` request on a connection that exists or not. */
function handleRequest(connections: ReadonlyMap<string, LiveConnection>, request: IncomingMessage, response: ServerResponse) {
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
}

/** A token bucket: `rps` tokens a second, up to `burst` saved; true when a request may pass. */
function tokenBucket(rps: number, burst: number): () => boolean {
  let tokens = burst;
  let refilledAt = performance.now();
  return () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) * rps) / 1000);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
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
