import { downloadBlob } from '../download.js';

/** A column of a CSV export: its header and how to read a row's cell. */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | null | undefined;
}

function escapeCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV that Excel opens with Vietnamese diacritics intact: UTF-8 with a byte-order mark, CRLF line
 * ends, RFC 4180 quoting.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((c) => escapeCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => escapeCell(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offers the CSV as a file download. */
export function downloadCsv(filename: string, csv: string) {
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
}
