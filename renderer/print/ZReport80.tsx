import { paymentMethods } from '../../shared/catalogue';
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
import { minusYuan, yuan } from '../app/money';

/**
 * The Z-report on the 80 mm receipt printer, the copy that goes in the cash bag. Too narrow for a
 * five-column table, so each payment method is a block: its net, then deposits, final payments and
 * refunds under it; methods with nothing on them are left out.
 */
export function ZReport80(props: ZReportProps) {
  const { report, t } = props;
  const used = report.methods.filter(
    (m) => m.deposits.count + m.payments.count + m.refunds.count > 0 || m.method === 'cash',
  );
  const byMethod = new Map(used.map((m) => [m.method, m]));
  return (
    <div className="rc-doc paper-80mm z-report" data-document="z_report" data-paper="80mm">
      <ZHeader {...props} />
      <hr />
      <h3>{t('dayclose.print.byMethod')}</h3>
      <table className="z-money">
        <tbody>
          {paymentMethods.flatMap((method) => {
            const m = byMethod.get(method);
            if (!m) return [];
            return [
              <tr key={method} className="z-total">
                <th>{t(`paymentMethods.${method}`)}</th>
                <td className="num">{yuan(m.netFen)}</td>
              </tr>,
              ...(['deposits', 'payments', 'refunds'] as const).map((kind) => (
                <tr key={`${method}-${kind}`} className="z-sub">
                  <th>
                    {t(`dayclose.figures.${kind}`)} ×{m[kind].count}
                  </th>
                  <td className="num">{kind === 'refunds' ? minusYuan(m[kind].fen) : yuan(m[kind].fen)}</td>
                </tr>
              )),
            ];
          })}
          <tr className="z-total z-grand">
            <th>{t('dayclose.figures.netTotal')}</th>
            <td className="num">{yuan(report.totals?.netFen)}</td>
          </tr>
          <tr>
            <th>
              {t('dayclose.figures.discounts')} ×{report.discounts.count}
            </th>
            <td className="num">{yuan(report.discounts.fen)}</td>
          </tr>
        </tbody>
      </table>
      <hr />
      <h3>{t('dayclose.print.cash')}</h3>
      <CashReconciliation report={report} t={t} />
      <CountFacts report={report} t={t} />
      <DrawerCounts report={report} t={t} />
      <hr />
      <h3>{t('dayclose.print.movements')}</h3>
      <MovementList {...props} />
      <hr />
      <h3>{t('dayclose.print.goodsAndTickets')}</h3>
      <GoodsAndTickets {...props} />
      <SignLines t={t} />
    </div>
  );
}
