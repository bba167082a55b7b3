import { graphql } from '../../gql/index.js';

/** @public Codegen reads this fragment; the queries spread it by name. */
export const ReportFiguresFragment = graphql(`
  fragment ReportFigures on Report {
    period { from to }
    wardId wardName areaName sentTo issuingBody place generatedAt
    totals { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }
    attendanceByCategory { category count }
    wards { wardId wardName rolloutWave sessions attendance concerns concernsClosed }
    waves { wave wards sessions attendance }
    kinds { kind sessions attendance }
    thematicDialogues { sessionId title hostBody scheduledAt attendance attendanceByCategory { category count } }
    thematicTotals { sessions attendance attendanceByCategory { category count } }
    units { atStart { wardId wardName } atEnd { wardId wardName } change { effectiveAt legalBasis explanation } }
    tax { rounds businessesEngaged bySector { sector businesses } outcomes { open answeredOnSpot inProgress resolved escalated answered } escalatedToCity }
    concerns {
      raised answeredOnSpot resolvedByWard resolvedByDistrict escalatedWaiting answeredAfterEscalation waiting overdue
      outcomes { open answeredOnSpot inProgress resolved escalated answered }
      byLevel { status authority count }
    }
    waitingConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }
    overdueConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }
    previous { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }
    opinions { received supporters selected declined merged raised answered medianDaysToAnswer byWard { wardId wardName received supporters selected raised answered } }
  }
`);

/** @public Codegen reads this fragment; the queries spread it by name. */
export const TaxReportStatsFragment = graphql(`
  fragment TaxReportStats on TaxDialogueStats {
    rounds businessesAttending questionsInAdvance unclassified
    bySector { sector count }
    byTopic { topic raised answeredOnSpot answeredInWriting open overdue medianDaysToAnswer }
    satisfaction { responses average }
  }
`);

/** @public Codegen reads this fragment; the queries spread it by name. */
export const ReviewReportFieldsFragment = graphql(`
  fragment ReviewReportFields on ReviewReport {
    id kind status period { from to } ward { id name } taxOffice { id name parent { name } }
    title issuingBody place assessment lessons nextSteps signerTitle signerName number issuedAt mayEdit createdAt updatedAt createdBy
  }
`);

export const ReportsPageQuery = graphql(`
  query ReportsPage($period: PeriodInput!, $wardId: ID, $taxOfficeId: ID, $tax: Boolean!, $periodStart: DateTime!, $periodEnd: DateTime!) {
    jurisdiction { units { id name validFrom validTo parent { name } } }
    viewer { mayWriteReports(wardId: $wardId, taxOfficeId: $taxOfficeId) }
    reviewReports(first: 50) { edges { node { ...ReviewReportFields } } }
    report(period: $period, wardId: $wardId) { ...ReportFigures }
    taxStats: taxDialogueStats(period: $period, taxOfficeId: $taxOfficeId) @include(if: $tax) { ...TaxReportStats }
    officesAtStart: taxOffices(asOf: $periodStart) { id name level parent { name } }
    officesAtEnd: taxOffices(asOf: $periodEnd) { id name level parent { name } }
  }
`);

export const ReviewReportQuery = graphql(`
  query ReviewReportDetail($id: ID!) {
    reviewReport(id: $id) { ...ReviewReportFields figures { ...ReportFigures } taxDialogue { ...TaxReportStats } }
  }
`);

export const CreateReviewReportMutation = graphql(`
  mutation CreateReviewReport($input: CreateReviewReportInput!) {
    createReviewReport(input: $input) { ...ReviewReportFields }
  }
`);

export const UpdateReviewReportMutation = graphql(`
  mutation UpdateReviewReport($input: UpdateReviewReportInput!) {
    updateReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }
  }
`);

export const IssueReviewReportMutation = graphql(`
  mutation IssueReviewReport($input: IssueReviewReportInput!) {
    issueReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }
  }
`);
