import type { TFunction } from 'i18next';
import type { AnyView } from './views/view-kit';

type Props = {
  view: AnyView;
  /** The chart as drawn on screen (its HTML): a chart rendered off-screen for paper draws nothing. */
  chartHtml: string;
  title: string;
  storeName: string;
  from: string;
  to: string;
  printedAt: string;
  t: TFunction;
};

/** A report on A4: the title block, the chart as on screen, and the whole table. */
export function ReportPrintout({ view, chartHtml, title, storeName, from, to, printedAt, t }: Props) {
  return (
    <div className="rc-report">
      <h1>{title}</h1>
      <div className="meta">
        <span>{storeName}</span>
        <span>{t('reports.print.range', { from, to })}</span>
        <span>{t('reports.print.printedAt', { at: printedAt })}</span>
      </div>
      {view.note && <p>{view.note}</p>}
      <div style={{ margin: '2mm 0 4mm', zoom: 0.8 }} dangerouslySetInnerHTML={{ __html: chartHtml }} />
      <table>
        <thead>
          <tr>
            {view.columns.map((column) => (
              <th key={column.key}>{column.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row, i) => (
            <tr key={i}>
              {view.columns.map((column) => (
                <td key={column.key} style={column.numeric ? { textAlign: 'right' } : undefined}>
                  {column.value(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
