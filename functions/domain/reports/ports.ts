/** What the review reports need of storage. */
import type { Activity } from '../kernel/model.js';
import type { RawPage } from '../kernel/pages.js';
import type { ReviewReport, ReviewReportStatus } from './report-model.js';

export type { ReviewReport } from './report-model.js';

export interface ReviewReportFilter {
  wardId?: string;
  district?: boolean;
  taxOfficeId?: string;
  status?: ReviewReportStatus;
}

export interface ReportsPort {
  getReport(id: string, consistent?: boolean): Promise<ReviewReport | undefined>;
  createReport(report: ReviewReport, activity: Activity): Promise<void>;
  /** Replaces a draft if it is still the one `previousUpdatedAt` describes; false when it changed meanwhile. */
  replaceDraft(report: ReviewReport, previousUpdatedAt: string, activity: Activity): Promise<boolean>;
  listReports(filter: ReviewReportFilter, first: number, after?: string | null): Promise<RawPage & { reports: ReviewReport[] }>;
}
