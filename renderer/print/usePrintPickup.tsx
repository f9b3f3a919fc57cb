import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useReactToPrint } from 'react-to-print';
import type { Pickup } from '../../shared/contract-payments';
import { callOrThrow } from '../api';
import { i18n } from '../i18n';
import { PickupVoucher, type VoucherData } from './PickupVoucher';
import { printThroughHost } from './printThroughHost';
import printCss from './print.css?inline';
import voucherCss from './pickup-voucher.css?inline';

const pageStyles: Record<VoucherData['paperSize'], string> = {
  '80mm': '@page { size: 80mm auto; margin: 0 4mm; }',
  A5: '@page { size: A5; margin: 5mm; }',
  A4: '@page { size: A4; margin: 8mm; }',
};

/**
 * Prints the pickup voucher to the receipt printer, in the same one action as the hand-back. It
 * goes the way the claim receipt goes (react-to-print, then the desktop host's printer from
 * settings, or the browser's print) and is logged like it: the first print is the original, any
 * later one says which copy it is.
 * Returns the hidden render target to mount once.
 */
export function usePrintPickup(): {
  print: (pickup: Pickup) => Promise<void>;
  element: ReactNode;
} {
  const contentRef = useRef<HTMLDivElement>(null);
  const [job, setJob] = useState<VoucherData | null>(null);
  const printNow = useReactToPrint({
    contentRef,
    documentTitle: job?.pickup.ticketNo ?? 'pickup',
    ignoreGlobalStyles: true, // the voucher carries its own styles (see usePrintTicket)
    pageStyle: job ? `${pageStyles[job.paperSize]}\n${printCss}\n${voucherCss}` : '',
    onAfterPrint: () => setJob(null),
    print: (frame) => printThroughHost(frame, { printer: 'receipt', paperSize: job?.paperSize ?? '80mm' }),
  });

  // Once per job: a re-render meanwhile hands over a new printNow (see usePrintTicket).
  const printedJob = useRef<VoucherData | null>(null);
  useEffect(() => {
    if (!job || printedJob.current === job) return;
    printedJob.current = job;
    printNow();
  }, [job, printNow]);

  const print = async (pickup: Pickup) => {
    const [store, settings, ticket, printed] = await Promise.all([
      callOrThrow('store.get', {}),
      callOrThrow('settings.get', {}),
      callOrThrow('tickets.get', { ticketNo: pickup.ticketNo }),
      // Logged like every document of the ticket: the first is the original, later ones numbered copies.
      callOrThrow('tickets.printed', { ticketId: pickup.ticketId, documents: ['pickup_voucher'] }),
    ]);
    setJob({
      pickup,
      store,
      serial: ticket.device.serial,
      paperSize: settings.paperSize,
      language: settings.language,
      t: i18n.getFixedT(settings.language),
      copyNo: printed.pickup_voucher ?? 0,
    });
  };

  const element = job && (
    <div style={{ display: 'none' }}>
      <div ref={contentRef} data-testid="print-content">
        <PickupVoucher data={job} />
      </div>
    </div>
  );
  return { print, element };
}
