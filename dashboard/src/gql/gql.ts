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
    "\n  query Viewer {\n    viewer { id role ward { id name } }\n  }\n": typeof types.ViewerDocument,
    "\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $after: String) {\n    wards { id name }\n    concerns(wardId: $wardId, status: $status, authority: $authority, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n": typeof types.ConcernsBoardDocument,
    "\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n": typeof types.ConcernsChangedDocument,
    "\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt\n      ward { id name }\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": typeof types.ConcernDetailDocument,
    "\n  mutation MoveConcern($input: MoveConcernInput!) {\n    moveConcern(input: $input) {\n      id status authority response closedAt\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": typeof types.MoveConcernDocument,
    "\n  mutation KioskCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) { delta attendance at session { id attendance } }\n  }\n": typeof types.KioskCheckInDocument,
    "\n  query KioskSession($id: ID!) {\n    session(id: $id) { id title kind status hostBody scheduledAt attendance ward { id name } attendanceByCategory { category count } }\n  }\n": typeof types.KioskSessionDocument,
    "\n  subscription KioskAttendance($sessionId: ID) {\n    attendanceChanged(sessionId: $sessionId) { attendance at session { id } }\n  }\n": typeof types.KioskAttendanceDocument,
    "\n  query BusinessByTaxCode($taxCode: String!) {\n    business(taxCode: $taxCode) { id taxCode name sector ward { id name } }\n  }\n": typeof types.BusinessByTaxCodeDocument,
    "\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance ward { id name } } }\n    }\n  }\n": typeof types.ManagedSessionsDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) { id title status scheduledAt }\n  }\n": typeof types.ScheduleSessionDocument,
    "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) { id status startedAt }\n  }\n": typeof types.StartSessionDocument,
    "\n  mutation CloseSession($id: ID!) {\n    closeSession(id: $id) { id status closedAt }\n  }\n": typeof types.CloseSessionDocument,
    "\n  mutation RaiseConcern($input: RaiseConcernInput!) {\n    raiseConcern(input: $input) { id topic status }\n  }\n": typeof types.RaiseConcernDocument,
    "\n  mutation RegisterBusiness($input: RegisterBusinessInput!) {\n    registerBusiness(input: $input) { id taxCode name sector }\n  }\n": typeof types.RegisterBusinessDocument,
    "\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name rolloutWave } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n": typeof types.SummaryFieldsFragmentDoc,
    "\n  query OverviewSummary($period: PeriodInput) {\n    summary(period: $period) { ...SummaryFields }\n  }\n": typeof types.OverviewSummaryDocument,
    "\n  subscription OverviewSummaryChanged {\n    summaryChanged { ...SummaryFields }\n  }\n": typeof types.OverviewSummaryChangedDocument,
    "\n  query LiveSessions {\n    sessions(status: LIVE, first: 50) {\n      totalCount\n      edges { node { id title kind hostBody status startedAt attendance ward { id name } } }\n    }\n  }\n": typeof types.LiveSessionsDocument,
    "\n  subscription AttendanceTicks {\n    attendanceChanged { delta attendance at session { id title kind status ward { id name } } }\n  }\n": typeof types.AttendanceTicksDocument,
    "\n  subscription ConcernFeed {\n    concernChanged { id status }\n  }\n": typeof types.ConcernFeedDocument,
    "\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n": typeof types.ActivityFeedDocument,
    "\n  query TaxDialogues {\n    summary {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions(kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody } }\n    }\n    trade: businesses(sector: TRADE, first: 1) { totalCount }\n    services: businesses(sector: SERVICES, first: 1) { totalCount }\n    transport: businesses(sector: TRANSPORT, first: 1) { totalCount }\n    construction: businesses(sector: CONSTRUCTION, first: 1) { totalCount }\n    manufacturing: businesses(sector: MANUFACTURING, first: 1) { totalCount }\n    other: businesses(sector: OTHER, first: 1) { totalCount }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority business { name taxCode } session { kind title } history { to at } } }\n    }\n  }\n": typeof types.TaxDialoguesDocument,
    "\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n": typeof types.TaxChangesDocument,
    "\n  query WardsList {\n    wards { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n  }\n": typeof types.WardsListDocument,
    "\n  query WardDetail($id: ID!) {\n    ward(id: $id) { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt } }\n    }\n  }\n": typeof types.WardDetailDocument,
    "\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { attendance session { id } }\n  }\n": typeof types.WardAttendanceDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer { id role ward { id name } }\n  }\n": types.ViewerDocument,
    "\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $after: String) {\n    wards { id name }\n    concerns(wardId: $wardId, status: $status, authority: $authority, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n": types.ConcernsBoardDocument,
    "\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n": types.ConcernsChangedDocument,
    "\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt\n      ward { id name }\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": types.ConcernDetailDocument,
    "\n  mutation MoveConcern($input: MoveConcernInput!) {\n    moveConcern(input: $input) {\n      id status authority response closedAt\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n": types.MoveConcernDocument,
    "\n  mutation KioskCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) { delta attendance at session { id attendance } }\n  }\n": types.KioskCheckInDocument,
    "\n  query KioskSession($id: ID!) {\n    session(id: $id) { id title kind status hostBody scheduledAt attendance ward { id name } attendanceByCategory { category count } }\n  }\n": types.KioskSessionDocument,
    "\n  subscription KioskAttendance($sessionId: ID) {\n    attendanceChanged(sessionId: $sessionId) { attendance at session { id } }\n  }\n": types.KioskAttendanceDocument,
    "\n  query BusinessByTaxCode($taxCode: String!) {\n    business(taxCode: $taxCode) { id taxCode name sector ward { id name } }\n  }\n": types.BusinessByTaxCodeDocument,
    "\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance ward { id name } } }\n    }\n  }\n": types.ManagedSessionsDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) { id title status scheduledAt }\n  }\n": types.ScheduleSessionDocument,
    "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) { id status startedAt }\n  }\n": types.StartSessionDocument,
    "\n  mutation CloseSession($id: ID!) {\n    closeSession(id: $id) { id status closedAt }\n  }\n": types.CloseSessionDocument,
    "\n  mutation RaiseConcern($input: RaiseConcernInput!) {\n    raiseConcern(input: $input) { id topic status }\n  }\n": types.RaiseConcernDocument,
    "\n  mutation RegisterBusiness($input: RegisterBusinessInput!) {\n    registerBusiness(input: $input) { id taxCode name sector }\n  }\n": types.RegisterBusinessDocument,
    "\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name rolloutWave } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n": types.SummaryFieldsFragmentDoc,
    "\n  query OverviewSummary($period: PeriodInput) {\n    summary(period: $period) { ...SummaryFields }\n  }\n": types.OverviewSummaryDocument,
    "\n  subscription OverviewSummaryChanged {\n    summaryChanged { ...SummaryFields }\n  }\n": types.OverviewSummaryChangedDocument,
    "\n  query LiveSessions {\n    sessions(status: LIVE, first: 50) {\n      totalCount\n      edges { node { id title kind hostBody status startedAt attendance ward { id name } } }\n    }\n  }\n": types.LiveSessionsDocument,
    "\n  subscription AttendanceTicks {\n    attendanceChanged { delta attendance at session { id title kind status ward { id name } } }\n  }\n": types.AttendanceTicksDocument,
    "\n  subscription ConcernFeed {\n    concernChanged { id status }\n  }\n": types.ConcernFeedDocument,
    "\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n": types.ActivityFeedDocument,
    "\n  query TaxDialogues {\n    summary {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions(kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody } }\n    }\n    trade: businesses(sector: TRADE, first: 1) { totalCount }\n    services: businesses(sector: SERVICES, first: 1) { totalCount }\n    transport: businesses(sector: TRANSPORT, first: 1) { totalCount }\n    construction: businesses(sector: CONSTRUCTION, first: 1) { totalCount }\n    manufacturing: businesses(sector: MANUFACTURING, first: 1) { totalCount }\n    other: businesses(sector: OTHER, first: 1) { totalCount }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority business { name taxCode } session { kind title } history { to at } } }\n    }\n  }\n": types.TaxDialoguesDocument,
    "\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n": types.TaxChangesDocument,
    "\n  query WardsList {\n    wards { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n  }\n": types.WardsListDocument,
    "\n  query WardDetail($id: ID!) {\n    ward(id: $id) { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt } }\n    }\n  }\n": types.WardDetailDocument,
    "\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { attendance session { id } }\n  }\n": types.WardAttendanceDocument,
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
export function graphql(source: "\n  query Viewer {\n    viewer { id role ward { id name } }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer { id role ward { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $after: String) {\n    wards { id name }\n    concerns(wardId: $wardId, status: $status, authority: $authority, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $after: String) {\n    wards { id name }\n    concerns(wardId: $wardId, status: $status, authority: $authority, first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id topic text status authority raisedAt closedAt\n          ward { id name }\n          business { id name taxCode }\n          session { id title kind }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n"): (typeof documents)["\n  subscription ConcernsChanged {\n    concernChanged { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt\n      ward { id name }\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n"): (typeof documents)["\n  query ConcernDetail($id: ID!) {\n    concern(id: $id) {\n      id topic text status authority response raisedAt closedAt\n      ward { id name }\n      business { id name taxCode }\n      session { id title kind ward { id } }\n      history { from to at by note }\n      allowedMoves { to authorities needsResponse }\n    }\n  }\n"];
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
export function graphql(source: "\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance ward { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ManagedSessions($wardId: ID, $kind: SessionKind) {\n    wards { id name }\n    sessions(wardId: $wardId, kind: $kind, first: 50) {\n      edges { node { id title kind status hostBody scheduledAt attendance ward { id name } } }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name rolloutWave } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n"): (typeof documents)["\n  fragment SummaryFields on DistrictSummary {\n    sessions\n    liveSessions\n    attendance\n    attendanceByCategory { category count }\n    wards { ward { id name rolloutWave } sessions attendance concerns concernsClosed }\n    concerns { open answeredOnSpot inProgress resolved escalated answered }\n    tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } }\n  }\n"];
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
export function graphql(source: "\n  query LiveSessions {\n    sessions(status: LIVE, first: 50) {\n      totalCount\n      edges { node { id title kind hostBody status startedAt attendance ward { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query LiveSessions {\n    sessions(status: LIVE, first: 50) {\n      totalCount\n      edges { node { id title kind hostBody status startedAt attendance ward { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AttendanceTicks {\n    attendanceChanged { delta attendance at session { id title kind status ward { id name } } }\n  }\n"): (typeof documents)["\n  subscription AttendanceTicks {\n    attendanceChanged { delta attendance at session { id title kind status ward { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConcernFeed {\n    concernChanged { id status }\n  }\n"): (typeof documents)["\n  subscription ConcernFeed {\n    concernChanged { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ActivityFeed {\n    activity(first: 100) {\n      edges { node { id at action description role count category fromStatus toStatus session { id title } concern { id topic } business { id name } ward { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxDialogues {\n    summary {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions(kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody } }\n    }\n    trade: businesses(sector: TRADE, first: 1) { totalCount }\n    services: businesses(sector: SERVICES, first: 1) { totalCount }\n    transport: businesses(sector: TRANSPORT, first: 1) { totalCount }\n    construction: businesses(sector: CONSTRUCTION, first: 1) { totalCount }\n    manufacturing: businesses(sector: MANUFACTURING, first: 1) { totalCount }\n    other: businesses(sector: OTHER, first: 1) { totalCount }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority business { name taxCode } session { kind title } history { to at } } }\n    }\n  }\n"): (typeof documents)["\n  query TaxDialogues {\n    summary {\n      tax {\n        rounds businessesEngaged escalatedToCity\n        outcomes { open answeredOnSpot inProgress resolved escalated answered }\n      }\n    }\n    sessions(kind: BUSINESS_TAX, first: 50) {\n      totalCount\n      edges { node { id title status scheduledAt attendance hostBody } }\n    }\n    trade: businesses(sector: TRADE, first: 1) { totalCount }\n    services: businesses(sector: SERVICES, first: 1) { totalCount }\n    transport: businesses(sector: TRANSPORT, first: 1) { totalCount }\n    construction: businesses(sector: CONSTRUCTION, first: 1) { totalCount }\n    manufacturing: businesses(sector: MANUFACTURING, first: 1) { totalCount }\n    other: businesses(sector: OTHER, first: 1) { totalCount }\n    concerns(status: ESCALATED, first: 100) {\n      edges { node { id topic raisedAt authority business { name taxCode } session { kind title } history { to at } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n"): (typeof documents)["\n  subscription TaxChanges {\n    summaryChanged { tax { rounds } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WardsList {\n    wards { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n  }\n"): (typeof documents)["\n  query WardsList {\n    wards { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WardDetail($id: ID!) {\n    ward(id: $id) { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt } }\n    }\n  }\n"): (typeof documents)["\n  query WardDetail($id: ID!) {\n    ward(id: $id) { id name rolloutWave stats { sessions attendance concerns concernsClosed } }\n    sessions(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id title kind status scheduledAt attendance } }\n    }\n    concerns(wardId: $id, first: 50) {\n      totalCount\n      edges { node { id topic status authority raisedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { attendance session { id } }\n  }\n"): (typeof documents)["\n  subscription WardAttendance($wardId: ID) {\n    attendanceChanged(wardId: $wardId) { attendance session { id } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;