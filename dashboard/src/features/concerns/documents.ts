import { graphql } from '../../gql/index.js';

export const ConcernsBoardQuery = graphql(`
  query ConcernsBoard($wardId: ID, $status: ConcernStatus, $authority: Authority, $overdue: Boolean, $after: String) {
    jurisdiction { units { id name validFrom validTo parent { name } } }
    concerns(wardId: $wardId, status: $status, authority: $authority, overdue: $overdue, first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id topic text status authority raisedAt closedAt dueAt overdue responsibleBody taxTopic answerForm answerDocument raisedIn
          ward { id name }
          business { id name taxCode }
          session { id title kind }
        }
      }
    }
  }
`);

export const ConcernsChangedSubscription = graphql(`
  subscription ConcernsChanged {
    concernChanged { id status }
  }
`);

export const ConcernQuery = graphql(`
  query ConcernDetail($id: ID!) {
    concern(id: $id) {
      id topic text status authority response raisedAt closedAt dueAt overdue
      taxTopic responsibleBody answerForm answerDocument taxOffice { id name }
      ward { id name validTo }
      raisedIn
      handledBy { id name }
      awaitingSuccessor
      business { id name taxCode }
      session { id title kind ward { id } }
      history { from to at by note authority dueAt handedOverTo { id name } legalBasis }
      allowedMoves { to authorities needsResponse }
    }
  }
`);

export const MoveConcernMutation = graphql(`
  mutation MoveConcern($input: MoveConcernInput!) {
    moveConcern(input: $input) {
      id status authority response closedAt
      history { from to at by note }
      allowedMoves { to authorities needsResponse }
    }
  }
`);
