import {
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { formatError } from '../graphql/format-error.js';
import { QUERY_LIMITS, QueryLimitError, enforceQueryLimits } from '../graphql/limits.js';
import type { SubscribePayload } from './protocol.js';
import { clientError } from '../graphql/format-error.js';

export interface PreparedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

const documents = new Map<string, DocumentNode>();
const MAX_CACHED_DOCUMENTS = 500;

/** Parses with a small cache: a thousand dashboards send the same few documents. */
export function parseCached(query: string): DocumentNode {
  let document = documents.get(query);
  if (!document) {
    document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
    if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
  }
  return document;
}

/**
 * Parses and validates a `subscribe` payload against the schema, and applies the same query limits
 * as HTTP (depth, aliases, cost, tokens: functions/graphql/limits.ts). Errors come back as GraphQL
 * errors for an `error` message (what the reference server sends for an invalid document).
 */
export function prepareOperation(schema: GraphQLSchema, payload: SubscribePayload): PreparedOperation | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parseCached(payload.query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length) return { errors: validationErrors };
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return { errors: [new GraphQLError('Unable to identify operation')] };
  try {
    // The same depth, alias and cost limits as over HTTP (functions/graphql/limits.ts).
    enforceQueryLimits(schema, document, operation, payload.variables ?? {});
  } catch (error) {
    if (error instanceof QueryLimitError) return { errors: [error] };
    throw error;
  }
  return { document, operation };
}

/**
 * What a client is sent for an error: the contract's code and a message a person can act on
 * (functions/graphql/format-error.ts, the one place errors are mapped). An error that never
 * reached a resolver (syntax, validation) is the client's: BAD_USER_INPUT, as over HTTP.
 */
export function formatGraphQLErrors(errors: readonly GraphQLError[]) {
  return errors.map((error) => {
    const formatted = error.toJSON();
    if (error instanceof QueryLimitError) {
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, extensions };
    }
    if (!error.path && !error.originalError && formatted.extensions?.code === undefined) {
      return { ...formatted, ...clientError('BAD_USER_INPUT', formatted.message, { ...formatted.extensions, reason: error.message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED' }) };
    }
    return formatError(formatted, error);
  });
}

/** An execution result as a `next` payload: errors formatted, absent when there are none. */
export function formatResult(result: ExecutionResult): { data?: unknown; errors?: unknown[]; extensions?: unknown } {
  const { errors, ...rest } = result;
  return errors?.length ? { ...rest, errors: formatGraphQLErrors(errors) } : rest;
}
