/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      id role ward { id name }\n      abilities { mayWrite readOnlyReason sessionKinds mayRegisterBusinesses mayAssignSuccessors mayApplyReorganisations }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query DeadlineRules {\n    deadlineRules { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n": typeof types.DeadlineRulesDocument,
    "\n  mutation SetDeadlineRule($input: SetDeadlineRuleInput!) {\n    setDeadlineRule(input: $input) { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n": typeof types.SetDeadlineRuleDocument,
    "\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $overdue: Boolean, $after: String) {\n    jurisdiction { units { id name validFrom validTo } }\n    concerns(wardId: $wardId, status: $status, authority: $authority, overdue: $overdue, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt dueAt overdue\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n": typeof types.ConcernsBoardDocument,
    "\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n": typeof types.ConcernsChangedDocument,
    "\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt dueAt overdue\n      taxTopic responsibleBody answerForm answerDocument taxOffice { id name }\n      ward { id name validTo }\n      handledBy { id name }\n      awaitingSuccessor\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note authority dueAt handedOverTo { id name } legalBasis }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": typeof types.ConcernDetailDocument,
    "\n  mutation MoveConcern($input: MoveConcernInput!) {\n    moveConcern(input: $input) {\n      id status authority response closedAt\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": typeof types.MoveConcernDocument,
    "\n  mutation KioskCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) { delta attendance at session { id attendance } }\n  }\n": typeof types.KioskCheckInDocument,
    "\n  query KioskSession($id: ID!) {\n    session(id: $id) { id title kind status hostBody scheduledAt attendance ward { id name } attendanceByCategory { category count } }\n  }\n": typeof types.KioskSessionDocument,
    "\n  subscription KioskAttendance($sessionId: ID) {\n    attendanceChanged(sessionId: $sessionId) { attendance at session { id } }\n  }\n": typeof types.KioskAttendanceDocument,
    "\n  query BusinessByTaxCode($taxCode: String!) {\n    business(taxCode: $taxCode) { id taxCode name sector ward { id name } }\n  }\n": typeof types.BusinessByTaxCodeDocument,
    "\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance mayManage ward { id name } } }\n    }\n  }\n": typeof types.ManagedSessionsDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) { id title status scheduledAt }\n  }\n": typeof types.ScheduleSessionDocument,
    "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) { id status startedAt }\n  }\n": typeof types.StartSessionDocument,
    "\n  mutation CloseSession($id: ID!) {\n    closeSession(id: $id) { id status closedAt }\n  }\n": typeof types.CloseSessionDocument,
    "\n  mutation RaiseConcern($input: RaiseConcernInput!) {\n    raiseConcern(input: $input) { id topic status }\n  }\n": typeof types.RaiseConcernDocument,
    "\n  mutation RegisterBusiness($input: RegisterBusinessInput!) {\n    registerBusiness(input: $input) { id taxCode name sector }\n  }\n": typeof types.RegisterBusinessDocument,
    "\n  query WardsAt($asOf: DateTime) {\n    wards(asOf: $asOf) { id name }\n  }\n": typeof types.WardsAtDocument,
    "\n  query TaxOfficesNow {\n    taxOffices { id name level }\n  }\n": typeof types.TaxOfficesNowDocument,
    "\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    consistent\n    live { attendance session { id title kind hostBody startedAt ward { id name } } }\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name level generated rolloutWave validTo } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n": typeof types.SummaryFieldsFragmentDoc,
    "\n  query OverviewSummary($period: PeriodInput) {\n    summary(period: $period) { ...SummaryFields }\n  }\n": typeof types.OverviewSummaryDocument,
    "\n  subscription OverviewSummaryChanged {\n    summaryChanged { ...SummaryFields }\n  }\n": typeof types.OverviewSummaryChangedDocument,
    "\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n": typeof types.ActivityFeedDocument,
    "\n  query WallboardAgendas {\n    sessions(status: LIVE, first: 20) {\n      edges { node { id agenda { id topic status concern { status raisedAt } } } }\n    }\n  }\n": typeof types.WallboardAgendasDocument,
    "\n  subscription WallboardConcerns {\n    concernChanged { id status }\n  }\n": typeof types.WallboardConcernsDocument,
    "\n  fragment ReportFigures on Report {\n    period { from to }\n    wardId wardName generatedAt\n    totals { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    attendanceByCategory { category count }\n    wards { wardId wardName rolloutWave sessions attendance concerns concernsClosed }\n    waves { wave wards sessions attendance }\n    kinds { kind sessions attendance }\n    thematicDialogues { sessionId title hostBody scheduledAt attendance attendanceByCategory { category count } }\n    thematicTotals { sessions attendance attendanceByCategory { category count } }\n    units { atStart { wardId wardName } atEnd { wardId wardName } change { effectiveAt legalBasis explanation } }\n    tax { rounds businessesEngaged bySector { sector businesses } outcomes { open answeredOnSpot inProgress resolved escalated answered } escalatedToCity }\n    concerns {\n      raised answeredOnSpot resolvedByWard resolvedByDistrict escalatedWaiting answeredAfterEscalation waiting overdue\n      outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      byLevel { status authority count }\n    }\n    waitingConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    overdueConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    previous { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    opinions { received supporters selected declined merged raised answered medianDaysToAnswer byWard { wardId wardName received supporters selected raised answered } }\n  }\n": typeof types.ReportFiguresFragmentDoc,
    "\n  fragment ReviewReportFields on ReviewReport {\n    id kind status period { from to } ward { id name }\n    title issuingBody place assessment lessons nextSteps signerTitle signerName number issuedAt mayEdit createdAt updatedAt createdBy\n  }\n": typeof types.ReviewReportFieldsFragmentDoc,
    "\n  query ReportsPage($period: PeriodInput!, $wardId: ID) {\n    jurisdiction { units { id name validFrom validTo } }\n    viewer { mayWriteReports(wardId: $wardId) }\n    reviewReports(first: 50) { edges { node { ...ReviewReportFields } } }\n    report(period: $period, wardId: $wardId) { ...ReportFigures }\n  }\n": typeof types.ReportsPageDocument,
    "\n  query ReviewReportDetail($id: ID!) {\n    reviewReport(id: $id) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n": typeof types.ReviewReportDetailDocument,
    "\n  mutation CreateReviewReport($input: CreateReviewReportInput!) {\n    createReviewReport(input: $input) { ...ReviewReportFields }\n  }\n": typeof types.CreateReviewReportDocument,
    "\n  mutation UpdateReviewReport($input: UpdateReviewReportInput!) {\n    updateReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n": typeof types.UpdateReviewReportDocument,
    "\n  mutation IssueReviewReport($input: IssueReviewReportInput!) {\n    issueReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n": typeof types.IssueReviewReportDocument,
    "\n  query SignInWards {\n    wards {\n      id\n      name\n    }\n  }\n": typeof types.SignInWardsDocument,
    "\n  query TaxDialogues($period: PeriodInput!, $office: ID) {\n    summary(period: $period) {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions: sessionsInPeriod(period: $period, kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody taxOffice { id name } satisfaction { responses average } } }\n    }\n    stats: taxDialogueStats(period: $period, taxOfficeId: $office) {\n      rounds businessesAttending questionsInAdvance unclassified\n      bySector { sector count }\n      byTopic { topic raised answeredOnSpot answeredInWriting open overdue medianDaysToAnswer }\n      satisfaction { responses average }\n    }\n    now: taxOffices { id name level }\n    before: taxOffices(asOf: \"2025-06-30T00:00:00.000Z\") { id name level }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority dueAt overdue responsibleBody taxTopic business { name taxCode } session { kind title scheduledAt taxOffice { id } } history { to at } } }\n    }\n  }\n": typeof types.TaxDialoguesDocument,
    "\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n": typeof types.TaxChangesDocument,
    "\n  query Units {\n    jurisdiction {\n      name\n      nameEn\n      units { id code name validFrom validTo rolloutWave parent { name level } successors { ward { id name } whole effectiveAt legalBasis } }\n    }\n    reorganisations { id title effectiveAt legalBasis sources appliedAt endsParentLevel }\n  }\n": typeof types.UnitsDocument,
    "\n  query AwaitingSuccessor {\n    concernsAwaitingSuccessor {\n      id topic text status authority raisedAt\n      ward { id name validTo }\n      session { id title }\n      successorCandidates { id name }\n      history { note legalBasis at }\n    }\n  }\n": typeof types.AwaitingSuccessorDocument,
    "\n  mutation AssignSuccessor($concernId: ID!, $wardId: ID!) {\n    assignSuccessor(concernId: $concernId, wardId: $wardId) { id awaitingSuccessor handledBy { id name } }\n  }\n": typeof types.AssignSuccessorDocument,
    "\n  mutation ApplyReorganisation($id: ID!, $dryRun: Boolean) {\n    applyReorganisation(id: $id, dryRun: $dryRun) {\n      dryRun\n      awaitingSuccessor\n      moves { reason authority to { id name } concern { id topic ward { name } } }\n    }\n  }\n": typeof types.ApplyReorganisationDocument,
    "\n  query VoiceWard($wardId: ID!, $period: PeriodInput) {\n    wards { id name }\n    ward(id: $wardId) {\n      id name\n      neighbourhoods { id name generated inputStats(period: $period) { received supporters selected answered } }\n      inputStats { received supporters selected declined raised answered medianDaysToAnswer }\n    }\n    residentInputs(wardId: $wardId, first: 100) {\n      edges { node { ...InputCard } }\n    }\n    sessions(wardId: $wardId, kind: PUBLIC, first: 10) {\n      edges { node { id title status scheduledAt hostBody place mayManage agenda { ...AgendaItem } } }\n    }\n  }\n  fragment AgendaItem on ResidentInput {\n    id topic supporters status channel\n    neighbourhood { name }\n    concern { id response }\n  }\n  fragment InputCard on ResidentInput {\n    id topic text supporters status channel receivedAt lookupCode hasContact contact note\n    neighbourhood { id name }\n    session { id title }\n    concern { id status response }\n    mergedInto { id topic }\n  }\n": typeof types.VoiceWardDocument,
    "\n  mutation SubmitInput($input: SubmitResidentInputInput!) {\n    submitResidentInput(input: $input) { id topic supporters status lookupCode }\n  }\n": typeof types.SubmitInputDocument,
    "\n  mutation TriageInput($input: TriageResidentInputInput!) {\n    triageResidentInput(input: $input) { id status supporters session { id } mergedInto { id supporters } }\n  }\n": typeof types.TriageInputDocument,
    "\n  mutation RaiseFromInput($inputId: ID!, $authority: Authority!, $requestId: String!) {\n    raiseFromInput(inputId: $inputId, authority: $authority, requestId: $requestId) { id status topic }\n  }\n": typeof types.RaiseFromInputDocument,
    "\n  query WardsList($asOf: DateTime) {\n    wards(asOf: $asOf) { id name rolloutWave validTo successors { ward { id name } whole } stats { sessions attendance concerns concernsClosed } }\n  }\n": typeof types.WardsListDocument,
    "\n  query WardDetail($id: ID!) {\n    ward(id: $id) {\n      id name code rolloutWave validFrom validTo\n      parent { name }\n      predecessors { ward { id name } whole legalBasis effectiveAt }\n      successors { ward { id name } whole legalBasis effectiveAt }\n      stats { sessions attendance concerns concernsClosed overdue }\n      handedOverConcerns { id topic status raisedAt closedAt dueAt overdue ward { id name } }\n      lineageStats {\n        own { sessions attendance concerns concernsClosed }\n        predecessors { whole ward { id name } stats { sessions attendance concerns concernsClosed } }\n        combined { sessions attendance concerns concernsClosed }\n      }\n    }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt closedAt dueAt overdue } }\n    }\n  }\n": typeof types.WardDetailDocument,
    "\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { delta attendance at session { id } }\n  }\n": typeof types.WardAttendanceDocument,
    "\n  query JurisdictionName {\n    jurisdiction { name nameEn }\n  }\n": typeof types.JurisdictionNameDocument,
    "\n  query OverdueTally {\n    summary { overdue wards { ward { id name } overdue } }\n  }\n": typeof types.OverdueTallyDocument,
    "\n  subscription OverdueChanged {\n    concernChanged { id status }\n  }\n": typeof types.OverdueChangedDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id role ward { id name }\n      abilities { mayWrite readOnlyReason sessionKinds mayRegisterBusinesses mayAssignSuccessors mayApplyReorganisations }\n    }\n  }\n": types.ViewerDocument,
    "\n  query DeadlineRules {\n    deadlineRules { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n": types.DeadlineRulesDocument,
    "\n  mutation SetDeadlineRule($input: SetDeadlineRuleInput!) {\n    setDeadlineRule(input: $input) { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n": types.SetDeadlineRuleDocument,
    "\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $overdue: Boolean, $after: String) {\n    jurisdiction { units { id name validFrom validTo } }\n    concerns(wardId: $wardId, status: $status, authority: $authority, overdue: $overdue, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt dueAt overdue\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n": types.ConcernsBoardDocument,
    "\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n": types.ConcernsChangedDocument,
    "\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt dueAt overdue\n      taxTopic responsibleBody answerForm answerDocument taxOffice { id name }\n      ward { id name validTo }\n      handledBy { id name }\n      awaitingSuccessor\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note authority dueAt handedOverTo { id name } legalBasis }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": types.ConcernDetailDocument,
    "\n  mutation MoveConcern($input: MoveConcernInput!) {\n    moveConcern(input: $input) {\n      id status authority response closedAt\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": types.MoveConcernDocument,
    "\n  mutation KioskCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) { delta attendance at session { id attendance } }\n  }\n": types.KioskCheckInDocument,
    "\n  query KioskSession($id: ID!) {\n    session(id: $id) { id title kind status hostBody scheduledAt attendance ward { id name } attendanceByCategory { category count } }\n  }\n": types.KioskSessionDocument,
    "\n  subscription KioskAttendance($sessionId: ID) {\n    attendanceChanged(sessionId: $sessionId) { attendance at session { id } }\n  }\n": types.KioskAttendanceDocument,
    "\n  query BusinessByTaxCode($taxCode: String!) {\n    business(taxCode: $taxCode) { id taxCode name sector ward { id name } }\n  }\n": types.BusinessByTaxCodeDocument,
    "\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance mayManage ward { id name } } }\n    }\n  }\n": types.ManagedSessionsDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) { id title status scheduledAt }\n  }\n": types.ScheduleSessionDocument,
    "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) { id status startedAt }\n  }\n": types.StartSessionDocument,
    "\n  mutation CloseSession($id: ID!) {\n    closeSession(id: $id) { id status closedAt }\n  }\n": types.CloseSessionDocument,
    "\n  mutation RaiseConcern($input: RaiseConcernInput!) {\n    raiseConcern(input: $input) { id topic status }\n  }\n": types.RaiseConcernDocument,
    "\n  mutation RegisterBusiness($input: RegisterBusinessInput!) {\n    registerBusiness(input: $input) { id taxCode name sector }\n  }\n": types.RegisterBusinessDocument,
    "\n  query WardsAt($asOf: DateTime) {\n    wards(asOf: $asOf) { id name }\n  }\n": types.WardsAtDocument,
    "\n  query TaxOfficesNow {\n    taxOffices { id name level }\n  }\n": types.TaxOfficesNowDocument,
    "\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    consistent\n    live { attendance session { id title kind hostBody startedAt ward { id name } } }\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name level generated rolloutWave validTo } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n": types.SummaryFieldsFragmentDoc,
    "\n  query OverviewSummary($period: PeriodInput) {\n    summary(period: $period) { ...SummaryFields }\n  }\n": types.OverviewSummaryDocument,
    "\n  subscription OverviewSummaryChanged {\n    summaryChanged { ...SummaryFields }\n  }\n": types.OverviewSummaryChangedDocument,
    "\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n": types.ActivityFeedDocument,
    "\n  query WallboardAgendas {\n    sessions(status: LIVE, first: 20) {\n      edges { node { id agenda { id topic status concern { status raisedAt } } } }\n    }\n  }\n": types.WallboardAgendasDocument,
    "\n  subscription WallboardConcerns {\n    concernChanged { id status }\n  }\n": types.WallboardConcernsDocument,
    "\n  fragment ReportFigures on Report {\n    period { from to }\n    wardId wardName generatedAt\n    totals { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    attendanceByCategory { category count }\n    wards { wardId wardName rolloutWave sessions attendance concerns concernsClosed }\n    waves { wave wards sessions attendance }\n    kinds { kind sessions attendance }\n    thematicDialogues { sessionId title hostBody scheduledAt attendance attendanceByCategory { category count } }\n    thematicTotals { sessions attendance attendanceByCategory { category count } }\n    units { atStart { wardId wardName } atEnd { wardId wardName } change { effectiveAt legalBasis explanation } }\n    tax { rounds businessesEngaged bySector { sector businesses } outcomes { open answeredOnSpot inProgress resolved escalated answered } escalatedToCity }\n    concerns {\n      raised answeredOnSpot resolvedByWard resolvedByDistrict escalatedWaiting answeredAfterEscalation waiting overdue\n      outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      byLevel { status authority count }\n    }\n    waitingConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    overdueConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    previous { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    opinions { received supporters selected declined merged raised answered medianDaysToAnswer byWard { wardId wardName received supporters selected raised answered } }\n  }\n": types.ReportFiguresFragmentDoc,
    "\n  fragment ReviewReportFields on ReviewReport {\n    id kind status period { from to } ward { id name }\n    title issuingBody place assessment lessons nextSteps signerTitle signerName number issuedAt mayEdit createdAt updatedAt createdBy\n  }\n": types.ReviewReportFieldsFragmentDoc,
    "\n  query ReportsPage($period: PeriodInput!, $wardId: ID) {\n    jurisdiction { units { id name validFrom validTo } }\n    viewer { mayWriteReports(wardId: $wardId) }\n    reviewReports(first: 50) { edges { node { ...ReviewReportFields } } }\n    report(period: $period, wardId: $wardId) { ...ReportFigures }\n  }\n": types.ReportsPageDocument,
    "\n  query ReviewReportDetail($id: ID!) {\n    reviewReport(id: $id) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n": types.ReviewReportDetailDocument,
    "\n  mutation CreateReviewReport($input: CreateReviewReportInput!) {\n    createReviewReport(input: $input) { ...ReviewReportFields }\n  }\n": types.CreateReviewReportDocument,
    "\n  mutation UpdateReviewReport($input: UpdateReviewReportInput!) {\n    updateReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n": types.UpdateReviewReportDocument,
    "\n  mutation IssueReviewReport($input: IssueReviewReportInput!) {\n    issueReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n": types.IssueReviewReportDocument,
    "\n  query SignInWards {\n    wards {\n      id\n      name\n    }\n  }\n": types.SignInWardsDocument,
    "\n  query TaxDialogues($period: PeriodInput!, $office: ID) {\n    summary(period: $period) {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions: sessionsInPeriod(period: $period, kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody taxOffice { id name } satisfaction { responses average } } }\n    }\n    stats: taxDialogueStats(period: $period, taxOfficeId: $office) {\n      rounds businessesAttending questionsInAdvance unclassified\n      bySector { sector count }\n      byTopic { topic raised answeredOnSpot answeredInWriting open overdue medianDaysToAnswer }\n      satisfaction { responses average }\n    }\n    now: taxOffices { id name level }\n    before: taxOffices(asOf: \"2025-06-30T00:00:00.000Z\") { id name level }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority dueAt overdue responsibleBody taxTopic business { name taxCode } session { kind title scheduledAt taxOffice { id } } history { to at } } }\n    }\n  }\n": types.TaxDialoguesDocument,
    "\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n": types.TaxChangesDocument,
    "\n  query Units {\n    jurisdiction {\n      name\n      nameEn\n      units { id code name validFrom validTo rolloutWave parent { name level } successors { ward { id name } whole effectiveAt legalBasis } }\n    }\n    reorganisations { id title effectiveAt legalBasis sources appliedAt endsParentLevel }\n  }\n": types.UnitsDocument,
    "\n  query AwaitingSuccessor {\n    concernsAwaitingSuccessor {\n      id topic text status authority raisedAt\n      ward { id name validTo }\n      session { id title }\n      successorCandidates { id name }\n      history { note legalBasis at }\n    }\n  }\n": types.AwaitingSuccessorDocument,
    "\n  mutation AssignSuccessor($concernId: ID!, $wardId: ID!) {\n    assignSuccessor(concernId: $concernId, wardId: $wardId) { id awaitingSuccessor handledBy { id name } }\n  }\n": types.AssignSuccessorDocument,
    "\n  mutation ApplyReorganisation($id: ID!, $dryRun: Boolean) {\n    applyReorganisation(id: $id, dryRun: $dryRun) {\n      dryRun\n      awaitingSuccessor\n      moves { reason authority to { id name } concern { id topic ward { name } } }\n    }\n  }\n": types.ApplyReorganisationDocument,
    "\n  query VoiceWard($wardId: ID!, $period: PeriodInput) {\n    wards { id name }\n    ward(id: $wardId) {\n      id name\n      neighbourhoods { id name generated inputStats(period: $period) { received supporters selected answered } }\n      inputStats { received supporters selected declined raised answered medianDaysToAnswer }\n    }\n    residentInputs(wardId: $wardId, first: 100) {\n      edges { node { ...InputCard } }\n    }\n    sessions(wardId: $wardId, kind: PUBLIC, first: 10) {\n      edges { node { id title status scheduledAt hostBody place mayManage agenda { ...AgendaItem } } }\n    }\n  }\n  fragment AgendaItem on ResidentInput {\n    id topic supporters status channel\n    neighbourhood { name }\n    concern { id response }\n  }\n  fragment InputCard on ResidentInput {\n    id topic text supporters status channel receivedAt lookupCode hasContact contact note\n    neighbourhood { id name }\n    session { id title }\n    concern { id status response }\n    mergedInto { id topic }\n  }\n": types.VoiceWardDocument,
    "\n  mutation SubmitInput($input: SubmitResidentInputInput!) {\n    submitResidentInput(input: $input) { id topic supporters status lookupCode }\n  }\n": types.SubmitInputDocument,
    "\n  mutation TriageInput($input: TriageResidentInputInput!) {\n    triageResidentInput(input: $input) { id status supporters session { id } mergedInto { id supporters } }\n  }\n": types.TriageInputDocument,
    "\n  mutation RaiseFromInput($inputId: ID!, $authority: Authority!, $requestId: String!) {\n    raiseFromInput(inputId: $inputId, authority: $authority, requestId: $requestId) { id status topic }\n  }\n": types.RaiseFromInputDocument,
    "\n  query WardsList($asOf: DateTime) {\n    wards(asOf: $asOf) { id name rolloutWave validTo successors { ward { id name } whole } stats { sessions attendance concerns concernsClosed } }\n  }\n": types.WardsListDocument,
    "\n  query WardDetail($id: ID!) {\n    ward(id: $id) {\n      id name code rolloutWave validFrom validTo\n      parent { name }\n      predecessors { ward { id name } whole legalBasis effectiveAt }\n      successors { ward { id name } whole legalBasis effectiveAt }\n      stats { sessions attendance concerns concernsClosed overdue }\n      handedOverConcerns { id topic status raisedAt closedAt dueAt overdue ward { id name } }\n      lineageStats {\n        own { sessions attendance concerns concernsClosed }\n        predecessors { whole ward { id name } stats { sessions attendance concerns concernsClosed } }\n        combined { sessions attendance concerns concernsClosed }\n      }\n    }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt closedAt dueAt overdue } }\n    }\n  }\n": types.WardDetailDocument,
    "\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { delta attendance at session { id } }\n  }\n": types.WardAttendanceDocument,
    "\n  query JurisdictionName {\n    jurisdiction { name nameEn }\n  }\n": types.JurisdictionNameDocument,
    "\n  query OverdueTally {\n    summary { overdue wards { ward { id name } overdue } }\n  }\n": types.OverdueTallyDocument,
    "\n  subscription OverdueChanged {\n    concernChanged { id status }\n  }\n": types.OverdueChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id role ward { id name }\n      abilities { mayWrite readOnlyReason sessionKinds mayRegisterBusinesses mayAssignSuccessors mayApplyReorganisations }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id role ward { id name }\n      abilities { mayWrite readOnlyReason sessionKinds mayRegisterBusinesses mayAssignSuccessors mayApplyReorganisations }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadlineRules {\n    deadlineRules { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n"): (typeof documents)["\n  query DeadlineRules {\n    deadlineRules { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDeadlineRule($input: SetDeadlineRuleInput!) {\n    setDeadlineRule(input: $input) { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n"): (typeof documents)["\n  mutation SetDeadlineRule($input: SetDeadlineRuleInput!) {\n    setDeadlineRule(input: $input) { version changedAt changedBy rules { authority sessionKind workingDays source } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $overdue: Boolean, $after: String) {\n    jurisdiction { units { id name validFrom validTo } }\n    concerns(wardId: $wardId, status: $status, authority: $authority, overdue: $overdue, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt dueAt overdue\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $overdue: Boolean, $after: String) {\n    jurisdiction { units { id name validFrom validTo } }\n    concerns(wardId: $wardId, status: $status, authority: $authority, overdue: $overdue, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt dueAt overdue\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n"): (typeof documents)["\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt dueAt overdue\n      taxTopic responsibleBody answerForm answerDocument taxOffice { id name }\n      ward { id name validTo }\n      handledBy { id name }\n      awaitingSuccessor\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note authority dueAt handedOverTo { id name } legalBasis }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n"): (typeof documents)["\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt dueAt overdue\n      taxTopic responsibleBody answerForm answerDocument taxOffice { id name }\n      ward { id name validTo }\n      handledBy { id name }\n      awaitingSuccessor\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note authority dueAt handedOverTo { id name } legalBasis }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveConcern($input: MoveConcernInput!) {\n    moveConcern(input: $input) {\n      id status authority response closedAt\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveConcern($input: MoveConcernInput!) {\n    moveConcern(input: $input) {\n      id status authority response closedAt\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KioskCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) { delta attendance at session { id attendance } }\n  }\n"): (typeof documents)["\n  mutation KioskCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) { delta attendance at session { id attendance } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KioskSession($id: ID!) {\n    session(id: $id) { id title kind status hostBody scheduledAt attendance ward { id name } attendanceByCategory { category count } }\n  }\n"): (typeof documents)["\n  query KioskSession($id: ID!) {\n    session(id: $id) { id title kind status hostBody scheduledAt attendance ward { id name } attendanceByCategory { category count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription KioskAttendance($sessionId: ID) {\n    attendanceChanged(sessionId: $sessionId) { attendance at session { id } }\n  }\n"): (typeof documents)["\n  subscription KioskAttendance($sessionId: ID) {\n    attendanceChanged(sessionId: $sessionId) { attendance at session { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessByTaxCode($taxCode: String!) {\n    business(taxCode: $taxCode) { id taxCode name sector ward { id name } }\n  }\n"): (typeof documents)["\n  query BusinessByTaxCode($taxCode: String!) {\n    business(taxCode: $taxCode) { id taxCode name sector ward { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance mayManage ward { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance mayManage ward { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) { id title status scheduledAt }\n  }\n"): (typeof documents)["\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) { id title status scheduledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) { id status startedAt }\n  }\n"): (typeof documents)["\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) { id status startedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSession($id: ID!) {\n    closeSession(id: $id) { id status closedAt }\n  }\n"): (typeof documents)["\n  mutation CloseSession($id: ID!) {\n    closeSession(id: $id) { id status closedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaiseConcern($input: RaiseConcernInput!) {\n    raiseConcern(input: $input) { id topic status }\n  }\n"): (typeof documents)["\n  mutation RaiseConcern($input: RaiseConcernInput!) {\n    raiseConcern(input: $input) { id topic status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterBusiness($input: RegisterBusinessInput!) {\n    registerBusiness(input: $input) { id taxCode name sector }\n  }\n"): (typeof documents)["\n  mutation RegisterBusiness($input: RegisterBusinessInput!) {\n    registerBusiness(input: $input) { id taxCode name sector }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WardsAt($asOf: DateTime) {\n    wards(asOf: $asOf) { id name }\n  }\n"): (typeof documents)["\n  query WardsAt($asOf: DateTime) {\n    wards(asOf: $asOf) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxOfficesNow {\n    taxOffices { id name level }\n  }\n"): (typeof documents)["\n  query TaxOfficesNow {\n    taxOffices { id name level }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    consistent\n    live { attendance session { id title kind hostBody startedAt ward { id name } } }\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name level generated rolloutWave validTo } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n"): (typeof documents)["\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    consistent\n    live { attendance session { id title kind hostBody startedAt ward { id name } } }\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name level generated rolloutWave validTo } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewSummary($period: PeriodInput) {\n    summary(period: $period) { ...SummaryFields }\n  }\n"): (typeof documents)["\n  query OverviewSummary($period: PeriodInput) {\n    summary(period: $period) { ...SummaryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewSummaryChanged {\n    summaryChanged { ...SummaryFields }\n  }\n"): (typeof documents)["\n  subscription OverviewSummaryChanged {\n    summaryChanged { ...SummaryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallboardAgendas {\n    sessions(status: LIVE, first: 20) {\n      edges { node { id agenda { id topic status concern { status raisedAt } } } }\n    }\n  }\n"): (typeof documents)["\n  query WallboardAgendas {\n    sessions(status: LIVE, first: 20) {\n      edges { node { id agenda { id topic status concern { status raisedAt } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WallboardConcerns {\n    concernChanged { id status }\n  }\n"): (typeof documents)["\n  subscription WallboardConcerns {\n    concernChanged { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFigures on Report {\n    period { from to }\n    wardId wardName generatedAt\n    totals { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    attendanceByCategory { category count }\n    wards { wardId wardName rolloutWave sessions attendance concerns concernsClosed }\n    waves { wave wards sessions attendance }\n    kinds { kind sessions attendance }\n    thematicDialogues { sessionId title hostBody scheduledAt attendance attendanceByCategory { category count } }\n    thematicTotals { sessions attendance attendanceByCategory { category count } }\n    units { atStart { wardId wardName } atEnd { wardId wardName } change { effectiveAt legalBasis explanation } }\n    tax { rounds businessesEngaged bySector { sector businesses } outcomes { open answeredOnSpot inProgress resolved escalated answered } escalatedToCity }\n    concerns {\n      raised answeredOnSpot resolvedByWard resolvedByDistrict escalatedWaiting answeredAfterEscalation waiting overdue\n      outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      byLevel { status authority count }\n    }\n    waitingConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    overdueConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    previous { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    opinions { received supporters selected declined merged raised answered medianDaysToAnswer byWard { wardId wardName received supporters selected raised answered } }\n  }\n"): (typeof documents)["\n  fragment ReportFigures on Report {\n    period { from to }\n    wardId wardName generatedAt\n    totals { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    attendanceByCategory { category count }\n    wards { wardId wardName rolloutWave sessions attendance concerns concernsClosed }\n    waves { wave wards sessions attendance }\n    kinds { kind sessions attendance }\n    thematicDialogues { sessionId title hostBody scheduledAt attendance attendanceByCategory { category count } }\n    thematicTotals { sessions attendance attendanceByCategory { category count } }\n    units { atStart { wardId wardName } atEnd { wardId wardName } change { effectiveAt legalBasis explanation } }\n    tax { rounds businessesEngaged bySector { sector businesses } outcomes { open answeredOnSpot inProgress resolved escalated answered } escalatedToCity }\n    concerns {\n      raised answeredOnSpot resolvedByWard resolvedByDistrict escalatedWaiting answeredAfterEscalation waiting overdue\n      outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      byLevel { status authority count }\n    }\n    waitingConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    overdueConcerns { concernId topic wardId wardName authority status raisedAt daysWaited dueAt overdue }\n    previous { period { from to } sessions attendance concerns concernsClosed taxRounds businessesEngaged }\n    opinions { received supporters selected declined merged raised answered medianDaysToAnswer byWard { wardId wardName received supporters selected raised answered } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewReportFields on ReviewReport {\n    id kind status period { from to } ward { id name }\n    title issuingBody place assessment lessons nextSteps signerTitle signerName number issuedAt mayEdit createdAt updatedAt createdBy\n  }\n"): (typeof documents)["\n  fragment ReviewReportFields on ReviewReport {\n    id kind status period { from to } ward { id name }\n    title issuingBody place assessment lessons nextSteps signerTitle signerName number issuedAt mayEdit createdAt updatedAt createdBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportsPage($period: PeriodInput!, $wardId: ID) {\n    jurisdiction { units { id name validFrom validTo } }\n    viewer { mayWriteReports(wardId: $wardId) }\n    reviewReports(first: 50) { edges { node { ...ReviewReportFields } } }\n    report(period: $period, wardId: $wardId) { ...ReportFigures }\n  }\n"): (typeof documents)["\n  query ReportsPage($period: PeriodInput!, $wardId: ID) {\n    jurisdiction { units { id name validFrom validTo } }\n    viewer { mayWriteReports(wardId: $wardId) }\n    reviewReports(first: 50) { edges { node { ...ReviewReportFields } } }\n    report(period: $period, wardId: $wardId) { ...ReportFigures }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewReportDetail($id: ID!) {\n    reviewReport(id: $id) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n"): (typeof documents)["\n  query ReviewReportDetail($id: ID!) {\n    reviewReport(id: $id) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReviewReport($input: CreateReviewReportInput!) {\n    createReviewReport(input: $input) { ...ReviewReportFields }\n  }\n"): (typeof documents)["\n  mutation CreateReviewReport($input: CreateReviewReportInput!) {\n    createReviewReport(input: $input) { ...ReviewReportFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReviewReport($input: UpdateReviewReportInput!) {\n    updateReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n"): (typeof documents)["\n  mutation UpdateReviewReport($input: UpdateReviewReportInput!) {\n    updateReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueReviewReport($input: IssueReviewReportInput!) {\n    issueReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n"): (typeof documents)["\n  mutation IssueReviewReport($input: IssueReviewReportInput!) {\n    issueReviewReport(input: $input) { ...ReviewReportFields figures { ...ReportFigures } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInWards {\n    wards {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query SignInWards {\n    wards {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxDialogues($period: PeriodInput!, $office: ID) {\n    summary(period: $period) {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions: sessionsInPeriod(period: $period, kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody taxOffice { id name } satisfaction { responses average } } }\n    }\n    stats: taxDialogueStats(period: $period, taxOfficeId: $office) {\n      rounds businessesAttending questionsInAdvance unclassified\n      bySector { sector count }\n      byTopic { topic raised answeredOnSpot answeredInWriting open overdue medianDaysToAnswer }\n      satisfaction { responses average }\n    }\n    now: taxOffices { id name level }\n    before: taxOffices(asOf: \"2025-06-30T00:00:00.000Z\") { id name level }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority dueAt overdue responsibleBody taxTopic business { name taxCode } session { kind title scheduledAt taxOffice { id } } history { to at } } }\n    }\n  }\n"): (typeof documents)["\n  query TaxDialogues($period: PeriodInput!, $office: ID) {\n    summary(period: $period) {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions: sessionsInPeriod(period: $period, kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody taxOffice { id name } satisfaction { responses average } } }\n    }\n    stats: taxDialogueStats(period: $period, taxOfficeId: $office) {\n      rounds businessesAttending questionsInAdvance unclassified\n      bySector { sector count }\n      byTopic { topic raised answeredOnSpot answeredInWriting open overdue medianDaysToAnswer }\n      satisfaction { responses average }\n    }\n    now: taxOffices { id name level }\n    before: taxOffices(asOf: \"2025-06-30T00:00:00.000Z\") { id name level }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority dueAt overdue responsibleBody taxTopic business { name taxCode } session { kind title scheduledAt taxOffice { id } } history { to at } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n"): (typeof documents)["\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Units {\n    jurisdiction {\n      name\n      nameEn\n      units { id code name validFrom validTo rolloutWave parent { name level } successors { ward { id name } whole effectiveAt legalBasis } }\n    }\n    reorganisations { id title effectiveAt legalBasis sources appliedAt endsParentLevel }\n  }\n"): (typeof documents)["\n  query Units {\n    jurisdiction {\n      name\n      nameEn\n      units { id code name validFrom validTo rolloutWave parent { name level } successors { ward { id name } whole effectiveAt legalBasis } }\n    }\n    reorganisations { id title effectiveAt legalBasis sources appliedAt endsParentLevel }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwaitingSuccessor {\n    concernsAwaitingSuccessor {\n      id topic text status authority raisedAt\n      ward { id name validTo }\n      session { id title }\n      successorCandidates { id name }\n      history { note legalBasis at }\n    }\n  }\n"): (typeof documents)["\n  query AwaitingSuccessor {\n    concernsAwaitingSuccessor {\n      id topic text status authority raisedAt\n      ward { id name validTo }\n      session { id title }\n      successorCandidates { id name }\n      history { note legalBasis at }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignSuccessor($concernId: ID!, $wardId: ID!) {\n    assignSuccessor(concernId: $concernId, wardId: $wardId) { id awaitingSuccessor handledBy { id name } }\n  }\n"): (typeof documents)["\n  mutation AssignSuccessor($concernId: ID!, $wardId: ID!) {\n    assignSuccessor(concernId: $concernId, wardId: $wardId) { id awaitingSuccessor handledBy { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyReorganisation($id: ID!, $dryRun: Boolean) {\n    applyReorganisation(id: $id, dryRun: $dryRun) {\n      dryRun\n      awaitingSuccessor\n      moves { reason authority to { id name } concern { id topic ward { name } } }\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyReorganisation($id: ID!, $dryRun: Boolean) {\n    applyReorganisation(id: $id, dryRun: $dryRun) {\n      dryRun\n      awaitingSuccessor\n      moves { reason authority to { id name } concern { id topic ward { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VoiceWard($wardId: ID!, $period: PeriodInput) {\n    wards { id name }\n    ward(id: $wardId) {\n      id name\n      neighbourhoods { id name generated inputStats(period: $period) { received supporters selected answered } }\n      inputStats { received supporters selected declined raised answered medianDaysToAnswer }\n    }\n    residentInputs(wardId: $wardId, first: 100) {\n      edges { node { ...InputCard } }\n    }\n    sessions(wardId: $wardId, kind: PUBLIC, first: 10) {\n      edges { node { id title status scheduledAt hostBody place mayManage agenda { ...AgendaItem } } }\n    }\n  }\n  fragment AgendaItem on ResidentInput {\n    id topic supporters status channel\n    neighbourhood { name }\n    concern { id response }\n  }\n  fragment InputCard on ResidentInput {\n    id topic text supporters status channel receivedAt lookupCode hasContact contact note\n    neighbourhood { id name }\n    session { id title }\n    concern { id status response }\n    mergedInto { id topic }\n  }\n"): (typeof documents)["\n  query VoiceWard($wardId: ID!, $period: PeriodInput) {\n    wards { id name }\n    ward(id: $wardId) {\n      id name\n      neighbourhoods { id name generated inputStats(period: $period) { received supporters selected answered } }\n      inputStats { received supporters selected declined raised answered medianDaysToAnswer }\n    }\n    residentInputs(wardId: $wardId, first: 100) {\n      edges { node { ...InputCard } }\n    }\n    sessions(wardId: $wardId, kind: PUBLIC, first: 10) {\n      edges { node { id title status scheduledAt hostBody place mayManage agenda { ...AgendaItem } } }\n    }\n  }\n  fragment AgendaItem on ResidentInput {\n    id topic supporters status channel\n    neighbourhood { name }\n    concern { id response }\n  }\n  fragment InputCard on ResidentInput {\n    id topic text supporters status channel receivedAt lookupCode hasContact contact note\n    neighbourhood { id name }\n    session { id title }\n    concern { id status response }\n    mergedInto { id topic }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitInput($input: SubmitResidentInputInput!) {\n    submitResidentInput(input: $input) { id topic supporters status lookupCode }\n  }\n"): (typeof documents)["\n  mutation SubmitInput($input: SubmitResidentInputInput!) {\n    submitResidentInput(input: $input) { id topic supporters status lookupCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TriageInput($input: TriageResidentInputInput!) {\n    triageResidentInput(input: $input) { id status supporters session { id } mergedInto { id supporters } }\n  }\n"): (typeof documents)["\n  mutation TriageInput($input: TriageResidentInputInput!) {\n    triageResidentInput(input: $input) { id status supporters session { id } mergedInto { id supporters } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaiseFromInput($inputId: ID!, $authority: Authority!, $requestId: String!) {\n    raiseFromInput(inputId: $inputId, authority: $authority, requestId: $requestId) { id status topic }\n  }\n"): (typeof documents)["\n  mutation RaiseFromInput($inputId: ID!, $authority: Authority!, $requestId: String!) {\n    raiseFromInput(inputId: $inputId, authority: $authority, requestId: $requestId) { id status topic }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WardsList($asOf: DateTime) {\n    wards(asOf: $asOf) { id name rolloutWave validTo successors { ward { id name } whole } stats { sessions attendance concerns concernsClosed } }\n  }\n"): (typeof documents)["\n  query WardsList($asOf: DateTime) {\n    wards(asOf: $asOf) { id name rolloutWave validTo successors { ward { id name } whole } stats { sessions attendance concerns concernsClosed } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WardDetail($id: ID!) {\n    ward(id: $id) {\n      id name code rolloutWave validFrom validTo\n      parent { name }\n      predecessors { ward { id name } whole legalBasis effectiveAt }\n      successors { ward { id name } whole legalBasis effectiveAt }\n      stats { sessions attendance concerns concernsClosed overdue }\n      handedOverConcerns { id topic status raisedAt closedAt dueAt overdue ward { id name } }\n      lineageStats {\n        own { sessions attendance concerns concernsClosed }\n        predecessors { whole ward { id name } stats { sessions attendance concerns concernsClosed } }\n        combined { sessions attendance concerns concernsClosed }\n      }\n    }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt closedAt dueAt overdue } }\n    }\n  }\n"): (typeof documents)["\n  query WardDetail($id: ID!) {\n    ward(id: $id) {\n      id name code rolloutWave validFrom validTo\n      parent { name }\n      predecessors { ward { id name } whole legalBasis effectiveAt }\n      successors { ward { id name } whole legalBasis effectiveAt }\n      stats { sessions attendance concerns concernsClosed overdue }\n      handedOverConcerns { id topic status raisedAt closedAt dueAt overdue ward { id name } }\n      lineageStats {\n        own { sessions attendance concerns concernsClosed }\n        predecessors { whole ward { id name } stats { sessions attendance concerns concernsClosed } }\n        combined { sessions attendance concerns concernsClosed }\n      }\n    }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt closedAt dueAt overdue } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { delta attendance at session { id } }\n  }\n"): (typeof documents)["\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { delta attendance at session { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JurisdictionName {\n    jurisdiction { name nameEn }\n  }\n"): (typeof documents)["\n  query JurisdictionName {\n    jurisdiction { name nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueTally {\n    summary { overdue wards { ward { id name } overdue } }\n  }\n"): (typeof documents)["\n  query OverdueTally {\n    summary { overdue wards { ward { id name } overdue } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverdueChanged {\n    concernChanged { id status }\n  }\n"): (typeof documents)["\n  subscription OverdueChanged {\n    concernChanged { id status }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;