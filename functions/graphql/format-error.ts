/**
 * Errors as clients see them: the one place that names the contract's codes (../shared/contract/README.md,
 * "Errors") and turns every error (domain, request, limit, dependency, bug) into one of them, over HTTP
 * and over the WebSocket alike.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AuthenticationError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, NotImplementedError, RateLimitedError, UnavailableError } from '../domain/kernel/errors.js';

/** Every code a client can see. */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE', 'NOT_IMPLEMENTED', 'INTERNAL_SERVER_ERROR'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as a client receives it: a message a person can act on, and its code. */
export interface ClientError {
  message: string;
  extensions?: Record<string, unknown>;
}

export function clientError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): ClientError {
  return { message, extensions: { code, ...extensions } };
}

/** What a client learns of an unexpected failure (the details go to the log with the request id). */
export const INTERNAL_ERROR = clientError('INTERNAL_SERVER_ERROR', 'Something went wrong on our side; it has been logged. Retry, and report it if it persists.');
const UNAVAILABLE = clientError('SERVICE_UNAVAILABLE', 'The database is unavailable right now; retry the same request in a few seconds (repeating a requestId never counts twice).', { retryable: true });

/** The code of each domain refusal. */
const DOMAIN_CODES: [new (...args: never[]) => Error, ErrorCode][] = [
  [AuthenticationError, 'UNAUTHENTICATED'],
  [ForbiddenError, 'FORBIDDEN'],
  // The contract has no code of its own for a rate limit: FORBIDDEN, with reason RATE_LIMITED and retryAfterSeconds.
  [RateLimitedError, 'FORBIDDEN'],
  [InvalidInputError, 'BAD_USER_INPUT'],
  [NotFoundError, 'NOT_FOUND'],
  [ConflictError, 'CONFLICT'],
  [NotImplementedError, 'NOT_IMPLEMENTED'],
];

/** The contract code of a domain refusal; undefined for anything else. */
export function codeOfDomainError(error: unknown): ErrorCode | undefined {
  return DOMAIN_CODES.find(([type]) => error instanceof type)?.[1];
}

/** Codes Apollo uses for requests that never reach a resolver; they all become the contract's BAD_USER_INPUT. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** True for failures of a dependency the client can retry: the database is stopped, slow or throttling. */
export function isUnavailableError(error: unknown): boolean {
  if (error instanceof UnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  const name = error.name;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code ?? '') ||
    ['TimeoutError', 'RequestTimeout', 'ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError', 'ServiceUnavailable'].includes(name) ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 503
  );
}

/**
 * The one place that turns errors into what clients see. Domain errors keep their message and get
 * their contract code; everything unexpected becomes a generic message (the details go to the log
 * with the request id, never to the client: no stack, no table name, no item keys).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const path = formatted.path;
  const domainCode = codeOfDomainError(original);
  if (domainCode) {
    const details = (original as { details?: Record<string, unknown> }).details;
    return { ...clientError(domainCode, (original as Error).message, details), path };
  }
  if (isUnavailableError(original)) return { ...UNAVAILABLE, path };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path, extensions: { code: 'BAD_USER_INPUT', reason: formatted.extensions?.reason ?? code } };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return { message: formatted.message, path, extensions: { code } };
  }
  return { ...INTERNAL_ERROR, path };
}
