import { Barcode } from './Barcode';
import { labelOf, surnameOf, type DocumentData } from './document-data';

/** An empty ruled table for the technician to fill in by hand. */
function BlankGrid({ headings, rows }: { headings: string[]; rows: number }) {
  return (
    <table className="grid" style={{ marginTop: '1.5mm' }}>
      <thead>
        <tr>
          {headings.map((heading) => (
            <th key={heading}>{heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, row) => (
          <tr key={row}>
            {headings.map((heading) => (
              <td key={heading} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 修护卡: hangs on the device. Shop-only details (passcode, shelf) and blank space for the
 * technician's diagnosis, parts, labour, QC and the supervisor's sign-off.
 */
export function RepairCard({ data }: { data: DocumentData }) {
  const { ticket, category, t, language, copyNo } = data;
  const label = (items: Parameters<typeof labelOf>[0], key: string) => labelOf(items, key, language);
  const tail = ticket.customer.phones[0]?.slice(-4) ?? '';
  return (
    <div className={`rc-doc paper-${data.paperSize}`} data-document="repair_card" lang={language}>
      <h2>{t('print.repairCard')}</h2>
      {copyNo > 0 && <div className="copy-mark">{t('print.copy', { n: copyNo })}</div>}
      <div className="ticket-no">{ticket.ticketNo}</div>
      <div className="codes">
        <Barcode value={ticket.ticketNo} height={40} />
      </div>
      <table className="fields">
        <tbody>
          <tr>
            <th>{t('print.customer')}</th>
            <td>
              {surnameOf(ticket.customer.name)} · {t('print.phoneTail', { tail })}
            </td>
          </tr>
          <tr>
            <th>{t('print.device')}</th>
            <td>
              {ticket.device.brand} {ticket.device.model} {ticket.device.serial ?? ''}
            </td>
          </tr>
          <tr>
            <th>{t('print.shelf')}</th>
            <td>
              <strong>{ticket.shelfLocation || '—'}</strong> · {t('print.due')} {ticket.promisedDate} ·{' '}
              {t(`priorities.${ticket.priority}`)}
            </td>
          </tr>
          <tr>
            <th>{t('print.fault')}</th>
            <td>
              {ticket.faultCodes.map((key) => label(category?.faultCodes, key)).join('、')}{' '}
              {ticket.reportedFault}
            </td>
          </tr>
          <tr>
            <th>{t('print.passcode')}</th>
            <td>
              <strong>{ticket.passcode || '—'}</strong>
            </td>
          </tr>
          <tr>
            <th>{t('print.condition')}</th>
            <td>
              {Object.entries(ticket.condition)
                .filter(([, state]) => state !== 'ok')
                .map(([key]) => label(category?.checklist, key))
                .join('、') || t('print.allGood')}
            </td>
          </tr>
          <tr>
            <th>{t('print.accessories')}</th>
            <td>
              {ticket.accessories.map((key) => label(category?.accessories, key)).join('、') ||
                ticket.accessoriesNote ||
                t('print.none')}
            </td>
          </tr>
          <tr>
            <th>{t('print.droppedOff')}</th>
            <td>
              {ticket.businessDate} · {t('print.handedBack')} ______
            </td>
          </tr>
        </tbody>
      </table>
      <hr />
      <div>{t('print.diagnosis')}</div>
      <div className="blank-lines">
        <div />
        <div />
      </div>
      <BlankGrid headings={[t('print.partNo'), t('print.qty'), t('print.oldPart')]} rows={3} />
      <BlankGrid headings={[t('print.technician'), t('print.startStop'), t('print.minutes')]} rows={2} />
      <div className="sign">
        <span>{t('print.qc')}</span>
        <span>{t('print.supervisorCheck')}</span>
      </div>
      <div className="sign">
        <span>{t('print.rma')}</span>
      </div>
    </div>
  );
}
