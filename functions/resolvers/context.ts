import type { Logger } from '@aws-lambda-powertools/logger';
import type { Actor } from '../domain/actor.js';
import type { Domain } from '../domain/index.js';

/** What every resolver receives: the verified actor and the domain. */
export interface GraphQLContext {
  actor: Actor;
  requestId: string;
  domain: Domain;
  logger: Logger;
}
