import type { Fetcher, FetcherOpts, FetcherParams } from '@graphiql/toolkit';
import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * What the explorer sends for a run, from the document itself: the operation GraphiQL names if the
 * document has it, else the document's only operation; and the document's own AST, by which
 * `createGraphiQLFetcher` picks the WebSocket for a subscription. Right after a tab switch GraphiQL
 * can still hand over the previous tab's operation name and AST (seen on a busy machine: the
 * LiveAttendance tab sent over HTTP as "DistrictSummary", answered "Unknown operation named").
 */
export function operationToRun(params: FetcherParams, options: FetcherOpts = {}): { params: FetcherParams; options: FetcherOpts } {
  let document: DocumentNode;
  try {
    document = parse(params.query);
  } catch {
    return { params, options }; // the server explains the syntax error
  }
  const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : []));
  const known = params.operationName && names.includes(params.operationName);
  const operationName = known || names.length !== 1 ? params.operationName : (names[0] ?? null);
  return { params: { ...params, operationName }, options: { ...options, documentAST: document } };
}

/** A GraphiQL fetcher that sends what the document says (operationToRun). */
export const runningTheDocument = (send: Fetcher): Fetcher => (params, options) => {
  const run = operationToRun(params, options);
  return send(run.params, run.options);
};
