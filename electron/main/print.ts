import { BrowserWindow } from 'electron';
import type { PrintJob } from '../core/core';
import { webPreferences } from './window';

/** Page sizes in microns, as webContents.print wants them; 80 mm receipts are cut by the printer. */
const pageSizes: Record<PrintJob['paperSize'], Electron.WebContentsPrintOptions['pageSize']> = {
  '80mm': { width: 80_000, height: 297_000 },
  A5: 'A5',
  A4: 'A4',
  label: { width: 50_000, height: 30_000 },
};

/**
 * Prints a prepared document without a dialog on the named printer (the system default when none is
 * set), from a hidden window that is as locked down as the main one and has no preload.
 */
export async function printSilently(job: PrintJob): Promise<void> {
  const { preload: _none, ...locked } = webPreferences('');
  const window = new BrowserWindow({ show: false, webPreferences: { ...locked, javascript: false } });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(job.html)}`);
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
