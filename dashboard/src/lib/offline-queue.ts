/**
 * An offline queue of writes for screens used where the network comes and goes (the door kiosk, a
 * neighbourhood meeting's minutes). Every item carries its own `requestId` and is written to storage
 * before anything is sent; it leaves the queue only once the API has answered it. An item sent twice
 * (the answer lost, the page reloaded mid-send) carries the same `requestId`, which the API counts
 * once: nothing is lost and nothing is counted twice.
 */
import { useEffect } from 'react';
import type { CombinedError } from 'urql';

export interface QueuedItem {
  requestId: string;
  queuedAt: string;
  attempts: number;
}

/** What became of one send: answered, try again later, or refused for good (with the API's message). */
export type SendOutcome = { status: 'sent' } | { status: 'retry'; reason: string } | { status: 'rejected'; message: string };

export interface QueueStorage<T extends QueuedItem = QueuedItem> {
  load(): T[];
  save(items: T[]): void;
}

export function localStorageQueue<T extends QueuedItem>(storage: Storage, key: string): QueueStorage<T> {
  return {
    load() {
      try {
        const items = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(items) ? items : [];
      } catch {
        return [];
      }
    },
    save(items) {
      storage.setItem(key, JSON.stringify(items));
    },
  };
}

export interface Rejection<T extends QueuedItem = QueuedItem> {
  item: T;
  message: string;
}

export interface OfflineQueueOptions<T extends QueuedItem> {
  storage: QueueStorage<T>;
  send(item: T): Promise<SendOutcome>;
  /** Called after every change of the pending items or rejections. */
  onChange?(): void;
  /** How long to wait before the next try after `retry` outcomes in a row. */
  retryDelay?(failures: number): number;
  /** Transient server faults are retried this many times per item before it is given up. */
  maxAttempts?: number;
  /** A send that has not answered after this long is abandoned and tried again (same requestId). */
  sendTimeoutMs?: number;
  newRequestId?(): string;
  now?(): Date;
}

export class OfflineQueue<T extends QueuedItem> {
  protected items: T[];
  private flushing: Promise<void> | undefined;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  readonly rejections: Rejection<T>[] = [];
  lastError: string | undefined;

  constructor(private readonly options: OfflineQueueOptions<T>) {
    this.items = options.storage.load();
  }

  /** Items not yet answered by the API. */
  get pending(): number {
    return this.items.length;
  }

  /** The items not yet answered, oldest first. */
  get queued(): readonly T[] {
    return this.items;
  }

  /** Records an item (persisted at once) and starts sending. */
  add(fields: Omit<T, keyof QueuedItem>): T {
    const item = {
      ...fields,
      requestId: this.options.newRequestId?.() ?? crypto.randomUUID(),
      queuedAt: (this.options.now?.() ?? new Date()).toISOString(),
      attempts: 0,
    } as T;
    // Re-read first: another tab may have queued or sent items meanwhile.
    this.items = [...this.mergeWithStored(), item];
    this.persist();
    void this.flush();
    return item;
  }

  /** Sends queued items one by one, oldest first; stops at the first `retry` and schedules another try. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.flushing) return this.flushing;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Stops timers (the page is leaving); queued items stay in storage. */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Starts (again) sending what is queued. NOTE: React may stop and start the same queue (StrictMode
   * mounts every effect twice), so a stop is not final.
   */
  start(): Promise<void> {
    this.stopped = false;
    return this.flush();
  }

  private async drain() {
    while (this.items.length > 0 && !this.stopped) {
      const item = this.items[0]!;
      const outcome = await this.sendWithTimeout(item);
      if (outcome.status === 'retry') {
        item.attempts += 1;
        this.lastError = outcome.reason;
        if (item.attempts >= (this.options.maxAttempts ?? Number.POSITIVE_INFINITY)) {
          this.remove(item, `${outcome.reason}`);
          continue;
        }
        this.failures += 1;
        this.persist();
        const delay = this.options.retryDelay?.(this.failures) ?? Math.min(1_000 * this.failures, 3_000);
        this.timer = setTimeout(() => void this.flush(), delay);
        return;
      }
      this.failures = 0;
      this.lastError = undefined;
      this.remove(item, outcome.status === 'rejected' ? outcome.message : undefined);
    }
  }

  private async sendWithTimeout(item: T): Promise<SendOutcome> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // NOTE: a request that hangs (a socket half-open across a server restart) must not block the queue;
    // abandoning it is safe because its repeat carries the same requestId.
    const timeout = new Promise<SendOutcome>((done) => {
      timer = setTimeout(() => done({ status: 'retry', reason: 'no answer in time' }), this.options.sendTimeoutMs ?? 10_000);
    });
    try {
      return await Promise.race([this.options.send(item).catch((error: Error): SendOutcome => ({ status: 'retry', reason: error.message })), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private remove(item: T, rejection: string | undefined) {
    this.items = this.items.filter((other) => other.requestId !== item.requestId);
    if (rejection !== undefined) this.rejections.unshift({ item, message: rejection });
    this.persist();
  }

  private mergeWithStored(): T[] {
    const stored = this.options.storage.load();
    const known = new Set(this.items.map((item) => item.requestId));
    return [...this.items, ...stored.filter((item) => !known.has(item.requestId))];
  }

  private persist() {
    this.options.storage.save(this.items);
    this.options.onChange?.();
  }
}

/** Codes that will not change on a retry: the item is set aside with the API's message. */
// UNAUTHENTICATED is not final: the item waits while the person signs in again.
const FINAL_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

/** What a send that got no data means for the queue: refused for good, or try again later. */
export function outcomeOfError(error: CombinedError | undefined): SendOutcome {
  const graphQLError = error?.graphQLErrors[0];
  const code = graphQLError?.extensions?.code as string | undefined;
  if (graphQLError && code && FINAL_CODES.has(code)) return { status: 'rejected', message: graphQLError.message };
  return { status: 'retry', reason: error?.message ?? 'no answer' };
}

/** Runs a queue while the screen is open: sends at once, again when the browser is back online, stops on leaving. */
export function useQueueRunning(queue: OfflineQueue<QueuedItem>) {
  useEffect(() => {
    void queue.start();
    const onOnline = () => void queue.flush();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      queue.stop();
    };
  }, [queue]);
}
