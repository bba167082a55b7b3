import type { SubscriptionTarget } from './subscription-resolvers.js';
import type { RealtimeEvent } from './events.js';

// A topic is the key subscriptions are found by (gsi1 `TOPIC#<topic>`). Each subscription has
// exactly one; an event is published to every topic that may hold a matching subscription.

/** Where a subscription is filed, and the argument checks its topic does not already make. */
export function topicOf(target: SubscriptionTarget): { topic: string; filter?: Record<string, string> } {
  const { sessionId, wardId } = target.args;
  switch (target.field) {
    case 'attendanceChanged':
      if (sessionId) return { topic: `ATTENDANCE#SESSION#${sessionId}`, ...(wardId ? { filter: { wardId } } : {}) };
      if (wardId) return { topic: `ATTENDANCE#WARD#${wardId}` };
      return { topic: 'ATTENDANCE#ALL' };
    case 'concernChanged':
      return { topic: wardId ? `CONCERN#WARD#${wardId}` : 'CONCERN#ALL' };
    case 'summaryChanged':
      return { topic: 'SUMMARY' };
  }
}

/** Every topic an event is published to. */
export function topicsOf(event: RealtimeEvent): string[] {
  switch (event.field) {
    case 'attendanceChanged':
      return [`ATTENDANCE#SESSION#${event.sessionId}`, ...(event.wardId ? [`ATTENDANCE#WARD#${event.wardId}`] : []), 'ATTENDANCE#ALL'];
    case 'concernChanged':
      // A concern handed over by a reorganisation also goes to the unit that handles it now.
      return [
        ...(event.wardId ? [`CONCERN#WARD#${event.wardId}`] : []),
        ...(event.handledBy && event.handledBy !== event.wardId ? [`CONCERN#WARD#${event.handledBy}`] : []),
        'CONCERN#ALL',
      ];
    case 'summaryChanged':
      return ['SUMMARY'];
  }
}

/** The subscription's remaining argument checks against the event (its topic matched already). */
export function matchesFilter(filter: Record<string, string> | undefined, event: RealtimeEvent): boolean {
  if (!filter) return true;
  if (filter.wardId !== undefined && ('wardId' in event ? event.wardId : undefined) !== filter.wardId) return false;
  return true;
}

/** Whether an event is one a subscription target asks for (the in-process reference server's matcher). */
export function targetMatches(target: SubscriptionTarget, event: RealtimeEvent): boolean {
  const { topic, filter } = topicOf(target);
  return target.field === event.field && topicsOf(event).includes(topic) && matchesFilter(filter, event);
}
