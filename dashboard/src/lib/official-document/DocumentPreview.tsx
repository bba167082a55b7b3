import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { DocQr, DocTable, ReportDocument } from './document.js';

/** A QR code as printed: an SVG drawn from the link, its caption and the link itself under it. */
function QrFigure({ qr }: { qr: DocQr }) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    void QRCode.toString(qr.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [qr.url]);
  return (
    <figure className="report-qr" data-testid="document-qr">
      {svg ? <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={qr.caption} width={113} height={113} /> : null}
      <figcaption>
        <em>{qr.caption}</em>
        <br />
        <a href={qr.url}>{qr.url}</a>
      </figcaption>
    </figure>
  );
}

function Table({ table }: { table: DocTable }) {
  return (
    <table className="report-table">
      <thead>
        <tr>{table.header.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>{row.map((cell, i) => <td key={i} className={table.numeric.includes(i) ? 'num' : undefined}>{cell}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** The report as it prints (Ctrl-P uses the print stylesheet: only this document, on A4). */
export function DocumentPreview({ doc }: { doc: ReportDocument }) {
  return (
    <article className="report-document" lang="vi" data-testid="report-document">
      <header className="report-head">
        <div className="report-body-name">
          {doc.issuingBody.map((line) => <strong key={line}>{line}</strong>)}
          <span className="rule" aria-hidden="true" />
          <span>{doc.numberLine}</span>
        </div>
        <div className="report-motto">
          <strong>{doc.motto[0]}</strong>
          <strong className="slogan">{doc.motto[1]}</strong>
          <em>{doc.placeDate}</em>
        </div>
      </header>
      {doc.draft ? <p className="report-draft-mark">DỰ THẢO</p> : null}
      <h2 className="report-type">{doc.typeName}</h2>
      <p className="report-title">{doc.title}</p>
      <p className="report-period">{doc.periodLine}</p>
      {doc.sections.map((section) => (
        <section key={section.heading}>
          <h3>{section.heading}</h3>
          {section.blocks.map((block, i) =>
            block.kind === 'paragraph' ? <p key={i} className="report-paragraph">{block.text}</p> : block.kind === 'heading' ? <h4 key={i}>{block.text}</h4> : block.kind === 'qr' ? <QrFigure key={i} qr={block.qr} /> : <Table key={i} table={block.table} />,
          )}
        </section>
      ))}
      <footer className="report-sign">
        <div>
          <strong><em>Nơi nhận:</em></strong>
          <ul>{doc.recipients.map((r) => <li key={r}>- {r}</li>)}</ul>
        </div>
        <div className="report-signer">
          {doc.signerTitle.map((l) => <strong key={l}>{l}</strong>)}
          <span className="sign-space" />
          <strong>{doc.signerName}</strong>
        </div>
      </footer>
    </article>
  );
}
