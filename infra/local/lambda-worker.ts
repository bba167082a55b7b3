import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { lambdaContext } from './gateway.js';

/**
 * A Lambda function in its own worker thread: the local stand-in for the function's own container.
 * In AWS the publisher never shares a CPU with API Gateway; on one machine, running it on the
 * stack's event loop made every post (SDK serialisation, SigV4 signing, the HTTP client) compete
 * with the gateway receiving that same post and writing it to the socket. In a worker the handler
 * module is imported fresh (its own cold start, its own SDK clients, its own copy of the
 * environment) and is invoked by message with the Lambda event and a context.
 */
export interface LambdaWorker<E, R> {
  invoke(event: E, timeoutMs: number): Promise<R>;
  close(): Promise<void>;
}

interface Invocation {
  id: number;
  event: unknown;
  requestId: string;
  functionName: string;
  timeoutMs: number;
}

type Reply = { ready: true } | { id: number; result: unknown } | { id: number; error: { name: string; message: string; stack?: string } };

interface WorkerData {
  lambdaModule: string;
  exportName: string;
}

/**
 * Starts a worker thread that imports `moduleUrl` and calls its `exportName` export for each
 * invocation; resolves once the module is imported. The worker gets the environment as it is now
 * (set it before starting, as a Lambda's configuration is set before its cold start).
 */
export async function startLambdaWorker<E, R>(functionName: string, moduleUrl: URL, exportName = 'handler'): Promise<LambdaWorker<E, R>> {
  // NOTE: a worker thread does not inherit the `--import tsx` hooks: the bootstrap registers them
  // before importing this file (TypeScript) as the worker's entry.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { lambdaModule: moduleUrl.href, exportName } satisfies WorkerData,
    env: { ...process.env },
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: R) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  let loaded!: () => void;
  let failedToLoad!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ([loaded, failedToLoad] = [resolve, reject]));
  worker.on('message', (reply: Reply) => {
    if ('ready' in reply) return loaded();
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiting.resolve(reply.result as R);
  });
  worker.on('error', (error) => {
    failedToLoad(error);
    failAll(error);
  });
  worker.on('exit', (code) => {
    failedToLoad(new Error(`${functionName} worker exited with ${code}`));
    failAll(new Error(`${functionName} worker exited with ${code}`));
  });
  // The stack's lifetime is the worker's: it must not keep a stopping process alive.
  worker.unref();
  await ready;
  return {
    invoke(event, timeoutMs) {
      const id = ++nextId;
      return new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, event, requestId: `local-${Date.now()}-${id}`, functionName, timeoutMs } satisfies Invocation);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

if (!isMainThread && (workerData as WorkerData | undefined)?.lambdaModule) {
  const { lambdaModule, exportName } = workerData as WorkerData;
  const handler = (await import(lambdaModule))[exportName] as (event: unknown, context: Context) => Promise<unknown>;
  parentPort!.on('message', async ({ id, event, requestId, functionName, timeoutMs }: Invocation) => {
    try {
      const result = await handler(event, lambdaContext(functionName, requestId, timeoutMs));
      parentPort!.postMessage({ id, result } satisfies Reply);
    } catch (error) {
      const { name, message, stack } = error as Error;
      parentPort!.postMessage({ id, error: { name, message, stack } } satisfies Reply);
    }
  });
  parentPort!.postMessage({ ready: true } satisfies Reply);
}
