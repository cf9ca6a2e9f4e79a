/** The one application window and the webPreferences it must have, in tests as in use. */
import { BrowserWindow, dialog, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { DIALOG } from './messages';
import { hardenWebContents } from './security';

/**
 * The secure settings, spelled out even where they equal Electron's defaults so a future
 * default change (or a careless edit) shows up in the test that pins this object.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Chromium downloads spellcheck dictionaries from the network, and has none for Vietnamese.
    spellcheck: false,
    devTools: options.devTools,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  icon?: string;
  log?: (message: string) => void;
}

/** Creates the window hidden, shows it when the first paint is ready, loads the app URL. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Đối Thoại',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  // Also applied through app 'web-contents-created'; repeating it here keeps the window
  // safe even if it is ever created outside main.ts (tests, a future second window).
  hardenWebContents(win.webContents, options.log);
  // The page refuses to unload while typed input would be lost. Electron would then just
  // not close, silently; ask her instead (in Vietnamese), and let her leave if she says so.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: DIALOG.title,
      message: DIALOG.unsavedTitle,
      detail: DIALOG.unsavedText,
      buttons: [DIALOG.unsavedStay, DIALOG.unsavedLeave],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault(); // here preventDefault means "unload anyway"
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
