import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ReviewReportFieldsFragment } from '../../gql/graphql.js';
import { IssueReviewReportMutation, UpdateReviewReportMutation } from './documents.js';

/** The narrative a draft can edit, and the issuing form. */
export function DraftEditor({ report, onSaved }: { report: ReviewReportFieldsFragment; onSaved(): void }) {
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
