import {
  CashReconciliation,
  CountFacts,
  DrawerCounts,
  GoodsAndTickets,
  MovementList,
  SignLines,
  ZHeader,
  type ZReportProps,
} from './ZReportParts';
import { yuan } from '../app/money';

type Sum = { count: number; fen: number };

/** `3 · ¥1,200.00`: how many, and how much. */
const sumCell = (sum: Sum | undefined, negative = false) =>
  !sum || sum.count === 0 ? '—' : `${sum.count} · ${negative ? '-' : ''}${yuan(sum.fen)}`;

/**
 * The Z-report on A4 for the office file: every payment method in one table (deposits, final
 * payments, refunds, net), the cash reconciliation beside both counts by denomination, then the
 * payouts, goods and tickets, and the signatures.
 */
export function ZReportA4(props: ZReportProps) {
  const { report, t } = props;
  return (
    <div className="rc-doc paper-A4 z-report" data-document="z_report" data-paper="A4">
      <ZHeader {...props} />
      <h3>{t('dayclose.print.byMethod')}</h3>
      <table className="box lines z-methods">
        <thead>
          <tr>
            <th>{t('dayclose.figures.method')}</th>
            <th className="num">{t('dayclose.figures.deposits')}</th>
            <th className="num">{t('dayclose.figures.payments')}</th>
            <th className="num">{t('dayclose.figures.refunds')}</th>
            <th className="num">{t('dayclose.figures.net')}</th>
          </tr>
        </thead>
        <tbody>
          {report.methods.map((m) => (
            <tr key={m.method}>
              <td>{t(`paymentMethods.${m.method}`)}</td>
              <td className="num">{sumCell(m.deposits)}</td>
              <td className="num">{sumCell(m.payments)}</td>
              <td className="num">{sumCell(m.refunds, true)}</td>
              <td className="num">{yuan(m.netFen)}</td>
            </tr>
          ))}
          <tr className="z-total">
            <td>{t('dayclose.figures.total')}</td>
            <td className="num">{sumCell(report.totals?.deposits)}</td>
            <td className="num">{sumCell(report.totals?.payments)}</td>
            <td className="num">{sumCell(report.totals?.refunds, true)}</td>
            <td className="num">{yuan(report.totals?.netFen)}</td>
          </tr>
          <tr>
            <td>{t('dayclose.figures.discounts')}</td>
            <td className="num" colSpan={4}>
              {sumCell(report.discounts)}
            </td>
          </tr>
        </tbody>
      </table>
      <h3>{t('dayclose.print.cash')}</h3>
      <div className="z-columns">
        <div>
          <CashReconciliation report={report} t={t} />
          <CountFacts report={report} t={t} />
        </div>
        <DrawerCounts report={report} t={t} />
      </div>
      <h3>{t('dayclose.print.movements')}</h3>
      <MovementList {...props} />
      <h3>{t('dayclose.print.goodsAndTickets')}</h3>
      <GoodsAndTickets {...props} />
      <SignLines t={t} />
    </div>
  );
}
