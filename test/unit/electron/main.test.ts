/**
 * The lifecycle in main.ts, with Electron and the backend replaced: the order of the
 * start-up steps, the single-instance lock, closing the database on quit, and the
 * Vietnamese dialog when the database cannot be opened.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DbFromFutureError, DbOpenError } from '../../../electron/db/errors';
import { IPC_CHANNEL } from '../../../shared/ipc';

const h = vi.hoisted(() => ({
  calls: [] as string[],
  lock: true,
  ready: undefined as undefined | (() => void),
  app: undefined as unknown as EventEmitter & Record<string, unknown>,
  openBackend: undefined as unknown as ReturnType<typeof vi.fn<(...args: unknown[]) => unknown>>,
  windows: [] as Array<{ loadURL: ReturnType<typeof vi.fn>; options: Record<string, unknown> }>,
  showErrorBox: undefined as unknown as ReturnType<typeof vi.fn>,
  handle: undefined as unknown as ReturnType<typeof vi.fn>,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { FakeWebContents, fakeSession } = await import('./fakes');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(() => h.calls.push('enableSandbox')),
    getPath: vi.fn(() => '/appdata'),
    setPath: vi.fn((name: string, value: string) => h.calls.push(`setPath ${name} ${value}`)),
    setAppUserModelId: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => {
      h.calls.push('lock');
      return h.lock;
    }),
    quit: vi.fn(() => h.calls.push('quit')),
    exit: vi.fn((code: number) => h.calls.push(`exit ${code}`)),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (h.ready = resolve))),
  });
  h.app = app as never;
  h.showErrorBox = vi.fn();
  h.handle = vi.fn((channel: string) => h.calls.push(`handle ${channel}`));
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loadURL = vi.fn(() => Promise.resolve());
    show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      h.calls.push('window');
      h.windows.push(this as never);
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: h.showErrorBox },
    ipcMain: { handle: h.handle, removeHandler: vi.fn() },
    session: { defaultSession: fakeSession().session },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.calls.push('registerSchemes')),
      handle: vi.fn(() => h.calls.push('protocol.handle')),
    },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
  };
});

vi.mock('../../../electron/backend', () => {
  h.openBackend = vi.fn(() => {
    h.calls.push('openBackend');
    return { dispatch: vi.fn(), dbPath: '/db', close: vi.fn(() => h.calls.push('backend.close')) };
  });
  return { openBackend: (...args: unknown[]) => h.openBackend(...args) };
});

let userData = '';
const argv = process.argv;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/hosts/electron/main');
  h.ready?.();
  await flush();
}

beforeEach(() => {
  // The mocked modules live across tests; each test imports main.ts afresh.
  h.app?.removeAllListeners();
  h.handle?.mockClear();
  h.showErrorBox?.mockClear();
  h.openBackend?.mockClear();
  h.calls.length = 0;
  h.windows.length = 0;
  h.lock = true;
  h.ready = undefined;
  userData = mkdtempSync(path.join(os.tmpdir(), 'doithoai-main-'));
  process.env.DOITHOAI_USER_DATA = userData;
  process.argv = [...argv, '--db', path.join(userData, 'x.sqlite')];
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(process, 'on').mockImplementation(() => process); // keep the test runner's own handlers
});
afterEach(() => {
  process.argv = argv;
  delete process.env.DOITHOAI_USER_DATA;
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
});

describe('main process lifecycle', () => {
  it('sets up privileges, user data and the lock before ready, then backend → IPC → window', async () => {
    await start();
    expect(h.calls).toEqual([
      'enableSandbox',
      'registerSchemes',
      `setPath userData ${userData}`,
      'lock',
      'protocol.handle',
      'openBackend',
      `handle ${IPC_CHANNEL}`,
      'window',
    ]);
    expect(h.openBackend).toHaveBeenCalledWith({
      dbPath: path.join(userData, 'x.sqlite'),
      host: 'electron',
      logFile: path.join(userData, 'doithoai.log'),
    });
    expect(h.windows[0]!.loadURL).toHaveBeenCalledWith('app://doithoai/index.html');
  });

  it('closes the database when the app quits', async () => {
    await start();
    h.app.emit('will-quit');
    expect(h.calls.at(-1)).toBe('backend.close');
    h.app.emit('will-quit'); // only once
    expect(h.calls.filter((c) => c === 'backend.close')).toHaveLength(1);
  });

  it('leaves to the first instance when the lock is taken', async () => {
    h.lock = false;
    await start();
    expect(h.calls).toContain('quit');
    expect(h.calls).not.toContain('openBackend');
    expect(h.calls).not.toContain('window');
  });

  it('brings the first window forward on a second launch', async () => {
    await start();
    const win = h.windows[0] as unknown as Record<string, ReturnType<typeof vi.fn>>;
    Object.assign(win, { isMinimized: vi.fn(() => true), restore: vi.fn(), focus: vi.fn() });
    h.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it("shows the database's Vietnamese message and exits when it cannot open", async () => {
    h.openBackend.mockImplementationOnce(() => {
      throw new DbFromFutureError(9, 3);
    });
    await start();
    expect(h.showErrorBox).toHaveBeenCalledWith('Không mở được cơ sở dữ liệu', expect.stringContaining('phiên bản Đối Thoại mới hơn'));
    expect(h.calls).toContain('exit 1');
    expect(h.calls).not.toContain('window');
    expect(h.handle).not.toHaveBeenCalled();
  });

  it('says exactly what to run when better-sqlite3 is built for another runtime', async () => {
    h.openBackend.mockImplementationOnce(() => {
      throw new DbOpenError('/x.sqlite', new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 115'));
    });
    await start();
    expect(h.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('node scripts/electron-native.mjs'));
    expect(h.calls).toContain('exit 1');
  });
});
