import type { TFunction } from 'i18next';
import type { OutputOf } from '../../shared/contract';

type LedgerRow = OutputOf<'goods.register'>['rows'][number];

/** 客户商品进出登记簿 on A4: one line per movement, with who made it and a sign-off line. */
export function GoodsRegisterReport({
  rows,
  storeName,
  from,
  to,
  t,
  time,
  printedAt,
  locationName,
}: {
  rows: LedgerRow[];
  storeName: string;
  from: string;
  to: string;
  t: TFunction;
  /** Formats an instant on the store's clock. */
  time: (at: number) => string;
  printedAt: number;
  locationName: (location: string) => string;
}) {
  return (
    <div className="rc-report" data-document="goods_register">
      <h1>
        {storeName} · {t('goods.registerTitle')}
      </h1>
      <div className="meta">
        <span>
          {t('goods.period')}: {from} — {to}
        </span>
        <span>
          {t('goods.printedAt')}: {time(printedAt)}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('goods.at')}</th>
            <th>{t('goods.ticketNo')}</th>
            <th>{t('goods.customer')}</th>
            <th>{t('goods.device')}</th>
            <th>{t('goods.kind')}</th>
            <th>{t('goods.location')}</th>
            <th>{t('goods.staff')}</th>
            <th>{t('goods.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.entryId}>
              <td className="num">{time(row.at).slice(5)}</td>
              <td>{row.ticketNo}</td>
              <td>{row.customerName}</td>
              <td>{row.device}</td>
              <td>{t(`goods.kinds.${row.kind}`)}</td>
              <td>{[locationName(row.location), row.details.rmaNo].filter(Boolean).join(' · ')}</td>
              <td>{row.staffName}</td>
              <td>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sign">
        <span>{t('goods.count', { n: rows.length })}</span>
        <span>{t('goods.signSupervisor')}: ____________________</span>
      </div>
    </div>
  );
}
