import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../functions/domain/kernel/errors.js';
import {
  findControlCharacter,
  isIdOfKind,
  isSameName,
  normalizeText,
  requireBoundedInt,
  requireText,
  requireUlid,
  requireWardId,
  textLength,
} from '../../functions/domain/kernel/input.js';

const TAN_HUNG_NFC = 'Tân Hưng';
const TAN_HUNG_NFD = 'Tân Hưng'.normalize('NFD');

const refusal = (fn: () => unknown): InvalidInputError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected a refusal');
};

describe('text normalisation', () => {
  it('makes "Tân Hưng" typed with combining marks the same string as the precomposed one', () => {
    expect(TAN_HUNG_NFD).not.toBe(TAN_HUNG_NFC);
    expect(normalizeText(TAN_HUNG_NFD)).toBe(TAN_HUNG_NFC);
    expect(requireText(`  ${TAN_HUNG_NFD} `, 'name', { max: 300 })).toBe(TAN_HUNG_NFC);
  });

  it('counts a Vietnamese letter once however it was typed', () => {
    expect(TAN_HUNG_NFD.length).toBeGreaterThan(TAN_HUNG_NFC.length);
    expect(textLength(TAN_HUNG_NFD)).toBe(8);
    expect(textLength('👩‍👩‍👧')).toBe(5); // code points, not UTF-16 units: no emoji trick doubles the limit
  });

  it('treats names that differ only in form, case or spacing as the same name', () => {
    expect(isSameName(TAN_HUNG_NFD, ' tân  hưng ')).toBe(true);
    expect(isSameName('Tân Hưng', 'Tân Hung')).toBe(false);
  });
});

describe('length bounds', () => {
  it('accepts exactly the maximum and refuses one character more, saying the limit', () => {
    expect(requireText('ệ'.repeat(200), 'title', { max: 200 })).toHaveLength(200);
    const error = refusal(() => requireText('ệ'.repeat(201), 'title', { max: 200 }));
    expect(error.message).toMatch(/title is 201 characters long; at most 200/);
    expect(error.details).toMatchObject({ field: 'title', max: 200 });
  });

  it('measures the bound after normalisation, so decomposed input is not penalised', () => {
    expect(requireText('ệ'.normalize('NFD').repeat(200), 'title', { max: 200 })).toBe('ệ'.repeat(200));
  });

  it('refuses empty and whitespace-only text', () => {
    expect(refusal(() => requireText('   ', 'topic', { max: 200 })).message).toMatch(/topic must not be empty/);
    expect(refusal(() => requireText(42, 'topic', { max: 200 })).message).toMatch(/topic must be text/);
  });
});

describe('control characters', () => {
  it.each([
    ['NUL', '\u0000'],
    ['escape (terminal colour codes in logs)', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['the line separator', '\u2028'],
    ['a right-to-left override', '\u202e'],
    ['a bidi isolate', '\u2066'],
  ])('refuses %s in a one-line field', (_name, control) => {
    expect(refusal(() => requireText(`Tân${control}Hưng`, 'title', { max: 200 })).message).toMatch(/control character/);
  });

  it('refuses a line break in a title but allows paragraphs in a concern text', () => {
    expect(refusal(() => requireText('dòng 1\ndòng 2', 'title', { max: 200 })).message).toMatch(/line break/);
    expect(requireText('dòng 1\r\n\tdòng 2', 'text', { max: 4000, multiline: true })).toBe('dòng 1\r\n\tdòng 2');
    expect(findControlCharacter('dòng 1\u0000', { multiline: true })).toBe(6);
  });
});

describe('id formats', () => {
  it('accepts the reference ward slugs and refuses anything else before a lookup', () => {
    expect(requireWardId('tan-thuan-dong')).toBe('tan-thuan-dong');
    for (const bad of ['Tan-Hung', 'tân-hưng', 'tan_hung', '-tan', 'tan--hung', '', 'a'.repeat(41), 'WARD#tan-hung', "tan-hung' OR 1=1", 42, null]) {
      expect(isIdOfKind(bad, 'ward')).toBe(false);
    }
    expect(refusal(() => requireWardId('WARD#x', 'input.wardId')).details).toEqual({ field: 'input.wardId' });
  });

  it('accepts ULIDs and refuses look-alikes', () => {
    expect(requireUlid('01JDX3K8Z9V5M2Q7R4T6W8Y0AB', 'sessionId')).toBe('01JDX3K8Z9V5M2Q7R4T6W8Y0AB');
    for (const bad of ['01JDX3K8Z9V5M2Q7R4T6W8Y0A', '01JDX3K8Z9V5M2Q7R4T6W8Y0ABC', '01jdx3k8z9v5m2q7r4t6w8y0ab', '01JDX3K8Z9V5M2Q7R4T6W8Y0AI', 'SESSION#01JDX3K8Z9V5M2Q7R4']) {
      expect(isIdOfKind(bad, 'ulid')).toBe(false);
    }
    expect(refusal(() => requireUlid('x'.repeat(5000), 'concernId')).message).toMatch(/concernId must be an id returned by this API/);
  });
});

describe('bounded numbers', () => {
  it('accepts the bounds and refuses what lies outside, fractions and non-numbers', () => {
    expect(requireBoundedInt(1, 'count', 1, 10_000)).toBe(1);
    expect(requireBoundedInt(10_000, 'count', 1, 10_000)).toBe(10_000);
    for (const bad of [0, 10_001, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '5', null]) {
      expect(refusal(() => requireBoundedInt(bad, 'count', 1, 10_000)).message).toMatch(/count must be a whole number from 1 to 10000/);
    }
  });
});
