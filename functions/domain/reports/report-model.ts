import type { TaxDialogueStats } from '../tax/tax-stats.js';
/**
 * Review reports as the domain and the resolvers see them: the figures of a period
 * (report-service.ts reads them) and the ReviewReport document that freezes them when issued
 * (review-report-service.ts). Plain data: the store keeps them as they are.
 */
import type { InputStats } from '../voice/input-stats.js';
import type { AttendeeCategory, Authority, BusinessSector, ConcernOutcomes, ConcernStatus, Connection, SessionKind } from '../kernel/model.js';
import type { Period } from '../kernel/period.js';
import type { RolloutWave } from '../units/wards.js';

type CategoryCount = { category: AttendeeCategory; count: number };

export interface ReportTotals {
  period: Period;
  sessions: number;
  attendance: number;
  concerns: number;
  concernsClosed: number;
  taxRounds: number;
  businessesEngaged: number;
}

export interface ReportWaitingConcern {
  concernId: string;
  topic: string;
  wardId?: string;
  wardName?: string;
  authority: Authority;
  status: ConcernStatus;
  raisedAt: string;
  daysWaited: number;
  /** The answer's deadline at the concern's level, when it has one. */
  dueAt?: string;
  /** Still waiting after dueAt, when the figures were read. */
  overdue: boolean;
}

/** The units a review report's period covers: those in force at its start and at its end, and the change between. */
export interface ReportUnits {
  atStart: { wardId: string; wardName: string }[];
  atEnd: { wardId: string; wardName: string }[];
  /** Set when a reorganisation took effect inside the period. */
  change?: { effectiveAt: string; legalBasis: string; explanation: string };
}

/** Every figure of a review report (also the frozen snapshot of an issued one: plain JSON). */
export interface ReportFigures {
  period: Period;
  wardId?: string;
  wardName?: string;
  generatedAt: string;
  totals: ReportTotals;
  attendanceByCategory: CategoryCount[];
  wards: { wardId: string; wardName: string; rolloutWave: RolloutWave; sessions: number; attendance: number; concerns: number; concernsClosed: number }[];
  waves: { wave: RolloutWave; wards: number; sessions: number; attendance: number }[];
  kinds: { kind: SessionKind; sessions: number; attendance: number }[];
  thematicDialogues: { sessionId: string; title: string; hostBody: string; scheduledAt: string; attendance: number; attendanceByCategory: CategoryCount[] }[];
  /** The thematic dialogues together, by attendee category (the source report: 3 youth dialogues, 396 + 122). Absent only in snapshots frozen before it existed (figuresOf fills it in). */
  thematicTotals?: { sessions: number; attendance: number; attendanceByCategory: CategoryCount[] };
  /** The units the period covers; `change` says why two sets are named when a reorganisation falls inside it (figuresOf fills it in for older snapshots). */
  units?: ReportUnits;
  tax: { rounds: number; businessesEngaged: number; bySector: { sector: BusinessSector; businesses: number }[]; outcomes: ConcernOutcomes; escalatedToCity: number };
  concerns: {
    raised: number;
    answeredOnSpot: number;
    resolvedByWard: number;
    resolvedByDistrict: number;
    escalatedWaiting: number;
    answeredAfterEscalation: number;
    waiting: number;
    /** Of the waiting ones, those past their deadline when the figures were read. */
    overdue: number;
    outcomes: ConcernOutcomes;
    byLevel: { status: ConcernStatus; authority: Authority; count: number }[];
  };
  waitingConcerns: ReportWaitingConcern[];
  /** The overdue ones among them, most overdue first (at most WAITING_LISTED). */
  overdueConcerns: ReportWaitingConcern[];
  previous: ReportTotals;
  /** Residents' inputs received in the period and what became of them (absent in snapshots frozen before they were counted). */
  opinions?: ReportOpinions;
}

export interface ReportOpinions extends InputStats {
  byWard: { wardId: string; wardName: string; received: number; supporters: number; selected: number; raised: number; answered: number }[];
}

export const REVIEW_REPORT_KINDS = ['SO_KET', 'TONG_KET'] as const;
export type ReviewReportKind = (typeof REVIEW_REPORT_KINDS)[number];
export const REVIEW_REPORT_STATUSES = ['DRAFT', 'ISSUED'] as const;
export type ReviewReportStatus = (typeof REVIEW_REPORT_STATUSES)[number];

/** A review report document (sơ kết / tổng kết). `figures` is set once issued: the frozen snapshot. */
export interface ReviewReport {
  id: string;
  kind: ReviewReportKind;
  status: ReviewReportStatus;
  period: Period;
  wardId?: string;
  title: string;
  issuingBody: string;
  place: string;
  assessment: string;
  lessons: string;
  nextSteps: string;
  signerTitle: string;
  signerName: string;
  number?: string;
  issuedAt?: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  figures?: ReportFigures;
  /** A tax office's own report: the office (its scope and its heading). */
  taxOfficeId?: string;
  /** An issued tax office report: its rounds' figures, frozen on issue. */
  taxFigures?: TaxDialogueStats;
}

export type ReviewReportConnection = Connection<ReviewReport>;
