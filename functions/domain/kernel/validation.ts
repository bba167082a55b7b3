import { InvalidInputError } from './errors.js';
import { requireText } from './input.js';
import { TAX_CODE_PATTERN } from './tax-code.js';

export const LIMITS = { title: 200, topic: 200, text: 4000, response: 4000, note: 4000, name: 300, hostBody: 300, requestId: 200 } as const;

/**
 * Normalises a person-written string (NFC, trimmed) and checks it: not empty, at most `max`
 * characters, no control characters (newlines allowed only where `multiline`).
 */
export function cleanText(value: string, field: string, max: number, options: { multiline?: boolean } = {}): string {
  return requireText(value, field, { max, multiline: options.multiline });
}

/** Like cleanText, for optional fields: null/undefined stay undefined; an empty string is refused. */
export function cleanOptionalText(value: string | null | undefined, field: string, max: number, options: { multiline?: boolean } = {}): string | undefined {
  if (value === null || value === undefined) return undefined;
  return cleanText(value, field, max, options);
}

/** A client-made request id: 1..200 visible ASCII characters. */
export function cleanRequestId(value: string): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new InvalidInputError('requestId must be 1 to 200 visible ASCII characters (a UUID is a good choice), made once per request by the client.', {
      field: 'requestId',
    });
  }
  return value;
}

/** An id argument: bounded and printable, so a bad one answers NOT_FOUND rather than reaching a key. */
export function isPlausibleId(value: string): boolean {
  return typeof value === 'string' && /^[\x21-\x7e]{1,100}$/.test(value);
}


/** A Vietnamese tax code (mã số thuế): 10 digits, or 10 digits + "-" + 3 digits for a branch. */
export function cleanTaxCode(value: string): string {
  const code = typeof value === 'string' ? value.trim() : '';
  if (!TAX_CODE_PATTERN.test(code)) {
    throw new InvalidInputError(`taxCode must be 10 digits, or 10 digits + "-" + 3 digits for a branch (e.g. "0301234567" or "0301234567-001"); got "${String(value).slice(0, 30)}".`, {
      field: 'taxCode',
    });
  }
  return code;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw new InvalidInputError(`${field} must be one of ${allowed.join(', ')}.`, { field });
  return value as T;
}

/** Relay page size: 1..100 (default 20). */
export function pageSize(first: number | null | undefined): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidInputError('first must be between 1 and 100.', { field: 'first' });
  return n;
}
