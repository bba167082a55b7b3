import { describe, expect, it } from 'vitest';
import { previousPeriod } from '../../functions/domain/reports/report-service.js';
import { startOfVietnamDate } from '../../functions/domain/kernel/vietnam-time.js';

const day = startOfVietnamDate;

describe("a report's previous period", () => {
  it('is the year before for a year, leap day included, and as many calendar months before for whole months', () => {
    expect(previousPeriod({ from: day('2025-01-01'), to: day('2026-01-01') })).toEqual({ from: day('2024-01-01'), to: day('2025-01-01') });
    expect(previousPeriod({ from: day('2006-01-01'), to: day('2011-01-01') })).toEqual({ from: day('2001-01-01'), to: day('2006-01-01') });
    expect(previousPeriod({ from: day('2026-03-01'), to: day('2026-04-01') })).toEqual({ from: day('2026-02-01'), to: day('2026-03-01') });
    expect(previousPeriod({ from: day('2026-01-01'), to: day('2026-07-01') })).toEqual({ from: day('2025-07-01'), to: day('2026-01-01') });
  });

  it('is the same length just before for any other period', () => {
    expect(previousPeriod({ from: day('2026-03-15'), to: day('2026-04-15') })).toEqual({ from: day('2026-02-12'), to: day('2026-03-15') });
    expect(previousPeriod({ from: '2026-03-01T03:00:00.000Z', to: '2026-03-01T05:00:00.000Z' })).toEqual({ from: '2026-03-01T01:00:00.000Z', to: '2026-03-01T03:00:00.000Z' });
  });
});
