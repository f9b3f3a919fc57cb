import { call, isDesktop } from '../api';

type Target = { printer: 'receipt' | 'label'; paperSize: '80mm' | 'A4' | 'A5' | 'label' };

/**
 * The prepared print frame as one self-contained page with no scripts, its styles inlined. The frame
 * holds only the documents' own styles and the page size (usePrintTicket leaves the app's out).
 */
function serialize(frame: HTMLIFrameElement): string {
  const doc = frame.contentDocument;
  if (!doc) return '';
  const css = [...doc.styleSheets]
    .flatMap((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText);
      } catch {
        return []; // a stylesheet the frame may not read
      }
    })
    .join('\n');
  return `<!doctype html><html lang="${doc.documentElement.lang}"><head><meta charset="utf-8"><style>${css}</style></head><body>${doc.body.innerHTML}</body></html>`;
}

/**
 * react-to-print's `print` step. In the desktop app the document goes to the printer chosen in
 * settings, without a dialog; in browser mode (or if the host cannot print) the browser prints it.
 */
export async function printThroughHost(frame: HTMLIFrameElement, target: Target): Promise<void> {
  if (isDesktop) {
    const result = await call('printing.print', { html: serialize(frame), ...target });
    if (result.ok) return;
  }
  frame.contentWindow?.print();
}

/**
 * Saves the prepared frame as a PDF: the desktop app renders it and asks where to save it; browser
 * mode (or a host that cannot) opens the print dialog, whose "Save as PDF" does the same. Returns the
 * saved file's path, null if the person cancelled or the browser took over.
 */
export async function savePdfThroughHost(
  frame: HTMLIFrameElement,
  paperSize: '80mm' | 'A4',
  fileName: string,
): Promise<string | null> {
  if (isDesktop) {
    const result = await call('printing.pdf', { html: serialize(frame), paperSize, fileName });
    if (result.ok) return result.value.path;
  }
  frame.contentWindow?.print();
  return null;
}
