import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useReactToPrint } from 'react-to-print';
import type { OutputOf } from '../../shared/contract';
import type { RepairCard as Card } from '../../shared/contract-repair';
import type { printDocuments } from '../../shared/ticket-schemas';
import { callOrThrow } from '../api';
import { i18n } from '../i18n';
import { AccessoryLabel } from './AccessoryLabel';
import { ClaimReceipt } from './ClaimReceipt';
import type { DocumentData } from './document-data';
import { printThroughHost } from './printThroughHost';
import { RepairCard } from './RepairCard';
import { ServiceVoucher } from './ServiceVoucher';
import printCss from './print.css?inline';

type Ticket = OutputOf<'tickets.get'>;
type Document = (typeof printDocuments)[number];
type Job = { data: Omit<DocumentData, 'copyNo'>; copies: Record<string, number>; documents: Document[] };

/** The service voucher is an A4 office document: it prints on its own, through the print dialog. */
const isVoucherJob = (documents: readonly Document[]) => documents.every((d) => d === 'service_voucher');

const pageStyles: Record<DocumentData['paperSize'] | 'label', string> = {
  '80mm': '@page { size: 80mm auto; margin: 0 4mm; }',
  A5: '@page { size: A5; margin: 5mm; }',
  A4: '@page { size: A4; margin: 8mm; }',
  label: '@page { size: 50mm 30mm; margin: 0; }',
};

/**
 * Prints a ticket's documents in one action: the print is logged first (which tells whether this is
 * the original or a copy, and the copy says so), then the documents render off-screen and
 * react-to-print sends them to the printer. Returns the hidden render target to mount once.
 * `repair` is the repair card as it stands (from `repair.card`): the repair card and the service
 * voucher print the work done so far; without it (at intake) the card has blank space for it.
 */
export function usePrintTicket(): {
  print: (ticket: Ticket, documents?: Document[], repair?: Card | null) => Promise<void>;
  element: ReactNode;
} {
  const contentRef = useRef<HTMLDivElement>(null);
  const [job, setJob] = useState<Job | null>(null);
  const labelsOnly = job?.documents.every((d) => d === 'accessory_label') ?? false;
  const voucher = job ? isVoucherJob(job.documents) : false;
  const printNow = useReactToPrint({
    contentRef,
    documentTitle: job?.data.ticket.ticketNo ?? 'ticket',
    // The documents carry their own styles: copying the app's (every Ant Design rule) into the
    // print frame took most of a reprint's time.
    ignoreGlobalStyles: true,
    pageStyle: job ? `${pageStyles[labelsOnly ? 'label' : job.data.paperSize]}\n${printCss}` : '',
    onAfterPrint: () => setJob(null),
    // The voucher goes to an office printer the clerk picks, like the A4 reports; the rest go to the
    // receipt or label printer chosen in settings.
    print: voucher
      ? undefined
      : (frame) =>
          printThroughHost(frame, {
            printer: labelsOnly ? 'label' : 'receipt',
            paperSize: labelsOnly ? 'label' : (job?.data.paperSize ?? '80mm'),
          }),
  });

  // Once per job: the page re-rendering meanwhile (it reloads the ticket to show the print count)
  // hands over a new printNow, and a second call would pull the first print frame from under it.
  const printedJob = useRef<Job | null>(null);
  useEffect(() => {
    if (!job || printedJob.current === job) return;
    printedJob.current = job;
    printNow();
  }, [job, printNow]);

  const print = async (ticket: Ticket, requested?: Document[], repair: Card | null = null) => {
    const [store, settings, catalogue] = await Promise.all([
      callOrThrow('store.get', {}),
      callOrThrow('settings.get', {}),
      callOrThrow('catalogue.get', {}),
    ]);
    const documents: Document[] = requested ?? [
      'claim_receipt',
      'repair_card',
      ...(settings.accessoryLabels && ticket.accessories.length > 0 ? (['accessory_label'] as const) : []),
    ];
    const copies = await callOrThrow('tickets.printed', { ticketId: ticket.id, documents });
    setJob({
      documents,
      copies,
      data: {
        ticket,
        repair,
        store,
        category: catalogue.categories.find((c) => c.id === ticket.device.categoryId),
        receiptTerms: settings.receiptTerms,
        paperSize: isVoucherJob(documents) ? 'A4' : settings.paperSize,
        language: settings.language,
        t: i18n.getFixedT(settings.language),
      },
    });
  };

  const element = job && (
    <div style={{ display: 'none' }}>
      <div ref={contentRef} data-testid="print-content">
        {job.documents.map((document, i) => {
          const data = { ...job.data, copyNo: job.copies[document] ?? 0 };
          const last = i === job.documents.length - 1;
          const body =
            document === 'claim_receipt' ? (
              <ClaimReceipt data={data} />
            ) : document === 'repair_card' ? (
              <RepairCard data={data} />
            ) : document === 'service_voucher' ? (
              <ServiceVoucher data={data} />
            ) : (
              job.data.ticket.accessories.map((accessory) => (
                <AccessoryLabel key={accessory} data={data} accessory={accessory} />
              ))
            );
          return (
            <div key={document} className={last ? undefined : 'rc-page-break'}>
              {body}
            </div>
          );
        })}
      </div>
    </div>
  );
  return { print, element };
}
