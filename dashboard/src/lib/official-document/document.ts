import { vietnamDateParts } from '../vietnam-time.js';

/**
 * A Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I): the header blocks, the
 * title, numbered sections with tables, the signature block. One model, three renderings: the
 * on-screen/print preview (DocumentPreview.tsx), the .docx (docx-export.ts) and the PDF
 * (pdf-export.ts). Review reports (features/reports) and dialogue agendas (features/voice) are built
 * as this model, so they share one layout. The document is always in Vietnamese (it is the office's
 * document), whatever the UI language.
 */
export interface DocTable {
  header: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric: number[];
}

/** A QR code: a link a reader opens from the printed page (a round's rating link), with its caption. */
export interface DocQr {
  url: string;
  caption: string;
}

export type DocBlock = { kind: 'paragraph'; text: string } | { kind: 'heading'; text: string } | { kind: 'table'; table: DocTable } | { kind: 'qr'; qr: DocQr };

export interface DocSection {
  /** "I. KẾT QUẢ THỰC HIỆN". */
  heading: string;
  blocks: DocBlock[];
}

export interface ReportDocument {
  motto: [string, string];
  /** Issuing body lines (upper case), e.g. ["ỦY BAN NHÂN DÂN", "QUẬN 7"]. */
  issuingBody: string[];
  /** "Số: 12/BC-UBND"; a draft: "Số:      /BC-UBND". */
  numberLine: string;
  /** "Quận 7, ngày 20 tháng 01 năm 2011". */
  placeDate: string;
  /** "BÁO CÁO", "CHƯƠNG TRÌNH". */
  typeName: string;
  title: string;
  /** "(Từ ngày 01/01/2006 đến ngày 31/12/2010)". */
  periodLine: string;
  draft: boolean;
  sections: DocSection[];
  signerTitle: string[];
  signerName: string;
  recipients: string[];
  /** A file name without extension: "BC-12-BC-UBND-2011-01-20". */
  fileName: string;
}

const vnParts = (iso: string) => {
  const { year, month, day } = vietnamDateParts(iso);
  return { y: year, m: month, d: day };
};
const pad = (n: number) => String(n).padStart(2, '0');

/** 1.234 (Vietnamese thousands separator). */
export const vnNumber = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
/** 15/01/2007 in Vietnam time. */
export const vnDate = (iso: string) => {
  const p = vnParts(iso);
  return `${pad(p.d)}/${pad(p.m)}/${p.y}`;
};
/**
 * "ngày 05 tháng 01 năm 2007": Decree 30/2020, Appendix I: days below 10 and the months 1 and 2 are
 * written with a leading zero.
 */
export const vnLongDate = (iso: string) => {
  const p = vnParts(iso);
  return `ngày ${pad(p.d)} tháng ${p.m < 3 ? pad(p.m) : String(p.m)} năm ${p.y}`;
};
