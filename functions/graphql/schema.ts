import { addResolversToSchema } from '@graphql-tools/schema';
import { buildASTSchema, GraphQLScalarType, Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { typeDefs } from '../generated/type-defs.js';
import { resolvers, withNotImplemented } from '../resolvers/index.js';
import { parseInstant } from '../domain/kernel/period.js';
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

/** Root field names read from the SDL's syntax tree (cheap: building a schema just to list them costs ~10× more at cold start). */
function rootFieldNames(document: DocumentNode): { Query: string[]; Mutation: string[] } {
  const out = { Query: [] as string[], Mutation: [] as string[] };
  for (const definition of document.definitions) {
    if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && (definition.name.value === 'Query' || definition.name.value === 'Mutation')) {
      out[definition.name.value].push(...(definition.fields ?? []).map((field) => field.name.value));
    }
  }
  return out;
}

let cached: GraphQLSchema | undefined;

/** The executable schema: the SDL of schema/ with this project's resolvers. Built once per process. */
export function makeExecutableSchemaFromSdl(): GraphQLSchema {
  if (!cached) {
    const document = parse(typeDefs, { noLocation: true });
    // NOTE: the same schema makeExecutableSchema built, for about half the cold-start cost: one parse,
    // no type-definition merge (buildASTSchema applies `extend type` itself), resolvers set on the built
    // schema instead of on a copy. The SDL is checked by codegen and the contract check, and Apollo
    // validates the schema (assertValidSchema) before serving, so the SDL validation pass is skipped.
    cached = addResolversToSchema({
      schema: buildASTSchema(document, { assumeValidSDL: true }),
      resolvers: {
        DateTime,
        ...withNotImplemented(resolvers, rootFieldNames(document)),
      } as Resolvers as never,
      updateResolversInPlace: true,
    });
  }
  return cached;
}
