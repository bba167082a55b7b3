import type { Resolvers } from '../generated/resolvers.js';

export const viewerResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, { actor, domain }) => ({
      id: actor.id,
      role: actor.role,
      ward: actor.wardId ? domain.wards.getWard(actor.wardId) : null,
    }) as never,
  },
  Viewer: {
    mayHandleInputs: (_viewer, { wardId }, { actor, domain }) => domain.abilities.mayHandleInputs(actor, wardId, new Date().toISOString()),
    mayWriteReports: (_viewer, { wardId, taxOfficeId }, { actor, domain }) => domain.reviewReports.mayWrite(actor, wardId ?? undefined, taxOfficeId ?? undefined),
  },
};
