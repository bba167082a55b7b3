import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { adminClient } from '../../infra/local/dynamodb-local.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { findDynamoDbProcess, type DynamoDbProcess } from '../support/dynamodb-process.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';

// The reference wards are cached in memory; the summary is always read from the table.
const DB_QUERY = '{ summary { sessions attendance } }';

/** What must never reach a client: stack frames, file paths, the table, item keys, AWS error names. */
const INTERNALS = [
  /\bat .+\(.+:\d+:\d+\)/, // a stack frame
  /node_modules|\/work\/|\.ts:\d+/,
  new RegExp(LOCAL_TABLE_NAME.replace('-', '\\-') + '(?!\\w)'),
  /\b(pk|sk|gsi\dpk|gsi\dsk)\b/,
  /WARD#|STATS#|SESSION#|CONCERN#/,
  /ResourceNotFound|ValidationException|ECONNREFUSED|DynamoDB|127\.0\.0\.1/i,
  /stacktrace/i,
];

function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  for (const pattern of INTERNALS) expect(text, `response leaks ${pattern}`).not.toMatch(pattern);
}

/** The JSON log lines the stack printed after `since` characters of output. */
function logLinesSince(stack: RunningStack, since: number): Record<string, any>[] {
  return stack
    .output()
    .slice(since)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return {};
      }
    });
}

describe('errors never leak internals to clients; they go to the log with the request id', () => {
  let stack: RunningStack;
  let token: string;
  beforeAll(async () => {
    // INFO: every operation's log line is printed, so what must never be logged can be checked.
    stack = await startStack({ env: { POWERTOOLS_LOG_LEVEL: 'INFO' } });
    token = await stack.token('LEADERSHIP');
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('answers an absurdly long id as an ordinary "not there", not as a database failure', async () => {
    const result = await stack.graphql('query ($id: ID!) { ward(id: $id) { id } }', { id: 'x'.repeat(5000) }, token);
    expectNoInternals(result.body);
    expect(result.body.errors?.map((e: any) => e.extensions.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('answers a validation failure with the field to fix and no internals', async () => {
    const result = await stack.graphql('{ ward(id: 7) { nope } }', {}, token);
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0].message).toMatch(/nope/);
    expectNoInternals(result.body);
  });

  it('never logs a citizen\'s words or name, in an accepted request or a refused one', async () => {
    const admin = await stack.token('ADMIN');
    const { scheduleSession } = expectData<any>(await stack.graphql('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', {
      i: { kind: 'PUBLIC', wardId: 'tan-hung-2025', title: 'Đối thoại', hostBody: 'UBND phường Tân Hưng', scheduledAt: new Date().toISOString() },
    }, admin));
    expectData(await stack.graphql('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: scheduleSession.id }, admin));
    const since = stack.output().length;
    const words = 'Ông Trần Văn Riêngtư (0909 123 456) hỏi về hẻm 42 ngập nước';
    const raise = (sessionId: string, requestId: string) =>
      stack.graphql('mutation ($i: RaiseConcernInput!) { raiseConcern(input: $i) { id } }', { i: { sessionId, topic: 'Ngập nước Riêngtư', text: words, authority: 'WARD', requestId } }, admin);
    expect((await raise(scheduleSession.id, 'privacy-1')).body.errors).toBeUndefined();
    expect((await raise('01J00000000000000000000000', 'privacy-2')).body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    await new Promise((r) => setTimeout(r, 300));
    const logged = stack.output().slice(since);
    expect(logged).toMatch(/"message":"operation"/); // the log is on: the operations were logged...
    expect(logged).not.toMatch(/Riêngtư|0909 123 456|hẻm 42/); // ...without the citizen's words
  });

  describe('with the database stopped', () => {
    let dynamo: DynamoDbProcess;
    beforeAll(async () => {
      dynamo = findDynamoDbProcess(stack.dataDir);
      await dynamo.kill();
    });

    it('answers SERVICE_UNAVAILABLE, retryable, with no internals, and logs the cause with the request id', async () => {
      const since = stack.output().length;
      const result = await stack.graphql(DB_QUERY, {}, token);
      expect(result.body.data ?? null).toBeNull();
      expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
      expect(result.body.errors?.[0].message).toMatch(/retry the same request/);
      expectNoInternals(result.body);
      await new Promise((r) => setTimeout(r, 200));
      const failure = logLinesSince(stack, since).find((line) => line.message === 'resolver failed');
      expect(failure, 'a "resolver failed" log line').toBeDefined();
      expect(failure!.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(failure!.unavailable).toBe(true);
      expect(JSON.stringify(failure!.error)).toMatch(/ECONNREFUSED|connect/i);
    });

    it('recovers by itself once the database is back', async () => {
      dynamo = await dynamo.restart();
      const data = expectData<any>(await stack.graphql(DB_QUERY, {}, token));
      expect(data.summary.sessions).toBeGreaterThanOrEqual(0);
    });

    describe('and with the table gone (an unexpected failure, not an outage)', () => {
      beforeAll(async () => {
        const client = adminClient(dynamo.endpoint);
        await client.send(new DeleteTableCommand({ TableName: LOCAL_TABLE_NAME }));
        client.destroy();
      });
      afterAll(async () => {
        await dynamo.kill();
      });

      it('answers INTERNAL_SERVER_ERROR with a generic message, and logs the details with the request id', async () => {
        const since = stack.output().length;
        const result = await stack.graphql(DB_QUERY, {}, token);
        expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
        expect(result.body.errors?.[0].message).toMatch(/Something went wrong on our side; it has been logged/);
        expect(Object.keys(result.body.errors![0].extensions)).toEqual(['code']);
        expectNoInternals(result.body);
        await new Promise((r) => setTimeout(r, 200));
        const failure = logLinesSince(stack, since).find((line) => line.message === 'resolver failed');
        expect(failure!.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(JSON.stringify(failure!.error)).toMatch(/ResourceNotFound|non-existent table/);
      });
    });
  });
});
