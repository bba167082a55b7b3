import type { GraphQLContext } from '../resolvers/context.js';
import type { Actor } from '../domain/kernel/actor.js';
import { NotFoundError } from '../domain/kernel/errors.js';
import type { GraphQLResolveInfo } from 'graphql';
import { isSummaryVariants } from './events.js';
import { selectsAny, SUMMARY_UNIT_FIELDS } from '../resolvers/selection.js';

export type SubscriptionField = 'attendanceChanged' | 'concernChanged' | 'summaryChanged';

/** What a subscription listens to: its root field and (coerced) arguments. */
export interface SubscriptionTarget {
  field: SubscriptionField;
  args: { sessionId?: string; wardId?: string };
}

/**
 * The context of a subscription operation: the usual GraphQL context plus where to register it.
 * The Lambda path records the target in the table; the in-process reference server (tests,
 * benchmark) returns an iterator over its in-memory pub/sub.
 */
export interface SubscriptionContext extends GraphQLContext {
  subscribeTo(target: SubscriptionTarget): AsyncIterable<unknown>;
}

/** A ward argument must name a unit of the jurisdiction, past or present (the loaded list, not a fixed one). */
async function checkWard(context: SubscriptionContext, wardId: string | null | undefined) {
  if (wardId != null && !(await context.domain.wards.getWard(wardId))) {
    throw new NotFoundError(`There is no ward with id "${wardId.slice(0, 60)}"; Query.wards lists them.`, { wardId });
  }
}

/** Every role may read everything (../shared/contract/README.md), so every signed-in actor may subscribe. */
function assertMaySubscribe(actor: Actor | undefined) {
  void actor;
}

function field(name: SubscriptionField) {
  return {
    subscribe: async (_root: unknown, args: { sessionId?: string | null; wardId?: string | null }, context: SubscriptionContext) => {
      assertMaySubscribe(context.actor);
      await checkWard(context, args.wardId);
      const clean: SubscriptionTarget['args'] = {};
      if (args.sessionId != null) clean.sessionId = args.sessionId;
      if (args.wardId != null) clean.wardId = args.wardId;
      return context.subscribeTo({ field: name, args: clean });
    },
    // The event is the root value: { [field]: domain object } (see publish.ts); a summary comes in two
    // variants, and a document that selects no rows by unit gets the one read from the roll-up.
    resolve: (root: Record<string, unknown>, _args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      const value = root[name];
      return isSummaryVariants(value) ? (selectsAny(info, SUMMARY_UNIT_FIELDS) ? value.byUnit() : value.totals()) : value;
    },
  };
}

/** The Subscription type's resolvers, added to the one executable schema by realtimeSchema(). */
export const subscriptionResolvers = {
  Subscription: {
    attendanceChanged: field('attendanceChanged'),
    concernChanged: field('concernChanged'),
    summaryChanged: field('summaryChanged'),
  },
};
