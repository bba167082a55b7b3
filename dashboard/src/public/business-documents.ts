import { graphql } from './gql/index.js';

// The businesses' public page's operations: what the public gate opens without a token for the tax
// office's dialogues (functions/graphql/public-access.ts, PUBLIC_SHAPES).

export const TaxRoundsQuery = graphql(`
  query PublicTaxRounds {
    publicTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }
    ratableTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }
  }
`);

export const SendTaxQuestionMutation = graphql(`
  mutation SendTaxQuestion($input: SubmitTaxQuestionInput!) {
    submitTaxQuestion(input: $input) { lookupCode status topic }
  }
`);

export const LookUpTaxQuestionQuery = graphql(`
  query LookUpTaxQuestion($code: String!) {
    lookupTaxQuestion(code: $code) { code topic status receivedAt roundTitle roundAt answer answerForm answerDocument answeredAt }
  }
`);

export const PublishedAnswersQuery = graphql(`
  query PublishedTaxAnswers {
    publicTaxAnswers(first: 100) { topic question answer answerForm answeredAt taxOffice { id name } }
  }
`);

export const RateRoundMutation = graphql(`
  mutation RateRound($input: SubmitSatisfactionInput!) {
    submitSatisfaction(input: $input) { responses average }
  }
`);
