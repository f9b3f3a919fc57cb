import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { addStaff, openTestCore, rpc, setUpStore, tempDir, value } from '../helpers/core';

const electron = vi.hoisted(() => {
  const windows: {
    options: Record<string, unknown>;
    loadURL: ReturnType<typeof vi.fn>;
    print: ReturnType<typeof vi.fn>;
    printToPDF: ReturnType<typeof vi.fn>;
    destroy: ReturnType<typeof vi.fn>;
  }[] = [];
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: Record<string, unknown>) {
    const print = vi.fn((_options: unknown, done: (ok: boolean, reason: string) => void) => done(true, ''));
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 Z-SH01-000001'));
    Object.assign(this, {
      options,
      loadURL: vi.fn(async () => {}),
      destroy: vi.fn(),
      webContents: { print, printToPDF },
    });
    windows.push({
      options,
      loadURL: this.loadURL as never,
      print,
      printToPDF,
      destroy: this.destroy as never,
    });
  });
  const saveDialog = vi.fn(async (_options: unknown): Promise<{ canceled: boolean; filePath?: string }> => ({
    canceled: true,
  }));
  return { BrowserWindow, windows, saveDialog };
});
vi.mock('electron', () => ({
  BrowserWindow: electron.BrowserWindow,
  session: {},
  app: { getPath: () => os.tmpdir() },
  dialog: { showSaveDialog: electron.saveDialog },
}));

const { printSilently, savePdf } = await import('../../electron/main/print');

describe('printing to the printers chosen in settings', () => {
  it('prints silently from a hidden, locked-down window with no scripts, then closes it', async () => {
    await printSilently({ html: '<p>SH01-261122-0001</p>', deviceName: 'XP-80C', paperSize: '80mm' });
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect((window?.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(window?.loadURL).toHaveBeenCalledWith(
      `data:text/html;charset=utf-8,${encodeURIComponent('<p>SH01-261122-0001</p>')}`,
    );
    expect(window?.print.mock.calls[0]?.[0]).toMatchObject({
      silent: true,
      deviceName: 'XP-80C',
      pageSize: { width: 80_000, height: 297_000 },
    });
    expect(window?.destroy).toHaveBeenCalled();
  });

  it('sends receipts to the receipt printer and labels to the label printer', async () => {
    const print = vi.fn(async () => {});
    const core = await openTestCore();
    Object.assign(core.platform, { print });
    const { adminToken } = await setUpStore(core);
    value(
      await rpc(
        core,
        'settings.update',
        { receiptPrinter: 'XP-80C', labelPrinter: 'Zebra-GK' },
        { token: adminToken },
      ),
    );
    const clerk = await addStaff(core, adminToken, 'clerk');
    value(
      await rpc(
        core,
        'printing.print',
        { html: '<p>r</p>', printer: 'receipt', paperSize: '80mm' },
        { token: clerk.token },
      ),
    );
    value(
      await rpc(
        core,
        'printing.print',
        { html: '<p>l</p>', printer: 'label', paperSize: 'label' },
        { token: clerk.token },
      ),
    );
    expect(print.mock.calls).toEqual([
      [{ html: '<p>r</p>', deviceName: 'XP-80C', paperSize: '80mm' }],
      [{ html: '<p>l</p>', deviceName: 'Zebra-GK', paperSize: 'label' }],
    ]);
  });

  it('tells browser mode to print through the browser', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const result = await rpc(
      core,
      'printing.print',
      { html: '<p>r</p>', printer: 'receipt', paperSize: 'A4' },
      { token: adminToken },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });

  it('refuses a job larger than a call may carry, before it reaches the printer', async () => {
    const print = vi.fn(async () => {});
    const core = await openTestCore();
    Object.assign(core.platform, { print });
    const { adminToken } = await setUpStore(core);
    const result = await rpc(
      core,
      'printing.print',
      { html: 'x'.repeat(1_000_001), printer: 'receipt', paperSize: '80mm' },
      { token: adminToken },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(print).not.toHaveBeenCalled();
  });

  it('saves a report as a PDF where the person chooses, from the same locked-down window; cancelling saves nothing', async () => {
    const file = path.join(tempDir(), 'Z-SH01-000001 2026-11-22.pdf');
    electron.saveDialog.mockResolvedValueOnce({ canceled: false, filePath: file });
    const job = { html: '<p>Z</p>', paperSize: 'A4' as const, fileName: 'Z-SH01-000001 2026-11-22' };
    expect(await savePdf(job, null)).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.7 Z-SH01-000001');
    const window = electron.windows.at(-1);
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, javascript: false },
    });
    expect(window?.printToPDF.mock.calls[0]?.[0]).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(electron.saveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: path.join(os.tmpdir(), 'Z-SH01-000001 2026-11-22.pdf'),
    });
    expect(window?.destroy).toHaveBeenCalled();

    expect(await savePdf({ ...job, fileName: 'other' }, null)).toBeNull(); // the dialog was cancelled
    expect(fs.existsSync(path.join(path.dirname(file), 'other.pdf'))).toBe(false);
  });

  it('routes printing.pdf to the host, refuses a file name with a path in it, and tells browser mode to print', async () => {
    const savePdfOnHost = vi.fn(async () => '/home/clerk/Z.pdf');
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const input = { html: '<p>Z</p>', paperSize: 'A4' as const, fileName: 'Z-SH01-000001 2026-11-22' };
    expect(await rpc(core, 'printing.pdf', input, { token: adminToken })).toMatchObject({
      ok: false,
      error: { code: 'not_supported' },
    });
    Object.assign(core.platform, { savePdf: savePdfOnHost });
    expect(value(await rpc(core, 'printing.pdf', input, { token: adminToken }))).toEqual({
      path: '/home/clerk/Z.pdf',
    });
    const sneaky = await rpc(
      core,
      'printing.pdf',
      { ...input, fileName: '../../etc/x' },
      { token: adminToken },
    );
    expect(sneaky).toMatchObject({ ok: false, error: { fields: { fileName: 'file_name_format' } } });
    expect(savePdfOnHost).toHaveBeenCalledTimes(1);
  });
});
