import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { loadConfig } from '../config.js';

/** A refusal the page can say in words: the API's message and code (RATE_LIMITED: try again later). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly reason?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

let graphqlUrl: Promise<string> | undefined;

/** One GraphQL request without a token (the public gate): plain fetch, no client library. */
export async function request<TResult, TVariables>(document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string }, variables?: TVariables): Promise<TResult> {
  graphqlUrl ??= loadConfig().then((c) => c.graphqlUrl);
  const response = await fetch(await graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document.toString(), variables }) });
  const body = (await response.json().catch(() => ({}))) as { data?: TResult; errors?: { message: string; extensions?: { code?: string; reason?: string; field?: string } }[] };
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code, error.extensions?.reason, error.extensions?.field);
  if (!response.ok || !body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}
