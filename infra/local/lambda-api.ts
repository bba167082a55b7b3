import { createServer, type Server } from 'node:http';
import type { LambdaWorker } from './lambda-worker.js';
import { startLambdaWorker } from './lambda-worker.js';

/**
 * The local stand-in for Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`), so a
 * function invokes another locally exactly as in AWS: through `@aws-sdk/client-lambda`, only the
 * endpoint differs (LAMBDA_ENDPOINT). Each function is a pool of worker threads (its "containers"),
 * invocations spread over them in turn. Answers as Lambda does for RequestResponse: 200 with the
 * handler's result as JSON, or 200 with `X-Amz-Function-Error: Unhandled` and the error.
 */
export interface LocalLambdaApi {
  endpoint: string;
  close(): Promise<void>;
}

export interface LocalFunction {
  workers: LambdaWorker<unknown, unknown>[];
  timeoutMs: number;
}

/** Starts `size` worker threads running one handler module (like startLambdaWorker, several at once). */
export async function startLambdaPool(functionName: string, moduleUrl: URL, size: number, timeoutMs: number): Promise<LocalFunction> {
  const workers = await Promise.all(Array.from({ length: Math.max(1, size) }, () => startLambdaWorker<unknown, unknown>(functionName, moduleUrl)));
  return { workers, timeoutMs };
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations(?:\?|$)/;

export async function startLocalLambdaApi(functions: Record<string, Promise<LocalFunction>>, log: (line: string) => void = () => undefined): Promise<LocalLambdaApi> {
  let turn = 0;
  const invoked = new Set<string>();
  const server: Server = createServer((request, response) => {
    const name = decodeURIComponent(INVOKE_PATH.exec(request.url ?? '')?.[1] ?? '');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const fn = request.method === 'POST' ? functions[name.split(':').pop()!] : undefined;
      if (!fn) {
        const body = JSON.stringify({ Type: 'User', message: `Function not found: ${name}` });
        response.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' }).end(body);
        return;
      }
      try {
        const { workers, timeoutMs } = await fn;
        if (!invoked.has(name)) {
          invoked.add(name);
          log(`lambda-api: first invocation of ${name} (${workers.length} worker threads)`);
        }
        const event = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const result = await workers[turn++ % workers.length].invoke(event, timeoutMs);
        response.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' }).end(JSON.stringify(result ?? null));
      } catch (error) {
        const { name: errorType, message } = error as Error;
        response
          .writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled', 'x-amz-executed-version': '$LATEST' })
          .end(JSON.stringify({ errorType, errorMessage: message }));
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const fn of Object.values(functions)) {
        const started = await fn.catch(() => undefined);
        await Promise.all(started?.workers.map((w) => w.close()) ?? []);
      }
    },
  };
}
