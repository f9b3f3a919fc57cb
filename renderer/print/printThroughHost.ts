import { call, isDesktop } from '../api';

type Target = { printer: 'receipt' | 'label'; paperSize: '80mm' | 'A4' | 'A5' | 'label' };

/** Print rules only: the documents' own (`.rc-*`) and the page size; the app's UI styles stay out. */
const isPrintRule = (rule: CSSRule): boolean => rule instanceof CSSPageRule || rule.cssText.includes('.rc-');

/**
 * The prepared print frame as one self-contained page with no scripts. Only the print rules are
 * inlined: the frame also carries every Ant Design style, which would push a job past the 1 MB
 * a call may carry.
 */
function serialize(frame: HTMLIFrameElement): string {
  const doc = frame.contentDocument;
  if (!doc) return '';
  const css = [...doc.styleSheets]
    .flatMap((sheet) => {
      try {
        return [...sheet.cssRules].filter(isPrintRule).map((rule) => rule.cssText);
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
