/* eslint-disable */
import * as types from './graphql.js';



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
    "\n  query PublicTaxRounds {\n    publicTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }\n    ratableTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }\n  }\n": typeof types.PublicTaxRoundsDocument,
    "\n  mutation SendTaxQuestion($input: SubmitTaxQuestionInput!) {\n    submitTaxQuestion(input: $input) { lookupCode status topic }\n  }\n": typeof types.SendTaxQuestionDocument,
    "\n  query LookUpTaxQuestion($code: String!) {\n    lookupTaxQuestion(code: $code) { code topic status receivedAt roundTitle roundAt answer answerForm answerDocument answeredAt }\n  }\n": typeof types.LookUpTaxQuestionDocument,
    "\n  query PublishedTaxAnswers {\n    publicTaxAnswers(first: 100) { topic question answer answerForm answeredAt taxOffice { id name } }\n  }\n": typeof types.PublishedTaxAnswersDocument,
    "\n  mutation RateRound($input: SubmitSatisfactionInput!) {\n    submitSatisfaction(input: $input) { responses average }\n  }\n": typeof types.RateRoundDocument,
    "\n  query PublicWards {\n    publicWards { id name neighbourhoods { id name } }\n  }\n": typeof types.PublicWardsDocument,
    "\n  query PublicDialogues($wardId: ID!) {\n    publicDialogues(wardId: $wardId) {\n      coming { id title hostBody place scheduledAt status agenda { topic supporters } }\n      past { id title hostBody place scheduledAt status agenda { topic supporters } answers { topic answer answeredAt } }\n    }\n  }\n": typeof types.PublicDialoguesDocument,
    "\n  mutation SendOpinion($input: SubmitResidentInputInput!) {\n    submitResidentInput(input: $input) { lookupCode status topic }\n  }\n": typeof types.SendOpinionDocument,
    "\n  query LookUp($code: String!) {\n    lookupResidentInput(code: $code) {\n      code topic wardName status receivedAt answer answeredAt\n      dialogue { title scheduledAt place }\n    }\n  }\n": typeof types.LookUpDocument,
};
const documents: Documents = {
    "\n  query PublicTaxRounds {\n    publicTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }\n    ratableTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }\n  }\n": types.PublicTaxRoundsDocument,
    "\n  mutation SendTaxQuestion($input: SubmitTaxQuestionInput!) {\n    submitTaxQuestion(input: $input) { lookupCode status topic }\n  }\n": types.SendTaxQuestionDocument,
    "\n  query LookUpTaxQuestion($code: String!) {\n    lookupTaxQuestion(code: $code) { code topic status receivedAt roundTitle roundAt answer answerForm answerDocument answeredAt }\n  }\n": types.LookUpTaxQuestionDocument,
    "\n  query PublishedTaxAnswers {\n    publicTaxAnswers(first: 100) { topic question answer answerForm answeredAt taxOffice { id name } }\n  }\n": types.PublishedTaxAnswersDocument,
    "\n  mutation RateRound($input: SubmitSatisfactionInput!) {\n    submitSatisfaction(input: $input) { responses average }\n  }\n": types.RateRoundDocument,
    "\n  query PublicWards {\n    publicWards { id name neighbourhoods { id name } }\n  }\n": types.PublicWardsDocument,
    "\n  query PublicDialogues($wardId: ID!) {\n    publicDialogues(wardId: $wardId) {\n      coming { id title hostBody place scheduledAt status agenda { topic supporters } }\n      past { id title hostBody place scheduledAt status agenda { topic supporters } answers { topic answer answeredAt } }\n    }\n  }\n": types.PublicDialoguesDocument,
    "\n  mutation SendOpinion($input: SubmitResidentInputInput!) {\n    submitResidentInput(input: $input) { lookupCode status topic }\n  }\n": types.SendOpinionDocument,
    "\n  query LookUp($code: String!) {\n    lookupResidentInput(code: $code) {\n      code topic wardName status receivedAt answer answeredAt\n      dialogue { title scheduledAt place }\n    }\n  }\n": types.LookUpDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicTaxRounds {\n    publicTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }\n    ratableTaxRounds { id title place scheduledAt status taxOffice { id name } agenda { topic businesses } }\n  }\n"): typeof import('./graphql.js').PublicTaxRoundsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTaxQuestion($input: SubmitTaxQuestionInput!) {\n    submitTaxQuestion(input: $input) { lookupCode status topic }\n  }\n"): typeof import('./graphql.js').SendTaxQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookUpTaxQuestion($code: String!) {\n    lookupTaxQuestion(code: $code) { code topic status receivedAt roundTitle roundAt answer answerForm answerDocument answeredAt }\n  }\n"): typeof import('./graphql.js').LookUpTaxQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedTaxAnswers {\n    publicTaxAnswers(first: 100) { topic question answer answerForm answeredAt taxOffice { id name } }\n  }\n"): typeof import('./graphql.js').PublishedTaxAnswersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateRound($input: SubmitSatisfactionInput!) {\n    submitSatisfaction(input: $input) { responses average }\n  }\n"): typeof import('./graphql.js').RateRoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicWards {\n    publicWards { id name neighbourhoods { id name } }\n  }\n"): typeof import('./graphql.js').PublicWardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicDialogues($wardId: ID!) {\n    publicDialogues(wardId: $wardId) {\n      coming { id title hostBody place scheduledAt status agenda { topic supporters } }\n      past { id title hostBody place scheduledAt status agenda { topic supporters } answers { topic answer answeredAt } }\n    }\n  }\n"): typeof import('./graphql.js').PublicDialoguesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendOpinion($input: SubmitResidentInputInput!) {\n    submitResidentInput(input: $input) { lookupCode status topic }\n  }\n"): typeof import('./graphql.js').SendOpinionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookUp($code: String!) {\n    lookupResidentInput(code: $code) {\n      code topic wardName status receivedAt answer answeredAt\n      dialogue { title scheduledAt place }\n    }\n  }\n"): typeof import('./graphql.js').LookUpDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
