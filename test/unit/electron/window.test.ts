import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }> = [];
const dialogAnswer = { button: 0, asked: [] as Array<Record<string, unknown>> };

vi.mock('electron', async () => {
  const { FakeWebContents } = await import('./fakes');
  class BrowserWindow {
    webContents = new FakeWebContents();
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      created.push(this);
    }
  }
  const dialog = {
    showMessageBoxSync: vi.fn((_win: unknown, options: Record<string, unknown>) => {
      dialogAnswer.asked.push(options);
      return dialogAnswer.button;
    }),
  };
  return { BrowserWindow, dialog };
});

const { createMainWindow, secureWebPreferences } = await import('../../../electron/hosts/electron/window');
const { APP_ENTRY_URL } = await import('../../../electron/hosts/electron/app-url');
const { emitPreventable } = await import('./fakes');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('gets exactly the secure webPreferences', () => {
    createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false });
    expect(created).toHaveLength(1);
    expect(created[0]!.options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      spellcheck: false,
      devTools: false,
    });
  });

  it('allows devtools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', { devTools: false }).devTools).toBe(false);
  });

  it('loads the app URL, never a file:// or http URL', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', devTools: false }) as unknown as (typeof created)[number];
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://doithoai/index.html');
  });

  it('hardens its webContents before loading', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', devTools: false }) as unknown as {
      webContents: { setWindowOpenHandler: ReturnType<typeof vi.fn>; listenerCount(name: string): number };
    };
    expect(win.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
  });

  // Issue 8, C13: the page holds refused input and refuses to unload; Electron alone would
  // then silently not close. She is asked in Vietnamese and may leave anyway.
  it('asks in Vietnamese before closing over lost input, and closes only if she says so', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', devTools: false }) as unknown as { webContents: import('node:events').EventEmitter };
    dialogAnswer.button = 0;
    expect(emitPreventable(win.webContents, 'will-prevent-unload')).toBe(false);
    expect(dialogAnswer.asked.at(-1)).toMatchObject({ buttons: ['Ở lại để sửa', 'Vẫn đóng'], cancelId: 0 });
    dialogAnswer.button = 1;
    expect(emitPreventable(win.webContents, 'will-prevent-unload')).toBe(true);
  });
});
