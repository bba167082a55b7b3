import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitOptions } from '../../lib/UnitOptions.js';
import { useMutation, useQuery } from 'urql';
import { useRouter } from '../../lib/router.js';
import { useViewer } from '../../lib/viewer.js';
import type { ReportFiguresFragment, ReviewReportFieldsFragment, ReviewReportKind, TaxReportStatsFragment } from '../../gql/graphql.js';
import { buildTaxReportDocument, type ReportTaxOffice } from './tax-report-document.js';
import { CreateReviewReportMutation, ReportsPageQuery, ReviewReportQuery } from './documents.js';
import { DownloadButtons } from '../../lib/official-document/DownloadButtons.js';
import { DraftEditor } from './DraftEditor.js';
import { instantToVnDate, readUrl, urlOf, vnDateToInstant, type UrlState } from './report-url.js';
import { buildReportDocument, vnDate } from './report-document.js';
import { DocumentPreview } from '../../lib/official-document/DocumentPreview.js';
import { choices, SelectField } from '../../lib/SelectField.js';

/** One saved report: its preview (an issued one with its frozen figures), downloads, and for a draft the editor. */
function OpenReport({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ReviewReportQuery, variables: { id }, requestPolicy: 'network-only' });
  const report = data?.reviewReport;
  const doc = useMemo(() => (report ? (report.taxOffice && report.taxDialogue ? buildTaxReportDocument(report, report.taxOffice, report.taxDialogue, report.figures.generatedAt) : buildReportDocument(report, report.figures)) : undefined), [report]);
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!report || !doc) return <p aria-busy={fetching}>{fetching ? t('common.loading') : t('errors.notFound')}</p>;
  return (
    <div className="report-open">
      <p className="no-print">
        <strong>{t(`reports.kind.${report.kind}`)}</strong> · {t(`reports.status.${report.status}`)}
        {report.number ? ` · ${report.number}` : ''} · {report.taxOffice?.name ?? report.ward?.name ?? report.place}
      </p>
      <DownloadButtons doc={doc} />
      {report.mayEdit ? (
        <DraftEditor
          report={report}
          onSaved={() => {
            refetch({ requestPolicy: 'network-only' });
            onChanged();
          }}
        />
      ) : null}
      <DocumentPreview doc={doc} />
    </div>
  );
}

/** A tax office's report as it would be drafted now (the API's defaults, functions/domain/reports/review-report-service.ts). */
function taxDraft(kind: ReviewReportKind, state: UrlState, office: ReportTaxOffice & { id: string }, createdBy: string): ReviewReportFieldsFragment {
  return {
    id: '',
    kind,
    status: 'DRAFT',
    period: { from: state.from, to: state.to },
    ward: null,
    taxOffice: { id: office.id, name: office.name, parent: office.parent ?? null },
    title: kind === 'SO_KET' ? 'Sơ kết công tác đối thoại với doanh nghiệp' : 'Tổng kết công tác đối thoại với doanh nghiệp',
    issuingBody: office.name.toLocaleUpperCase('vi'),
    place: (office.parent?.name ?? office.name).replace(/^(Thuế|Cục Thuế)\s+/u, '').replace(/^Thành phố /u, 'TP. '),
    assessment: '',
    lessons: '',
    nextSteps: '',
    signerTitle: /^Thuế cơ sở/iu.test(office.name) ? 'TRƯỞNG THUẾ CƠ SỞ' : /^Chi cục Thuế/iu.test(office.name) ? 'CHI CỤC TRƯỞNG' : 'THỦ TRƯỞNG',
    signerName: '',
    number: null,
    mayEdit: false,
    issuedAt: null,
    createdAt: '',
    updatedAt: '',
    createdBy,
  };
}

/** /reports: review reports (sơ kết / tổng kết): list, open, pick period and scope, preview, edit, issue, export. */
export function ReportsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { navigate } = useRouter();
  const [state, setState] = useState<UrlState>(readUrl);
  useEffect(() => {
    const onPop = () => setState(readUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (next: UrlState) => {
    setState(next);
    navigate(urlOf(next));
  };
  const lastInstant = new Date(Date.parse(state.to) - 1).toISOString();
  const [{ data, error }, refetch] = useQuery({
    query: ReportsPageQuery,
    variables: { period: { from: state.from, to: state.to }, wardId: state.ward ?? null, taxOfficeId: state.office ?? null, tax: !!state.office, periodStart: state.from, periodEnd: lastInstant },
    requestPolicy: 'cache-and-network',
  });
  // The local tax offices in force at some moment of the period (both for a period across 1/7/2025).
  const offices = useMemo(() => {
    const all = [...(data?.officesAtStart ?? []), ...(data?.officesAtEnd ?? [])].filter((o) => o.level === 'LOCAL');
    return all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i);
  }, [data]);
  const office: (ReportTaxOffice & { id: string }) | undefined = offices.find((o) => o.id === state.office);
  const [created, runCreate] = useMutation(CreateReviewReportMutation);
  const [kind, setKind] = useState<ReviewReportKind>('SO_KET');
  const wardName = data?.jurisdiction.units.find((w) => w.id === state.ward)?.name;
  const previewDoc = useMemo(() => {
    if (!data?.report) return undefined;
    if (state.office) return office && data.taxStats ? buildTaxReportDocument(taxDraft(kind, state, office, viewer.id), office, data.taxStats as TaxReportStatsFragment, data.report.generatedAt) : undefined;
    const draft: ReviewReportFieldsFragment = {
      id: '',
      kind,
      status: 'DRAFT',
      period: { from: state.from, to: state.to },
      ward: state.ward && wardName ? { id: state.ward, name: wardName } : null,
      taxOffice: null,
      title: kind === 'SO_KET' ? 'Sơ kết công tác đối thoại trực tiếp với nhân dân' : 'Tổng kết công tác đối thoại trực tiếp với nhân dân',
      // The server's, in force on the period's last day (Report.issuingBody): never spelled here.
      issuingBody: data.report.issuingBody,
      place: data.report.place,
      assessment: '',
      lessons: '',
      nextSteps: '',
      signerTitle: 'CHỦ TỊCH',
      signerName: '',
      number: null,
      mayEdit: false,
      issuedAt: null,
      createdAt: '',
      updatedAt: '',
      createdBy: viewer.id,
    };
    return buildReportDocument(draft, data.report as ReportFiguresFragment);
  }, [data, kind, state, wardName, viewer.id, office]);
  const create = async () => {
    const result = await runCreate({ input: { kind, period: { from: state.from, to: state.to }, wardId: state.ward ?? null, taxOfficeId: state.office ?? null } });
    const id = result.data?.createReviewReport.id;
    if (id) {
      refetch({ requestPolicy: 'network-only' });
      go({ ...state, id });
    }
  };
  const reports = data?.reviewReports.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="reports-title" className="reports-page">
      <h1 id="reports-title" className="no-print">{t('reports.title')}</h1>
      <form className="report-controls no-print" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('reports.from')}</span>
          <input type="date" value={instantToVnDate(state.from)} onChange={(e) => { const from = vnDateToInstant(e.target.value); if (from && from < state.to) go({ ...state, from, id: undefined }); }} />
        </label>
        <label className="field">
          <span>{t('reports.toExclusive')}</span>
          <input type="date" value={instantToVnDate(state.to)} onChange={(e) => { const to = vnDateToInstant(e.target.value); if (to && to > state.from) go({ ...state, to, id: undefined }); }} />
        </label>
        <SelectField label={<span>{t('reports.scope')}</span>} value={state.ward ?? ''} onChange={(v) => go({ ...state, ward: v || undefined, office: undefined, id: undefined })} first={{ value: '', label: t('common.wholeArea') }}>
          {/* The units in force at some moment of the period (both sets for a period across 1/7/2025). */}
          <UnitOptions units={data?.jurisdiction.units ?? []} from={state.from} to={state.to} />
        </SelectField>
        <SelectField
          label={<span>{t('reports.taxOffice')}</span>}
          value={state.office ?? ''}
          onChange={(v) => go({ ...state, office: v || undefined, ward: undefined, id: undefined })}
          first={{ value: '', label: t('reports.noTaxOffice') }}
          options={offices.map((o) => ({ value: o.id, label: o.name }))}
        />
      </form>
      <div className="reports-layout">
        <nav aria-label={t('reports.list')} className="reports-list no-print">
          <h2>{t('reports.list')}</h2>
          {reports.length === 0 ? <p>{t('reports.none')}</p> : null}
          <ul>
            {reports.map((r) => (
              <li key={r.id}>
                <a
                  href={urlOf({ from: r.period.from, to: r.period.to, ward: r.ward?.id, office: r.taxOffice?.id, id: r.id })}
                  aria-current={state.id === r.id ? 'page' : undefined}
                  onClick={(e) => (e.preventDefault(), go({ from: r.period.from, to: r.period.to, ward: r.ward?.id, office: r.taxOffice?.id, id: r.id }))}
                >
                  <strong>{t(`reports.kind.${r.kind}`)}</strong> {r.title}
                  <br />
                  <small>
                    {vnDate(r.period.from)} – {vnDate(new Date(Date.parse(r.period.to) - 1).toISOString())} · {r.taxOffice?.name ?? r.ward?.name ?? r.place} · {t(`reports.status.${r.status}`)}
                    {r.number ? ` · ${r.number}` : ''}
                  </small>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="report-main">
          {state.id ? (
            <OpenReport id={state.id} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
          ) : error && !data ? (
            <p role="alert" className="error">{t('errors.load')}: {error.message}</p>
          ) : !previewDoc ? (
            <p aria-busy="true">{t('common.loading')}</p>
          ) : (
            <>
              <p className="no-print">{t('reports.previewHint')}</p>
              {data?.viewer.mayWriteReports ? (
                <div className="report-create no-print">
                  <SelectField
                    label={<span>{t('reports.kindField')}</span>}
                    value={kind}
                    onChange={(v) => setKind(v as ReviewReportKind)}
                    options={choices(['SO_KET', 'TONG_KET'] as const, (k) => t(`reports.kind.${k}`))}
                  />
                  <button type="button" onClick={() => void create()} disabled={created.fetching}>{t('reports.createDraft')}</button>
                  {created.error ? <p role="alert" className="error">{created.error.graphQLErrors[0]?.message ?? created.error.message}</p> : null}
                </div>
              ) : null}
              <DownloadButtons doc={previewDoc} />
              <DocumentPreview doc={previewDoc} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
