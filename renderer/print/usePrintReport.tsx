import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useReactToPrint } from 'react-to-print';
import reportCss from './report.css?inline';

const pageStyle = `@page { size: A4; margin: 10mm; }\n${reportCss}`;

/**
 * Prints an A4 report (the goods register, a vendor's list) through the system print dialog: reports
 * go to an office printer the clerk picks, not to the receipt printer. Returns the hidden render
 * target to mount once.
 */
export function usePrintReport(title: string): { print: (document: ReactNode) => void; element: ReactNode } {
  const contentRef = useRef<HTMLDivElement>(null);
  const [document, setDocument] = useState<ReactNode>(null);
  const printNow = useReactToPrint({
    contentRef,
    documentTitle: title,
    ignoreGlobalStyles: true,
    pageStyle,
    onAfterPrint: () => setDocument(null),
  });
  useEffect(() => {
    if (document) printNow();
  }, [document, printNow]);
  const element = document && (
    <div style={{ display: 'none' }}>
      <div ref={contentRef} data-testid="report-content">
        {document}
      </div>
    </div>
  );
  return { print: setDocument, element };
}
