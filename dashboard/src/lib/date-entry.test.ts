import { describe, expect, it } from 'vitest';
import { isoDateToText, parseDate, parseTime } from './date-entry.js';

describe('dates and times typed as the page writes them', () => {
  it('reads dd/MM/yyyy, whatever the separator, and refuses impossible dates', () => {
    expect(parseDate('15/01/2027')).toEqual({ ok: true, value: '2027-01-15' });
    expect(parseDate('5.1.2027')).toEqual({ ok: true, value: '2027-01-05' });
    expect(parseDate('29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDate('29/02/2027')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate('01/13/2027')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate('2027-01-15')).toEqual({ ok: false, reason: 'format' });
    expect(parseDate(' ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('reads a 24-hour time and refuses 24:00 and 9:75', () => {
    expect(parseTime('9:30')).toEqual({ ok: true, value: '09:30' });
    expect(parseTime('1430')).toEqual({ ok: true, value: '14:30' });
    expect(parseTime('24:00')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseTime('9:75')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseTime('9 PM')).toEqual({ ok: false, reason: 'format' });
  });

  it('shows an ISO date as dd/MM/yyyy', () => {
    expect(isoDateToText('2027-01-15')).toBe('15/01/2027');
    expect(isoDateToText('')).toBe('');
  });
});
