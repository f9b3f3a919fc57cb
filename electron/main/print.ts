import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { PdfJob, PrintJob } from '../core/core';
import { webPreferences } from './window';

/** Page sizes in microns, as webContents.print wants them; 80 mm receipts are cut by the printer. */
const pageSizes: Record<PrintJob['paperSize'], Electron.WebContentsPrintOptions['pageSize']> = {
  '80mm': { width: 80_000, height: 297_000 },
  A5: 'A5',
  A4: 'A4',
  label: { width: 50_000, height: 30_000 },
};

/** A hidden window, as locked down as the main one, with no preload and no scripts, showing `html`. */
async function hiddenDocument(html: string): Promise<BrowserWindow> {
  const { preload: _none, ...locked } = webPreferences('');
  const window = new BrowserWindow({ show: false, webPreferences: { ...locked, javascript: false } });
  await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return window;
}

/**
 * Prints a prepared document without a dialog on the named printer (the system default when none is
 * set), from a hidden window that is as locked down as the main one and has no preload.
 */
export async function printSilently(job: PrintJob): Promise<void> {
  const window = await hiddenDocument(job.html);
  try {
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(
        {
          silent: true,
          printBackground: true,
          deviceName: job.deviceName || undefined,
          pageSize: pageSizes[job.paperSize],
          margins: { marginType: 'none' },
        },
        (success, failureReason) => (success ? resolve() : reject(new Error(failureReason))),
      );
    });
  } finally {
    window.destroy();
  }
}

/**
 * Renders a prepared report to PDF in a hidden window and saves it where the person chooses (the
 * documents folder is offered first). Null when they cancel the dialog.
 */
export async function savePdf(job: PdfJob, parent: BrowserWindow | null): Promise<string | null> {
  const window = await hiddenDocument(job.html);
  try {
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      pageSize: job.paperSize === 'A4' ? 'A4' : { width: 80 / 25.4, height: 297 / 25.4 },
      margins: { top: 0, bottom: 0, left: 0, right: 0 }, // the documents set their own
    });
    const options = {
      defaultPath: path.join(app.getPath('documents'), `${job.fileName}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const chosen = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return null;
    await fs.writeFile(chosen.filePath, pdf);
    return chosen.filePath;
  } finally {
    window.destroy();
  }
}
