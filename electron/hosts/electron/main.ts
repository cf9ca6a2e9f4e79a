/**
 * The Electron entry (bundled to dist/electron/main.cjs). It wires the pieces beside it and
 * owns the app's lifecycle; each decision lives in its own module:
 *   paths.ts (where things are) · protocol.ts (app://) · security.ts · window.ts ·
 *   ipc.ts (the one channel) · menu.ts · native.ts (better-sqlite3 for Electron) · log.ts
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { openBackend, type Backend, type BackendOptions } from '../../backend';
import { registerApiHandler } from './ipc';
import { createFileLog, type Log } from './log';
import { installMenu } from './menu';
import { DIALOG } from './messages';
import { dbOpenFailedText, isNativeModuleError, locateNativeBinding, nativeModuleHelp } from './native';
import { resolveAppPaths, type AppPaths } from './paths';
import { installAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

// main.cjs sits in <root>/dist/electron; <root> is the checkout, or app.asar when packaged.
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

function iconPath(): string | undefined {
  const base = app.isPackaged ? process.resourcesPath : appRoot;
  const file = path.join(base, 'resources', 'icons', 'icon.png');
  return existsSync(file) ? file : undefined;
}

/** Opens the database, or explains in a dialog why it cannot and answers undefined. */
function openDatabase(paths: AppPaths, log: Log): Backend | undefined {
  const nativeBinding = locateNativeBinding({ appRoot, isPackaged: app.isPackaged, exists: existsSync });
  // The backend passes `nativeBinding` on to `new Database(path, { nativeBinding })`.
  const options: BackendOptions = {
    dbPath: paths.dbPath,
    host: 'electron',
    logFile: paths.logFile,
    ...(nativeBinding ? { nativeBinding } : {}),
  };
  try {
    const backend = openBackend(options);
    log(`database open: ${paths.dbPath}${nativeBinding ? ` (native: ${nativeBinding})` : ''}`);
    return backend;
  } catch (error) {
    log(`cannot open database ${paths.dbPath}`, error);
    const text = isNativeModuleError(error)
      ? nativeModuleHelp({ isPackaged: app.isPackaged, electronVersion: process.versions.electron ?? '?', logFile: paths.logFile })
      : dbOpenFailedText({ error, dbPath: paths.dbPath, logFile: paths.logFile });
    // Also on stderr, for whoever started it from a terminal (npm start, Playwright).
    console.error(`${DIALOG.dbOpenFailed}\n${text}`);
    dialog.showErrorBox(DIALOG.dbOpenFailed, text);
    return undefined;
  }
}

function main(): void {
  app.enableSandbox();
  registerAppScheme(); // must precede 'ready'

  const paths = resolveAppPaths({ argv: process.argv, env: process.env, appDataDir: app.getPath('appData'), cwd: process.cwd() });
  // Before anything reads userData, and before the single-instance lock, which is keyed on it.
  // (Setting the path rather than app.setName keeps "Đối Thoại" as the displayed name.)
  app.setPath('userData', paths.userData);
  if (process.platform === 'win32') app.setAppUserModelId('vn.doithoai.app');

  const log = createFileLog(paths.logFile);
  process.on('uncaughtException', (error) => log('uncaught exception', error));
  process.on('unhandledRejection', (error) => log('unhandled rejection', error));

  if (!app.requestSingleInstanceLock()) {
    // Another window is already open on this user-data folder; it will come to the front.
    app.quit();
    return;
  }

  let win: BrowserWindow | undefined;
  let backend: Backend | undefined;
  const devTools = !app.isPackaged;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  // One window, one document: closing it ends the app on every platform, macOS included.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // Every write is already committed and durable when its call returns (better-sqlite3 is
    // synchronous; each service call is one transaction), so nothing is lost if this never
    // runs. Closing stops the worker, checkpoints the WAL and releases the file tidily.
    try {
      backend?.close();
    } catch (error) {
      log('closing the database failed', error);
    }
    backend = undefined;
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, log);
      installAppProtocol(rendererDir);
      backend = openDatabase(paths, log);
      if (!backend) {
        app.exit(1);
        return;
      }
      const opened = backend;
      registerApiHandler({ ipcMain, backend: opened, trustedWebContents: () => win?.webContents, log });
      installMenu({ devTools, platform: process.platform });
      const icon = iconPath();
      win = createMainWindow({ preloadPath, devTools, log, ...(icon ? { icon } : {}) });
      win.on('closed', () => {
        win = undefined;
      });
    })
    .catch((error: unknown) => {
      log('startup failed', error);
      dialog.showErrorBox(DIALOG.startFailed, `${error instanceof Error ? error.message : String(error)}\n\n${DIALOG.logFile}: ${paths.logFile}`);
      app.exit(1);
    });
}

main();
