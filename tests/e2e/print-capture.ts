import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';

/**
 * Replaces window.print in every frame (the print frame react-to-print creates included) with a
 * function that keeps the frame's HTML: a test sees exactly what would have been printed.
 */
export async function capturePrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as Window & { __printed?: string[] };
      (top.__printed ??= []).push(document.documentElement.outerHTML);
    };
  });
}

export const printedHtml = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as Window & { __printed?: string[] }).__printed ?? []);

/**
 * Renders captured print HTML to a PDF of the given paper width, as the printer would receive it. The
 * page is first opened on the app's own origin: the print frame links the app's stylesheet, which a
 * blank page could not load.
 */
export async function printToPdf(
  browser: Browser,
  baseUrl: string,
  html: string,
  file: string,
  width: '80mm' | '210mm',
) {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/print-preview`);
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.pdf({
    path: file,
    width,
    height: width === '80mm' ? '330mm' : '297mm',
    printBackground: true,
    preferCSSPageSize: false,
  });
  await page.close();
}

/** First page of a PDF as PNG at a thermal printer's 203 dpi, with pdftoppm. */
export function pdfToPng(pdf: string, dpi = 203): string {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

/** Decodes the barcode of the given format from a PNG, as a scanner at the counter would. */
export function decodeBarcode(pngFile: string, format: BarcodeFormat): string {
  const png = PNG.sync.read(fs.readFileSync(pngFile));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r, g, b] = [png.data[i * 4] ?? 255, png.data[i * 4 + 1] ?? 255, png.data[i * 4 + 2] ?? 255];
    luminance[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)),
  );
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  return new MultiFormatReader().decode(bitmap, hints).getText();
}

export { BarcodeFormat };
