// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { setUpI18n } from '../../i18n/index.js';
import { PeriodPicker } from './PeriodPicker.js';
import { periodRange, type PeriodChoice } from '../../lib/period.js';

describe('periods in Ho Chi Minh City time', () => {
  it('starts a year at midnight in Ho Chi Minh City, 17:00 UTC the day before', () => {
    expect(periodRange({ kind: 'year', year: 2026 })).toEqual({ from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
  });

  it('covers a quarter from its first day to the first day of the next', () => {
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({ from: '2026-09-30T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
  });

  it('makes the interim review (sơ kết) the first half-year and the final review (tổng kết) the whole year', () => {
    expect(periodRange({ kind: 'review', review: 'interim', year: 2009 })).toEqual({ from: '2008-12-31T17:00:00.000Z', to: '2009-06-30T17:00:00.000Z' });
    expect(periodRange({ kind: 'review', review: 'final', year: 2009 })).toEqual(periodRange({ kind: 'year', year: 2009 }));
  });

  it('includes the last day of a custom range and refuses a reversed one', () => {
    expect(periodRange({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-28T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' });
    expect(periodRange({ kind: 'custom', from: '2026-04-01', to: '2026-03-01' })).toBeUndefined();
    expect(periodRange({ kind: 'all' })).toBeNull();
  });
});

describe('the period picker', () => {
  beforeAll(async () => {
    await setUpI18n('vi');
  });
  afterEach(cleanup);

  function Harness({ onChange }: { onChange(choice: PeriodChoice): void }) {
    const [value, setValue] = useState<PeriodChoice>({ kind: 'all' });
    return <PeriodPicker value={value} onChange={(next) => { setValue(next); onChange(next); }} />;
  }

  it('offers the review periods by their Vietnamese names and turns a choice into a range', () => {
    const seen: PeriodChoice[] = [];
    render(<Harness onChange={(choice) => seen.push(choice)} />);
    const kind = screen.getByLabelText('Loại kỳ');
    expect(screen.getByRole('option', { name: 'Sơ kết 6 tháng đầu năm' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Tổng kết năm' })).toBeTruthy();

    fireEvent.change(kind, { target: { value: 'interim' } });
    fireEvent.change(screen.getByLabelText('Năm'), { target: { value: '2008' } });
    expect(periodRange(seen.at(-1)!)).toEqual({ from: '2007-12-31T17:00:00.000Z', to: '2008-06-30T17:00:00.000Z' });

    fireEvent.change(kind, { target: { value: 'quarter' } });
    fireEvent.change(screen.getByLabelText('Quý'), { target: { value: '2' } });
    expect(seen.at(-1)).toMatchObject({ kind: 'quarter', year: 2008, quarter: 2 });
    expect(periodRange(seen.at(-1)!)).toEqual({ from: '2008-03-31T17:00:00.000Z', to: '2008-06-30T17:00:00.000Z' });
  });

  it('shows date fields for a custom range, typed dd/MM/yyyy', () => {
    const seen: PeriodChoice[] = [];
    render(<Harness onChange={(choice) => seen.push(choice)} />);
    fireEvent.change(screen.getByLabelText('Loại kỳ'), { target: { value: 'custom' } });
    expect(screen.getByLabelText<HTMLInputElement>('Từ ngày').value).toMatch(/^01\/01\/\d{4}$/);
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '01/02/2026' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '28/02/2026' } });
    expect(periodRange(seen.at(-1)!)).toEqual({ from: '2026-01-31T17:00:00.000Z', to: '2026-02-28T17:00:00.000Z' });
  });
});
