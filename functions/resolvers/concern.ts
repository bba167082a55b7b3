import type { Resolvers } from '../generated/resolvers.js';
import { allowedMovesFor } from '../domain/concerns/concern-rules.js';
import { toConnection } from '../domain/kernel/model.js';

export const concernResolvers: Resolvers = {
  Query: {
    concern: (_p, { id }, { domain }) => domain.concerns.getConcern(id).then((c) => c ?? null),
    concerns: async (_p, args, { domain }) => toConnection(await domain.concerns.listConcerns(args)),
  },
  Mutation: {
    raiseConcern: (_p, { input }, { actor, domain }) => domain.concerns.raiseConcern(actor, input),
    moveConcern: (_p, { input }, { actor, domain }) => domain.concerns.moveConcern(actor, input),
  },
  Concern: {
    session: (c, _a, { domain }) => domain.sessions.requireSession(c.sessionId),
    ward: (c, _a, { domain }) => (c.wardId ? domain.wards.getWard(c.wardId).then((w) => w ?? null) : null),
    business: (c, _a, { domain }) => (c.businessId ? domain.businesses.getBusiness(c.businessId).then((b) => b ?? null) : null),
    response: (c) => c.response ?? null,
    closedAt: (c) => c.closedAt ?? null,
    allowedMoves: async (c, _a, { actor, domain }) => {
      const at = new Date().toISOString();
      // A ward officer whose ward has ended reads only: no move is offered.
      if (await domain.wards.readOnlyReason(actor, at)) return [];
      return allowedMovesFor(actor, c, at).map((move) => ({ ...move, authorities: [...move.authorities] }));
    },
  },
  ConcernConnection: {
    totalCount: (c) => c.totalCount(),
  },
};
