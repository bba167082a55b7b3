import { ulid } from 'ulid';
import type { ReportsPort } from './ports.js';
import { actsForOneWard, type Actor } from '../kernel/actor.js';
import { actsForTaxOffice, assertMayWriteReport, mayWriteReport, type ReportScope } from '../access/authorization.js';
import { auditEntry } from '../activity/activity-service.js';
import type { Clock } from '../kernel/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/errors.js';
import type { Activity, Page } from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import { parseInstant, parsePeriod } from '../kernel/period.js';
import { REVIEW_REPORT_KINDS, REVIEW_REPORT_STATUSES, type ReportFigures, type ReviewReport, type ReviewReportKind, type ReviewReportStatus } from './report-model.js';
import { reportUnits, thematicTotalsOf, type ReportService } from './report-service.js';
import { isPlausibleId, oneOf, pageSize } from '../kernel/validation.js';
import { requireText } from '../kernel/input.js';
import type { WardService } from '../units/ward-service.js';
import type { TaxService } from '../tax/tax-service.js';
import type { TaxDialogueStats } from '../tax/tax-stats.js';
import type { TaxOffice } from '../units/tax-offices.js';


export interface ReviewReportFields {
  kind?: string | null;
  period?: { from: string; to: string } | null;
  title?: string | null;
  issuingBody?: string | null;
  place?: string | null;
  assessment?: string | null;
  lessons?: string | null;
  nextSteps?: string | null;
  signerTitle?: string | null;
  signerName?: string | null;
}

const NARRATIVE_MAX = 20_000;
// Số/ký hiệu of a report (Decree 30/2020/NĐ-CP, Appendix I): "<number>/BC-<issuer abbreviation>", e.g. "45/BC-UBND".
const NUMBER_SYMBOL = /^\d{1,6}\/BC-[A-ZĐ0-9][A-ZĐ0-9.-]{0,39}$/u;

const defaultTitle = (kind: ReviewReportKind) =>
  kind === 'SO_KET' ? 'Sơ kết công tác đối thoại trực tiếp với nhân dân' : 'Tổng kết công tác đối thoại trực tiếp với nhân dân';

/** A report's scope: a ward, a tax office (its own report), or neither (the whole district). */


/** What the reports need of the tax office's side: its offices through time and its rounds' figures. */
export type ReportTaxPort = Pick<TaxService, 'dialogueStats' | 'getOffice' | 'officesAt'>;

/** The title, heading and signer a tax office's report starts with (Decree 30/2020: the office under its superior). */
function taxReportDefaults(kind: ReviewReportKind, office: TaxOffice, superior: TaxOffice | undefined) {
  const name = office.name.toLocaleUpperCase('vi');
  return {
    title: kind === 'SO_KET' ? 'Sơ kết công tác đối thoại với doanh nghiệp' : 'Tổng kết công tác đối thoại với doanh nghiệp',
    issuingBody: name,
    place: (superior?.name ?? office.name).replace(/^(Thuế|Cục Thuế)\s+/u, '').replace(/^Thành phố /u, 'TP. ') || office.name,
    signerTitle: /^Thuế cơ sở/iu.test(office.name) ? 'TRƯỞNG THUẾ CƠ SỞ' : /^Chi cục Thuế/iu.test(office.name) ? 'CHI CỤC TRƯỞNG' : 'THỦ TRƯỞNG',
  };
}

/** Who may write a report of which scope (the role table decides: access/authorization.ts). */
/** What the review reports work with. */
interface ReviewReportDeps {
  stores: { reports: ReportsPort };
  wards: WardService;
  reports: ReportService;
  clock: Clock;
  tax: ReportTaxPort;
}

function reportAccess({ tax, clock }: Pick<ReviewReportDeps, 'tax' | 'clock'>) {
  /** A tax officer's own offices: the local ones in force now (one for a jurisdiction like District 7's). */
  const ownTaxOffices = (actor: Actor) => (actsForTaxOffice(actor) ? tax.officesAt(clock().toISOString()).filter((o) => o.level === 'LOCAL').map((o) => o.id) : []);
  const scopeOf = (r: { wardId?: string; taxOfficeId?: string }): ReportScope => ({ wardId: r.wardId, taxOfficeId: r.taxOfficeId });
  const assertMayWrite = (actor: Actor, scope: ReportScope) => assertMayWriteReport(actor, scope, ownTaxOffices(actor));
  const requireTaxOffice = (id: string): TaxOffice => {
    const office = tax.getOffice(id);
    if (!office) throw new NotFoundError(`There is no tax office with id "${String(id).slice(0, 60)}"; Query.taxOffices lists them.`);
    return office;
  };
  return { ownTaxOffices, scopeOf, assertMayWrite, requireTaxOffice };
}

/** A draft's fields, its audit entries and its saving, refused if it changed meanwhile. */
function draftHelpers({ stores }: Pick<ReviewReportDeps, 'stores'>) {
  const text = (value: string | null | undefined, field: string, max: number, multiline = false) =>
    value === null || value === undefined ? undefined : value === '' && multiline ? '' : requireText(value, field, { max, multiline });

  function applyFields(base: ReviewReport, f: ReviewReportFields): ReviewReport {
    const kind = f.kind ? (oneOf(f.kind, REVIEW_REPORT_KINDS, 'kind') as ReviewReportKind) : base.kind;
    return {
      ...base,
      kind,
      period: f.period ? parsePeriod(f.period)! : base.period,
      title: text(f.title, 'title', 300) ?? base.title,
      issuingBody: text(f.issuingBody, 'issuingBody', 200) ?? base.issuingBody,
      place: text(f.place, 'place', 100) ?? base.place,
      assessment: text(f.assessment, 'assessment', NARRATIVE_MAX, true) ?? base.assessment,
      lessons: text(f.lessons, 'lessons', NARRATIVE_MAX, true) ?? base.lessons,
      nextSteps: text(f.nextSteps, 'nextSteps', NARRATIVE_MAX, true) ?? base.nextSteps,
      signerTitle: text(f.signerTitle, 'signerTitle', 200, true) ?? base.signerTitle,
      signerName: f.signerName === '' ? '' : (text(f.signerName, 'signerName', 200) ?? base.signerName),
    };
  }

  const activity = (actor: Actor, action: Activity['action'], description: string, report: ReviewReport, at: string): Activity =>
    auditEntry(actor, action, description, { wardId: report.wardId, reportId: report.id }, at);

  async function requireReport(id: string): Promise<ReviewReport> {
    const report = isPlausibleId(id) ? await stores.reports.getReport(id, true) : undefined;
    if (!report) throw new NotFoundError(`There is no review report with id "${id.slice(0, 60)}"; Query.reviewReports lists them.`, { reportId: id.slice(0, 60) });
    return report;
  }

  async function saveDraft(actor: Actor, before: ReviewReport, after: ReviewReport, action: Activity['action'], description: string): Promise<ReviewReport> {
    const ok = await stores.reports.replaceDraft(after, before.updatedAt, activity(actor, action, description, after, after.updatedAt));
    if (!ok) {
      const now = await requireReport(before.id);
      throw new ConflictError(
        now.status === 'ISSUED' ? `Report ${before.id} was issued meanwhile (${now.number}); an issued report cannot change.` : `Report ${before.id} was changed meanwhile; reload it and edit again.`,
        { status: now.status },
      );
    }
    return after;
  }
  return { text, applyFields, activity, requireReport, saveDraft };
}

/** What may be written, and a report's figures (frozen once issued). */
function reviewReads({ stores, wards, reports, clock, tax }: Pick<ReviewReportDeps, 'stores' | 'wards' | 'reports' | 'clock' | 'tax'>) {
  const { ownTaxOffices, scopeOf, requireTaxOffice } = reportAccess({ tax, clock });
  const { requireReport } = draftHelpers({ stores });
  return {
    /** Whether `actor` may draft, edit and issue reports of that scope (no ward: the district); NOT_FOUND for an unknown ward. */
    async mayWrite(actor: Actor, wardId?: string, taxOfficeId?: string): Promise<boolean> {
      if (wardId !== undefined) await wards.requireWard(wardId);
      if (taxOfficeId !== undefined) requireTaxOffice(taxOfficeId);
      // A ward officer whose ward has ended reads only (units through time).
      if (!mayWriteReport(actor, { wardId, taxOfficeId }, ownTaxOffices(actor))) return false;
      return !actsForOneWard(actor.role) || (await wards.readOnlyReason(actor, clock().toISOString())) === undefined;
    },
    requireReport,
    /** Whether `actor` may edit and issue this report now: a DRAFT of a scope they may write. */
    mayEdit: (actor: Actor, report: ReviewReport) => report.status === 'DRAFT' && mayWriteReport(actor, scopeOf(report), ownTaxOffices(actor)),
    getReport: async (id: string) => (isPlausibleId(id) ? stores.reports.getReport(id) : undefined),

    /** The figures a report shows: a draft's are read now; an issued report's are its frozen snapshot. */
    async figuresOf(report: ReviewReport): Promise<ReportFigures> {
      if (!report.figures) return reports.reportFigures(report.period, report.wardId);
      // NOTE: a snapshot frozen before reports listed overdue concerns has none: it says so as zero.
      // One frozen before units through time has no thematic totals and no units: they follow from what it froze.
      const f = report.figures;
      return {
        ...f,
        thematicTotals: f.thematicTotals ?? thematicTotalsOf(f.thematicDialogues),
        units: f.units ?? reportUnits(await wards.jurisdiction(), f.period),
        concerns: { ...f.concerns, overdue: f.concerns.overdue ?? 0 },
        waitingConcerns: f.waitingConcerns.map((c) => ({ ...c, overdue: c.overdue ?? false })),
        overdueConcerns: f.overdueConcerns ?? [],
        opinions: f.opinions,
      };
    },

    /** A tax office's report: its rounds' figures, the frozen ones once issued; undefined for the units' reports. */
    async taxFiguresOf(report: ReviewReport): Promise<TaxDialogueStats | undefined> {
      if (!report.taxOfficeId) return undefined;
      return report.taxFigures ?? tax.dialogueStats(report.period, report.taxOfficeId);
    },

  };
}

/** Drafting a report and editing its draft. */
function draftUseCases({ stores, wards, clock, tax }: Pick<ReviewReportDeps, 'stores' | 'wards' | 'clock' | 'tax'>) {
  const { scopeOf, assertMayWrite, requireTaxOffice } = reportAccess({ tax, clock });
  const { applyFields, activity, requireReport, saveDraft } = draftHelpers({ stores });
  return {
    async createReport(actor: Actor, input: ReviewReportFields & { kind: string; period: { from: string; to: string }; wardId?: string | null; taxOfficeId?: string | null }): Promise<ReviewReport> {
      if (input.wardId && input.taxOfficeId) throw new InvalidInputError("A report is for a ward or for a tax office, not both: send wardId or taxOfficeId.", { field: 'taxOfficeId' });
      const office = input.taxOfficeId ? requireTaxOffice(input.taxOfficeId) : undefined;
      assertMayWrite(actor, { taxOfficeId: office?.id, wardId: input.wardId ?? undefined });
      const kind = oneOf(input.kind, REVIEW_REPORT_KINDS, 'kind') as ReviewReportKind;
      const period = parsePeriod(input.period)!;
      const ward = input.wardId ? await wards.requireWard(input.wardId) : undefined;
      assertMayWrite(actor, { wardId: ward?.id, taxOfficeId: office?.id });
      await wards.assertActorUnitInForce(actor, clock().toISOString());
      const at = clock().toISOString();
      // Issued in the name of the body in force on its last day (never a district that had ended by then).
      const address = await wards.reportAddress(ward?.id, period);
      const base: ReviewReport = {
        id: ulid(Date.parse(at)),
        kind,
        status: 'DRAFT',
        period,
        wardId: ward?.id,
        ...(office ? { taxOfficeId: office.id } : {}),
        title: defaultTitle(kind),
        issuingBody: address.issuingBody,
        place: address.place,
        assessment: '',
        lessons: '',
        nextSteps: '',
        signerTitle: 'CHỦ TỊCH',
        signerName: '',
        createdAt: at,
        updatedAt: at,
        createdBy: actor.id,
        ...(office ? taxReportDefaults(kind, office, office.parent ? tax.getOffice(office.parent) : undefined) : {}),
      };
      const report = applyFields(base, { ...input, kind: undefined, period: undefined });
      await stores.reports.createReport(report, activity(actor, 'REPORT_CREATED', `Drafted ${kind} report "${report.title}"`, report, at));
      return report;
    },

    async updateReport(actor: Actor, input: ReviewReportFields & { id: string }): Promise<ReviewReport> {
      const before = await requireReport(input.id);
      assertMayWrite(actor, scopeOf(before));
      const changed = applyFields(before, input);
      await wards.assertActorUnitInForce(actor, clock().toISOString());
      if (before.status !== 'DRAFT') throw new ConflictError(`Report ${before.id} is ISSUED (${before.number}); an issued report cannot change. Draft a new one instead.`, { status: before.status });
      const at = clock().toISOString();
      const after = { ...changed, updatedAt: at > before.updatedAt ? at : new Date(Date.parse(before.updatedAt) + 1).toISOString() };
      return saveDraft(actor, before, after, 'REPORT_UPDATED', `Edited draft report "${after.title}"`);
    },

  };
}

/** Issuing a draft, and the list of reports. */
function issueUseCases({ stores, wards, reports, clock, tax }: Pick<ReviewReportDeps, 'stores' | 'wards' | 'reports' | 'clock' | 'tax'>) {
  const { scopeOf, assertMayWrite } = reportAccess({ tax, clock });
  const { requireReport, saveDraft } = draftHelpers({ stores });
  return {
    /** Issues a draft: gives it its number and date and freezes its figures as they are now. */
    async issueReport(actor: Actor, input: { id: string; number: string; issuedAt?: string | null }): Promise<ReviewReport> {
      const number = typeof input.number === 'string' ? input.number.trim().normalize('NFC') : '';
      if (!NUMBER_SYMBOL.test(number)) {
        throw new InvalidInputError(`number must be a report's number and symbol such as "45/BC-UBND" (Decree 30/2020/NĐ-CP); got "${String(input.number).slice(0, 40)}".`, { field: 'number' });
      }
      const issuedAt = input.issuedAt ? parseInstant(input.issuedAt, 'issuedAt') : undefined;
      const before = await requireReport(input.id);
      assertMayWrite(actor, scopeOf(before));
      await wards.assertActorUnitInForce(actor, clock().toISOString());
      if (before.status !== 'DRAFT') throw new ConflictError(`Report ${before.id} is already ISSUED (${before.number}); it cannot be issued again.`, { status: before.status });
      const at = clock().toISOString();
      const figures = await reports.reportFigures(before.period, before.wardId);
      // A tax office's report freezes its rounds' figures with the rest.
      const taxFigures = before.taxOfficeId ? await tax.dialogueStats(before.period, before.taxOfficeId) : undefined;
      const after: ReviewReport = { ...before, status: 'ISSUED', number, issuedAt: issuedAt ?? at, figures, ...(taxFigures ? { taxFigures } : {}), updatedAt: at > before.updatedAt ? at : new Date(Date.parse(before.updatedAt) + 1).toISOString() };
      return saveDraft(actor, before, after, 'REPORT_ISSUED', `Issued report ${number} "${after.title}"`);
    },

    async listReports(args: { wardId?: string | null; district?: boolean | null; taxOfficeId?: string | null; status?: string | null; first?: number | null; after?: string | null }): Promise<Page<ReviewReport>> {
      const status = args.status ? (oneOf(args.status, REVIEW_REPORT_STATUSES, 'status') as ReviewReportStatus) : undefined;
      if ([args.wardId, args.district, args.taxOfficeId].filter(Boolean).length > 1) throw new InvalidInputError('Give one of wardId, district: true or taxOfficeId.', { field: 'district' });
      const first = pageSize(args.first);
      return toPage(async () => {
        const page = await stores.reports.listReports({ wardId: args.wardId ?? undefined, district: args.district ?? undefined, taxOfficeId: args.taxOfficeId ?? undefined, status }, first, args.after);
        return { ...page, nodes: page.reports };
      });
    },
  };
}

export function createReviewReportService(stores: { reports: ReportsPort }, wards: WardService, reports: ReportService, clock: Clock, tax: ReportTaxPort) {
  return {
    ...reviewReads({ stores, wards, reports, clock, tax }),
    ...draftUseCases({ stores, wards, clock, tax }),
    ...issueUseCases({ stores, wards, reports, clock, tax }),
  };
}
export type ReviewReportService = ReturnType<typeof createReviewReportService>;
