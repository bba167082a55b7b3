/** What the answer deadlines need of storage: the versions of the rule set. */
import type { DeadlineRuleSet } from './deadline-rules.js';

export type { DeadlineRule, DeadlineRuleSet } from './deadline-rules.js';

export interface DeadlinesPort {
  /** The newest stored version, or undefined while only the built-in version 0 exists. */
  readLatest(): Promise<DeadlineRuleSet | undefined>;
  readVersion(version: number): Promise<DeadlineRuleSet | undefined>;
  /** SharedStores a new version once; false when that version number was taken meanwhile (nothing written). */
  putVersion(set: DeadlineRuleSet): Promise<boolean>;
}
