import type { Resolvers } from '../generated/resolvers.js';
import { toConnection } from '../domain/kernel/model.js';
import type { GraphQLContext } from './context.js';

/** Who submits: the signed-in actor, or the public form's client (a request without a token: functions/graphql/public-access.ts). */
const submitter = (ctx: GraphQLContext) => (ctx.publicClient ? { publicClient: ctx.publicClient } : { actor: ctx.actor });

/** Counts one public call against the limit its operation has (functions/domain/access/public-limits.ts); signed-in calls are not limited here. */
async function limitPublic(ctx: GraphQLContext, info: { fieldName: string }) {
  if (ctx.publicClient) await ctx.domain.publicLimits.consume(info.fieldName, ctx.publicClient);
}

const officeOrNull = (ctx: GraphQLContext, id: string | undefined) => (id ? (ctx.domain.tax.getOffice(id) ?? null) : null);

/** A business's record, read once per business object of a request (its three fields share it). */
const records = new WeakMap<object, ReturnType<GraphQLContext['domain']['tax']['businessRecord']>>();
function recordOf(business: { id: string }, ctx: GraphQLContext) {
  let record = records.get(business);
  if (!record) records.set(business, (record = ctx.domain.tax.businessRecord(business.id)));
  return record;
}

export const taxResolvers: Resolvers = {
  Query: {
    taxOffices: (_p, { asOf }, { domain }) => domain.tax.officesAt(asOf),
    taxOffice: (_p, { id }, { domain }) => domain.tax.getOffice(id) ?? null,
    taxQuestions: async (_p, args, { domain }) => toConnection(await domain.tax.listQuestions(args)),
    taxDialogueStats: (_p, { period, taxOfficeId }, { domain }) => domain.tax.dialogueStats(period, taxOfficeId),
    publicTaxAnswers: async (_p, args, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.tax.publicAnswers(args);
    },
    publicTaxRounds: async (_p, _a, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.tax.publicRounds();
    },
    ratableTaxRounds: async (_p, _a, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.tax.ratableRounds();
    },
    lookupTaxQuestion: async (_p, { code }, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.tax.lookup(code);
    },
  },
  Mutation: {
    submitTaxQuestion: async (_p, { input }, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.tax.submitQuestion(submitter(ctx), input);
    },
    triageTaxQuestion: (_p, { input }, { actor, domain }) => domain.tax.triageQuestion(actor, input),
    raiseFromTaxQuestion: (_p, args, { actor, domain }) => domain.tax.raiseFromQuestion(actor, args),
    submitSatisfaction: async (_p, { input }, ctx, info) => {
      await limitPublic(ctx, info);
      return ctx.domain.tax.submitSatisfaction(input);
    },
  },
  Business: {
    sessions: async (b, _a, ctx) => (await recordOf(b, ctx)).sessions,
    concerns: async (b, _a, ctx) => (await recordOf(b, ctx)).concerns,
    taxQuestions: async (b, _a, ctx) => (await recordOf(b, ctx)).questions,
  },
  TaxOffice: {
    parent: (o, _a, ctx) => officeOrNull(ctx, o.parent),
    validFrom: (o) => o.validFrom ?? null,
    validTo: (o) => o.validTo ?? null,
    serves: (o, _a, { domain }) => domain.tax.unitsServed(o),
    predecessors: (o, _a, { domain }) => o.predecessors.flatMap((id) => domain.tax.getOffice(id) ?? []),
    successors: (o, _a, { domain }) => [...domain.tax.offices.successors(o.id)],
  },
  TaxQuestion: {
    session: (q, _a, { domain }) => domain.sessions.requireSession(q.sessionId),
    business: async (q, _a, { domain }) => (await domain.businesses.getBusiness(q.businessId))!,
    concern: (q, _a, { domain }) => (q.concernId ? domain.concerns.getConcern(q.concernId).then((c) => c ?? null) : null),
    mergedInto: (q, _a, { domain }) => (q.mergedIntoId ? domain.tax.getQuestion(q.mergedIntoId).then((m) => m ?? null) : null),
    note: (q) => q.note ?? null,
  },
  TaxQuestionConnection: {},
  PublicTaxAnswer: {
    taxOffice: (a, _a, { domain }) => domain.tax.getOffice(a.taxOfficeId)!,
  },
  PublicTaxRound: {
    place: (s) => s.place ?? null,
    taxOffice: (s, _a, ctx) => officeOrNull(ctx, ctx.domain.tax.hostOf(s)),
    agenda: async (s, _a, { domain }) => {
      const items = await domain.tax.agenda(s.id);
      const byTopic = new Map<string, number>();
      for (const q of items) byTopic.set(q.topic, (byTopic.get(q.topic) ?? 0) + q.supporters);
      return [...byTopic].map(([topic, businesses]) => ({ topic: topic as never, businesses }));
    },
  },
  Session: {
    taxOffice: (s, _a, ctx) => (s.kind === 'BUSINESS_TAX' ? officeOrNull(ctx, ctx.domain.tax.hostOf(s as { scheduledAt: string; taxOfficeId?: string })) : null),
    satisfaction: (s, _a, { domain }) => (s.kind === 'BUSINESS_TAX' ? domain.tax.roundSatisfaction(s.id!) : null),
    taxAgenda: (s, _a, { domain }) => (s.kind === 'BUSINESS_TAX' ? domain.tax.agenda(s.id!) : []),
  },
  Concern: {
    taxTopic: (c) => (c.taxTopic as never) ?? null,
    responsibleBody: async (c, _a, { domain }) => (await domain.tax.responsibleFor(c)).body,
    taxOffice: async (c, _a, { domain }) => (await domain.tax.responsibleFor(c)).office ?? null,
    answerForm: (c) => c.answerForm ?? null,
    answerDocument: (c) => c.answerDocument ?? null,
  },
};
