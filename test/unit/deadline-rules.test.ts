import { describe, expect, it } from 'vitest';
import { ANSWER_TIME_BINS, answerTimeBin, answerTimesFrom, percentileOf } from '../../functions/domain/figures/answer-times.js';
import { cleanDeadlineRule, DEFAULT_DEADLINE_RULES, withRule, workingDaysFor } from '../../functions/domain/concerns/deadline-rules.js';
import { InvalidInputError } from '../../functions/domain/kernel/errors.js';
import { AUTHORITIES } from '../../functions/domain/kernel/model.js';
import { totalsFrom } from '../../functions/store/counters.js';

describe('deadline rules', () => {
  it('has a default for every level, each with its source', () => {
    for (const authority of AUTHORITIES) {
      const rule = DEFAULT_DEADLINE_RULES.rules.find((r) => r.authority === authority && !r.sessionKind);
      expect(rule?.workingDays, authority).toBeGreaterThan(0);
      expect(rule?.source, authority).toMatch(/Law on Complaints 2011|Local policy/);
    }
  });

  it("uses a kind's own rule where it has one, the level's rule otherwise", () => {
    expect(workingDaysFor(DEFAULT_DEADLINE_RULES, 'DISTRICT', 'BUSINESS_TAX')).toBe(15);
    expect(workingDaysFor(DEFAULT_DEADLINE_RULES, 'DISTRICT', 'PUBLIC')).toBe(21);
    // A tax question at the first level is the Thuế cơ sở's since 1/7/2025: the tax office's time, not a ward's.
    expect(workingDaysFor(DEFAULT_DEADLINE_RULES, 'WARD', 'BUSINESS_TAX')).toBe(15);
    expect(workingDaysFor(DEFAULT_DEADLINE_RULES, 'WARD', 'PUBLIC')).toBe(10);
  });

  it('makes a new version replacing the rule of the same level and kind, or adding one', () => {
    const replaced = withRule(DEFAULT_DEADLINE_RULES, { authority: 'WARD', workingDays: 7, source: 'Local policy: x' }, '2026-12-02T00:00:00.000Z', 'admin');
    expect(replaced.version).toBe(1);
    expect(replaced.rules).toHaveLength(DEFAULT_DEADLINE_RULES.rules.length);
    expect(workingDaysFor(replaced, 'WARD', 'PUBLIC')).toBe(7);
    const added = withRule(replaced, { authority: 'CITY', sessionKind: 'THEMATIC', workingDays: 20, source: 'Local policy: y' }, '2026-12-02T00:00:00.000Z', 'admin');
    expect(added.version).toBe(2);
    expect(workingDaysFor(added, 'CITY', 'THEMATIC')).toBe(20);
    expect(workingDaysFor(added, 'CITY', 'PUBLIC')).toBe(32);
    expect(DEFAULT_DEADLINE_RULES.version).toBe(0);
  });

  it('refuses a rule with no whole number of days from 1 to 250, an unknown level or an empty source', () => {
    const ok = { authority: 'WARD', workingDays: 5, source: 'Local policy' };
    for (const bad of [{ workingDays: 0 }, { workingDays: 2.5 }, { workingDays: 251 }, { authority: 'PROVINCE' }, { sessionKind: 'PARTY' }, { source: '' }]) {
      expect(() => cleanDeadlineRule({ ...ok, ...bad }), JSON.stringify(bad)).toThrow(InvalidInputError);
    }
    expect(cleanDeadlineRule({ ...ok, sessionKind: null })).toEqual({ authority: 'WARD', workingDays: 5, source: 'Local policy' });
  });
});

describe('time-to-answer histograms', () => {
  it('bins exactly up to 60 working days and by upper bound beyond', () => {
    expect([0, 1, 60, 61, 70, 71, 400].map(answerTimeBin)).toEqual([0, 1, 60, 70, 70, 80, 500]);
    expect(answerTimeBin(1e9)).toBe(ANSWER_TIME_BINS.at(-1));
  });

  it('reads the nearest-rank median and 90th percentile off a histogram', () => {
    const h = new Map([[0, 1], [1, 1], [2, 1], [3, 1], [10, 1], [20, 1]]);
    expect(percentileOf(h, 0.5)).toBe(2);
    expect(percentileOf(h, 0.9)).toBe(20);
    expect(percentileOf(new Map(), 0.5)).toBeNull();
  });

  it('sums counters per level and for all levels, ignoring shards that hold zero', () => {
    const stats = answerTimesFrom(totalsFrom({ tta_WARD_3: 2, tta_WARD_5: 1, tta_CITY_20: 1, tta_DISTRICT_4: 0, concerns: 9 }));
    expect(stats[0]).toEqual({ authority: null, answered: 4, medianWorkingDays: 3, p90WorkingDays: 20 });
    expect(stats.find((s) => s.authority === 'WARD')).toEqual({ authority: 'WARD', answered: 3, medianWorkingDays: 3, p90WorkingDays: 5 });
    expect(stats.find((s) => s.authority === 'DISTRICT')).toEqual({ authority: 'DISTRICT', answered: 0, medianWorkingDays: null, p90WorkingDays: null });
  });
});
