import type { InputCardFragment } from '../../gql/graphql.js';
import { graphql } from '../../gql/index.js';

export const VoiceWardQuery = graphql(`
  query VoiceWard($wardId: ID!, $period: PeriodInput) {
    viewer { mayHandleInputs(wardId: $wardId) }
    wards { id name }
    ward(id: $wardId) {
      id name
      neighbourhoods { id name generated inputStats(period: $period) { received supporters selected answered } }
      inputStats { received supporters selected declined raised answered medianDaysToAnswer }
    }
    residentInputs(wardId: $wardId, first: 100) {
      edges { node { ...InputCard } }
    }
    sessions(wardId: $wardId, kind: PUBLIC, first: 10) {
      edges { node { id title status scheduledAt hostBody place mayManage agenda { ...AgendaItem } } }
    }
  }
  fragment AgendaItem on ResidentInput {
    id topic supporters status channel
    neighbourhood { name }
    concern { id response }
  }
  fragment InputCard on ResidentInput {
    id topic text supporters status channel receivedAt lookupCode hasContact contact note
    neighbourhood { id name }
    session { id title }
    concern { id status response }
    mergedInto { id topic }
  }
`);

export const SubmitInputMutation = graphql(`
  mutation SubmitInput($input: SubmitResidentInputInput!) {
    submitResidentInput(input: $input) { id topic supporters status lookupCode }
  }
`);

export const TriageInputMutation = graphql(`
  mutation TriageInput($input: TriageResidentInputInput!) {
    triageResidentInput(input: $input) { id status supporters session { id } mergedInto { id supporters } }
  }
`);

export const RaiseFromInputMutation = graphql(`
  mutation RaiseFromInput($inputId: ID!, $authority: Authority!, $requestId: String!) {
    raiseFromInput(inputId: $inputId, authority: $authority, requestId: $requestId) { id status topic }
  }
`);

/** A resident's input as the board, the minutes form and the agenda show it. */
export type Input = InputCardFragment;
