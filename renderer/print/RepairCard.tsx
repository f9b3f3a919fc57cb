import type { RepairCard as Card } from '../../shared/contract-repair';
import { Barcode } from './Barcode';
import { fittedParts, labelOf, storeDate, storeTime, surnameOf, type DocumentData } from './document-data';

/** A ruled table: the rows written so far, then empty rows for the technician to fill in by hand. */
function Grid({ headings, rows, blank }: { headings: string[]; rows: string[][]; blank: number }) {
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
        {rows.map((row, r) => (
          <tr key={`row-${r}`}>
            {row.map((cell, c) => (
              <td key={headings[c]}>{cell}</td>
            ))}
          </tr>
        ))}
        {Array.from({ length: rows.length > 0 ? 0 : blank }, (_, r) => (
          <tr key={`blank-${r}`}>
            {headings.map((heading) => (
              <td key={heading} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A signature line with what is already known written on it (a name and time), or left empty. */
function SignLine({ label, value }: { label: string; value?: string }) {
  return (
    <div className="sign">
      <span>
        {label}
        {value && <strong className="signed"> {value}</strong>}
      </span>
    </div>
  );
}

/** Per technician: the start-stop spans of their timers and their minutes in all. */
function labourRows(data: DocumentData, repair: Card): string[][] {
  const hhmm = (at: number) => storeTime(data, at).slice(11);
  return repair.labourByTechnician.map(({ technician, minutes }) => {
    const spans = repair.labour
      .filter((e) => e.technician.id === technician.id && e.source === 'timer' && !e.reversed)
      .flatMap((e) => (e.startedAt && e.endedAt ? [`${hhmm(e.startedAt)}-${hhmm(e.endedAt)}`] : []));
    return [technician.name, spans.join(' ') || '—', String(minutes)];
  });
}

/**
 * 修护卡: hangs on the device. Shop-only details (passcode, shelf), then the work as it is done:
 * diagnosis and cause, parts replaced, labour per technician, QC, the technician, the supervisor's
 * sign-off, vendor RMAs, drop-off and hand-back. What is not done yet is left blank to write in.
 */
export function RepairCard({ data }: { data: DocumentData }) {
  const { ticket, category, t, language, copyNo, repair } = data;
  const label = (items: Parameters<typeof labelOf>[0], key: string) => labelOf(items, key, language);
  const tail = ticket.customer.phones[0]?.slice(-4) ?? '';
  const qc = repair?.checks.findLast((check) => check.kind === 'qc');
  const technician = repair?.assignedTo ?? repair?.diagnosedBy ?? null;
  const parts = fittedParts(repair);
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
            <td data-field="dates">
              {ticket.businessDate} · {t('print.handedBack')}{' '}
              {repair?.handedBackAt ? storeDate(data, repair.handedBackAt) : '______'}
            </td>
          </tr>
        </tbody>
      </table>
      <hr />
      {repair?.diagnosis ? (
        <table className="fields" data-field="diagnosis">
          <tbody>
            <tr>
              <th>{t('workflow.print.diagnosis')}</th>
              <td>{repair.diagnosis}</td>
            </tr>
            <tr>
              <th>{t('workflow.print.cause')}</th>
              <td>{repair.cause || '—'}</td>
            </tr>
            {repair.actionTaken && (
              <tr>
                <th>{t('workflow.print.actionTaken')}</th>
                <td>{repair.actionTaken}</td>
              </tr>
            )}
          </tbody>
        </table>
      ) : (
        <>
          <div>{t('print.diagnosis')}</div>
          <div className="blank-lines">
            <div />
            <div />
          </div>
        </>
      )}
      <Grid
        headings={[t('print.partNo'), t('print.qty'), t('print.oldPart')]}
        rows={parts.map((p) => [p.sku, String(p.quantity), t(`workflow.parts.oldParts.${p.oldPart}`)])}
        blank={3}
      />
      <Grid
        headings={[t('print.technician'), t('print.startStop'), t('print.minutes')]}
        rows={repair ? labourRows(data, repair) : []}
        blank={2}
      />
      <SignLine
        label={t('print.qc')}
        value={
          qc &&
          t('workflow.print.qcAt', {
            result: qc.passed ? t('workflow.print.qcPassed') : t('workflow.print.qcFailed'),
            name: qc.staffName,
            at: storeTime(data, qc.at),
          })
        }
      />
      <SignLine label={t('print.technician')} value={technician?.name} />
      <SignLine
        label={t('print.supervisorCheck')}
        value={
          repair?.checkedBy && repair.checkedAt
            ? t('workflow.print.signedBy', {
                name: repair.checkedBy.name,
                at: storeTime(data, repair.checkedAt),
              })
            : undefined
        }
      />
      {repair && repair.vendorTrips.length > 0 ? (
        <div className="vendor-trips" data-field="rma">
          <div>{t('print.rma')}</div>
          {repair.vendorTrips.map((trip) => (
            <div key={`${trip.rmaNo}-${trip.sentAt}`}>
              {trip.vendor} · <strong>{trip.rmaNo}</strong> · {storeDate(data, trip.sentAt)} /{' '}
              {trip.returnedAt ? storeDate(data, trip.returnedAt) : '______'}
            </div>
          ))}
        </div>
      ) : (
        <SignLine label={t('print.rma')} />
      )}
    </div>
  );
}
