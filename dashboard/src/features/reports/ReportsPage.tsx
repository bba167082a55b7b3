import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitOptions } from '../units/UnitOptions.js';
import { useMutation, useQuery } from 'urql';
import { useRouter } from '../../app/router.js';
import { useViewer } from '../../app/viewer.js';
import { downloadBlob } from '../../lib/download.js';
import type { ReportFiguresFragment, ReviewReportFieldsFragment, ReviewReportKind } from '../../gql/graphql.js';
import { currentHcmcYear, hcmcMidnight } from '../overview/period.js';
import { CreateReviewReportMutation, IssueReviewReportMutation, ReportsPageQuery, ReviewReportQuery, UpdateReviewReportMutation } from './documents.js';
import { buildReportDocument, vnDate, type ReportDocument } from './report-document.js';
import { ReportPreview } from './ReportPreview.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` (a Vietnam calendar date) → the instant of its midnight in Vietnam. */
export function vnDateToInstant(value: string | null): string | undefined {
  const m = value ? DATE.exec(value) : null;
  if (!m) return undefined;
  const iso = hcmcMidnight(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return vnDate(iso).split('/').reverse().join('-') === value ? iso : undefined;
}
/** The instant back to the `YYYY-MM-DD` of the URL. */
const instantToVnDate = (iso: string) => vnDate(iso).split('/').reverse().join('-');

interface UrlState {
  from: string;
  to: string;
  ward?: string;
  id?: string;
}

/** The period and scope from `/reports?from=YYYY-MM-DD&to=YYYY-MM-DD[&ward=<id>][&id=<report>]` (Vietnam dates, `to` exclusive). */
function readUrl(): UrlState {
  const q = new URLSearchParams(window.location.search);
  const year = currentHcmcYear();
  const from = vnDateToInstant(q.get('from')) ?? hcmcMidnight(year, 0, 1);
  let to = vnDateToInstant(q.get('to')) ?? hcmcMidnight(year + 1, 0, 1);
  if (to <= from) to = new Date(Date.parse(from) + 86_400_000).toISOString();
  return { from, to, ward: q.get('ward') || undefined, id: q.get('id') || undefined };
}

function urlOf(s: UrlState): string {
  const q = new URLSearchParams({ from: instantToVnDate(s.from), to: instantToVnDate(s.to) });
  if (s.ward) q.set('ward', s.ward);
  if (s.id) q.set('id', s.id);
  return `/reports?${q.toString()}`;
}

function DownloadButtons({ doc }: { doc: ReportDocument }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const run = async (kind: 'docx' | 'pdf') => {
    setBusy(kind);
    setError(undefined);
    try {
      // Loaded on demand: the document libraries are large and only this button needs them.
      const blob = kind === 'docx' ? await (await import('./docx-export.js')).reportToDocx(doc) : await (await import('./pdf-export.js')).reportToPdf(doc);
      downloadBlob(blob, `${doc.fileName}.${kind}`);
    } catch (e) {
      setError(String(e instanceof Error ? e.message : e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="report-downloads no-print">
      <button type="button" onClick={() => void run('docx')} disabled={!!busy} aria-busy={busy === 'docx'}>{t('reports.downloadDocx')}</button>
      <button type="button" onClick={() => void run('pdf')} disabled={!!busy} aria-busy={busy === 'pdf'}>{t('reports.downloadPdf')}</button>
      <button type="button" className="secondary" onClick={() => window.print()}>{t('reports.print')}</button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </div>
  );
}

/** The narrative a draft can edit, and the issuing form. */
function DraftEditor({ report, onSaved }: { report: ReviewReportFieldsFragment; onSaved(): void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState({ title: report.title, assessment: report.assessment, lessons: report.lessons, nextSteps: report.nextSteps, signerTitle: report.signerTitle, signerName: report.signerName });
  const [number, setNumber] = useState('');
  const [saved, setSaved] = useState<string>();
  const [update, runUpdate] = useMutation(UpdateReviewReportMutation);
  const [issue, runIssue] = useMutation(IssueReviewReportMutation);
  useEffect(() => setFields({ title: report.title, assessment: report.assessment, lessons: report.lessons, nextSteps: report.nextSteps, signerTitle: report.signerTitle, signerName: report.signerName }), [report]);
  const save = async () => {
    const result = await runUpdate({ input: { id: report.id, ...fields } });
    if (!result.error) {
      setSaved(t('reports.saved'));
      onSaved();
    }
  };
  const doIssue = async () => {
    const saveFirst = await runUpdate({ input: { id: report.id, ...fields } });
    if (saveFirst.error) return;
    const result = await runIssue({ input: { id: report.id, number: number.trim() } });
    if (!result.error) onSaved();
  };
  const area = (key: 'assessment' | 'lessons' | 'nextSteps') => (
    <label className="field">
      <span>{t(`reports.${key}`)}</span>
      <textarea rows={5} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
    </label>
  );
  const error = update.error ?? issue.error;
  return (
    <form className="report-editor no-print" onSubmit={(e) => (e.preventDefault(), void save())}>
      <label className="field">
        <span>{t('reports.titleField')}</span>
        <input value={fields.title} onChange={(e) => setFields({ ...fields, title: e.target.value })} />
      </label>
      {area('assessment')}
      {area('lessons')}
      {area('nextSteps')}
      <div className="field-row">
        <label className="field">
          <span>{t('reports.signerTitle')}</span>
          <textarea rows={2} value={fields.signerTitle} onChange={(e) => setFields({ ...fields, signerTitle: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('reports.signerName')}</span>
          <input value={fields.signerName} onChange={(e) => setFields({ ...fields, signerName: e.target.value })} />
        </label>
      </div>
      <button type="submit" disabled={update.fetching}>{t('reports.save')}</button>
      {saved ? <span role="status"> {saved}</span> : null}
      <fieldset className="issue-box">
        <legend>{t('reports.issue')}</legend>
        <p className="hint">{t('reports.issueHint')}</p>
        <label className="field">
          <span>{t('reports.number')}</span>
          <input value={number} placeholder="45/BC-UBND" onChange={(e) => setNumber(e.target.value)} />
        </label>
        <button type="button" onClick={() => void doIssue()} disabled={!number.trim() || issue.fetching}>{t('reports.issueButton')}</button>
      </fieldset>
      {error ? <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? error.message}</p> : null}
    </form>
  );
}

/** One saved report: its preview (an issued one with its frozen figures), downloads, and for a draft the editor. */
function OpenReport({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ReviewReportQuery, variables: { id }, requestPolicy: 'network-only' });
  const report = data?.reviewReport;
  const doc = useMemo(() => (report ? buildReportDocument(report, report.figures) : undefined), [report]);
  if (error && !data) return <p role="alert" className="error">{t('errors.load')}: {error.message}</p>;
  if (!report || !doc) return <p aria-busy={fetching}>{fetching ? t('common.loading') : t('errors.notFound')}</p>;
  return (
    <div className="report-open">
      <p className="no-print">
        <strong>{t(`reports.kind.${report.kind}`)}</strong> · {t(`reports.status.${report.status}`)}
        {report.number ? ` · ${report.number}` : ''} · {report.ward?.name ?? t('common.district')}
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
      <ReportPreview doc={doc} />
    </div>
  );
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
  const [{ data, error }, refetch] = useQuery({ query: ReportsPageQuery, variables: { period: { from: state.from, to: state.to }, wardId: state.ward ?? null }, requestPolicy: 'cache-and-network' });
  const [created, runCreate] = useMutation(CreateReviewReportMutation);
  const [kind, setKind] = useState<ReviewReportKind>('SO_KET');
  const wardName = data?.jurisdiction.units.find((w) => w.id === state.ward)?.name;
  const previewDoc = useMemo(() => {
    if (!data?.report) return undefined;
    const draft: ReviewReportFieldsFragment = {
      id: '',
      kind,
      status: 'DRAFT',
      period: { from: state.from, to: state.to },
      ward: state.ward && wardName ? { id: state.ward, name: wardName } : null,
      title: kind === 'SO_KET' ? 'Sơ kết công tác đối thoại trực tiếp với nhân dân' : 'Tổng kết công tác đối thoại trực tiếp với nhân dân',
      issuingBody: wardName ? `ỦY BAN NHÂN DÂN PHƯỜNG ${wardName.toLocaleUpperCase('vi')}` : 'ỦY BAN NHÂN DÂN QUẬN 7',
      place: wardName ? `Phường ${wardName}` : 'Quận 7',
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
  }, [data, kind, state.from, state.to, state.ward, wardName, viewer.id]);
  const create = async () => {
    const result = await runCreate({ input: { kind, period: { from: state.from, to: state.to }, wardId: state.ward ?? null } });
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
        <label className="field">
          <span>{t('reports.scope')}</span>
          <select value={state.ward ?? ''} onChange={(e) => go({ ...state, ward: e.target.value || undefined, id: undefined })}>
            <option value="">{t('common.district')}</option>
            {/* The units in force at some moment of the period (both sets for a period across 1/7/2025). */}
            <UnitOptions units={data?.jurisdiction.units ?? []} from={state.from} to={state.to} />
          </select>
        </label>
      </form>
      <div className="reports-layout">
        <nav aria-label={t('reports.list')} className="reports-list no-print">
          <h2>{t('reports.list')}</h2>
          {reports.length === 0 ? <p>{t('reports.none')}</p> : null}
          <ul>
            {reports.map((r) => (
              <li key={r.id}>
                <a
                  href={urlOf({ from: r.period.from, to: r.period.to, ward: r.ward?.id, id: r.id })}
                  aria-current={state.id === r.id ? 'page' : undefined}
                  onClick={(e) => (e.preventDefault(), go({ from: r.period.from, to: r.period.to, ward: r.ward?.id, id: r.id }))}
                >
                  <strong>{t(`reports.kind.${r.kind}`)}</strong> {r.title}
                  <br />
                  <small>
                    {vnDate(r.period.from)} – {vnDate(new Date(Date.parse(r.period.to) - 1).toISOString())} · {r.ward?.name ?? t('common.district')} · {t(`reports.status.${r.status}`)}
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
                  <label className="field">
                    <span>{t('reports.kindField')}</span>
                    <select value={kind} onChange={(e) => setKind(e.target.value as ReviewReportKind)}>
                      <option value="SO_KET">{t('reports.kind.SO_KET')}</option>
                      <option value="TONG_KET">{t('reports.kind.TONG_KET')}</option>
                    </select>
                  </label>
                  <button type="button" onClick={() => void create()} disabled={created.fetching}>{t('reports.createDraft')}</button>
                  {created.error ? <p role="alert" className="error">{created.error.graphQLErrors[0]?.message ?? created.error.message}</p> : null}
                </div>
              ) : null}
              <DownloadButtons doc={previewDoc} />
              <ReportPreview doc={previewDoc} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
