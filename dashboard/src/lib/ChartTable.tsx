import { useTranslation } from 'react-i18next';

/** A chart's data as a table, behind a disclosure: the text alternative for screen readers and for anyone who wants exact numbers. */
export function ChartTable({ caption, columns, rows, testId }: { caption: string; columns: string[]; rows: (string | number)[][]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const format = (value: string | number) => (typeof value === 'number' ? new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB').format(value) : value);
  return (
    <details className="chart-table" data-testid={testId}>
      <summary>{t('chart.showTable')}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} data-row={row[0]}>
                <th scope="row">{row[0]}</th>
                {row.slice(1).map((cell, i) => <td key={i} data-value={typeof cell === 'number' ? cell : undefined}>{format(cell)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
