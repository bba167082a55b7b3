import { addResolversToSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { makeExecutableSchemaFromSdl } from '../graphql/schema.js';
import { subscriptionResolvers } from './subscription-resolvers.js';

let cached: GraphQLSchema | undefined;

/**
 * The executable schema of functions/graphql/schema.ts (same SDL, same resolvers) with the
 * Subscription resolvers added: what both the Lambda path and the reference graphql-ws server run.
 */
export function realtimeSchema(): GraphQLSchema {
  cached ??= addResolversToSchema({ schema: makeExecutableSchemaFromSdl(), resolvers: subscriptionResolvers as never });
  return cached;
}
