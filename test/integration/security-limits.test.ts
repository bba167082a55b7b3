import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { QUERY_LIMITS } from '../../functions/graphql/limits.js';
import { findDynamoDbProcess, type DynamoDbProcess } from '../support/dynamodb-process.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';

function aliasedQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `w${i}: wards { id }`).join(' ')} }`;
}

describe('query limits: abusive requests are refused before any database work', () => {
  let stack: RunningStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  const expectRefused = async (result: { status: number; body: { data?: unknown; errors?: any[] } }, reason: string | RegExp) => {
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.status).toBe(400);
    expect(result.body.errors![0].message).toMatch(reason);
    return result.body.errors![0].message as string;
  };

  it('answers a query at the depth limit', async () => {
    const query = `{ wards { stats { ward { stats { ward { stats { ward { stats { ward { id } } } } } } } } } }`; // 10 levels
    expect(QUERY_LIMITS.maxDepth).toBe(10);
    const data = expectData<any>(await stack.graphql(query, {}, admin));
    expect(data.wards).toHaveLength(4); // the wards in force now
  });

  it('refuses a query one level deeper than the limit, saying the limit', async () => {
    const query = `{ wards { stats { ward { stats { ward { stats { ward { stats { ward { stats { sessions } } } } } } } } } } }`; // 11 levels
    const message = await expectRefused(await stack.graphql(query, {}, admin), /11 levels deep; the limit is 10/);
    expect(message).toMatch(/fewer nested levels/);
  });

  it('counts depth through fragments, not only inline fields', async () => {
    const query = `
      fragment Deep on Ward { stats { ward { stats { ward { stats { ward { stats { ward { stats { sessions } } } } } } } } } }
      query { wards { ...Deep } }`;
    await expectRefused(await stack.graphql(query, {}, admin), /11 levels deep/);
  });

  it('serves GraphiQL\'s full introspection query to a signed-in user', async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const data = expectData<any>(await stack.graphql(query, {}, await stack.token('LEADERSHIP')));
    expect(data.__schema.types.map((t: { name: string }) => t.name)).toContain('Ward');
  });

  it('refuses an introspection query nested deeper than any client needs', async () => {
    let inner = 'name';
    for (let i = 0; i < 16; i++) inner = `ofType { ${inner} }`;
    await expectRefused(await stack.graphql(`{ __type(name: "Ward") { fields { type { ${inner} } } } }`, {}, admin), /introspection query nests fields 20 levels deep; the limit is 16/);
  });

  it('answers a query with as many aliases as the limit allows', async () => {
    const data = expectData<any>(await stack.graphql(aliasedQuery(QUERY_LIMITS.maxAliases), {}, admin));
    expect(Object.keys(data)).toHaveLength(QUERY_LIMITS.maxAliases);
  });

  it('refuses a query with one alias too many', async () => {
    await expectRefused(await stack.graphql(aliasedQuery(QUERY_LIMITS.maxAliases + 1), {}, admin), new RegExp(`uses ${QUERY_LIMITS.maxAliases + 1} aliases; the limit is ${QUERY_LIMITS.maxAliases}`));
  });

  it('refuses nested pages whose `first` arguments multiply past the cost limit', async () => {
    const query = `{ sessions(first: 100) { edges { node { id concerns(first: 100) { edges { node { id topic } } } } } } }`;
    await expectRefused(await stack.graphql(query, {}, admin), /would resolve about \d+ fields; the limit is 10000.*lower "first"/);
  });

  it('reads `first` from the variables when it is given as one', async () => {
    const query = `query ($n: Int) { sessions(first: $n) { edges { node { id concerns(first: $n) { edges { node { id topic } } } } } } }`;
    await expectRefused(await stack.graphql(query, { n: 200 }, admin), /would resolve about \d+ fields/);
  });

  it('refuses a query whose text has more tokens than the parser accepts', async () => {
    const query = `{ wards { ${Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'id').join(' ')} } }`;
    await expectRefused(await stack.graphql(query, {}, admin), /more tha[nt] 2000 tokens/);
  });

  it('refuses a request body over the size limit with 413 and BAD_USER_INPUT', async () => {
    const padding = 'x'.repeat(QUERY_LIMITS.maxBodyBytes);
    const result = await stack.graphql(`{ wards { id } } # ${padding}`, {}, admin);
    expect(result.status).toBe(413);
    expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_TOO_LARGE', limit: QUERY_LIMITS.maxBodyBytes } });
    expect(result.body.errors?.[0].message).toMatch(/bytes; the limit is 65536/);
  });

  it('counts the body in bytes, not characters: Vietnamese text takes up to 3 bytes a letter', async () => {
    const fits = 'ệ'.repeat(Math.floor((QUERY_LIMITS.maxBodyBytes - 200) / 3)); // ~21,800 letters, just under 64 KB
    expect((await stack.graphql('query ($t: ID!) { ward(id: $t) { id } }', { t: fits }, admin)).status).toBe(200);
    const tooMany = 'ệ'.repeat(Math.ceil(QUERY_LIMITS.maxBodyBytes / 3)); // ~21,850 letters, just over 64 KB
    const refused = await stack.graphql('query ($t: ID!) { ward(id: $t) { id } }', { t: tooMany }, admin);
    expect(refused.status).toBe(413);
    expect(refused.body.errors?.[0].extensions.reason).toBe('REQUEST_TOO_LARGE');
  });

  describe('with the database stopped', () => {
    let dynamo: DynamoDbProcess;
    beforeAll(async () => {
      dynamo = findDynamoDbProcess(stack.dataDir);
      await dynamo.kill();
    });
    afterAll(async () => {
      const restarted = await dynamo.restart();
      await restarted.kill();
    });

    it('still refuses an over-limit query as BAD_USER_INPUT: the limits run before any database call', async () => {
      const within = await stack.graphql('{ summary { sessions } }', {}, admin); // wards are cached; the summary reads the table
      expect(within.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      await expectRefused(await stack.graphql(aliasedQuery(QUERY_LIMITS.maxAliases + 1), {}, admin), /aliases/);
      await expectRefused(
        await stack.graphql(`{ sessions(first: 100) { edges { node { concerns(first: 100) { edges { node { id } } } } } } }`, {}, admin),
        /would resolve about/,
      );
    });
  });
});
