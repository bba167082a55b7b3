import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../download.js';
import type { ReportDocument } from './document.js';

/** Exporting: .docx and PDF (their libraries loaded on demand), and printing. */
export function DownloadButtons({ doc }: { doc: ReportDocument }) {
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
