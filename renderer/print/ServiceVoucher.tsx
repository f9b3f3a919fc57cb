import type { ReactNode } from 'react';
import { maskPhone } from '../../shared/phone';
import { Barcode } from './Barcode';
import {
  completedAt,
  fittedParts,
  labelOf,
  money,
  storeDate,
  storeTime,
  type DocumentData,
} from './document-data';

/** A label and its value across the voucher's two-column field table. */
function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <>
      <th>{label}</th>
      <td colSpan={wide ? 3 : 1}>{children}</td>
    </>
  );
}

/**
 * 服务凭证 on A4: the record of one job that the customer signs when it is done and the store files.
 * Store, ticket number with barcode, customer and device, service type, fault, diagnosis, cause,
 * action taken, parts with prices, labour, what is charged and why, the customer's approval, the
 * 三包 outcome, technician and supervisor, the dates, and the signature lines.
 */
export function ServiceVoucher({ data }: { data: DocumentData }) {
  const { ticket, store, category, t, language, copyNo, repair } = data;
  const cur = (fen: number) => money(fen, store.currency);
  const label = (items: Parameters<typeof labelOf>[0], key: string) => labelOf(items, key, language);
  const parts = fittedParts(repair);
  const partsTotal = parts.reduce((sum, p) => sum + p.quantity * p.priceFen, 0);
  const deposit = ticket.deposits.reduce((sum, d) => sum + d.amountFen, 0);
  const basis = repair?.chargeBasis ?? 'estimate';
  const basisAmount = basis === 'diagnosis_fee' ? (repair?.diagnosisFeeFen ?? 0) : (repair?.estimateFen ?? 0);
  const completed = completedAt(repair);
  const date = (at: number | null | undefined) => (at ? storeDate(data, at) : '______');
  const technician = repair?.assignedTo ?? repair?.diagnosedBy ?? null;
  return (
    <div className="rc-doc paper-A4 voucher" data-document="service_voucher" lang={language}>
      <h1>{store.name}</h1>
      <div className="store-line">
        {store.address} · {store.phone}
      </div>
      <h2>{t('workflow.print.voucher')}</h2>
      {copyNo > 0 && <div className="copy-mark">{t('print.copy', { n: copyNo })}</div>}
      <div className="voucher-head">
        <div>
          <div className="ticket-no">{ticket.ticketNo}</div>
          <div>
            {t('print.receivedAt')} {storeTime(data, ticket.receivedAt)} · {ticket.receivedBy.name}
          </div>
        </div>
        <Barcode value={ticket.ticketNo} height={44} />
      </div>
      <table className="box">
        <tbody>
          <tr>
            <Field label={t('workflow.print.customer')}>{ticket.customer.name}</Field>
            <Field label={t('workflow.print.phone')}>
              {ticket.customer.phones.map(maskPhone).join(' / ')}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.device')}>
              {category ? (language === 'en' ? category.nameEn : category.nameZh) : ''} {ticket.device.brand}{' '}
              {ticket.device.model} {ticket.device.colour}
            </Field>
            <Field label={t('workflow.print.serial')}>{ticket.device.serial ?? '—'}</Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.serviceType')}>
              {ticket.serviceType} · {t(`serviceTypes.${ticket.serviceType}`)}
            </Field>
            <Field label={t('workflow.print.purchase')}>
              {[
                ticket.device.purchaseDate && t('print.purchased', { date: ticket.device.purchaseDate }),
                ticket.device.invoiceNo && t('print.invoice', { no: ticket.device.invoiceNo }),
              ]
                .filter(Boolean)
                .join(' · ') || t('workflow.print.noPurchase')}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.reportedFault')} wide>
              {ticket.faultCodes.map((key) => label(category?.faultCodes, key)).join('、')}{' '}
              {ticket.reportedFault}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.diagnosis')} wide>
              {repair?.diagnosis || '—'}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.cause')} wide>
              {repair?.cause || '—'}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.actionTaken')} wide>
              {repair?.actionTaken || '—'}
            </Field>
          </tr>
        </tbody>
      </table>

      <h3>{t('workflow.print.parts')}</h3>
      <table className="box lines" data-field="parts">
        <thead>
          <tr>
            <th>{t('workflow.print.partNo')}</th>
            <th>{t('workflow.print.partName')}</th>
            <th className="num">{t('workflow.print.qty')}</th>
            <th className="num">{t('workflow.print.price')}</th>
            <th className="num">{t('workflow.print.amount')}</th>
            <th>{t('workflow.print.oldPart')}</th>
          </tr>
        </thead>
        <tbody>
          {parts.length === 0 && (
            <tr>
              <td colSpan={6}>{t('workflow.print.noParts')}</td>
            </tr>
          )}
          {parts.map((p) => (
            <tr key={p.partId}>
              <td>{p.sku}</td>
              <td>{p.name}</td>
              <td className="num">{p.quantity}</td>
              <td className="num">{cur(p.priceFen)}</td>
              <td className="num">{cur(p.quantity * p.priceFen)}</td>
              <td>{t(`workflow.parts.oldParts.${p.oldPart}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('workflow.print.labour')}</h3>
      <table className="box lines" data-field="labour">
        <thead>
          <tr>
            <th>{t('workflow.print.technician')}</th>
            <th className="num">{t('workflow.print.minutes')}</th>
          </tr>
        </thead>
        <tbody>
          {(repair?.labourByTechnician.length ?? 0) === 0 && (
            <tr>
              <td colSpan={2}>{t('workflow.print.noLabour')}</td>
            </tr>
          )}
          {repair?.labourByTechnician.map((row) => (
            <tr key={row.technician.id}>
              <td>{row.technician.name}</td>
              <td className="num">{row.minutes}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="box" style={{ marginTop: '3mm' }}>
        <tbody>
          <tr>
            <Field label={t('workflow.print.charges')} wide>
              <strong data-field="charge-basis">
                {t(`workflow.print.chargeBasis.${basis}`, { amount: cur(basisAmount) })}
              </strong>
              {partsTotal > 0 && ` · ${t('workflow.print.partsTotal', { amount: cur(partsTotal) })}`}
              {deposit > 0 && ` · ${t('workflow.print.deposit', { amount: cur(deposit) })}`}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.approvals')} wide>
              {repair && repair.approvals.length > 0
                ? repair.approvals.map((a) => (
                    <div key={a.at}>
                      {t('workflow.print.approvalLine', {
                        decision: t(`workflow.fields.decisions.${a.decision}`),
                        method: t(`workflow.fields.methods.${a.method}`),
                        givenBy: a.givenBy,
                        amount: cur(a.amountFen),
                        recordedBy: a.recordedBy,
                        at: storeTime(data, a.at),
                      })}
                    </div>
                  ))
                : t('workflow.print.noApprovals')}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.warranty')} wide>
              {repair?.outcome
                ? [
                    t(`workflow.fields.outcomes.${repair.outcome}`),
                    repair.outcomeReason,
                    repair.replacementSerial &&
                      t('workflow.print.replacementSerial', { serial: repair.replacementSerial }),
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : t('workflow.print.noOutcome')}
            </Field>
          </tr>
          {repair && repair.vendorTrips.length > 0 && (
            <tr>
              <Field label={t('workflow.print.vendor')} wide>
                {repair.vendorTrips.map((trip) => (
                  <div key={`${trip.rmaNo}-${trip.sentAt}`}>
                    {t('workflow.print.vendorLine', {
                      vendor: trip.vendor,
                      rmaNo: trip.rmaNo,
                      sent: storeDate(data, trip.sentAt),
                      back: date(trip.returnedAt),
                    })}
                  </div>
                ))}
              </Field>
            </tr>
          )}
          <tr>
            <Field label={t('workflow.print.technician')}>{technician?.name ?? ''}</Field>
            <Field label={t('workflow.print.checkedBy')}>
              {repair?.checkedBy && repair.checkedAt
                ? t('workflow.print.signedBy', {
                    name: repair.checkedBy.name,
                    at: storeTime(data, repair.checkedAt),
                  })
                : ''}
            </Field>
          </tr>
          <tr>
            <Field label={t('workflow.print.dates')} wide>
              {t('workflow.print.received')} {storeDate(data, ticket.receivedAt)} ·{' '}
              {t('workflow.print.completed')} {date(completed)} · {t('workflow.print.handedBack')}{' '}
              {date(repair?.handedBackAt)}
            </Field>
          </tr>
        </tbody>
      </table>

      <div className="sign voucher-sign">
        <span>{t('workflow.print.customerSignature')}</span>
        <span className="short">{t('workflow.print.date')}</span>
      </div>
      <div className="sign voucher-sign">
        <span>{t('workflow.print.staffSignature')}</span>
        <span className="short">{t('workflow.print.date')}</span>
      </div>
    </div>
  );
}
