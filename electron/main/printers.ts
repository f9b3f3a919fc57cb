import type { BrowserWindow } from 'electron';
import type { Platform } from '../core/core';
import { printSilently, savePdf } from './print';
import { secretProtection } from './secrets';

/** Printers as the operating system lists them for our window; silent printing to them. */
export const electronPlatform = (window: () => BrowserWindow | null): Platform => ({
  ...secretProtection(),
  print: printSilently,
  savePdf: (job) => savePdf(job, window()),
  async listPrinters() {
    const printers = (await window()?.webContents.getPrintersAsync()) ?? [];
    return printers.map((printer) => ({
      name: printer.name,
      displayName: printer.displayName || printer.name,
      isDefault: Boolean((printer as { isDefault?: boolean }).isDefault),
    }));
  },
});
