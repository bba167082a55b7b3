import { describe, expect, it } from 'vitest';
import { checkTaxCode } from './tax-code.js';

describe('tax codes as Vietnamese users type them', () => {
  it('checks a tax code as it is typed', () => {
    expect(checkTaxCode('')).toBe('empty');
    expect(checkTaxCode('03012')).toBe('incomplete');
    expect(checkTaxCode('0301234567')).toBe('valid');
    expect(checkTaxCode('0301234567-00')).toBe('incomplete');
    expect(checkTaxCode('0301234567-001')).toBe('valid');
    expect(checkTaxCode('03012a')).toBe('invalid');
    expect(checkTaxCode('03012345678')).toBe('invalid');
  });});
