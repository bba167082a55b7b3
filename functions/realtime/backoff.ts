/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * before retry n (0-based), wait a random time in [0, min(cap, base × 2^n)). Spreading the retries
 * of many throttled posts over the whole window keeps them from coming back in one wave.
 */
export function fullJitterDelay(attempt: number, baseMs = 25, capMs = 2_000, random = Math.random): number {
  return random() * Math.min(capMs, baseMs * 2 ** attempt);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it reports success (true) or the deadline (epoch ms) would pass before the
 * next try; returns whether it succeeded. Between tries it waits fullJitterDelay.
 */
export async function retryUntil(attempt: () => Promise<boolean>, deadline: number): Promise<boolean> {
  for (let n = 0; ; n++) {
    if (await attempt()) return true;
    const wait = fullJitterDelay(n);
    if (Date.now() + wait >= deadline) return false;
    await sleep(wait);
  }
}
