import type { TFunction } from 'i18next';
import type { CashCount } from '../../shared/cash';
import type { ZReport } from '../../shared/contract-dayclose';
import { countLines, denominationLabel, formatZNo } from './z-report-format';
import { minusYuan, signedYuan, yuan } from '../app/money';

/** What both Z-report printouts are drawn from. */
export type ZReportProps = {
  report: ZReport;
  /** Fixed to the store's language: the record reads the same whoever reprints it. */
  t: TFunction;
  /** An instant on the store's clock. */
  time: (at: number) => string;
  printedAt: number;
};

/** Store, title, the Z number, the day, who closed it, and whether the close still stands. */
export function ZHeader({ report, t, time, printedAt }: ZReportProps) {
  const { store } = report;
  return (
    <>
      <h1>{store.name}</h1>
      <div className="store-line">{[store.address, store.phone].filter(Boolean).join(' · ')}</div>
      <h2>{t('dayclose.print.title')}</h2>
      <div className="ticket-no" data-testid="z-print-number">
        {report.zNo === null ? t('dayclose.print.notClosed') : formatZNo(store.code, report.zNo)}
      </div>
      {report.reopened && (
        <div className="copy-mark">
          {t('dayclose.print.reopened', {
            by: report.reopened.by.name,
            approvedBy: report.reopened.approvedBy.name,
            at: time(report.reopened.at),
          })}
          <br />
          {t('dayclose.print.reopenReason', { reason: report.reopened.reason })}
        </div>
      )}
      <table className="fields">
        <tbody>
          <tr>
            <th>{t('dayclose.print.businessDate')}</th>
            <td>{report.businessDate}</td>
          </tr>
          <tr>
            <th>{t('dayclose.print.closedBy')}</th>
            <td>
              {report.closedBy?.name ?? '—'}
              {report.closedAt !== null && ` · ${time(report.closedAt)}`}
            </td>
          </tr>
          {report.earlierZ.length > 0 && (
            <tr>
              <th>{t('dayclose.print.earlierZ')}</th>
              <td>{report.earlierZ.map((z) => formatZNo(store.code, z)).join(', ')}</td>
            </tr>
          )}
          <tr>
            <th>{t('dayclose.print.printedAt')}</th>
            <td>{time(printedAt)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

/** One line of money: a label and a right-aligned amount. */
function MoneyRow({ label, fen, strong }: { label: string; fen: string; strong?: boolean }) {
  return (
    <tr className={strong ? 'z-total' : undefined}>
      <th>{label}</th>
      <td className="num">{fen}</td>
    </tr>
  );
}

/** `-¥2.00 短款`: the sign and the word, so a short drawer cannot be misread as over. */
const varianceText = (fen: number | null, t: TFunction): string =>
  fen === null
    ? '—'
    : `${signedYuan(fen)} ${t(`dayclose.variance.${fen < 0 ? 'short' : fen > 0 ? 'over' : 'balanced'}`)}`;

/**
 * The drawer reconciled: float + taken − refunded + paid in − paid out = expected, then what was
 * counted and the difference. The signs are printed so the sum can be checked by hand.
 */
export function CashReconciliation({ report, t }: Pick<ZReportProps, 'report' | 't'>) {
  const { cash } = report;
  return (
    <table className="z-money">
      <tbody>
        <MoneyRow label={t('dayclose.figures.float')} fen={yuan(cash.floatFen)} />
        <MoneyRow label={`+ ${t('dayclose.figures.taken')}`} fen={yuan(cash.takenFen)} />
        <MoneyRow label={`− ${t('dayclose.figures.refunded')}`} fen={yuan(cash.refundedFen)} />
        <MoneyRow label={`+ ${t('dayclose.figures.paidIn')}`} fen={yuan(cash.paidInFen)} />
        <MoneyRow label={`− ${t('dayclose.figures.paidOut')}`} fen={yuan(cash.paidOutFen)} />
        <MoneyRow label={`= ${t('dayclose.figures.expected')}`} fen={yuan(cash.expectedFen)} strong />
        <MoneyRow label={t('dayclose.figures.counted')} fen={yuan(cash.countedFen)} />
        <MoneyRow label={t('dayclose.figures.variance')} fen={varianceText(cash.varianceFen, t)} strong />
      </tbody>
    </table>
  );
}

/** Blind or not, how many counts, and the note the variance needed. */
export function CountFacts({ report, t }: Pick<ZReportProps, 'report' | 't'>) {
  const { cash } = report;
  return (
    <table className="fields">
      <tbody>
        <tr>
          <th>{t('dayclose.print.blind')}</th>
          <td>{report.blind ? t('common.yes') : t('common.no')}</td>
        </tr>
        <tr>
          <th>{t('dayclose.print.countsTaken')}</th>
          <td>
            {cash.countsTaken}
            {cash.countsTaken > 1 &&
              cash.firstCountFen !== null &&
              ` (${t('dayclose.print.firstCount', { amount: yuan(cash.firstCountFen) })})`}
          </td>
        </tr>
        <tr>
          <th>{t('dayclose.print.note')}</th>
          <td>{report.note || '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** A count by denomination: pieces and value per line, and the total. */
export function CountTable({
  title,
  count,
  totalFen,
  t,
  testId,
}: {
  title: string;
  count: CashCount | null;
  totalFen: number | null;
  t: TFunction;
  testId?: string;
}) {
  return (
    <table className="z-count" data-testid={testId}>
      <thead>
        <tr>
          <th colSpan={3}>{title}</th>
        </tr>
      </thead>
      <tbody>
        {count === null ? (
          <tr>
            <td colSpan={3}>{t('dayclose.print.notCounted')}</td>
          </tr>
        ) : (
          countLines(count).map((line) => (
            <tr key={line.fen}>
              <td>{denominationLabel(line.fen, t)}</td>
              <td className="num">× {line.pieces}</td>
              <td className="num">{yuan(line.totalFen)}</td>
            </tr>
          ))
        )}
        <tr className="z-total">
          <td colSpan={2}>{t('dayclose.figures.total')}</td>
          <td className="num">{yuan(totalFen)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Cash paid in and out of the drawer, each with its note and who did it. */
export function MovementList({ report, t, time }: Omit<ZReportProps, 'printedAt'>) {
  const moves = report.movements.filter((m) => m.kind !== 'float');
  if (moves.length === 0) return <p>{t('dayclose.print.noMovements')}</p>;
  return (
    <table className="z-lines">
      <tbody>
        {moves.map((move) => (
          <tr key={move.id}>
            <td>
              {time(move.at).slice(11)} {t(`dayclose.kinds.${move.kind}`)} · {move.staff.name}
              <div className="z-note">{move.note}</div>
            </td>
            <td className="num">
              {move.kind === 'pay_out' ? minusYuan(move.amountFen) : yuan(move.amountFen)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Devices the register says are here against the last shelf count, and the day's tickets: one
 * figure a line, which reads on a narrow receipt as well as on A4.
 */
export function GoodsAndTickets({ report, t, time }: Omit<ZReportProps, 'printedAt'>) {
  const { goods, tickets } = report;
  const shelf = goods.lastShelfCount;
  const rows: [string, string | number][] = [
    [t('dayclose.figures.onPremises'), goods.onPremises],
    [t('dayclose.figures.received'), tickets.received],
    [t('dayclose.figures.collected'), tickets.collected],
    [t('dayclose.figures.open'), tickets.open],
    [t('dayclose.figures.overdue'), tickets.overdue],
  ];
  return (
    <div className="z-goods">
      <table className="z-money">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="z-shelf">
        {t('dayclose.figures.lastShelfCount')}:{' '}
        {shelf
          ? t('dayclose.figures.shelfLine', { ...shelf, at: time(shelf.at) })
          : t('dayclose.figures.noShelfCount')}
      </div>
    </div>
  );
}

/** Where the clerk who counted and the supervisor who checked sign. */
export function SignLines({ t }: { t: TFunction }) {
  return (
    <div className="sign">
      <span>{t('dayclose.print.signClerk')}</span>
      <span>{t('dayclose.print.signSupervisor')}</span>
    </div>
  );
}

/** The opening float and the closing count by denomination, side by side on A4, one after the other on 80 mm. */
export function DrawerCounts({ report, t }: Pick<ZReportProps, 'report' | 't'>) {
  return (
    <>
      <CountTable
        title={t('dayclose.print.floatCount')}
        count={report.float?.counts ?? null}
        totalFen={report.float?.totalFen ?? null}
        t={t}
      />
      <CountTable
        title={t('dayclose.print.closingCount')}
        count={report.cash.counts}
        totalFen={report.cash.countedFen}
        t={t}
      />
    </>
  );
}
