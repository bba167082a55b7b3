import type { SubscriptionField } from './subscription-resolvers.js';

/** Loads the event's value once, however many subscribers it reaches (and never when it reaches none). */
export type LazyValue = () => Promise<unknown>;

/**
 * Something that happened, as subscribers see it: the root field it feeds, what subscriptions are
 * matched on, and its value (the domain object the Subscription field resolves to).
 * `id` is unique per change (the stream record's eventID): the dedup key.
 */
export type RealtimeEvent =
  | { field: 'attendanceChanged'; id: string; sessionId: string; wardId?: string; delta: number; at: string; value: LazyValue }
  | { field: 'concernChanged'; id: string; concernId: string; wardId?: string; handledBy?: string; value: LazyValue }
  | { field: 'summaryChanged'; id: string; value: LazyValue };

/** The root value a subscriber's document is executed against. */
export async function rootValueOf(event: RealtimeEvent): Promise<Record<SubscriptionField, unknown>> {
  return { [event.field]: await event.value() } as Record<SubscriptionField, unknown>;
}

/**
 * summaryChanged's value: the summary read from the jurisdiction's roll-up, and read with its rows by
 * unit (which costs a read per unit); each subscriber's document resolves the one it needs.
 */
export interface SummaryVariants {
  totals: LazyValue;
  byUnit: LazyValue;
}
export const isSummaryVariants = (value: unknown): value is SummaryVariants => typeof value === 'object' && value !== null && 'totals' in value && 'byUnit' in value;

/** Wraps a loader so it runs at most once. */
export function once(load: () => Promise<unknown>): LazyValue {
  let promise: Promise<unknown> | undefined;
  return () => (promise ??= load());
}

/** Events that conflate into one message per topic and subscriber group: a session's check-ins, a concern's moves. */
export function conflationKey(event: RealtimeEvent): string {
  switch (event.field) {
    case 'attendanceChanged':
      return `attendance:${event.sessionId}`;
    case 'concernChanged':
      return `concern:${event.concernId}`;
    case 'summaryChanged':
      return 'summary';
  }
}

/**
 * One event for several of the same conflation key, in stream order (../shared/contract/README.md): for
 * attendance, `delta` is their sum, `at` the latest, `attendance` read after the last of them (the
 * last event's own lazy read, made after every record of the batch was written); for a concern or
 * the summary, the latest state. A single event is returned as it is.
 */
export function mergeEvents(events: RealtimeEvent[]): RealtimeEvent {
  const last = events[events.length - 1];
  if (events.length === 1 || last.field !== 'attendanceChanged') return last;
  let delta = 0;
  let at = last.at;
  for (const event of events as Extract<RealtimeEvent, { field: 'attendanceChanged' }>[]) {
    delta += event.delta;
    if (event.at > at) at = event.at;
  }
  return { ...last, delta, at, value: once(async () => ({ ...((await last.value()) as object), delta, at })) };
}
