import { formatMoment } from '../../shared/dates';
import { maskPhone } from '../../shared/phone';
import { Barcode } from './Barcode';
import { labelOf, money, type DocumentData } from './document-data';
import { QrCode } from './QrCode';

/**
 * 客户商品领取收据: the customer's claim receipt. Phone masked, no passcode; ticket number as text,
 * Code 128 and QR; terms and a signature line. 80 mm thermal or A4/A5.
 */
export function ClaimReceipt({ data }: { data: DocumentData }) {
  const { ticket, store, category, t, language, copyNo } = data;
  const label = (items: Parameters<typeof labelOf>[0], key: string) => labelOf(items, key, language);
  const damaged = Object.entries(ticket.condition).filter(([, state]) => state !== 'ok');
  const deposit = ticket.deposits.reduce((sum, d) => sum + d.amountFen, 0);
  return (
    <div className={`rc-doc paper-${data.paperSize}`} data-document="claim_receipt" lang={language}>
      <h1>{store.name}</h1>
      <div className="store-line">{store.address}</div>
      <div className="store-line">{store.phone}</div>
      <h2>{t('print.claimReceipt')}</h2>
      {copyNo > 0 && <div className="copy-mark">{t('print.copy', { n: copyNo })}</div>}
      <div className="ticket-no">{ticket.ticketNo}</div>
      <div className="codes">
        <Barcode value={ticket.ticketNo} />
        <QrCode value={ticket.ticketNo} size={data.paperSize === '80mm' ? 88 : 96} />
      </div>
      <table className="fields">
        <tbody>
          <tr>
            <th>{t('print.receivedAt')}</th>
            <td>
              {formatMoment(ticket.receivedAt, store.timeZone)} · {ticket.receivedBy.name}
            </td>
          </tr>
          <tr>
            <th>{t('print.customer')}</th>
            <td>
              {ticket.customer.name} {ticket.customer.phones.map(maskPhone).join(' / ')}
            </td>
          </tr>
          <tr>
            <th>{t('print.device')}</th>
            <td>
              {category ? (language === 'en' ? category.nameEn : category.nameZh) : ''} {ticket.device.brand}{' '}
              {ticket.device.model} {ticket.device.colour}
            </td>
          </tr>
          {ticket.device.serial && (
            <tr>
              <th>{t('print.serial')}</th>
              <td>{ticket.device.serial}</td>
            </tr>
          )}
          <tr>
            <th>{t('print.accessories')}</th>
            <td data-field="accessories">
              {[...ticket.accessories.map((key) => label(category?.accessories, key)), ticket.accessoriesNote]
                .filter(Boolean)
                .join('、') || t('print.none')}
            </td>
          </tr>
          <tr>
            <th>{t('print.condition')}</th>
            <td>
              {damaged.length === 0
                ? t('print.allGood')
                : damaged
                    .map(
                      ([key, state]) =>
                        `${label(category?.checklist, key)}(${t(`conditionStates.${state}`)})`,
                    )
                    .join('、')}
              {ticket.conditionNote && ` ${ticket.conditionNote}`}
            </td>
          </tr>
          <tr>
            <th>{t('print.fault')}</th>
            <td>
              {ticket.faultCodes.map((key) => label(category?.faultCodes, key)).join('、')}
              {ticket.faultCodes.length > 0 && ticket.reportedFault ? ' · ' : ''}
              {ticket.reportedFault}
            </td>
          </tr>
          <tr>
            <th>{t('print.serviceType')}</th>
            <td>
              {t(`serviceTypes.${ticket.serviceType}`)}
              {ticket.device.purchaseDate &&
                ` · ${t('print.purchased', { date: ticket.device.purchaseDate })}`}
              {ticket.device.invoiceNo && ` · ${t('print.invoice', { no: ticket.device.invoiceNo })}`}
            </td>
          </tr>
          <tr>
            <th>{t('print.estimate')}</th>
            <td>
              {money(ticket.estimateFen, store.currency)}
              {ticket.diagnosisFeeFen > 0 &&
                ` · ${t('print.diagnosisFee')} ${money(ticket.diagnosisFeeFen, store.currency)}`}
              {ticket.costLimitFen !== null &&
                ` · ${t('print.costLimit', { amount: money(ticket.costLimitFen, store.currency) })}`}
            </td>
          </tr>
          {deposit > 0 && (
            <tr>
              <th>{t('print.deposit')}</th>
              <td>
                {money(deposit, store.currency)} (
                {ticket.deposits.map((d) => t(`paymentMethods.${d.method}`)).join('、')})
              </td>
            </tr>
          )}
          <tr>
            <th>{t('print.promised')}</th>
            <td>{ticket.promisedDate}</td>
          </tr>
        </tbody>
      </table>
      <hr />
      <div className="terms">{data.receiptTerms}</div>
      <div className="sign">
        <span>{t('print.customerSignature')}</span>
      </div>
    </div>
  );
}
