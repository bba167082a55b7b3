import type { SubscriptionField } from './subscription-resolvers.js';

/** Loads the event's value once, however many subscribers it reaches (and never when it reaches none). */
export type LazyValue = () => Promise<unknown>;

/**
 * Something that happened, as subscribers see it: the root field it feeds, what subscriptions are
 * matched on, and its value (the domain object the Subscription field resolves to).
 * `id` is unique per change (the stream record's eventID): the dedup key.
 */
export type RealtimeEvent =
  | { field: 'attendanceChanged'; id: string; sessionId: string; wardId?: string; value: LazyValue }
  | { field: 'concernChanged'; id: string; wardId?: string; value: LazyValue }
  | { field: 'summaryChanged'; id: string; value: LazyValue };

/** The root value a subscriber's document is executed against. */
export async function rootValueOf(event: RealtimeEvent): Promise<Record<SubscriptionField, unknown>> {
  return { [event.field]: await event.value() } as Record<SubscriptionField, unknown>;
}

/** Wraps a loader so it runs at most once. */
export function once(load: () => Promise<unknown>): LazyValue {
  let promise: Promise<unknown> | undefined;
  return () => (promise ??= load());
}
