import type { TFunction } from 'i18next';
import type { OutputOf } from '../../shared/contract';
import type { LedgerEntry, Pickup } from '../../shared/contract-payments';
import { formatMoment } from '../../shared/dates';
import { maskPhone } from '../../shared/phone';
import type { Language } from '../../shared/roles';
import { Barcode } from './Barcode';
import { money } from './document-data';

/** Everything the pickup voucher prints, gathered by usePrintPickup. */
export type VoucherData = {
  pickup: Pickup;
  store: OutputOf<'store.get'>;
  /** The device's serial/IMEI: what a later 三包 claim names. */
  serial: string | null;
  paperSize: '80mm' | 'A4' | 'A5';
  language: Language;
  /** Fixed to the store's language, like every customer's slip. */
  t: TFunction;
  /** 0 for the original; a later print says which copy it is. */
  copyNo: number;
};

/**
 * 取机凭证: what the customer takes home with the device. The bill and how it was paid (cash with the
 * change), the claim receipt taken back (or lost, with the identity checked), the guarantees this
 * hand-back gives, and the customer's own signature. 80 mm thermal (A4/A5 where the store prints so).
 */
export function PickupVoucher({ data }: { data: VoucherData }) {
  const { pickup, store, t, language } = data;
  const { bill } = pickup;
  // The sign before the currency: `-¥22.00` for a discount or a refund.
  const cur = (fen: number) => (fen < 0 ? `-${money(-fen, store.currency)}` : money(fen, store.currency));
  const taken = new Set(pickup.taken.map((entry) => entry.id));
  const earlier = bill.entries.filter((entry) => !taken.has(entry.id));
  const signed = (entry: LedgerEntry) => (entry.kind === 'refund' ? -entry.amountFen : entry.amountFen);
  const entryRow = (entry: LedgerEntry) => (
    <tbody key={entry.id}>
      <tr>
        <td>
          {t(`pickup.kinds.${entry.kind}`)} · {t(`paymentMethods.${entry.method}`)}
          {entry.note === 'deposit_excess' && ` · ${t('pickup.bill.depositExcess')}`}
        </td>
        <td className="num">{cur(signed(entry))}</td>
      </tr>
      {entry.tenderedFen !== null && (
        <tr className="sub">
          <td colSpan={2}>
            {t('pickup.voucher.tenderedChange', {
              tendered: cur(entry.tenderedFen),
              change: cur(entry.changeFen ?? 0),
            })}
          </td>
        </tr>
      )}
    </tbody>
  );

  return (
    <div
      className={`rc-doc paper-${data.paperSize}`}
      data-document="pickup_voucher"
      data-testid="pickup-voucher"
      lang={language}
    >
      <h1>{store.name}</h1>
      <div className="store-line">{store.address}</div>
      <div className="store-line">{store.phone}</div>
      <h2>{t('pickup.voucher.title')}</h2>
      {data.copyNo > 0 && <div className="copy-mark">{t('print.copy', { n: data.copyNo })}</div>}
      <div className="ticket-no">{pickup.ticketNo}</div>
      <div className="codes">
        <Barcode value={pickup.ticketNo} />
      </div>
      <table className="fields">
        <tbody>
          <tr>
            <th>{t('pickup.voucher.collectedAt')}</th>
            <td>
              {formatMoment(pickup.at, store.timeZone)} · {pickup.staff.name}
            </td>
          </tr>
          <tr>
            <th>{t('pickup.voucher.customer')}</th>
            <td>
              {bill.customerName} {bill.customerPhone && maskPhone(bill.customerPhone)}
            </td>
          </tr>
          <tr>
            <th>{t('pickup.voucher.device')}</th>
            <td>
              {bill.device}
              {data.serial && ` · ${data.serial}`}
            </td>
          </tr>
        </tbody>
      </table>
      <hr />
      <div className="section-title">{t('pickup.voucher.charges')}</div>
      <table className="money" data-field="charges">
        <tbody>
          {bill.lines.map((line) => (
            <tr key={line.kind}>
              <td>
                {t(`pickup.lines.${line.kind}`)}
                {line.kind === 'labour' && ` (${t('pickup.bill.minutes', { count: bill.labourMinutes })})`}
              </td>
              <td className="num">{cur(line.amountFen)}</td>
            </tr>
          ))}
          {bill.discounts.map((discount, i) => (
            <tr key={`discount-${i}`}>
              <td>
                {t('pickup.bill.discount')} · {discount.reason}
              </td>
              <td className="num">{cur(-discount.amountFen)}</td>
            </tr>
          ))}
          <tr className="total">
            <td>{t('pickup.voucher.toPay')}</td>
            <td className="num">{cur(bill.chargesFen - bill.discountsFen)}</td>
          </tr>
        </tbody>
      </table>
      {earlier.length > 0 && (
        <>
          <div className="section-title">{t('pickup.voucher.paidBefore')}</div>
          <table className="money" data-field="paid-before">
            {earlier.map(entryRow)}
          </table>
        </>
      )}
      {pickup.taken.length > 0 && (
        <>
          <div className="section-title">{t('pickup.voucher.paidNow')}</div>
          <table className="money" data-field="paid-now">
            {pickup.taken.map(entryRow)}
          </table>
        </>
      )}
      <table className="money">
        <tbody>
          <tr className="total">
            <td>{t('pickup.voucher.totalPaid')}</td>
            <td className="num" data-field="total-paid">
              {cur(bill.paidFen)}
            </td>
          </tr>
        </tbody>
      </table>
      <hr />
      <div className="statement" data-field="receipt">
        {pickup.receipt === 'lost' ? t('pickup.voucher.receiptLost') : t('pickup.voucher.receiptReturned')}
      </div>
      {pickup.repairWarrantyUntil && (
        <div className="promise" data-field="repair-warranty">
          {t('pickup.voucher.repairWarranty', { date: pickup.repairWarrantyUntil })}
        </div>
      )}
      {pickup.warrantyUntil && (
        <div className="promise" data-field="warranty">
          {t('pickup.voucher.warranty', { date: pickup.warrantyUntil })}
        </div>
      )}
      <div className="section-title">{t('pickup.voucher.signature')}</div>
      <img
        className="signature-image"
        alt={t('pickup.voucher.signature')}
        src={`data:${pickup.signature.mime};base64,${pickup.signature.data}`}
      />
      <div className="keep">{t('pickup.voucher.keep')}</div>
    </div>
  );
}
