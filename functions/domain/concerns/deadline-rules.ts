/**
 * How long an authority has to answer a concern, in working days (functions/domain/kernel/working-days.ts),
 * per authority level and, where it differs, per kind of session the concern was raised in. The rules
 * are data: version 0 is DEFAULT_DEADLINE_RULES below; an admin's change stores version n + 1, which
 * applies to concerns raised afterwards (a concern keeps the version it was raised under, also when it
 * is escalated). docs/guide.md, "Deadlines" lists the defaults with their sources.
 */
import { InvalidInputError } from '../kernel/errors.js';
import { AUTHORITIES, SESSION_KINDS, type Authority, type SessionKind } from '../kernel/model.js';
import { cleanText, oneOf } from '../kernel/validation.js';

export interface DeadlineRule {
  authority: Authority;
  /** The kind of session the rule is for; absent: any kind without a rule of its own. */
  sessionKind?: SessionKind;
  workingDays: number;
  /** The legal source the time limit comes from, or "Local policy: …". */
  source: string;
}

export interface DeadlineRuleSet {
  version: number;
  /** When and by whom this version was made (absent for the built-in version 0). */
  changedAt?: string;
  changedBy?: string;
  rules: DeadlineRule[];
}

// Sources checked against the texts (docs/guide.md, "Deadlines"): the Law on Complaints 2011 gives 30 days from
// acceptance for a first-time complaint (45 for a complex case), art. 28, and 45 days (60 for a complex
// case) for a second-time one, art. 37. Those are calendar days; the defaults below are their nearest
// whole number of working days (5 working days a week), rounded down.
export const DEFAULT_DEADLINE_RULES: DeadlineRuleSet = {
  version: 0,
  rules: [
    {
      authority: 'WARD',
      workingDays: 10,
      source: 'Local policy since the rollout of 2006–2010, kept by the wards formed on 1/7/2025: a ward answers what was raised at its dialogue within 10 working days.',
    },
    {
      // From 1/7/2025 a tax question's first level is the Thuế cơ sở, which WARD names on the tax
      // office's line (functions/domain/units/tax-offices.ts): the same time as its predecessor had.
      authority: 'WARD',
      sessionKind: 'BUSINESS_TAX',
      workingDays: 15,
      source: 'Local policy of the tax office (Thuế cơ sở 7 Thành phố Hồ Chí Minh, as the district tax office before it): questions raised at a tax dialogue round are answered within 15 working days. Not a legal time limit.',
    },
    {
      authority: 'DISTRICT',
      workingDays: 21,
      source: 'Law on Complaints 2011 (Luật Khiếu nại 02/2011/QH13), art. 28: first-time settlement within 30 days of acceptance; 30 days ≈ 21 working days.',
    },
    {
      authority: 'DISTRICT',
      sessionKind: 'BUSINESS_TAX',
      workingDays: 15,
      source: 'Local policy of the District 7 tax office (Chi cục Thuế Quận 7): questions raised at a tax dialogue round are answered within 15 working days.',
    },
    {
      authority: 'CITY',
      workingDays: 32,
      source: 'Law on Complaints 2011, art. 37: second-time settlement within 45 days of acceptance; 45 days ≈ 32 working days.',
    },
    {
      authority: 'CENTRAL',
      workingDays: 42,
      source: 'Law on Complaints 2011, art. 37: a complex second-time case within 60 days of acceptance; 60 days ≈ 42 working days.',
    },
  ],
};

export const MAX_WORKING_DAYS = 250;

/** The working days a rule set allows for a concern at `authority` raised in a session of `kind`. */
export function workingDaysFor(set: DeadlineRuleSet, authority: Authority, kind: SessionKind): number {
  const rule = set.rules.find((r) => r.authority === authority && r.sessionKind === kind) ?? set.rules.find((r) => r.authority === authority && !r.sessionKind);
  // Every set has a rule for each authority without a kind (checked when a set is made); the default is a guard.
  return rule?.workingDays ?? DEFAULT_DEADLINE_RULES.rules.find((r) => r.authority === authority && !r.sessionKind)!.workingDays;
}

export interface SetDeadlineRuleInput {
  authority: string;
  sessionKind?: string | null;
  workingDays: number;
  source: string;
}

/** The checked rule of an admin's input, or BAD_USER_INPUT naming what is wrong. */
export function cleanDeadlineRule(input: SetDeadlineRuleInput): DeadlineRule {
  const authority = oneOf(input.authority, AUTHORITIES, 'authority') as Authority;
  const sessionKind = input.sessionKind ? (oneOf(input.sessionKind, SESSION_KINDS, 'sessionKind') as SessionKind) : undefined;
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > MAX_WORKING_DAYS) {
    throw new InvalidInputError(`workingDays must be a whole number of working days from 1 to ${MAX_WORKING_DAYS}; got ${input.workingDays}.`, { field: 'workingDays' });
  }
  const source = cleanText(input.source, 'source', 500);
  return { authority, ...(sessionKind ? { sessionKind } : {}), workingDays: input.workingDays, source };
}

/** The set after replacing (or adding) the rule for the same authority and kind. */
export function withRule(set: DeadlineRuleSet, rule: DeadlineRule, at: string, by: string): DeadlineRuleSet {
  const same = (r: DeadlineRule) => r.authority === rule.authority && (r.sessionKind ?? null) === (rule.sessionKind ?? null);
  const rules = set.rules.some(same) ? set.rules.map((r) => (same(r) ? rule : r)) : [...set.rules, rule];
  const order = (r: DeadlineRule) => AUTHORITIES.indexOf(r.authority) * 10 + (r.sessionKind ? SESSION_KINDS.indexOf(r.sessionKind) + 1 : 0);
  return { version: set.version + 1, changedAt: at, changedBy: by, rules: rules.sort((a, b) => order(a) - order(b)) };
}
