import type { Resolvers } from '../generated/resolvers.js';
import type { Session } from '../domain/kernel/model.js';
import type { GraphQLContext } from './context.js';

const now = () => new Date().toISOString();

/** Units through time (schema/units.graphql): validity, lineage, the jurisdiction and hand-overs. */
export const unitResolvers: Resolvers = {
  Query: {
    jurisdiction: (_p, _a, { domain }) => domain.wards.jurisdiction(),
    concernsAwaitingSuccessor: (_p, _a, { domain }) => domain.handovers.listAwaitingSuccessor(),
    reorganisations: (_p, _a, { domain }) => domain.handovers.listReorganisations(),
  },
  Mutation: {
    applyReorganisation: (_p, { id, dryRun }, { actor, domain }) => domain.handovers.applyReorganisation(actor, id, dryRun ?? true),
    assignSuccessor: (_p, { concernId, wardId }, { actor, domain }) => domain.handovers.assignSuccessor(actor, concernId, wardId),
  },
  Ward: {
    validFrom: (w) => w.validFrom ?? null,
    validTo: (w) => w.validTo ?? null,
    generated: (w) => !!w.generated,
    parent: async (w, _a, { domain }) => {
      const parent = (await domain.wards.jurisdiction()).parents.find((p) => p.code === w.parentCode);
      return parent ?? { code: w.parentCode, name: w.parentCode, level: 'CITY' };
    },
    predecessors: (w, _a, { domain }) => domain.wards.predecessors(w.id),
    successors: (w, _a, { domain }) => domain.wards.successors(w.id),
    lineageStats: (w, { period }, { domain }) => domain.wards.wardLineageStats(w.id, period),
    handedOverConcerns: (w, _a, { domain }) => domain.handovers.listHandedOverTo(w.id),
  },
  AdministrativeUnit: {
    validFrom: (p) => p.validFrom ?? null,
    validTo: (p) => p.validTo ?? null,
  },
  UnitChange: {
    ward: (c, _a, { domain }) => domain.wards.requireWard(c.other),
  },
  WardLineageStats: {
    ward: (s, _a, { domain }) => domain.wards.requireWard(s.wardId),
  },
  PredecessorStats: {
    ward: (s, _a, { domain }) => domain.wards.requireWard(s.wardId),
  },
  CombinedStats: {
    wards: (s, _a, { domain }) => Promise.all(s.wardIds.map((id) => domain.wards.requireWard(id))),
  },
  Reorganisation: {
    appliedAt: (r) => r.appliedAt ?? null,
    endsParentLevel: (r) => r.endsParentLevel?.level ?? null,
  },
  HandoverMove: {
    to: (m, _a, { domain }) => (m.to ? domain.wards.requireWard(m.to) : null),
  },
  Concern: {
    raisedIn: async (c, _a, { domain }) => {
      if (c.wardId) return (await domain.wards.requireWard(c.wardId)).name;
      const session = await domain.sessions.getSession(c.sessionId!);
      return session ? heldBy(domain, session) : '';
    },
    handledBy: (c, _a, { domain }) => {
      const id = c.awaitingSuccessor ? undefined : (c.handledBy ?? c.wardId);
      return id ? domain.wards.getWard(id).then((w) => w ?? null) : null;
    },
    awaitingSuccessor: (c) => !!c.awaitingSuccessor,
    successorCandidates: async (c, _a, { domain }) => Promise.all((await domain.handovers.candidates(c)).map((id) => domain.wards.requireWard(id))),
  },
  ConcernTransition: {
    handedOverTo: (t, _a, { domain }) => (t.handedOverTo ? domain.wards.getWard(t.handedOverTo).then((w) => w ?? null) : null),
    legalBasis: (t) => t.legalBasis ?? null,
  },
  Viewer: {
    abilities: (_v, _a, { actor, domain }) => domain.abilities.of(actor, now()),
  },
  Session: {
    heldBy: (s, _a, { domain }) => heldBy(domain, s as Session),
    mayManage: (s, _a, { actor, domain }) => domain.abilities.mayManageSession(actor, { kind: s.kind!, wardId: typeof s.wardId === 'string' ? s.wardId : undefined }, now()),
  },
  DistrictSummary: {
    unitRows: async (s, _a, { domain }) => {
      const rows = await domain.wards.unitRows(s.wards);
      const none = s.withoutUnit;
      return none.sessions || none.attendance || none.concerns ? [...rows, { wardId: null, includes: [], divided: false, ...none }] : rows;
    },
  },
  SummaryUnitRow: {
    ward: (r, _a, { domain }) => (r.wardId ? domain.wards.requireWard(r.wardId) : null),
    includes: (r, _a, { domain }) => Promise.all(r.includes.map((id) => domain.wards.requireWard(id))),
  },
  Report: {
    // Always set by the domain (review-report-service.figuresOf fills older snapshots in).
    thematicTotals: (r) => r.thematicTotals!,
    areaName: async (r, _a, { domain }) => (await domain.wards.reportAddress(r.wardId ?? undefined, r.period!)).areaName,
    sentTo: async (r, _a, { domain }) => (await domain.wards.reportAddress(r.wardId ?? undefined, r.period!)).sentTo,
    issuingBody: async (r, _a, { domain }) => (await domain.wards.reportAddress(r.wardId ?? undefined, r.period!)).issuingBody,
    place: async (r, _a, { domain }) => (await domain.wards.reportAddress(r.wardId ?? undefined, r.period!)).place,
    units: (r) => r.units!,
  },
};

/** Session.heldBy (schema/units.graphql): the ward, the tax office, or the body of the session's date. */
async function heldBy(domain: GraphQLContext['domain'], s: Session): Promise<string> {
  if (s.wardId) return (await domain.wards.requireWard(s.wardId)).name;
  const office = s.taxOfficeId ? domain.tax.getOffice(s.taxOfficeId) : undefined;
  if (office) return office.name;
  return (await domain.wards.bodyAt(s.scheduledAt)).name ?? s.hostBody;
}
