import { describe, expect, it, vi } from 'vitest';
import { addStaff, openTestCore, rpc, setUpStore, value } from '../helpers/core';

const electron = vi.hoisted(() => {
  const windows: {
    options: Record<string, unknown>;
    loadURL: ReturnType<typeof vi.fn>;
    print: ReturnType<typeof vi.fn>;
    destroy: ReturnType<typeof vi.fn>;
  }[] = [];
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: Record<string, unknown>) {
    const print = vi.fn((_options: unknown, done: (ok: boolean, reason: string) => void) => done(true, ''));
    Object.assign(this, {
      options,
      loadURL: vi.fn(async () => {}),
      destroy: vi.fn(),
      webContents: { print },
    });
    windows.push({ options, loadURL: this.loadURL as never, print, destroy: this.destroy as never });
  });
  return { BrowserWindow, windows };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, session: {} }));

const { printSilently } = await import('../../electron/main/print');

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
});
