import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { PAGES } from '../pages.js';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/**
 * The local stand-in for API Gateway (HTTP API v2) and CloudFront: it turns HTTP requests into the
 * event the `graphql-http` Lambda receives in AWS, serves the built dashboard and the local JWKS.
 * It holds no business logic.
 */
export type HttpLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2 | string | void>;

export interface GatewayOptions {
  port: number;
  host?: string;
  httpHandler: HttpLambda;
  jwks: unknown;
  /** The built dashboard (dashboard/dist); a plain notice is served when it is missing. */
  staticDir?: string;
  /** Local sign-in: mints a demo token for a role (the local stack alone offers this). */
  mintDemoToken?: (role: string, wardId: string | undefined) => Promise<string>;
  /** The dashboard's `/config.json`, when the stack decides it (AUTH=oidc); otherwise the built file is served. */
  dashboardConfig?: () => unknown;
  /** WebSocket upgrades on /graphql (the realtime part of the gateway). */
  onUpgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/** API Gateway's HTTP API payload limit is 10 MB; a GraphQL request has no business being near it. */
const MAX_BODY_BYTES = 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json',
};

export function toHttpApiEvent(request: IncomingMessage, body: string, routeKey: string): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body,
    isBase64Encoded: false,
  };
}

export function lambdaContext(functionName: string, requestId: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(value));
}

async function invokeHttpLambda(options: GatewayOptions, request: IncomingMessage, response: ServerResponse) {
  const body = await readBody(request);
  if (body === undefined) {
    sendJson(response, 413, { message: 'Request Entity Too Large' });
    return;
  }
  const event = toHttpApiEvent(request, body, 'POST /graphql');
  const result = await options.httpHandler(event, lambdaContext('graphql-http', event.requestContext.requestId));
  const structured: APIGatewayProxyStructuredResultV2 =
    typeof result === 'object' && result !== null ? result : { statusCode: 200, body: typeof result === 'string' ? result : '' };
  const headers: Record<string, string | string[]> = { ...(structured.headers as Record<string, string>) };
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  response.writeHead(structured.statusCode ?? 200, headers);
  response.end(structured.isBase64Encoded ? Buffer.from(structured.body ?? '', 'base64') : (structured.body ?? ''));
}

function serveStatic(staticDir: string | undefined, pathname: string, response: ServerResponse) {
  if (!staticDir || !existsSync(join(staticDir, 'index.html'))) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The dashboard is not built yet: run `npm run build:dashboard` (npm start does it for you).');
    return;
  }
  const root = normalize(staticDir + sep);
  let file = normalize(join(staticDir, decodeURIComponent(pathname)));
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
    // A page of its own (the public page, /y-kien: <segment>/index.html), as the CloudFront function does
    // (infra/dashboard-hosting.ts); any other unknown path gets the dashboard's index.html, whose router decides.
    const page = PAGES.find((p) => pathname === `/${p}` || pathname.startsWith(`/${p}/`));
    file = join(staticDir, page ? join(page, 'index.html') : 'index.html');
  }
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  });
  response.end(readFileSync(file));
}

export function startGateway(options: GatewayOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (pathname === '/graphql') {
        if (request.method === 'POST') return await invokeHttpLambda(options, request, response);
        // NOTE: like the HTTP API in AWS, only POST is routed: GET would bypass Apollo's CSRF guard.
        response.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' });
        return response.end('GraphQL is served over POST (and WebSocket). Open /explorer for the GraphiQL explorer.');
      }
      if (pathname === '/.well-known/jwks.json') return sendJson(response, 200, options.jwks);
      if (pathname === '/config.json' && options.dashboardConfig) return sendJson(response, 200, options.dashboardConfig());
      if (pathname === '/local/token' && request.method === 'POST' && options.mintDemoToken) {
        const role = searchParams.get('role') ?? '';
        if (!['LEADERSHIP', 'WARD_OFFICER', 'TAX_OFFICER', 'ADMIN'].includes(role)) {
          return sendJson(response, 400, { message: 'role must be LEADERSHIP, WARD_OFFICER, TAX_OFFICER or ADMIN' });
        }
        return sendJson(response, 200, { token: await options.mintDemoToken(role, searchParams.get('wardId') ?? undefined) });
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' });
        return response.end('Method not allowed');
      }
      return serveStatic(options.staticDir, pathname, response);
    } catch (error) {
      // The handler itself failed (it normally answers every error): answer like API Gateway does.
      console.error('gateway: handler failed', error);
      if (!response.headersSent) sendJson(response, 500, { message: 'Internal Server Error' });
      else response.end();
    }
  });
  if (options.onUpgrade) server.on('upgrade', options.onUpgrade);
  else server.on('upgrade', (_req, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        server,
        url: `http://localhost:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
