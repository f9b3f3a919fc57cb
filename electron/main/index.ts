import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { backupOnClose, scheduleDailyBackups } from '../core/backup/backup-schedule';
import { Core } from '../core/core';
import { registerRpc, senderIs } from './ipc';
import { electronPlatform } from './printers';
import { appUrlOf, createMainWindow, hardenSession } from './window';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

/** better-sqlite3 built for Electron's ABI by `npm start` (scripts/electron-native.mjs). */
function electronNativeBinding(): string | undefined {
  const file = path.join(
    app.getAppPath(),
    '.electron-native/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  );
  return fs.existsSync(file) ? file : undefined;
}

const rendererDir = path.join(__dirname, '../renderer');

async function start(): Promise<void> {
  hardenSession(appUrlOf(rendererDir));
  try {
    core = await Core.open({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      nativeBinding: electronNativeBinding(),
      platform: electronPlatform(() => mainWindow),
    });
  } catch (error) {
    dialog.showErrorBox('Repair Counter', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const openCore = core;
  scheduleDailyBackups(openCore, (error) => console.error('[backup] daily backup failed', error));
  openCore.notifier.start(); // customer messages queued for the store's webhook; core.close() stops it
  openCore.syncer.start(); // the outbox to headquarters, once enrolled; core.close() stops it
  registerRpc(
    () => openCore,
    senderIs(() => mainWindow?.webContents.id),
  );
  mainWindow = createMainWindow(rendererDir, path.join(__dirname, '../preload/index.js'));
  mainWindow.on('closed', () => (mainWindow = null));
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  event.preventDefault();
  quitting = true;
  const closing = core;
  backupOnClose(closing)
    .catch((error: unknown) => console.error('[backup] backup on close failed', error))
    .finally(() => void closing.close().finally(() => app.quit()));
});

app.on('window-all-closed', () => app.quit());
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

if (!app.requestSingleInstanceLock()) {
  app.quit(); // one counter app per data folder: two writers would fight over the database
} else {
  app.on('second-instance', () => mainWindow?.focus());
  void app.whenReady().then(start);
}
