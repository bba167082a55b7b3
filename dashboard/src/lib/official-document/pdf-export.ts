import type { DocTable, ReportDocument } from './document.js';

// NOTE: the PDF embeds DejaVu Serif (dashboard/public/fonts, Bitstream Vera licence): the PDF's
// built-in fonts have no Vietnamese letters (ạ, ơ, ư, ể…), and Times New Roman cannot be shipped.
// pdfmake ships no type declarations: its document definition is plain data (https://pdfmake.github.io/docs/).
type Content = Record<string, unknown>;
type TDocumentDefinitions = Record<string, unknown>;

const FONT_FILES = { normal: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf', italics: 'DejaVuSerif-Italic.ttf', bolditalics: 'DejaVuSerif-BoldItalic.ttf' };

async function base64Of(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// NOTE: pdfmake's browser build ships no types; the one call made on it is checked by test/e2e.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the note above
let pdfMakeReady: Promise<any> | undefined;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the note above
function loadPdfMake(): Promise<any> {
  pdfMakeReady ??= (async () => {
    const [{ default: pdfMake }, ...fonts] = await Promise.all([
      import('pdfmake/build/pdfmake.js'),
      ...Object.values(FONT_FILES).map((file) => base64Of(`/fonts/${file}`)),
    ]);
    pdfMake.addVirtualFileSystem(Object.fromEntries(Object.values(FONT_FILES).map((file, i) => [file, fonts[i]])));
    pdfMake.addFonts({ DejaVuSerif: FONT_FILES });
    return pdfMake;
  })();
  return pdfMakeReady;
}

const mm = (n: number) => (n / 25.4) * 72;

function table(t: DocTable): Content {
  return {
    table: {
      headerRows: 1,
      widths: t.header.map((_, i) => (t.numeric.includes(i) ? 'auto' : '*')),
      body: [t.header.map((h) => ({ text: h, bold: true, alignment: 'center' })), ...t.rows.map((r) => r.map((c, i) => ({ text: c, alignment: t.numeric.includes(i) ? 'right' : 'left' })))],
    },
    fontSize: 10,
    margin: [0, 2, 0, 8],
  } as Content;
}

/** The same document as the .docx, as a PDF (A4, the same header, sections, tables and signature). */
export async function reportToPdf(doc: ReportDocument): Promise<Blob> {
  const pdfMake = await loadPdfMake();
  const content: Content[] = [
    {
      columns: [
        { width: '40%', stack: [...doc.issuingBody.map((l) => ({ text: l, bold: true })), { text: '_______', bold: true }, { text: doc.numberLine, margin: [0, 6, 0, 0] }], alignment: 'center', fontSize: 12 },
        { width: '60%', stack: [{ text: doc.motto[0], bold: true, fontSize: 11.5 }, { text: doc.motto[1], bold: true, decoration: 'underline' }, { text: doc.placeDate, italics: true, margin: [0, 10, 0, 0] }], alignment: 'center', fontSize: 12.5 },
      ],
    },
    ...(doc.draft ? [{ text: 'DỰ THẢO', bold: true, alignment: 'center', margin: [0, 16, 0, 0] } as Content] : []),
    { text: doc.typeName, bold: true, alignment: 'center', fontSize: 14, margin: [0, 18, 0, 0] },
    { text: doc.title, bold: true, alignment: 'center', fontSize: 13 },
    { text: doc.periodLine, italics: true, alignment: 'center', margin: [0, 0, 0, 14] },
  ];
  for (const section of doc.sections) {
    content.push({ text: section.heading, bold: true, margin: [0, 6, 0, 4] });
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') content.push({ text: block.text, alignment: 'justify', leadingIndent: mm(12.7), margin: [0, 0, 0, 6] } as Content);
      else if (block.kind === 'heading') content.push({ text: block.text, bold: true, margin: [mm(6), 4, 0, 4] });
      else if (block.kind === 'qr') content.push({ stack: [{ qr: block.qr.url, fit: 90, margin: [0, 4, 0, 4] }, { text: block.qr.caption, italics: true, fontSize: 11 }, { text: block.qr.url, fontSize: 10 }], alignment: 'center', margin: [0, 4, 0, 8] } as Content);
      else content.push(table(block.table));
    }
  }
  content.push({
    columns: [
      { width: '50%', stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 11 }, ...doc.recipients.map((r) => ({ text: `- ${r}`, fontSize: 10 }))] },
      { width: '50%', alignment: 'center', stack: [...doc.signerTitle.map((l) => ({ text: l, bold: true })), { text: ' ', margin: [0, 40, 0, 0] }, { text: doc.signerName, bold: true }] },
    ],
    margin: [0, 16, 0, 0],
    unbreakable: true,
  } as Content);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [mm(30), mm(20), mm(15), mm(20)],
    defaultStyle: { font: 'DejaVuSerif', fontSize: 12.5, lineHeight: 1.15 },
    info: { title: `${doc.typeName} ${doc.title}`, creator: 'Dialogue Pulse' },
    content,
  };
  return pdfMake.createPdf(definition).getBlob();
}
