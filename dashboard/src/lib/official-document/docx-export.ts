import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import QRCode from 'qrcode';
import type { DocQr, DocTable, ReportDocument } from './document.js';

// Decree 30/2020/NĐ-CP, Appendix I: Times New Roman (Unicode, TCVN 6909:2001), A4, margins top/bottom
// 20–25 mm, left 30–35 mm, right 15–20 mm; body 13–14 pt, justified, first-line indent 1–1.27 cm,
// spacing ≥ 6 pt; motto 12–13 pt upper case bold, slogan 13–14 pt bold with a line under it; issuing
// body upper case bold; place and date 13–14 pt italic; type name 13–14 pt bold; signer bold upper case.
const FONT = 'Times New Roman';
const mm = (n: number) => Math.round((n / 25.4) * 1440);
const pt = (n: number) => n * 2; // docx sizes are half-points
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: pt(o.size ?? 14), bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined });
const centered = (children: ParagraphChild[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });

function headerTable(doc: ReportDocument): Table {
  const left = [
    ...doc.issuingBody.map((line) => centered([run(line, { size: 13, bold: true })])),
    centered([run('_______', { size: 13, bold: true })], 120),
    centered([run(doc.numberLine, { size: 13 })]),
  ];
  const right = [
    centered([run(doc.motto[0], { size: 12, bold: true })]),
    centered([run(doc.motto[1], { size: 13, bold: true, underline: true })], 240),
    centered([run(doc.placeDate, { size: 14, italics: true })]),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: left }), new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: right })] })],
  });
}

function dataTable(t: DocTable): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      borders: { top: line, bottom: line, left: line, right: line },
      children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : t.numeric.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { size: 12, bold: head })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, i, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) }))],
  });
}

/** The QR code as a PNG image (3 cm), its caption and its address under it. */
async function qrParagraphs(qr: DocQr): Promise<Paragraph[]> {
  const dataUrl = await QRCode.toDataURL(qr.url, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const data = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  return [
    centered([new ImageRun({ type: 'png', data, transformation: { width: 113, height: 113 }, altText: { name: 'QR', title: qr.caption, description: qr.url } })]),
    centered([run(qr.caption, { size: 12, italics: true })]),
    centered([run(qr.url, { size: 11 })], 120),
  ];
}

const body = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(12.7) }, spacing: { after: 120, line: 312 }, children: [run(text)] });

/** The report as a .docx (Word) file in the layout of Decree 30/2020/NĐ-CP. */
export async function reportToDocx(doc: ReportDocument): Promise<Blob> {
  const children: (Paragraph | Table)[] = [headerTable(doc), new Paragraph({ spacing: { after: 240 }, children: [] })];
  if (doc.draft) children.push(centered([run('DỰ THẢO', { size: 13, bold: true })], 120));
  children.push(centered([run(doc.typeName, { size: 14, bold: true })]), centered([run(doc.title, { size: 14, bold: true })]), centered([run(doc.periodLine, { size: 14, italics: true })], 360));
  for (const section of doc.sections) {
    children.push(new Paragraph({ spacing: { before: 120, after: 120 }, children: [run(section.heading, { bold: true })] }));
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') children.push(body(block.text));
      else if (block.kind === 'heading') children.push(new Paragraph({ indent: { firstLine: mm(12.7) }, spacing: { before: 120, after: 120 }, children: [run(block.text, { bold: true })] }));
      else if (block.kind === 'qr') children.push(...(await qrParagraphs(block.qr)));
      else children.push(dataTable(block.table), new Paragraph({ spacing: { after: 120 }, children: [] }));
    }
  }
  const recipients = [new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }), ...doc.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 11 })] }))];
  const signer = [...doc.signerTitle.map((l) => centered([run(l, { size: 14, bold: true })])), new Paragraph({ spacing: { after: 1200 }, children: [] }), centered([run(doc.signerName, { size: 14, bold: true })])];
  children.push(
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [new TableRow({ children: [new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: recipients }), new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: signer })] })],
    }),
  );
  const document = new Document({
    creator: 'Dialogue Pulse',
    title: `${doc.typeName} ${doc.title}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } } }, children }],
  });
  return Packer.toBlob(document);
}
