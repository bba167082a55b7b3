/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AnswerForm =
  | 'IN_WRITING'
  | 'ON_THE_SPOT';

export type InputChannel =
  | 'NEIGHBOURHOOD_MEETING'
  | 'OFFICE'
  | 'PUBLIC_FORM'
  | 'RESIDENTIAL_GROUP';

export type InputStatus =
  | 'DECLINED'
  | 'MERGED'
  | 'RAISED'
  | 'RECEIVED'
  | 'SELECTED';

export type SessionStatus =
  | 'CLOSED'
  | 'LIVE'
  | 'SCHEDULED';

export type SubmitResidentInputInput = {
  channel: InputChannel;
  /** An optional phone or e-mail for the answer (PUBLIC_FORM only); needs contactConsent. */
  contact?: string | null | undefined;
  /** The resident agrees that the ward keeps the contact until the answer plus the retention period (docs/security.md). */
  contactConsent?: boolean | null | undefined;
  neighbourhoodId?: string | number | null | undefined;
  /** A repeat creates nothing new. */
  requestId: string;
  /** 1..10000: a neighbourhood meeting may hand in one item for many people */
  supporters?: number | null | undefined;
  /** 1..4000 characters */
  text: string;
  topic: string;
  wardId: string | number;
};

export type SubmitSatisfactionInput = {
  /** Up to 1000 characters, never public. */
  comment?: string | null | undefined;
  requestId: string;
  /** 1..5 */
  score: number;
  /** A CLOSED BUSINESS_TAX round, within 30 days of its close. */
  sessionId: string | number;
  /** A business that checked in to that round. */
  taxCode: string;
};

export type SubmitTaxQuestionInput = {
  /** A repeat creates nothing new. */
  requestId: string;
  /** A SCHEDULED BUSINESS_TAX round. */
  sessionId: string | number;
  /** The business asking; checked like Business.taxCode. */
  taxCode: string;
  /** 1..4000 characters */
  text: string;
  topic: TaxTopic;
};

export type TaxTopic =
  | 'ARREARS_PENALTIES'
  | 'DECLARATION_PAYMENT'
  | 'E_INVOICE'
  | 'HOUSEHOLD_BUSINESS'
  | 'LAND_AND_FEES'
  | 'NON_TAX'
  | 'PERSONAL_INCOME_TAX'
  | 'POLICY'
  | 'PROCEDURES'
  | 'REGISTRATION'
  | 'VAT_REFUND';

export type PublicTaxRoundsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicTaxRoundsQuery = { publicTaxRounds: Array<{ id: string, title: string, place: string | null, scheduledAt: string, status: SessionStatus, taxOffice: { id: string, name: string } | null, agenda: Array<{ topic: TaxTopic, businesses: number }> }>, ratableTaxRounds: Array<{ id: string, title: string, place: string | null, scheduledAt: string, status: SessionStatus, taxOffice: { id: string, name: string } | null, agenda: Array<{ topic: TaxTopic, businesses: number }> }> };

export type SendTaxQuestionMutationVariables = Exact<{
  input: SubmitTaxQuestionInput;
}>;


export type SendTaxQuestionMutation = { submitTaxQuestion: { lookupCode: string, status: InputStatus, topic: TaxTopic } };

export type LookUpTaxQuestionQueryVariables = Exact<{
  code: string;
}>;


export type LookUpTaxQuestionQuery = { lookupTaxQuestion: { code: string, topic: TaxTopic, status: InputStatus, receivedAt: string, roundTitle: string, roundAt: string, answer: string | null, answerForm: AnswerForm | null, answerDocument: string | null, answeredAt: string | null } | null };

export type PublishedTaxAnswersQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedTaxAnswersQuery = { publicTaxAnswers: Array<{ topic: TaxTopic, question: string, answer: string, answerForm: AnswerForm, answeredAt: string, taxOffice: { id: string, name: string } }> };

export type RateRoundMutationVariables = Exact<{
  input: SubmitSatisfactionInput;
}>;


export type RateRoundMutation = { submitSatisfaction: { responses: number, average: number | null } };

export type PublicWardsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicWardsQuery = { publicWards: Array<{ id: string, name: string, neighbourhoods: Array<{ id: string, name: string }> }> };

export type PublicDialoguesQueryVariables = Exact<{
  wardId: string | number;
}>;


export type PublicDialoguesQuery = { publicDialogues: { coming: Array<{ id: string, title: string, hostBody: string, place: string | null, scheduledAt: string, status: SessionStatus, agenda: Array<{ topic: string, supporters: number }> }>, past: Array<{ id: string, title: string, hostBody: string, place: string | null, scheduledAt: string, status: SessionStatus, agenda: Array<{ topic: string, supporters: number }>, answers: Array<{ topic: string, answer: string, answeredAt: string }> }> } };

export type SendOpinionMutationVariables = Exact<{
  input: SubmitResidentInputInput;
}>;


export type SendOpinionMutation = { submitResidentInput: { lookupCode: string, status: InputStatus, topic: string } };

export type LookUpQueryVariables = Exact<{
  code: string;
}>;


export type LookUpQuery = { lookupResidentInput: { code: string, topic: string, wardName: string, status: InputStatus, receivedAt: string, answer: string | null, answeredAt: string | null, dialogue: { title: string, scheduledAt: string, place: string | null } | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PublicTaxRoundsDocument = new TypedDocumentString(`
    query PublicTaxRounds {
  publicTaxRounds {
    id
    title
    place
    scheduledAt
    status
    taxOffice {
      id
      name
    }
    agenda {
      topic
      businesses
    }
  }
  ratableTaxRounds {
    id
    title
    place
    scheduledAt
    status
    taxOffice {
      id
      name
    }
    agenda {
      topic
      businesses
    }
  }
}
    `) as unknown as TypedDocumentString<PublicTaxRoundsQuery, PublicTaxRoundsQueryVariables>;
export const SendTaxQuestionDocument = new TypedDocumentString(`
    mutation SendTaxQuestion($input: SubmitTaxQuestionInput!) {
  submitTaxQuestion(input: $input) {
    lookupCode
    status
    topic
  }
}
    `) as unknown as TypedDocumentString<SendTaxQuestionMutation, SendTaxQuestionMutationVariables>;
export const LookUpTaxQuestionDocument = new TypedDocumentString(`
    query LookUpTaxQuestion($code: String!) {
  lookupTaxQuestion(code: $code) {
    code
    topic
    status
    receivedAt
    roundTitle
    roundAt
    answer
    answerForm
    answerDocument
    answeredAt
  }
}
    `) as unknown as TypedDocumentString<LookUpTaxQuestionQuery, LookUpTaxQuestionQueryVariables>;
export const PublishedTaxAnswersDocument = new TypedDocumentString(`
    query PublishedTaxAnswers {
  publicTaxAnswers(first: 100) {
    topic
    question
    answer
    answerForm
    answeredAt
    taxOffice {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PublishedTaxAnswersQuery, PublishedTaxAnswersQueryVariables>;
export const RateRoundDocument = new TypedDocumentString(`
    mutation RateRound($input: SubmitSatisfactionInput!) {
  submitSatisfaction(input: $input) {
    responses
    average
  }
}
    `) as unknown as TypedDocumentString<RateRoundMutation, RateRoundMutationVariables>;
export const PublicWardsDocument = new TypedDocumentString(`
    query PublicWards {
  publicWards {
    id
    name
    neighbourhoods {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PublicWardsQuery, PublicWardsQueryVariables>;
export const PublicDialoguesDocument = new TypedDocumentString(`
    query PublicDialogues($wardId: ID!) {
  publicDialogues(wardId: $wardId) {
    coming {
      id
      title
      hostBody
      place
      scheduledAt
      status
      agenda {
        topic
        supporters
      }
    }
    past {
      id
      title
      hostBody
      place
      scheduledAt
      status
      agenda {
        topic
        supporters
      }
      answers {
        topic
        answer
        answeredAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PublicDialoguesQuery, PublicDialoguesQueryVariables>;
export const SendOpinionDocument = new TypedDocumentString(`
    mutation SendOpinion($input: SubmitResidentInputInput!) {
  submitResidentInput(input: $input) {
    lookupCode
    status
    topic
  }
}
    `) as unknown as TypedDocumentString<SendOpinionMutation, SendOpinionMutationVariables>;
export const LookUpDocument = new TypedDocumentString(`
    query LookUp($code: String!) {
  lookupResidentInput(code: $code) {
    code
    topic
    wardName
    status
    receivedAt
    answer
    answeredAt
    dialogue {
      title
      scheduledAt
      place
    }
  }
}
    `) as unknown as TypedDocumentString<LookUpQuery, LookUpQueryVariables>;