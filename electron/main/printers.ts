import type { BrowserWindow } from 'electron';
import type { Platform } from '../core/core';

/** Printers as the operating system lists them for our window. */
export const electronPlatform = (window: () => BrowserWindow | null): Platform => ({
  async listPrinters() {
    const printers = (await window()?.webContents.getPrintersAsync()) ?? [];
    return printers.map((printer) => ({
      name: printer.name,
      displayName: printer.displayName || printer.name,
      isDefault: Boolean((printer as { isDefault?: boolean }).isDefault),
    }));
  },
});
