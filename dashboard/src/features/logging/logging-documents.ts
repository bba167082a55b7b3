import { graphql } from '../../gql/index.js';

export const ManagedSessionsQuery = graphql(`
  query ManagedSessions($wardId: ID, $kind: SessionKind) {
    wards { id name }
    sessions(wardId: $wardId, kind: $kind, first: 50) {
      edges { node { id title kind status hostBody scheduledAt attendance mayManage heldBy ward { id name } } }
    }
  }
`);

export const ScheduleSessionMutation = graphql(`
  mutation ScheduleSession($input: ScheduleSessionInput!) {
    scheduleSession(input: $input) { id title status scheduledAt }
  }
`);

export const StartSessionMutation = graphql(`
  mutation StartSession($id: ID!) {
    startSession(id: $id) { id status startedAt }
  }
`);

export const CloseSessionMutation = graphql(`
  mutation CloseSession($id: ID!) {
    closeSession(id: $id) { id status closedAt }
  }
`);

export const RaiseConcernMutation = graphql(`
  mutation RaiseConcern($input: RaiseConcernInput!) {
    raiseConcern(input: $input) { id topic status }
  }
`);

export const RegisterBusinessMutation = graphql(`
  mutation RegisterBusiness($input: RegisterBusinessInput!) {
    registerBusiness(input: $input) { id taxCode name sector }
  }
`);

export const WardsAtQuery = graphql(`
  query WardsAt($asOf: DateTime) {
    wards(asOf: $asOf) { id name validTo parent { name } }
  }
`);

/** The tax offices in force now: the LOCAL one is the default host of a new round. */
export const TaxOfficesNowQuery = graphql(`
  query TaxOfficesNow {
    taxOffices { id name level }
  }
`);
