import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { clientError } from './format-error.js';

/**
 * What one GraphQL request may ask for. Every limit is checked on the parsed document (and the
 * request's variables) before a resolver runs, so an abusive query costs no database work.
 * The values are documented in docs/security.md; change both together.
 */
export const QUERY_LIMITS = {
  /** Nested field levels of data (the root field is level 1); the dashboard's deepest query needs 6. */
  maxDepth: 10,
  /** Nested levels under `__schema`/`__type`: GraphiQL's introspection query needs 15 (its TypeRef fragment). */
  maxIntrospectionDepth: 16,
  /** Aliased fields in one operation: aliases are how one request repeats an expensive field. */
  maxAliases: 30,
  /** Estimated fields resolved: each field costs 1, a list multiplies what is under it (see estimateCost). */
  maxCost: 10_000,
  /** Size assumed for a list field without a `first` argument (the ten wards, seven categories, a history). */
  assumedListSize: 10,
  /** Lexical tokens in the query text, refused by the parser itself (GraphiQL's introspection query has ~190). */
  maxTokens: 2_000,
  /** Bytes of request body (UTF-8). A concern's 4,000 characters of Vietnamese is at most ~12 KB of JSON. */
  maxBodyBytes: 64 * 1024,
} as const;

export type QueryLimitReason = 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COSTLY' | 'REQUEST_TOO_LARGE';

/** A request refused by a limit: BAD_USER_INPUT with HTTP 400 (413 for the body size), before any database work. */
export class QueryLimitError extends GraphQLError {
  constructor(message: string, reason: QueryLimitReason, limit: number, actual: number) {
    super(message, {
      extensions: clientError('BAD_USER_INPUT', message, { reason, limit, actual, http: { status: reason === 'REQUEST_TOO_LARGE' ? 413 : 400 } }).extensions,
    });
    this.name = 'QueryLimitError';
  }
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export interface Depth {
  /** Deepest nesting of data fields. */
  data: number;
  /** Deepest nesting of an introspection field (`__schema`/`__type` and everything under it). */
  introspection: number;
}

/** Deepest field nesting of a selection set; fragments count as the fields they contain. */
export function measureDepth(walk: Walk, selectionSet: SelectionSetNode, inIntrospection = false, seen: ReadonlySet<string> = new Set()): Depth {
  const deepest: Depth = { data: 0, introspection: 0 };
  const merge = (depth: Depth, add: number) => {
    deepest.data = Math.max(deepest.data, depth.data === 0 ? 0 : depth.data + add);
    deepest.introspection = Math.max(deepest.introspection, depth.introspection === 0 ? 0 : depth.introspection + add);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const introspection = inIntrospection || selection.name.value === '__schema' || selection.name.value === '__type';
      const below = selection.selectionSet ? measureDepth(walk, selection.selectionSet, introspection, seen) : { data: 0, introspection: 0 };
      if (introspection) deepest.introspection = Math.max(deepest.introspection, 1 + Math.max(below.introspection, below.data));
      else if (selection.name.value !== '__typename') {
        deepest.data = Math.max(deepest.data, 1 + below.data);
        merge({ data: 0, introspection: below.introspection }, 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      merge(measureDepth(walk, selection.selectionSet, inIntrospection, seen), 0);
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      // NOTE: validation refuses fragment cycles before this runs; `seen` keeps the walk finite regardless.
      if (!fragment || seen.has(fragment.name.value)) continue;
      merge(measureDepth(walk, fragment.selectionSet, inIntrospection, new Set([...seen, fragment.name.value])), 0);
    }
  }
  return deepest;
}

/** Aliased fields in a selection set, counting fragments each time they are spread. */
export function countAliases(walk: Walk, selectionSet: SelectionSetNode, seen: ReadonlySet<string> = new Set()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) count += 1;
      if (selection.selectionSet) count += countAliases(walk, selection.selectionSet, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countAliases(walk, selection.selectionSet, seen);
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      count += countAliases(walk, fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }
  }
  return count;
}

function fieldsOf(type: GraphQLNamedType | undefined) {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
}

/**
 * Estimated number of fields a selection resolves. A field costs 1 plus the cost of its selection
 * multiplied by how many items it returns: its `first` argument (literal, variable or schema default)
 * when it has one, `assumedListSize` for other lists, 1 otherwise. A connection's `edges`/`nodes`
 * are not multiplied again. Introspection (`__schema`, `__type`) counts each field once: its size is
 * bounded by the schema, and depth and token limits still apply to it.
 */
export function estimateCost(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, introspection = false, seen: ReadonlySet<string> = new Set()): number {
  let cost = 0;
  const fields = fieldsOf(parentType);
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      cost += estimateCost(walk, selection.selectionSet, type ?? undefined, introspection, seen);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value) ?? undefined;
      cost += estimateCost(walk, fragment.selectionSet, type, introspection, new Set([...seen, fragment.name.value]));
      continue;
    }
    const name = selection.name.value;
    if (name === '__typename') continue;
    const inIntrospection = introspection || name === '__schema' || name === '__type';
    const definition =
      fields?.[name] ?? (name === '__schema' ? walk.schema.getQueryType()?.getFields()[name] : undefined);
    const fieldType = name === '__schema' ? walk.schema.getType('__Schema') : name === '__type' ? walk.schema.getType('__Type') : definition && getNamedType(definition.type);
    let multiplier = 1;
    if (!inIntrospection && definition) {
      const firstArg = definition.args.find((arg) => arg.name === 'first');
      const firstNode = selection.arguments?.find((arg) => arg.name.value === 'first');
      const isConnectionList = parentType?.name.endsWith('Connection') && (name === 'edges' || name === 'nodes');
      if (firstArg) {
        const value = firstNode ? valueFromAST(firstNode.value, firstArg.type, walk.variables) : firstArg.defaultValue;
        multiplier = typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : QUERY_LIMITS.assumedListSize;
      } else if (isListType(getNullableType(definition.type)) && !isConnectionList) {
        multiplier = QUERY_LIMITS.assumedListSize;
      }
    }
    const below = selection.selectionSet ? estimateCost(walk, selection.selectionSet, fieldType ?? undefined, inIntrospection, seen) : 0;
    cost += 1 + multiplier * below;
  }
  return cost;
}

/** Checks one operation against QUERY_LIMITS; throws a QueryLimitError saying what to change. */
export function enforceQueryLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk: Walk = { schema, fragments, variables };
  const depth = measureDepth(walk, operation.selectionSet);
  if (depth.data > QUERY_LIMITS.maxDepth) {
    throw new QueryLimitError(
      `This query nests fields ${depth.data} levels deep; the limit is ${QUERY_LIMITS.maxDepth}. Ask for fewer nested levels, or split it into several queries.`,
      'QUERY_TOO_DEEP', QUERY_LIMITS.maxDepth, depth.data,
    );
  }
  if (depth.introspection > QUERY_LIMITS.maxIntrospectionDepth) {
    throw new QueryLimitError(
      `This introspection query nests fields ${depth.introspection} levels deep; the limit is ${QUERY_LIMITS.maxIntrospectionDepth}. GraphiQL's standard introspection query fits; ask for fewer nested levels.`,
      'QUERY_TOO_DEEP', QUERY_LIMITS.maxIntrospectionDepth, depth.introspection,
    );
  }
  const aliases = countAliases(walk, operation.selectionSet);
  if (aliases > QUERY_LIMITS.maxAliases) {
    throw new QueryLimitError(
      `This query uses ${aliases} aliases; the limit is ${QUERY_LIMITS.maxAliases}. Ask for each field once, or split it into several queries.`,
      'TOO_MANY_ALIASES', QUERY_LIMITS.maxAliases, aliases,
    );
  }
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const cost = estimateCost(walk, operation.selectionSet, rootType ?? undefined);
  if (cost > QUERY_LIMITS.maxCost) {
    throw new QueryLimitError(
      `This query would resolve about ${cost} fields; the limit is ${QUERY_LIMITS.maxCost}. Ask for smaller pages (a lower "first") or fewer nested lists.`,
      'QUERY_TOO_COSTLY', QUERY_LIMITS.maxCost, cost,
    );
  }
}

/** Byte length of an HTTP body as the handler received it (API Gateway may base64-encode it). */
export function bodyBytes(body: string | undefined | null, isBase64Encoded = false): number {
  if (!body) return 0;
  return isBase64Encoded ? Buffer.from(body, 'base64').length : Buffer.byteLength(body, 'utf8');
}

/** The refusal for a body over `maxBodyBytes`, or undefined when it fits. */
export function checkBodySize(body: string | undefined | null, isBase64Encoded = false): QueryLimitError | undefined {
  const bytes = bodyBytes(body, isBase64Encoded);
  if (bytes <= QUERY_LIMITS.maxBodyBytes) return undefined;
  return new QueryLimitError(
    `This request is ${bytes} bytes; the limit is ${QUERY_LIMITS.maxBodyBytes}. Send shorter texts, or split the work into several requests.`,
    'REQUEST_TOO_LARGE', QUERY_LIMITS.maxBodyBytes, bytes,
  );
}

/**
 * Apollo plugin: refuses an operation over a limit once it is parsed, validated and resolved, and
 * before it executes (no resolver, so no database work). Used by the HTTP and WebSocket paths alike.
 */
export function queryLimitsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo has already refused a request without a resolvable operation
          enforceQueryLimits(schema, document, operation, request.variables ?? {});
        },
      };
    },
  };
}
