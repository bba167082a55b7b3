import { randomUUID } from 'node:crypto';

/**
 * A check-in client as an officer's device behaves: it keeps the requestId of each check-in and, when
 * the answer does not come or says "retry", sends the same request again.
 */
export interface Outcome {
  requestId: string;
  count: number;
  /** The server answered with data: the device showed "recorded". */
  acknowledged: boolean;
  /** What the answers were: 'ok', an error code, or 'network' for no answer. */
  answers: string[];
  /** Milliseconds each answer took. */
  latencies: number[];
}

const CHECK_IN = 'mutation ($input: CheckInInput!) { checkIn(input: $input) { delta attendance } }';

export async function sendCheckIn(url: string, token: string, sessionId: string, requestId: string, count: number, timeoutMs = 15_000): Promise<{ answer: string; ms: number; delta?: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CHECK_IN, variables: { input: { sessionId, category: 'RESIDENT', count, requestId } } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { data?: { checkIn?: { delta: number } }; errors?: { extensions?: { code?: string } }[] };
    const ms = performance.now() - started;
    if (body.data?.checkIn) return { answer: 'ok', ms, delta: body.data.checkIn.delta };
    return { answer: body.errors?.[0]?.extensions?.code ?? `http-${response.status}`, ms };
  } catch (error) {
    return { answer: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network', ms: performance.now() - started };
  }
}

export function plannedCheckIns(n: number): { requestId: string; count: number }[] {
  return Array.from({ length: n }, (_, i) => ({ requestId: `fault-${randomUUID()}`, count: 1 + (i % 5) }));
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
