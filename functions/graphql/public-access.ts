/**
 * The public gate: what a request without a token may ask (docs/security.md, "The public endpoint").
 * The public page reads its own types (PublicWard, PublicDialogue, InputLookup), which hold nothing but
 * what the public may see; it submits with submitResidentInput (channel PUBLIC_FORM) and may select
 * only the new input's own scalar fields back. Anything else without a token is UNAUTHENTICATED, as
 * before: the gate opens these fields and nothing that they could lead to.
 */
import { createHash } from 'node:crypto';
import { Kind, parse, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { AuthenticationError } from '../domain/errors.js';
import type { Actor } from '../domain/actor.js';

const PUBLIC_QUERIES = new Set(['publicWards', 'publicDialogues', 'lookupResidentInput', 'publicTaxAnswers', 'publicTaxRounds', 'ratableTaxRounds', 'lookupTaxQuestion', '__typename']);
const PUBLIC_MUTATIONS = new Set(['submitResidentInput', 'submitTaxQuestion', 'submitSatisfaction']);
/** What the businesses' form may read back of the question it just sent: its own words and its code; no business, round or concern. */
const SUBMITTED_QUESTION_FIELDS = new Set(['id', 'topic', 'text', 'status', 'receivedAt', 'lookupCode', 'supporters', '__typename']);
/** What the public form may read back of the input it just sent: its own words and its code; no ward, session or contact. */
const SUBMITTED_FIELDS = new Set(['id', 'channel', 'topic', 'text', 'supporters', 'status', 'receivedAt', 'lookupCode', 'hasContact', '__typename']);

const SIGN_IN = 'Sign in first: send Authorization: Bearer <token>. Without a token only the public page’s operations are open (publicWards, publicDialogues, lookupResidentInput, submitResidentInput with channel PUBLIC_FORM; publicTaxRounds, publicTaxAnswers, ratableTaxRounds, lookupTaxQuestion, submitTaxQuestion, submitSatisfaction).';

/** Why a request without a token may not run; undefined when the gate lets it through. */
export function publicRefusal(body: string | undefined): string | undefined {
  let request: { query?: unknown; operationName?: unknown };
  try {
    request = JSON.parse(body ?? '');
  } catch {
    return SIGN_IN;
  }
  if (typeof request?.query !== 'string') return SIGN_IN;
  let operation: OperationDefinitionNode | undefined;
  try {
    const document = parse(request.query, { noLocation: true, maxTokens: 2000 });
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    operation = typeof request.operationName === 'string' ? operations.find((o) => o.name?.value === request.operationName) : operations.length === 1 ? operations[0] : undefined;
  } catch {
    // Not parsed here (malformed, or more than 2,000 tokens: no public operation is that long) is never
    // let through: read resolvers need no actor, so an unparsed document could reach them.
    return SIGN_IN;
  }
  if (!operation) return SIGN_IN;
  const allowed = operation.operation === 'query' ? PUBLIC_QUERIES : operation.operation === 'mutation' ? PUBLIC_MUTATIONS : undefined;
  if (!allowed) return SIGN_IN;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !allowed.has(selection.name.value)) return SIGN_IN;
    if (selection.name.value === 'submitResidentInput' && !onlySubmittedFields(selection, SUBMITTED_FIELDS)) {
      return `Without a token, submitResidentInput may select only the input's own fields back: ${[...SUBMITTED_FIELDS].filter((f) => f !== '__typename').join(', ')}.`;
    }
    if (selection.name.value === 'submitTaxQuestion' && !onlySubmittedFields(selection, SUBMITTED_QUESTION_FIELDS)) {
      return `Without a token, submitTaxQuestion may select only the question's own fields back: ${[...SUBMITTED_QUESTION_FIELDS].filter((f) => f !== '__typename').join(', ')}.`;
    }
  }
  return undefined;
}

function onlySubmittedFields(field: FieldNode, allowed: ReadonlySet<string>): boolean {
  const set: SelectionSetNode | undefined = field.selectionSet;
  return !!set && set.selections.every((s) => s.kind === Kind.FIELD && allowed.has(s.name.value) && !s.selectionSet);
}

/** The rate limits' key of a client: its address, hashed (the table never holds a resident's IP address). */
export const publicClientKey = (sourceIp: string | undefined) => createHash('sha256').update(`dialogue-pulse\n${sourceIp ?? 'unknown'}`).digest('base64url').slice(0, 22);

/** The actor of a public request: reading it means a resolver outside the gate ran, which must not happen: UNAUTHENTICATED. */
export const NO_ACTOR: Actor = new Proxy({} as Actor, {
  get(_target, property) {
    if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
    throw new AuthenticationError(SIGN_IN);
  },
});
