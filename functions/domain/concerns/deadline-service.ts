import type { DeadlinesPort } from './ports.js';
import type { Actor } from '../kernel/actor.js';
import { assertMayChangeDeadlineRules } from '../access/authorization.js';
import type { Clock } from '../kernel/clock.js';
import { cleanDeadlineRule, DEFAULT_DEADLINE_RULES, withRule, type DeadlineRuleSet, type SetDeadlineRuleInput } from './deadline-rules.js';
import { ConflictError } from '../kernel/errors.js';

export function createDeadlineService(stores: { deadlines: DeadlinesPort }, clock: Clock) {
  // A stored version never changes: the service keeps those it has read (per table, not per process).
  const versions = new Map<number, DeadlineRuleSet>([[0, DEFAULT_DEADLINE_RULES]]);
  return {
    /** The rules in force now: the newest stored version, or the built-in defaults (version 0). */
    async currentRules(): Promise<DeadlineRuleSet> {
      return (await stores.deadlines.readLatest()) ?? DEFAULT_DEADLINE_RULES;
    },

    /** One version of the rules (a concern keeps the version it was raised under). */
    async rulesOfVersion(version: number): Promise<DeadlineRuleSet> {
      const known = versions.get(version);
      if (known) return known;
      const stored = await stores.deadlines.readVersion(version);
      if (!stored) return DEFAULT_DEADLINE_RULES;
      versions.set(version, stored);
      return stored;
    },

    /**
     * An admin sets the time allowed at one level (and kind of session, if given): a new version of the
     * rules, for concerns raised from now on. Others: FORBIDDEN; bad input: BAD_USER_INPUT; nothing written.
     */
    async setDeadlineRule(actor: Actor, input: SetDeadlineRuleInput): Promise<DeadlineRuleSet> {
      assertMayChangeDeadlineRules(actor);
      const rule = cleanDeadlineRule(input);
      const current = (await stores.deadlines.readLatest()) ?? DEFAULT_DEADLINE_RULES;
      const next = withRule(current, rule, clock().toISOString(), actor.id);
      if (!(await stores.deadlines.putVersion(next))) {
        throw new ConflictError(`The deadline rules were changed by someone else meanwhile (version ${next.version} exists); reload them and decide again.`, { version: next.version });
      }
      versions.set(next.version, next);
      return next;
    },
  };
}
export type DeadlineService = ReturnType<typeof createDeadlineService>;
