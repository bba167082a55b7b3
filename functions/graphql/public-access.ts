/**
 * The public gate: what a request without a token may ask (docs/security.md, "The public endpoint").
 * The public page reads its own types (PublicWard, PublicDialogue, InputLookup), which hold nothing but
 * what the public may see; it submits with submitResidentInput (channel PUBLIC_FORM) and may select
 * only the new input's own scalar fields back. Anything else without a token is UNAUTHENTICATED, as
 * before: the gate opens these fields and nothing that they could lead to.
 */
import { createHash } from 'node:crypto';
import { Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { AuthenticationError } from '../domain/kernel/errors.js';
import type { Actor } from '../domain/kernel/actor.js';
import { PUBLIC_OPERATIONS } from '../domain/access/public-limits.js';

// The operations open without a token are those with a limit per client (one list for the gate and the limits).
const PUBLIC_QUERIES = new Set([...Object.keys(PUBLIC_OPERATIONS.query), '__typename']);
const PUBLIC_MUTATIONS = new Set(Object.keys(PUBLIC_OPERATIONS.mutation));

/** The fields a public caller may select under a root, nested: `true` is a leaf, an object a sub-selection. */
type Shape = { readonly [field: string]: true | Shape };
const leaves = (...fields: string[]): Shape => Object.fromEntries([...fields, '__typename'].map((f) => [f, true]));
/** A tax office as the public sees it: its name and dates; never the units it serves or their figures. */
const PUBLIC_OFFICE = leaves('id', 'name', 'level', 'validFrom', 'validTo');
const PUBLIC_ROUND = { ...leaves('id', 'title', 'place', 'scheduledAt', 'status'), taxOffice: PUBLIC_OFFICE, agenda: leaves('topic', 'businesses') };
/**
 * Roots whose types lead on to signed-in data (TaxOffice → Ward → sessions → concerns; a submitted
 * item → its ward or business): a public caller selects within these shapes only. The other public
 * roots answer types that hold nothing but what the public may see.
 */
const PUBLIC_SHAPES: Record<string, { shape: Shape; what: string }> = {
  /** What the public form may read back of the input it just sent: its own words and its code; no ward, session or contact. */
  submitResidentInput: { shape: leaves('id', 'channel', 'topic', 'text', 'supporters', 'status', 'receivedAt', 'lookupCode', 'hasContact'), what: "the input's own fields back" },
  /** What the businesses' form may read back of the question it just sent: its own words and its code; no business, round or concern. */
  submitTaxQuestion: { shape: leaves('id', 'topic', 'text', 'status', 'receivedAt', 'lookupCode', 'supporters'), what: "the question's own fields back" },
  publicTaxAnswers: { shape: { ...leaves('topic', 'question', 'answer', 'answerForm', 'answeredAt'), taxOffice: PUBLIC_OFFICE }, what: 'these fields' },
  publicTaxRounds: { shape: PUBLIC_ROUND, what: 'these fields' },
  ratableTaxRounds: { shape: PUBLIC_ROUND, what: 'these fields' },
};

const SIGN_IN = `Sign in first: send Authorization: Bearer <token>. Without a token only the public pages’ operations are open (${[...PUBLIC_QUERIES, ...PUBLIC_MUTATIONS].filter((f) => f !== '__typename').join(', ')}; submitResidentInput with channel PUBLIC_FORM).`;

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
    const limited = PUBLIC_SHAPES[selection.name.value];
    if (limited && !withinShape(selection.selectionSet, limited.shape)) {
      return `Without a token, ${selection.name.value} may select only ${limited.what}: ${describe(limited.shape)}.`;
    }
  }
  return undefined;
}

/** Whether a selection stays within a shape: named fields only (no fragments), sub-selections only where the shape has one. */
function withinShape(set: SelectionSetNode | undefined, shape: Shape): boolean {
  return (
    !!set &&
    set.selections.every((s) => {
      if (s.kind !== Kind.FIELD) return false;
      const allowed = shape[s.name.value];
      if (allowed === undefined) return false;
      return allowed === true ? !s.selectionSet : withinShape(s.selectionSet, allowed);
    })
  );
}

const describe = (shape: Shape): string =>
  Object.entries(shape)
    .filter(([f]) => f !== '__typename')
    .map(([f, sub]) => (sub === true ? f : `${f} { ${describe(sub)} }`))
    .join(', ');

/** The rate limits' key of a client: its address, hashed (the table never holds a resident's IP address). */
export const publicClientKey = (sourceIp: string | undefined) => createHash('sha256').update(`dialogue-pulse\n${sourceIp ?? 'unknown'}`).digest('base64url').slice(0, 22);

/** The actor of a public request: reading it means a resolver outside the gate ran, which must not happen: UNAUTHENTICATED. */
export const NO_ACTOR: Actor = new Proxy({} as Actor, {
  get(_target, property) {
    if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
    throw new AuthenticationError(SIGN_IN);
  },
});
