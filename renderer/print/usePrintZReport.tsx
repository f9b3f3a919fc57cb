import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useReactToPrint } from 'react-to-print';
import type { ZReport } from '../../shared/contract-dayclose';
import { formatMoment } from '../../shared/dates';
import { callOrThrow } from '../api';
import { i18n } from '../i18n';
import { printThroughHost, savePdfThroughHost } from './printThroughHost';
import { formatZNo } from './z-report-format';
import { ZReport80 } from './ZReport80';
import { ZReportA4 } from './ZReportA4';
import printCss from './print.css?inline';
import zReportCss from './zreport.css?inline';

export type ZPaper = '80mm' | 'A4';
type Job = {
  report: ZReport;
  paper: ZPaper;
  /** Saved as a PDF file rather than printed. */
  pdf: boolean;
  t: TFunction;
  timeZone: string;
  printedAt: number;
  /** Told where the PDF went (null: cancelled, or the browser's dialog took over). */
  onSaved?: (path: string | null) => void;
};

const pageStyles: Record<ZPaper, string> = {
  '80mm': '@page { size: 80mm auto; margin: 0 4mm; }',
  A4: '@page { size: A4; margin: 8mm; }',
};

/** `Z-SH01-000012 2026-03-01`: the print job's title, which is also the name a saved PDF suggests. */
export const zReportTitle = (report: ZReport): string =>
  `${report.zNo === null ? 'Z' : formatZNo(report.store.code, report.zNo)} ${report.businessDate}`;

/**
 * Prints a Z-report. The 80 mm copy goes where receipts go (in the desktop app straight to the
 * receipt printer chosen in settings, without a dialog); the A4 copy goes through the print dialog
 * to an office printer the clerk picks, which is also where "Save as PDF" is offered. Returns the
 * hidden render target to mount once.
 */
export function usePrintZReport(): {
  print: (report: ZReport, paper: ZPaper, pdf?: { onSaved: (path: string | null) => void }) => Promise<void>;
  element: ReactNode;
} {
  const contentRef = useRef<HTMLDivElement>(null);
  const [job, setJob] = useState<Job | null>(null);
  const printNow = useReactToPrint({
    contentRef,
    documentTitle: job ? zReportTitle(job.report) : 'Z',
    // The documents carry their own styles; copying every Ant Design rule into the frame is slow.
    ignoreGlobalStyles: true,
    pageStyle: job ? `${pageStyles[job.paper]}\n${printCss}\n${zReportCss}` : '',
    onAfterPrint: () => setJob(null),
    print: job?.pdf
      ? (frame) => savePdfThroughHost(frame, job.paper, zReportTitle(job.report)).then(job.onSaved)
      : job?.paper === '80mm'
        ? (frame) => printThroughHost(frame, { printer: 'receipt', paperSize: '80mm' })
        : undefined,
  });

  // Once per job: a re-render meanwhile hands over a new printNow, and a second call would pull the
  // first print frame from under it (as in usePrintTicket).
  const printedJob = useRef<Job | null>(null);
  useEffect(() => {
    if (!job || printedJob.current === job) return;
    printedJob.current = job;
    printNow();
  }, [job, printNow]);

  const print = async (report: ZReport, paper: ZPaper, pdf?: { onSaved: (path: string | null) => void }) => {
    const [store, settings] = await Promise.all([
      callOrThrow('store.get', {}),
      callOrThrow('settings.get', {}),
    ]);
    setJob({
      report,
      paper,
      pdf: pdf !== undefined,
      onSaved: pdf?.onSaved,
      t: i18n.getFixedT(settings.language),
      timeZone: store.timeZone,
      printedAt: Date.now(),
    });
  };

  const element = job && (
    <div style={{ display: 'none' }}>
      <div ref={contentRef} data-testid="z-print-content">
        {job.paper === '80mm' ? (
          <ZReport80
            report={job.report}
            t={job.t}
            time={(at) => formatMoment(at, job.timeZone)}
            printedAt={job.printedAt}
          />
        ) : (
          <ZReportA4
            report={job.report}
            t={job.t}
            time={(at) => formatMoment(at, job.timeZone)}
            printedAt={job.printedAt}
          />
        )}
      </div>
    </div>
  );
  return { print, element };
}
