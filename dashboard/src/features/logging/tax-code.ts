import { TAX_CODE_PATTERN } from '../../../../functions/domain/kernel/tax-code.js';

export type TaxCodeCheck = 'empty' | 'incomplete' | 'invalid' | 'valid';

/** Checks a tax code as it is typed: digits so far are `incomplete`, anything else out of shape is `invalid`. */
export function checkTaxCode(input: string): TaxCodeCheck {
  const value = input.trim();
  if (value === '') return 'empty';
  if (TAX_CODE_PATTERN.test(value)) return 'valid';
  if (/^\d{0,9}$/.test(value) || /^\d{10}-\d{0,2}$/.test(value)) return 'incomplete';
  return 'invalid';
}
