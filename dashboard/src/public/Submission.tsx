import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { ApiError } from './api.js';
import { refusalText } from './page-kit.js';

/** A public form's sending, as its reader sees it: not yet, on its way, received (with the answer), or refused in words. */
export type Submission<T> = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; result: T } | { kind: 'refused'; message: string; field?: string };

/**
 * What the public pages' forms share: one requestId per item (a second press, or a retry after a lost
 * answer, sends the same one, so nothing is written twice), the refusal in words with the field it
 * names, and the focus moved to the result for screen readers.
 */
export function useSubmission<T>(words: { tooMany(s: string): string; failed: string }) {
  const [state, setState] = useState<Submission<T>>({ kind: 'idle' });
  const requestId = useRef<string>(crypto.randomUUID());
  const resultRef = useRef<HTMLDivElement>(null);
  async function submit(event: FormEvent, send: (requestId: string) => Promise<T>, onSent?: (result: T) => void) {
    event.preventDefault();
    if (state.kind === 'sending') return;
    setState({ kind: 'sending' });
    try {
      const result = await send(requestId.current);
      setState({ kind: 'sent', result });
      onSent?.(result);
      requestId.current = crypto.randomUUID();
    } catch (e) {
      setState({ kind: 'refused', message: refusalText(e, words), field: e instanceof ApiError ? e.field : undefined });
    }
    requestAnimationFrame(() => resultRef.current?.focus());
  }
  /** aria-invalid for the field the last refusal named. */
  const invalid = (field: string) => (state.kind === 'refused' && state.field === field ? true : undefined);
  return { state, submit, invalid, resultRef };
}

/** Where a form's result is announced: the receipt once sent, the refusal as an alert. */
export function SubmissionResult<T>({ submission, resultRef, receipt }: { submission: Submission<T>; resultRef: RefObject<HTMLDivElement | null>; receipt(result: T): ReactNode }) {
  return (
    <div ref={resultRef} tabIndex={-1} aria-live="polite">
      {submission.kind === 'sent' ? receipt(submission.result) : null}
      {submission.kind === 'refused' ? <p role="alert">{submission.message}</p> : null}
    </div>
  );
}
