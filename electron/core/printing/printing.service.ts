import type { ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';

/**
 * Sends a prepared document to the printer chosen in settings (receipt or label printer). Where the
 * host cannot print by itself, the renderer is told so and prints through the browser instead.
 */
export async function printDocument(ctx: Ctx, input: ParsedInputOf<'printing.print'>): Promise<null> {
  const print = ctx.core.platform.print;
  if (!print) return failWith('not_supported', 'This host prints through the browser');
  const { receiptPrinter, labelPrinter } = ctx.core.settings;
  const deviceName = input.printer === 'label' ? labelPrinter || receiptPrinter : receiptPrinter;
  await print({ html: input.html, deviceName, paperSize: input.paperSize });
  return null;
}

/** Saves a prepared report as a PDF through the host; browser mode is told to print instead. */
export async function savePdf(
  ctx: Ctx,
  input: ParsedInputOf<'printing.pdf'>,
): Promise<{ path: string | null }> {
  const save = ctx.core.platform.savePdf;
  if (!save) return failWith('not_supported', 'This host saves PDFs through the browser print dialog');
  return { path: await save(input) };
}
