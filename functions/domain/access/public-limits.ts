/**
 * The public endpoint in one place: the operations a request without a token may call, and the limit
 * per client (its source address, hashed) that each counts against. The gate
 * (functions/graphql/public-access.ts) opens exactly these operations, the resolvers count each call
 * by its field name, and docs/security.md, "The public endpoint", states the same figures (a test
 * holds the two together). The limits are kept in the table, so they hold across Lambda instances.
 */
import type { RateLimitPort, RateLimitRule } from '../kernel/ports.js';

/**
 * A household or a café sends a few opinions or questions an hour; one client sending 300 at once has
 * 280 refused. Looking up a code and reading the public lists are cheaper, and allowed more often.
 */
export const PUBLIC_RATE_LIMITS = {
  submit: { name: 'public-submit', points: 20, durationSeconds: 3600 },
  lookup: { name: 'public-lookup', points: 60, durationSeconds: 600 },
  read: { name: 'public-read', points: 600, durationSeconds: 600 },
} as const satisfies Record<string, RateLimitRule>;
type PublicLimit = keyof typeof PUBLIC_RATE_LIMITS;

/** The root fields open without a token, by operation type, each with the limit it counts against. */
export const PUBLIC_OPERATIONS = {
  query: {
    publicWards: 'read',
    publicDialogues: 'read',
    publicTaxRounds: 'read',
    publicTaxAnswers: 'read',
    ratableTaxRounds: 'read',
    lookupResidentInput: 'lookup',
    lookupTaxQuestion: 'lookup',
  },
  mutation: {
    submitResidentInput: 'submit',
    submitTaxQuestion: 'submit',
    submitSatisfaction: 'submit',
  },
} as const satisfies Record<'query' | 'mutation', Record<string, PublicLimit>>;

const LIMIT_OF: Record<string, PublicLimit> = { ...PUBLIC_OPERATIONS.query, ...PUBLIC_OPERATIONS.mutation };

export function createPublicLimits(limits: RateLimitPort) {
  return {
    /** Counts one call of a public operation by a client; RateLimitedError past its limit. */
    async consume(operation: string, client: string): Promise<void> {
      const limit = LIMIT_OF[operation];
      if (!limit) throw new Error(`${operation} is not a public operation (functions/domain/access/public-limits.ts)`);
      await limits.consume(PUBLIC_RATE_LIMITS[limit], client);
    },
  };
}
export type PublicLimits = ReturnType<typeof createPublicLimits>;
