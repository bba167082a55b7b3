import type { Resolvers } from '../generated/resolvers.js';
import { toConnection } from '../domain/kernel/model.js';
import type { GraphQLContext } from './context.js';

/** Who submits: the signed-in actor, or the public form's client (a request without a token: functions/graphql/public-access.ts). */
const submitter = (ctx: GraphQLContext) => (ctx.publicClient ? { publicClient: ctx.publicClient } : { actor: ctx.actor });

/** Counts one public call against the limit its operation has (functions/domain/access/public-limits.ts); signed-in calls are not limited here. */
async function limitPublic(ctx: GraphQLContext, info: { fieldName: string }) {
  if (ctx.publicClient) await ctx.domain.publicLimits.consume(info.fieldName, ctx.publicClient);
}

export const voiceResolvers: Resolvers = {
  Query: {
    neighbourhoods: (_p, { wardId }, { domain }) => domain.voice.neighbourhoods(wardId),
    residentInputs: async (_p, args, { domain }) => toConnection(await domain.voice.listInputs(args)),
    publicWards: async (_p, _a, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.voice.publicWards();
    },
    publicDialogues: async (_p, { wardId }, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.voice.publicDialogues(wardId);
    },
    lookupResidentInput: async (_p, { code }, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.voice.lookup(code);
    },
  },
  Mutation: {
    submitResidentInput: async (_p, { input }, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.voice.submitInput(submitter(ctx), input);
    },
    triageResidentInput: (_p, { input }, { actor, domain }) => domain.voice.triageInput(actor, input),
    raiseFromInput: (_p, args, { actor, domain }) => domain.voice.raiseFromInput(actor, args),
  },
  ResidentInput: {
    ward: (i, _a, { domain }) => domain.wards.requireWard(i.wardId),
    neighbourhood: (i, _a, { domain }) => (i.neighbourhoodId ? domain.voice.getNeighbourhood(i.neighbourhoodId).then((n) => n ?? null) : null),
    session: (i, _a, { domain }) => (i.sessionId ? domain.sessions.getSession(i.sessionId).then((s) => s ?? null) : null),
    concern: (i, _a, { domain }) => (i.concernId ? domain.concerns.getConcern(i.concernId).then((c) => c ?? null) : null),
    mergedInto: (i, _a, { domain }) => (i.mergedIntoId ? domain.voice.getInput(i.mergedIntoId).then((m) => m ?? null) : null),
    note: (i) => i.note ?? null,
    contact: (i, _a, ctx) => (ctx.publicClient ? null : ctx.domain.voice.contactOf(ctx.actor, i)),
  },
  ResidentInputConnection: {},
  Neighbourhood: {
    ward: (n, _a, { domain }) => domain.wards.requireWard(n.wardId),
    inputStats: (n, { period }, { domain }) => domain.voice.neighbourhoodInputStats(n.id, period),
  },
  Ward: {
    neighbourhoods: (w, _a, { domain }) => domain.voice.neighbourhoods(w.id),
    inputStats: (w, { period }, { domain }) => domain.voice.wardInputStats(w.id, period),
  },
  Session: {
    agenda: (s, _a, { domain }) => domain.voice.agenda(s.id!),
    place: (s) => s.place ?? null,
  },
};
