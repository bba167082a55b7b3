import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/errors.js';
import { createApolloServer } from '../graphql/server.js';
import { getRuntime } from './runtime.js';

/**
 * The `graphql-http` Lambda: API Gateway HTTP API (v2) events in, GraphQL responses out.
 * Thin by design: authenticate, build the context, hand on to Apollo.
 */
const runtime = getRuntime();
const server = createApolloServer();

export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
  context: async ({ event, context }) => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const logger = runtime.logger.createChild({ persistentKeys: { requestId } });
    const authorization = event.headers?.authorization ?? event.headers?.Authorization;
    try {
      const actor = await runtime.verifyToken(authorization);
      logger.appendPersistentKeys({ user: actor.id, role: actor.role });
      return { actor, requestId, domain: runtime.domain, logger };
    } catch (error) {
      if (error instanceof DomainError) {
        logger.info('refused request', { reason: error.message });
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
      }
      throw error;
    }
  },
});
