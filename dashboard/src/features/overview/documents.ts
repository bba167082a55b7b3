import { graphql } from '../../gql/index.js';

/** @public Codegen reads this fragment; the queries spread it by name. */
export const SummaryFieldsFragment = graphql(`
  fragment SummaryFields on DistrictSummary {
    sessions
    liveSessions
    consistent
    live { attendance session { id title kind hostBody startedAt heldBy ward { id name } } }
    attendance
    attendanceByCategory { category count }
    wards { ward { id name level generated rolloutWave validTo } sessions attendance concerns concernsClosed }
    unitRows { ward { id code name level generated rolloutWave validTo parent { name } } includes { id name } divided sessions attendance concerns concernsClosed }
    concerns { open answeredOnSpot inProgress resolved escalated answered }
    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }
  }
`);

export const SummaryQuery = graphql(`
  query OverviewSummary($period: PeriodInput) {
    summary(period: $period) { ...SummaryFields }
  }
`);

export const SummaryChangedSubscription = graphql(`
  subscription OverviewSummaryChanged {
    summaryChanged { ...SummaryFields }
  }
`);

export const ActivityQuery = graphql(`
  query ActivityFeed {
    activity(first: 100) {
      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }
    }
  }
`);

export const WallboardAgendasQuery = graphql(`
  query WallboardAgendas {
    sessions(status: LIVE, first: 20) {
      edges { node { id agenda { id topic status concern { status raisedAt } } } }
    }
  }
`);

export const WallboardConcernsSubscription = graphql(`
  subscription WallboardConcerns {
    concernChanged { id status }
  }
`);
