import type { Resolvers } from '../generated/resolvers.js';
import { toConnection } from '../domain/kernel/model.js';

export const businessResolvers: Resolvers = {
  Query: {
    business: (_p, { taxCode }, { domain }) => domain.businesses.getBusinessByTaxCode(taxCode).then((b) => b ?? null),
    businesses: async (_p, args, { domain }) => toConnection(await domain.businesses.listBusinesses(args)),
  },
  Mutation: {
    registerBusiness: (_p, { input }, { actor, domain }) => domain.businesses.registerBusiness(actor, input),
  },
  Business: {
    ward: (b, _a, { domain }) => (b.wardId ? domain.wards.getWard(b.wardId).then((w) => w ?? null) : null),
  },
  BusinessConnection: {
    totalCount: (c) => c.totalCount(),
  },
};
