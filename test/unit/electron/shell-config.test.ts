import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) } }));

const { dbArgument, resolveAppPaths } = await import('../../../electron/hosts/electron/paths');
const { menuTemplate } = await import('../../../electron/hosts/electron/menu');
const native = await import('../../../electron/hosts/electron/native');
const { createFileLog, formatLogLine } = await import('../../../electron/hosts/electron/log');
const { DbFromFutureError, DbOpenError } = await import('../../../electron/db/errors');

describe('paths', () => {
  const base = { appDataDir: '/home/u/.config', cwd: '/work', env: {} };

  it('reads --db PATH and --db=PATH, last one winning', () => {
    expect(dbArgument(['electron', 'main.cjs', '--db', '/tmp/a.sqlite'])).toBe('/tmp/a.sqlite');
    expect(dbArgument(['app', '--db=/tmp/b.sqlite'])).toBe('/tmp/b.sqlite');
    expect(dbArgument(['app', '--db', 'x', '--db=y'])).toBe('y');
    expect(dbArgument(['app', '--db'])).toBeUndefined();
    expect(dbArgument(['app', '--dbx', 'z'])).toBeUndefined();
  });

  it('defaults to <appData>/DoiThoai/doithoai.sqlite with the log beside it', () => {
    expect(resolveAppPaths({ ...base, argv: ['app'] })).toEqual({
      userData: path.join('/home/u/.config', 'DoiThoai'),
      dbPath: path.resolve('/home/u/.config', 'DoiThoai', 'doithoai.sqlite'),
      logFile: path.join('/home/u/.config', 'DoiThoai', 'doithoai.log'),
    });
  });

  it('takes --db over DOITHOAI_DB, relative to the working directory', () => {
    const env = { DOITHOAI_DB: '/env/db.sqlite' };
    expect(resolveAppPaths({ ...base, env, argv: ['app', '--db', 'data/x.sqlite'] }).dbPath).toBe(path.resolve('/work', 'data/x.sqlite'));
    expect(resolveAppPaths({ ...base, env, argv: ['app'] }).dbPath).toBe(path.resolve('/env/db.sqlite'));
  });

  it('lets DOITHOAI_USER_DATA move the whole folder (tests)', () => {
    const p = resolveAppPaths({ ...base, env: { DOITHOAI_USER_DATA: 'tmp/ud' }, argv: ['app'] });
    expect(p.userData).toBe(path.resolve('/work', 'tmp/ud'));
    expect(p.logFile).toBe(path.resolve('/work', 'tmp/ud', 'doithoai.log'));
  });
});

describe('menu', () => {
  const labels = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((i) => [i.label ?? i.role ?? '', ...labels(Array.isArray(i.submenu) ? i.submenu : [])]).filter(Boolean) as string[];

  it('is Vietnamese: Tệp / Chỉnh sửa / Xem', () => {
    const template = menuTemplate({ devTools: false, platform: 'win32' });
    expect(template.map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem']);
    const all = labels(template);
    for (const label of ['Thoát', 'Hoàn tác', 'Cắt', 'Sao chép', 'Dán', 'Phóng to', 'Thu nhỏ', 'Toàn màn hình']) expect(all).toContain(label);
  });

  it('has no developer tools or reload in packaged builds', () => {
    const roles = (t: MenuItemConstructorOptions[]) => JSON.stringify(t);
    expect(roles(menuTemplate({ devTools: false, platform: 'linux' }))).not.toMatch(/toggleDevTools|"reload"/);
    expect(roles(menuTemplate({ devTools: true, platform: 'linux' }))).toMatch(/toggleDevTools/);
  });

  it('adds the application menu on macOS only', () => {
    expect(menuTemplate({ devTools: false, platform: 'darwin' })[0]).toEqual({ role: 'appMenu' });
  });
});

describe('native module', () => {
  it('uses build/electron-native/better_sqlite3.node in a checkout when it exists', () => {
    const expected = path.join('/repo', 'build', 'electron-native', 'better_sqlite3.node');
    expect(native.locateNativeBinding({ appRoot: '/repo', isPackaged: false, exists: (f) => f === expected })).toBe(expected);
    expect(native.locateNativeBinding({ appRoot: '/repo', isPackaged: false, exists: () => false })).toBeUndefined();
    expect(native.locateNativeBinding({ appRoot: '/repo', isPackaged: true, exists: () => true })).toBeUndefined();
  });

  it('recognises ABI mismatches and missing binaries, also wrapped by the db layer', () => {
    const abi = new Error(
      "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. " +
        'This version of Node.js requires NODE_MODULE_VERSION 140.',
    );
    const missing = Object.assign(new Error("Cannot find module '/repo/build/electron-native/better_sqlite3.node'"), { code: 'MODULE_NOT_FOUND' });
    const dlopen = Object.assign(new Error('whatever'), { code: 'ERR_DLOPEN_FAILED' });
    for (const e of [abi, missing, dlopen, new DbOpenError('/d/x.sqlite', abi), new Error('wrapped', { cause: dlopen })]) {
      expect(native.isNativeModuleError(e), e.message).toBe(true);
    }
    for (const e of [new DbFromFutureError(9, 3), new DbOpenError('/d/x.sqlite', new Error('SQLITE_CANTOPEN')), 'text', null]) {
      expect(native.isNativeModuleError(e)).toBe(false);
    }
  });

  it('tells exactly what to run, in Vietnamese and plain English', () => {
    const text = native.nativeModuleHelp({ isPackaged: false, electronVersion: '45.4.1', logFile: '/u/doithoai.log' });
    expect(text).toContain('node scripts/electron-native.mjs');
    expect(text).toContain('Electron 45.4.1');
    expect(text).toContain('Run: node scripts/electron-native.mjs');
    expect(text).toContain('/u/doithoai.log');
    expect(native.nativeModuleHelp({ isPackaged: true, electronVersion: '45.4.1', logFile: '/l' })).toContain('cài lại');
  });

  it("shows the backend's own (Vietnamese) message for other failures", () => {
    const text = native.dbOpenFailedText({ error: new DbFromFutureError(9, 3), dbPath: '/d/x.sqlite', logFile: '/l.log' });
    expect(text).toContain('phiên bản Đối Thoại mới hơn');
    expect(text).toContain('/d/x.sqlite');
  });
});

describe('log', () => {
  it('appends timestamped lines with stacks, creating the folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'doithoai-log-'));
    try {
      const file = path.join(dir, 'sub', 'doithoai.log');
      const log = createFileLog(file);
      log('hello');
      log('failed', new Error('boom'));
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^\d{4}-\d\d-\d\dT.*\[electron\] hello\n/);
      expect(text).toContain('Error: boom');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never throws, even when the file cannot be written', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'doithoai-log-'));
    try {
      const blocker = path.join(dir, 'a-file');
      writeFileSync(blocker, '');
      // Its "folder" is a file: mkdir and append both fail (ENOTDIR / EEXIST).
      expect(() => createFileLog(path.join(blocker, 'sub', 'x.log'))('x')).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(formatLogLine('m', 'plain', new Date(0))).toBe('1970-01-01T00:00:00.000Z [electron] m\nplain\n');
  });
});
