import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { parse } from 'graphql';
import type { Client } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { operationToRun, runningTheDocument } from './operation-to-run.js';

describe("the explorer's fetcher", () => {
  const live = 'subscription LiveAttendance { attendanceChanged { delta } }';
  const summary = parse('query DistrictSummary { summary { attendance } }');

  it("sends a subscription over the WebSocket, under its own name, when GraphiQL still hands over the previous tab's name and AST", async () => {
    const sent: { over: 'http' | 'ws'; operationName?: string | null }[] = [];
    const wsClient = {
      subscribe: (payload: { operationName?: string | null }, sink: { complete(): void }) => {
        sent.push({ over: 'ws', operationName: payload.operationName });
        sink.complete();
        return () => undefined;
      },
    } as unknown as Client;
    const fetch = (async (_url: string, init: { body: string }) => {
      sent.push({ over: 'http', operationName: JSON.parse(init.body).operationName });
      return new Response('{"data":{}}', { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof globalThis.fetch;
    const fetcher = runningTheDocument(createGraphiQLFetcher({ url: 'http://localhost/graphql', fetch, wsClient }));
    const result = await fetcher({ query: live, operationName: 'DistrictSummary' }, { documentAST: summary });
    for await (const _ of result as AsyncIterable<unknown>) void _;
    expect(sent).toEqual([{ over: 'ws', operationName: 'LiveAttendance' }]);
  });

  it('keeps a name the document has, and leaves documents with several operations or bad syntax to the server', () => {
    const two = `query A { viewer { id } } ${live}`;
    expect(operationToRun({ query: two, operationName: 'LiveAttendance' }).params.operationName).toBe('LiveAttendance');
    expect(operationToRun({ query: two, operationName: 'Nope' }).params.operationName).toBe('Nope');
    expect(operationToRun({ query: '{ viewer { id } }', operationName: 'DistrictSummary' }).params.operationName).toBeNull();
    expect(operationToRun({ query: '{ viewer {', operationName: 'X' }, { documentAST: summary })).toEqual({ params: { query: '{ viewer {', operationName: 'X' }, options: { documentAST: summary } });
  });
});
