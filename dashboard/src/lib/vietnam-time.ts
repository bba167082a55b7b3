/**
 * Vietnam time for the dashboard: the API's own module (functions/domain/kernel/vietnam-time.ts), so the
 * offset and the calendar rules are written once for both.
 */
export * from '../../../functions/domain/kernel/vietnam-time.js';
