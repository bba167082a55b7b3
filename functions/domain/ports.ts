/**
 * Every port the domain's services use, gathered for the one place that implements them
 * (functions/store/, `createStores`) and the one that hands them out (functions/domain/index.ts). A
 * service imports only the ports it needs: the shared ones (kernel/ports.ts) and its capability's own.
 */
import type { SharedStores } from './kernel/ports.js';
import type { DeadlinesPort } from './concerns/ports.js';
import type { ReportsPort } from './reports/ports.js';
import type { WardsPort } from './units/ports.js';

export * from './kernel/ports.js';
export type * from './concerns/ports.js';
export type * from './reports/ports.js';
export type * from './units/ports.js';

export interface Stores extends SharedStores {
  wards: WardsPort;
  deadlines: DeadlinesPort;
  reports: ReportsPort;
}
