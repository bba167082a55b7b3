import { graphql } from '../../gql/index.js';

// The tax office's board of questions sent in advance: its rounds, each round's questions and agenda.

export const TaxRoundsQuery = graphql(`
  query TaxRounds {
    sessions(kind: BUSINESS_TAX, first: 30) {
      edges { node { id title status scheduledAt place hostBody mayManage taxOffice { id name level parent { id name } } } }
    }
  }
`);

export const TaxQuestionsQuery = graphql(`
  query TaxQuestionsBoard($sessionId: ID!) {
    taxQuestions(sessionId: $sessionId, first: 100) { edges { node { ...TaxQuestionCard } } }
    session(id: $sessionId) { id taxAgenda { ...TaxQuestionCard } }
  }
  fragment TaxQuestionCard on TaxQuestion {
    id topic text status receivedAt supporters lookupCode note
    business { id name taxCode }
    mergedInto { id topic }
    concern { id status responsibleBody answerForm answerDocument response }
  }
`);

export const TriageTaxQuestionMutation = graphql(`
  mutation TriageTaxQuestion($input: TriageTaxQuestionInput!) {
    triageTaxQuestion(input: $input) { id status supporters note mergedInto { id supporters } }
  }
`);

export const RaiseFromTaxQuestionMutation = graphql(`
  mutation RaiseFromTaxQuestion($questionId: ID!, $authority: Authority!, $requestId: String!) {
    raiseFromTaxQuestion(questionId: $questionId, authority: $authority, requestId: $requestId) { id status topic taxTopic responsibleBody }
  }
`);
