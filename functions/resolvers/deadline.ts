import type { Resolvers } from '../generated/resolvers.js';

/** Deadlines, overdue counts and time to answer (issue 11): additions to Concern, WardStats and DistrictSummary. */
export const deadlineResolvers: Resolvers = {
  Query: {
    deadlineRules: (_p, _a, { domain }) => domain.deadlines.currentRules(),
  },
  Mutation: {
    setDeadlineRule: (_p, { input }, { actor, domain }) => domain.deadlines.setDeadlineRule(actor, input),
  },
  Concern: {
    dueAt: (c) => c.dueAt ?? null,
    overdue: (c, _a, { domain }) => domain.concerns.isOverdue(c),
    deadlineRuleVersion: (c) => c.ruleVersion ?? null,
  },
  ConcernTransition: {
    authority: (t) => t.authority ?? null,
    dueAt: (t) => t.dueAt ?? null,
  },
  WardStats: {
    overdue: (s, _a, { domain }) => domain.concerns.countOverdue({ wardId: s.wardId, period: s.period }),
    timeToAnswer: (s) => s.answerTimes,
  },
  DistrictSummary: {
    overdue: (s, _a, { domain }) => domain.concerns.countOverdue({ period: s.period }),
    timeToAnswer: (s) => s.answerTimes,
  },
};
