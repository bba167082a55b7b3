import { useEffect, useRef, useState } from 'react';

/** How often a live region may speak: numbers tick many times a second at a busy session. */
export const ANNOUNCE_EVERY_MS = 5_000;

/**
 * The text a polite live region should hold: follows `text`, but changes at most once per `everyMs`
 * (the latest value wins when the pause ends), so a screen reader is told of new numbers without
 * being flooded.
 */
export function useThrottledText(text: string, everyMs = ANNOUNCE_EVERY_MS): string {
  const [shown, setShown] = useState(text);
  const lastChange = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(text);
  latest.current = text;
  useEffect(() => {
    if (text === shown) return;
    if (timer.current) return; // the pending change will pick up the latest text
    const wait = Math.max(0, lastChange.current + everyMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastChange.current = Date.now();
      setShown(latest.current);
    }, wait);
  }, [text, shown, everyMs]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return shown;
}

/** A visually hidden polite status region announcing `text` at most once every few seconds. */
export function LiveAnnouncer({ text, everyMs }: { text: string; everyMs?: number }) {
  const shown = useThrottledText(text, everyMs);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {shown}
    </p>
  );
}
