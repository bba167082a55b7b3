import type { Logger } from '@aws-lambda-powertools/logger';
import type { Actor } from '../domain/kernel/actor.js';
import type { Domain } from '../domain/index.js';

/** What every resolver receives: the verified actor and the domain. */
export interface GraphQLContext {
  actor: Actor;
  requestId: string;
  domain: Domain;
  logger: Logger;
  /**
   * Set only for a request without a token that the public gate let through (functions/graphql/public-access.ts):
   * the client it comes from, for the rate limits. `actor` then refuses to be read (UNAUTHENTICATED).
   */
  publicClient?: string;
}
