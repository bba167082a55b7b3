import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { makeExecutableSchemaFromSdl } from './schema.js';
import type { GraphQLContext } from '../resolvers/context.js';
import { formatError, isUnavailableError } from './format-error.js';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { DomainError } from '../domain/kernel/errors.js';
import { QUERY_LIMITS, queryLimitsPlugin } from './limits.js';

/**
 * One structured log line per operation: request id, operation name, acting user, duration and the
 * error codes returned. Never the token, never variables (they may hold citizens' words).
 */
const operationLogPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof DomainError || !error.path) continue; // refusals are expected; request errors carry no internals
          // Unexpected: the full error goes to the log (with the request id), never to the client.
          contextValue.logger?.error('resolver failed', { path: error.path?.join('.'), unavailable: isUnavailableError(original), error: original as Error });
        }
      },
      async willSendResponse({ contextValue, operationName, response }) {
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        contextValue.logger?.info('operation', {
          operationName: operationName ?? null,
          // A public request has no actor (functions/graphql/public-access.ts): its client stays out of the log.
          user: contextValue.publicClient ? 'public' : contextValue.actor?.id,
          role: contextValue.publicClient ? 'PUBLIC' : contextValue.actor?.role,
          durationMs: Math.round(performance.now() - started),
          errorCodes: errors.map((e) => e.extensions?.code),
        });
      },
    };
  },
};

export function createApolloServer(plugins: ApolloServerPlugin<GraphQLContext>[] = []) {
  return new ApolloServer<GraphQLContext>({
    schema: makeExecutableSchemaFromSdl(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Introspection is served to signed-in users only: every request needs a token (docs/security.md).
    introspection: true,
    csrfPrevention: true,
    // Depth, aliases and cost are refused before execution; the parser stops at maxTokens (docs/security.md).
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // NOTE: no Apollo GraphOS usage reports, no federation traces: the Lambda bundles replace their
    // protobuf encoder with a stub (infra/lambda-bundling.ts), so these stay off even if APOLLO_KEY is set.
    plugins: [operationLogPlugin, queryLimitsPlugin<GraphQLContext>(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginInlineTraceDisabled(), ...plugins],
  });
}
