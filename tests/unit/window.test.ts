import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const contents = () => {
    const listeners = new Map<string, Listener>();
    return {
      listeners,
      on: vi.fn((event: string, listener: Listener) => listeners.set(event, listener)),
      setWindowOpenHandler: vi.fn(),
    };
  };
  const windows: { options: Record<string, unknown>; webContents: ReturnType<typeof contents> }[] = [];
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: Record<string, unknown>) {
    this.options = options;
    this.webContents = contents();
    this.once = vi.fn();
    this.loadFile = vi.fn(async () => {});
    windows.push(this as never);
  });
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  };
  return { BrowserWindow, session, windows, contents };
});

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, session: electron.session }));

const { createMainWindow, guardWebContents, hardenSession } = await import('../../electron/main/window');

beforeEach(() => {
  electron.windows.length = 0;
});

describe('the main window', () => {
  it('isolates the renderer: contextIsolation, sandbox, no Node integration, no webview', () => {
    createMainWindow('/app/out/renderer', '/app/out/preload/index.js');
    const prefs = electron.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/out/preload/index.js',
    });
  });

  it('refuses navigation away from the app and denies new windows', () => {
    const contents = electron.contents();
    guardWebContents(contents as never, 'file:///app/out/renderer/index.html');
    const navigate = contents.listeners.get('will-navigate');
    const elsewhere = { preventDefault: vi.fn() };
    navigate?.(elsewhere, 'https://evil.example/phish');
    expect(elsewhere.preventDefault).toHaveBeenCalled();
    const otherFile = { preventDefault: vi.fn() };
    navigate?.(otherFile, 'file:///etc/passwd');
    expect(otherFile.preventDefault).toHaveBeenCalled();
    const ours = { preventDefault: vi.fn() };
    navigate?.(ours, 'file:///app/out/renderer/index.html#/settings');
    expect(ours.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    contents.listeners.get('will-redirect')?.(redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });
  });

  it('denies every permission but the camera for our own page, and sends the strict CSP header', () => {
    const appUrl = 'file:///app/out/renderer/index.html';
    hardenSession(appUrl);
    const ses = electron.session.defaultSession;
    const onRequest = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (ok: boolean) => void,
    ) => void;
    const ask = (permission: string, url: string) => {
      const callback = vi.fn();
      onRequest({ getURL: () => url }, permission, callback);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal']) {
      expect(ask(permission, appUrl), permission).toBe(false);
    }
    expect(ask('media', appUrl)).toBe(true);
    expect(ask('media', 'https://evil.example/')).toBe(false);
    const onCheck = ses.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      o: string,
    ) => boolean;
    expect(onCheck(null, 'geolocation', appUrl)).toBe(false);
    expect(onCheck(null, 'media', 'https://evil.example')).toBe(false);
    const onHeaders = ses.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeaders({ responseHeaders: {} }, callback);
    const csp = callback.mock.calls[0]?.[0].responseHeaders['Content-Security-Policy'][0] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });
});
