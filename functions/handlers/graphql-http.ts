import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import { createApolloServer } from '../graphql/server.js';
import { checkBodySize } from '../graphql/limits.js';
import { getRuntime } from './runtime.js';
import { codeOfDomainError } from '../graphql/format-error.js';
import { NO_ACTOR, publicClientKey, publicRefusal } from '../graphql/public-access.js';

/**
 * The `graphql-http` Lambda: API Gateway HTTP API (v2) events in, GraphQL responses out.
 * Thin by design: authenticate, build the context, hand on to Apollo.
 */
const runtime = getRuntime();
const server = createApolloServer();

const apolloHandler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
  context: async ({ event, context }) => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const logger = runtime.logger.createChild({ persistentKeys: { requestId } });
    const authorization = event.headers?.authorization ?? event.headers?.Authorization;
    // No token: the public page's operations only (functions/graphql/public-access.ts).
    if (!authorization) {
      const refusal = publicRefusal(event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body);
      if (refusal) {
        logger.info('refused request', { reason: 'no token' });
        throw new GraphQLError(refusal, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      return { actor: NO_ACTOR, publicClient: publicClientKey(event.requestContext?.http?.sourceIp), requestId, domain: runtime.domain, logger };
    }
    try {
      const actor = await runtime.verifyToken(authorization);
      logger.appendPersistentKeys({ user: actor.id, role: actor.role });
      return { actor, requestId, domain: runtime.domain, logger };
    } catch (error) {
      const code = codeOfDomainError(error);
      if (code) {
        logger.info('refused request', { reason: (error as Error).message });
        throw new GraphQLError((error as Error).message, { extensions: { code, http: { status: 401 } } });
      }
      throw error;
    }
  },
});

/** Refuses an oversized body before Apollo parses it or the token is checked (docs/security.md). */
export const handler = async (...[event, context, callback]: Parameters<typeof apolloHandler>) => {
  const tooLarge = checkBodySize(event.body, event.isBase64Encoded);
  if (tooLarge) {
    const { http: _http, ...extensions } = tooLarge.extensions;
    runtime.logger.info('refused request', { requestId: event.requestContext?.requestId, reason: extensions.reason, bytes: extensions.actual });
    return { statusCode: 413, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ errors: [{ message: tooLarge.message, extensions }] }) };
  }
  return (await apolloHandler(event, context, callback)) as APIGatewayProxyStructuredResultV2;
};
