import type { Resolvers } from '../generated/resolvers.js';
import { toConnection } from '../domain/kernel/model.js';

export const reportResolvers: Resolvers = {
  Query: {
    report: (_p, { period, wardId }, { domain }) => domain.reports.reportFigures(period, wardId),
    reviewReports: async (_p, args, { domain }) => toConnection(await domain.reviewReports.listReports(args)),
    reviewReport: (_p, { id }, { domain }) => domain.reviewReports.getReport(id).then((r) => r ?? null),
  },
  Mutation: {
    createReviewReport: (_p, { input }, { actor, domain }) => domain.reviewReports.createReport(actor, input),
    updateReviewReport: (_p, { input }, { actor, domain }) => domain.reviewReports.updateReport(actor, input),
    issueReviewReport: (_p, { input }, { actor, domain }) => domain.reviewReports.issueReport(actor, input),
  },
  ReviewReport: {
    ward: (r, _a, { domain }) => (r.wardId ? domain.wards.getWard(r.wardId).then((w) => w ?? null) : null),
    number: (r) => r.number ?? null,
    issuedAt: (r) => r.issuedAt ?? null,
    mayEdit: (r, _a, { actor, domain }) => domain.reviewReports.mayEdit(actor, r),
    taxOffice: (r, _a, { domain }) => (r.taxOfficeId ? (domain.tax.getOffice(r.taxOfficeId) ?? null) : null),
    taxDialogue: async (r, _a, { domain }) => (await domain.reviewReports.taxFiguresOf(r)) ?? null,
    figures: (r, _a, { domain }) => domain.reviewReports.figuresOf(r),
  },
  Activity: {
    reviewReport: (a, _x, { domain }) => (a.reportId ? domain.reviewReports.getReport(a.reportId).then((r) => r ?? null) : null),
  },
};
