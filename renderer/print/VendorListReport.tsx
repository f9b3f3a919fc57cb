import type { TFunction } from 'i18next';
import type { OutputOf } from '../../shared/contract';

type GoodsRow = OutputOf<'goods.atVendor'>['rows'][number];
type PartLine = OutputOf<'parts.atVendor'>[number];

/** What is out at one vendor (devices, then parts), with RMA numbers and days out: for the courier or a call. */
export function VendorListReport({
  vendor,
  rows,
  parts,
  storeName,
  t,
  time,
  printedAt,
}: {
  vendor: string;
  rows: GoodsRow[];
  parts: PartLine[];
  storeName: string;
  t: TFunction;
  /** Formats an instant on the store's clock. */
  time: (at: number) => string;
  printedAt: number;
}) {
  return (
    <div className="rc-report" data-document="vendor_list">
      <h1>
        {storeName} · {t('goods.vendorListTitle')}
      </h1>
      <div className="meta">
        <strong>{vendor}</strong>
        <span>
          {t('goods.printedAt')}: {time(printedAt)}
        </span>
      </div>
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('goods.rmaNo')}</th>
              <th>{t('goods.ticketNo')}</th>
              <th>{t('goods.device')}</th>
              <th>{t('goods.customer')}</th>
              <th>{t('goods.at')}</th>
              <th className="num">{t('goods.daysOut')}</th>
              <th>{t('goods.expectedBack')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.ticketId}>
                <td>{row.details.rmaNo}</td>
                <td>{row.ticketNo}</td>
                <td>{row.device}</td>
                <td>{row.customerName}</td>
                <td>{time(row.since).slice(0, 10)}</td>
                <td className="num">{row.daysHere}</td>
                <td>{row.details.expectedBack ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {parts.length > 0 && (
        <table style={{ marginTop: '4mm' }}>
          <thead>
            <tr>
              <th>{t('goods.rmaNo')}</th>
              <th>{t('parts.columns.sku')}</th>
              <th>{t('parts.columns.name')}</th>
              <th className="num">{t('parts.vendor.quantity')}</th>
              <th>{t('goods.at')}</th>
              <th className="num">{t('goods.daysOut')}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((line) => (
              <tr key={`${line.partId}/${line.rmaNo}`}>
                <td>{line.rmaNo}</td>
                <td>{line.sku}</td>
                <td>{line.name}</td>
                <td className="num">{line.quantity}</td>
                <td>{time(line.sentAt).slice(0, 10)}</td>
                <td className="num">{line.daysOut}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="sign">
        <span>{t('goods.vendorCounts', { devices: rows.length, parts: parts.length })}</span>
        <span>{t('goods.signHandler')}: ____________________</span>
      </div>
    </div>
  );
}
