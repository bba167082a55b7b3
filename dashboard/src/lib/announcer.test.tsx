// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveAnnouncer } from './announcer.js';

describe('the live announcer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('is a polite status region that speaks new numbers at most once every 5 s, the latest winning', () => {
    const { rerender } = render(<LiveAnnouncer text="Lượt tham dự: 1" />);
    const region = screen.getByTestId('live-announcer');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('Lượt tham dự: 1');
    rerender(<LiveAnnouncer text="Lượt tham dự: 2" />);
    void act(() => vi.advanceTimersByTime(0));
    expect(region.textContent).toBe('Lượt tham dự: 2'); // the first change after a quiet spell is spoken at once
    for (const n of [3, 4, 5]) {
      rerender(<LiveAnnouncer text={`Lượt tham dự: ${n}`} />);
      void act(() => vi.advanceTimersByTime(1_000));
      expect(region.textContent).toBe('Lượt tham dự: 2');
    }
    void act(() => vi.advanceTimersByTime(2_000));
    expect(region.textContent).toBe('Lượt tham dự: 5');
    rerender(<LiveAnnouncer text="Lượt tham dự: 6" />);
    void act(() => vi.advanceTimersByTime(4_900));
    expect(region.textContent).toBe('Lượt tham dự: 5');
    void act(() => vi.advanceTimersByTime(100));
    expect(region.textContent).toBe('Lượt tham dự: 6');
  });
});
