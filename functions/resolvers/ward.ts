import type { Resolvers } from '../generated/resolvers.js';

export const wardResolvers: Resolvers = {
  Query: {
    wards: (_parent, { asOf }, { domain }) => domain.wards.listWards(asOf),
    ward: (_parent, { id }, { domain }) => domain.wards.getWard(id),
  },
  Ward: {
    stats: async (ward, { period }, { domain }) => domain.wards.wardStats(ward.id, period),
  },
  WardStats: {
    ward: (stats, _args, { domain }) => domain.wards.requireWard(stats.wardId),
  },
};
