import { graphql } from '../../gql/index.js';

export const CheckInMutation = graphql(`
  mutation KioskCheckIn($input: CheckInInput!) {
    checkIn(input: $input) { delta attendance at session { id attendance } }
  }
`);

export const KioskSessionQuery = graphql(`
  query KioskSession($id: ID!) {
    session(id: $id) { id title kind status hostBody scheduledAt attendance heldBy ward { id name } attendanceByCategory { category count } }
  }
`);

export const KioskAttendanceSubscription = graphql(`
  subscription KioskAttendance($sessionId: ID) {
    attendanceChanged(sessionId: $sessionId) { attendance at session { id } }
  }
`);

export const BusinessesByNameQuery = graphql(`
  query BusinessesByName($search: String!) {
    businesses(search: $search, first: 8) { edges { node { id taxCode name ward { id name } } } }
  }
`);

export const BusinessByTaxCodeQuery = graphql(`
  query BusinessByTaxCode($taxCode: String!) {
    business(taxCode: $taxCode) { id taxCode name sector ward { id name } }
  }
`);
