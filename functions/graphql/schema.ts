import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';
import { typeDefs } from '../generated/type-defs.js';
import { resolvers, withNotImplemented } from '../resolvers/index.js';
import { parseInstant } from '../domain/period.js';
import type { Resolvers } from '../generated/resolvers.js';

/** DateTime: ISO-8601 in UTC on the wire; inputs in any offset are normalised to UTC. */
const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 string in UTC, e.g. "2026-03-01T08:00:00.000Z"',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new TypeError('DateTime must be an ISO-8601 string such as "2026-03-01T08:00:00.000Z".');
    return parseInstant(value, 'DateTime');
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be an ISO-8601 string such as "2026-03-01T08:00:00.000Z".');
    return parseInstant(ast.value, 'DateTime');
  },
});

function rootFieldNames(sdl: string, typeName: string): string[] {
  const schema = makeExecutableSchema({ typeDefs: sdl });
  const type = typeName === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return type ? Object.keys(type.getFields()) : [];
}

let cached: GraphQLSchema | undefined;

/** The executable schema: the SDL of schema/ with this project's resolvers. Built once per process. */
export function makeExecutableSchemaFromSdl(): GraphQLSchema {
  cached ??= makeExecutableSchema({
    typeDefs,
    resolvers: {
      DateTime,
      ...withNotImplemented(resolvers, { Query: rootFieldNames(typeDefs, 'Query'), Mutation: rootFieldNames(typeDefs, 'Mutation') }),
    } as Resolvers as never,
  });
  return cached;
}
