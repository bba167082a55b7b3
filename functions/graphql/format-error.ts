import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, NotImplementedError, UnavailableError } from '../domain/errors.js';

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
  if (original instanceof DomainError) {
    return { message: original.message, path, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  if (original instanceof NotImplementedError) {
    return { message: original.message, path, extensions: { code: original.code } };
  }
  if (isUnavailableError(original)) {
    return {
      message: 'The database is unavailable right now; retry the same request in a few seconds (repeating a requestId never counts twice).',
      path,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path, extensions: { code: 'BAD_USER_INPUT', reason: formatted.extensions?.reason ?? code } };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return { message: formatted.message, path, extensions: { code } };
  }
  return {
    message: 'Something went wrong on our side; it has been logged. Retry, and report it if it persists.',
    path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
