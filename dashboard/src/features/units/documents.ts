import { graphql } from '../../gql/index.js';

export const UnitsQuery = graphql(`
  query Units {
    jurisdiction {
      name
      nameEn
      units {
        id code name validFrom validTo rolloutWave parent { code name level }
        successors { ward { id name } whole effectiveAt legalBasis clause }
        predecessors { ward { id } whole legalBasis clause }
      }
    }
    reorganisations { id title effectiveAt legalBasis sources appliedAt endsParentLevel }
  }
`);

export const AwaitingSuccessorQuery = graphql(`
  query AwaitingSuccessor {
    concernsAwaitingSuccessor {
      id topic text status authority raisedAt
      ward { id name validTo }
      raisedIn
      session { id title }
      successorCandidates { id name }
      history { note legalBasis at }
    }
  }
`);

export const AssignSuccessorMutation = graphql(`
  mutation AssignSuccessor($concernId: ID!, $wardId: ID!) {
    assignSuccessor(concernId: $concernId, wardId: $wardId) { id awaitingSuccessor handledBy { id name } }
  }
`);

export const ApplyReorganisationMutation = graphql(`
  mutation ApplyReorganisation($id: ID!, $dryRun: Boolean) {
    applyReorganisation(id: $id, dryRun: $dryRun) {
      dryRun
      awaitingSuccessor
      moves { reason authority to { id name } concern { id topic ward { name } } }
    }
  }
`);
