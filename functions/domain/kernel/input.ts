import { InvalidInputError } from './errors.js';

/**
 * Shared input rules: pure functions with no I/O, callable from the domain, the auth code and the
 * realtime code alike. The domain's own field rules (functions/domain/kernel/validation.ts: cleanText,
 * cleanRequestId, pageSize, ...) are built on the same principles; these add the ID formats and the
 * general checks. Each refusal is an InvalidInputError (BAD_USER_INPUT) saying what to send instead.
 */

/** The identifier formats of this system. Anything else is refused before it reaches a key. */
export const ID_FORMATS = {
  /** Reference ward ids are slugs (functions/data/units.json): `phu-thuan`, `tan-hung`, ... */
  ward: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** Sessions, concerns, activities and businesses get ULIDs (26 Crockford base-32 characters). */
  ulid: /^[0-9A-HJKMNP-TV-Z]{26}$/,
  /** A client-made request id: visible ASCII (a UUID is typical). */
  requestId: /^[\x21-\x7e]+$/,
} as const;

export const ID_MAX_LENGTH = { ward: 40, ulid: 26, requestId: 200 } as const;

// C0 and C1 controls, DEL, the Unicode line/paragraph separators, and the bidirectional overrides
// that make text display differently from what it contains (the "Trojan Source" trick).
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL_ANY = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
// The same, but tab, LF and CR are allowed: long texts have paragraphs.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** NFC-normalises and trims: "Tân Hưng" typed with combining marks (NFD) becomes the same string as the precomposed one. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Length as a person counts it: code points of the NFC form (a Vietnamese "ệ" is one, however it was typed). */
export function textLength(value: string): number {
  return [...value.normalize('NFC')].length;
}

/** The index of the first control character (line breaks and tabs allowed when `multiline`), or -1. */
export function findControlCharacter(value: string, options: { multiline?: boolean } = {}): number {
  const match = (options.multiline ? CONTROL_MULTILINE : CONTROL_ANY).exec(value);
  return match ? match.index : -1;
}

/** True when two names are the same once normalised: NFC, trimmed, inner whitespace collapsed, case folded. */
export function isSameName(a: string, b: string): boolean {
  const fold = (s: string) => normalizeText(s).replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
  return fold(a) === fold(b);
}

/**
 * Normalises a person-written string and checks it: NFC, trimmed, `min`..`max` characters, no
 * control characters (line breaks only where `multiline`). Returns the normalised text.
 */
export function requireText(value: unknown, field: string, bounds: { min?: number; max: number; multiline?: boolean }): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${field} must be text.`, { field });
  const text = normalizeText(value);
  const min = bounds.min ?? 1;
  const length = textLength(text);
  if (length < min) throw new InvalidInputError(min === 1 ? `${field} must not be empty.` : `${field} must be at least ${min} characters long.`, { field, min });
  if (length > bounds.max) {
    throw new InvalidInputError(`${field} is ${length} characters long; at most ${bounds.max} are allowed. Shorten it and send it again.`, { field, max: bounds.max });
  }
  if (findControlCharacter(text, { multiline: bounds.multiline }) >= 0) {
    throw new InvalidInputError(`${field} contains a control character${bounds.multiline ? '' : ' or a line break'}; remove it and send it again.`, { field });
  }
  return text;
}

/** True when `value` has the format of a `kind` id (checked before any lookup). */
export function isIdOfKind(value: unknown, kind: keyof typeof ID_FORMATS): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= ID_MAX_LENGTH[kind] && ID_FORMATS[kind].test(value);
}

/** A ward id argument or claim: a known-format slug, or a BAD_USER_INPUT naming the field. */
export function requireWardId(value: unknown, field = 'wardId'): string {
  if (!isIdOfKind(value, 'ward')) {
    throw new InvalidInputError(`${field} must be a ward id such as "tan-hung" (lower-case letters, digits and dashes, at most ${ID_MAX_LENGTH.ward}); Query.wards lists them.`, { field });
  }
  return value;
}

/** An id this system generated (session, concern, business, activity): a ULID, or a BAD_USER_INPUT naming the field. */
export function requireUlid(value: unknown, field: string): string {
  if (!isIdOfKind(value, 'ulid')) {
    throw new InvalidInputError(`${field} must be an id returned by this API (26 letters and digits); check that it was copied whole.`, { field });
  }
  return value;
}

/** A whole number within [min, max], or a BAD_USER_INPUT saying the bounds. */
export function requireBoundedInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${field} must be a whole number from ${min} to ${max}; got ${typeof value === 'number' ? value : typeof value}.`, { field, min, max });
  }
  return value;
}
