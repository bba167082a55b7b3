/** What a tax office's rounds add up to over a period: the figures /tax and the review report show. */
import type { BusinessSector } from '../kernel/model.js';
import type { TaxTopic } from '../kernel/tax-topics.js';

export interface SatisfactionStats {
  responses: number;
  average: number | null;
}

export interface TaxTopicStats {
  topic: TaxTopic;
  raised: number;
  answeredOnSpot: number;
  answeredInWriting: number;
  open: number;
  overdue: number;
  medianDaysToAnswer: number | null;
}

export interface TaxDialogueStats {
  rounds: number;
  businessesAttending: number;
  bySector: { sector: BusinessSector; count: number }[];
  questionsInAdvance: number;
  unclassified: number;
  byTopic: TaxTopicStats[];
  satisfaction: SatisfactionStats;
}
