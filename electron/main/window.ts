import path from 'node:path';
import { BrowserWindow, session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';

export const webPreferences = (preloadPath: string): Electron.WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

/** The only page the window may show: the bundled renderer. */
export const isAppUrl = (url: string, appUrl: string): boolean => {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  } catch {
    return false;
  }
};

/** Blocks every way a page could leave the app or open another window. */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Denies every permission request except the camera for our own page (intake photos from a webcam),
 * and sets the CSP header.
 */
export function hardenSession(appUrl: string): void {
  const ses = session.defaultSession;
  const allowed = (permission: string, url: string) => permission === 'media' && isAppUrl(url, appUrl);
  ses.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowed(permission, contents.getURL())),
  );
  ses.setPermissionCheckHandler((_contents, permission, origin) => allowed(permission, origin));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

export const appUrlOf = (rendererDir: string): string =>
  new URL(`file://${path.join(rendererDir, 'index.html')}`).toString();

export function createMainWindow(rendererDir: string, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    autoHideMenuBar: true,
    webPreferences: webPreferences(preloadPath),
  });
  guardWebContents(window.webContents, appUrlOf(rendererDir));
  window.once('ready-to-show', () => window.show());
  void window.loadFile(path.join(rendererDir, 'index.html'));
  return window;
}
