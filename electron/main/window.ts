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

/** Denies camera, notifications and every other permission request, and sets the CSP header. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

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
  const indexFile = path.join(rendererDir, 'index.html');
  const appUrl = new URL(`file://${indexFile}`).toString();
  guardWebContents(window.webContents, appUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(indexFile);
  return window;
}
