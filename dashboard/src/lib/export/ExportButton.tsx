import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv, type CsvColumn } from './csv.js';

/** "Export CSV" for the table shown next to it. */
export function ExportButton<Row>({ filename, rows, columns }: { filename: string; rows: readonly Row[]; columns: readonly CsvColumn<Row>[] }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary" onClick={() => downloadCsv(filename, toCsv(rows, columns))} disabled={rows.length === 0}>
      {t('common.exportCsv')}
    </button>
  );
}
