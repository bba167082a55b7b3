/**
 * A Vietnamese tax code (mã số thuế): 10 digits, or 10 digits, "-" and a 3-digit branch number.
 * Pure, no imports: the dashboard checks a code as it is typed with the same pattern
 * (dashboard/src/features/logging/tax-code.ts).
 */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
