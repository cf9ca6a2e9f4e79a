import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appDataDir,
  browserArgs,
  browserCandidates,
  browserProfileDir,
  detectElectronRuntime,
  electronArgs,
  findBrowser,
  findHostUrl,
  resolveExecutable,
} from '../../../scripts/start-lib.mjs';

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'doithoai-start-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const realFs = { exists: existsSync, readFile: (f: string) => readFileSync(f, 'utf8') };

describe('Electron runtime detection (never downloads)', () => {
  it('finds dist/<path.txt> in a fake electron folder', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(detectElectronRuntime({ electronDir: dir, env: {}, platform: 'linux', ...realFs })).toEqual({ path: path.join(dir, 'dist', 'electron') });
  });

  it('reports missing when path.txt is absent (the binary was never downloaded)', () => {
    const dir = tempDir();
    const result = detectElectronRuntime({ electronDir: dir, env: {}, platform: 'linux', ...realFs });
    expect(result.path).toBeNull();
    expect(result).toHaveProperty('reason', expect.stringContaining('path.txt'));
  });

  it('reports missing when path.txt names a binary that is not there', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(detectElectronRuntime({ electronDir: dir, env: {}, platform: 'linux', ...realFs }).path).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with the platform name when path.txt is absent', () => {
    const electronDir = tempDir();
    const dist = tempDir();
    writeFileSync(path.join(dist, 'electron.exe'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: dist };
    expect(detectElectronRuntime({ electronDir, env, platform: 'win32', ...realFs })).toEqual({ path: path.join(dist, 'electron.exe') });
    expect(detectElectronRuntime({ electronDir, env, platform: 'linux', ...realFs }).path).toBeNull();
  });

  it('says no runtime for the real checkout here (its binary was never fetched), without throwing', () => {
    const result = detectElectronRuntime({ electronDir: path.resolve('node_modules/electron'), env: {}, platform: process.platform, ...realFs });
    expect(result.path === null || existsSync(result.path)).toBe(true);
  });
});

describe('browser discovery', () => {
  it('prefers DOITHOAI_BROWSER, then Chromium, Chrome, Edge on Linux', () => {
    const list = browserCandidates({ platform: 'linux', env: { DOITHOAI_BROWSER: '/opt/b/chrome' }, home: '/home/u' });
    expect(list[0]).toBe('/opt/b/chrome');
    const idx = (name: string) => list.indexOf(name);
    expect(idx('chromium')).toBeLessThan(idx('google-chrome'));
    expect(idx('google-chrome')).toBeLessThan(idx('microsoft-edge'));
  });

  it('looks in the per-user and machine folders on Windows: Chromium, Chrome, then Edge', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    const list = browserCandidates({ platform: 'win32', env, home: 'C:\\Users\\u' });
    expect(list[0]).toBe('C:\\Users\\u\\AppData\\Local\\Chromium\\Application\\chrome.exe');
    expect(list).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(list.at(-1)).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    const chrome = list.findIndex((p) => p.includes('Google'));
    const edge = list.findIndex((p) => p.includes('Edge'));
    expect(chrome).toBeLessThan(edge);
  });

  it('looks in /Applications and ~/Applications on macOS', () => {
    const list = browserCandidates({ platform: 'darwin', env: {}, home: '/Users/u' });
    expect(list[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(list).toContain('/Users/u/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('finds the first candidate that exists, bare names on PATH', () => {
    const files = new Set(['/usr/local/bin/google-chrome', '/usr/bin/microsoft-edge']);
    const input = { platform: 'linux' as const, env: { PATH: '/usr/local/bin:/usr/bin' }, home: '/home/u', exists: (f: string) => files.has(f) };
    expect(findBrowser(input)).toBe('/usr/local/bin/google-chrome');
    files.add('/usr/bin/chromium');
    expect(findBrowser(input)).toBe('/usr/bin/chromium');
    expect(findBrowser({ ...input, exists: () => false })).toBeNull();
  });

  it('finds Edge on a Windows machine that has nothing else', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const input = { platform: 'win32' as const, env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, home: 'C:\\Users\\u' };
    expect(findBrowser({ ...input, exists: (f) => f === edge })).toBe(edge);
  });

  it('resolves a real executable on PATH', () => {
    const dir = tempDir();
    const exe = path.join(dir, 'chromium');
    writeFileSync(exe, '#!/bin/sh\n');
    chmodSync(exe, 0o755);
    expect(resolveExecutable('chromium', { platform: 'linux', env: { PATH: dir }, exists: existsSync })).toBe(exe);
  });
});

describe('arguments', () => {
  it('opens an app window on a dedicated profile, off the network', () => {
    const args = browserArgs('http://127.0.0.1:4000/#token=abc', '/home/u/.config/DoiThoai/browser-profile');
    expect(args.slice(0, 2)).toEqual(['--app=http://127.0.0.1:4000/#token=abc', '--user-data-dir=/home/u/.config/DoiThoai/browser-profile']);
    for (const flag of ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']) {
      expect(args).toContain(flag);
    }
    expect(args).not.toContain('--no-sandbox');
    expect(browserArgs('u', 'p', { asRoot: true })[0]).toBe('--no-sandbox');
  });

  it('keeps the browser profile in the OS user-data folder, under DoiThoai', () => {
    expect(browserProfileDir({ platform: 'linux', env: {}, home: '/home/u' })).toBe('/home/u/.config/DoiThoai/browser-profile');
    expect(browserProfileDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/u' })).toBe('/x/DoiThoai/browser-profile');
    expect(browserProfileDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, home: 'C:\\Users\\u' })).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\DoiThoai\\browser-profile',
    );
    expect(appDataDir({ platform: 'darwin', env: {}, home: '/Users/u' })).toBe('/Users/u/Library/Application Support');
  });

  it('forwards the user arguments to Electron after the main bundle', () => {
    expect(electronArgs('/r/dist/electron/main.cjs', ['--db', '/tmp/x.sqlite'])).toEqual(['/r/dist/electron/main.cjs', '--db', '/tmp/x.sqlite']);
    expect(electronArgs('/m.cjs', [], { asRoot: true })).toEqual(['--no-sandbox', '/m.cjs']);
  });

  it("finds the browser host's address in its output line", () => {
    expect(findHostUrl('Đối Thoại đang chạy tại http://127.0.0.1:43121/#token=AbC-_9')).toBe('http://127.0.0.1:43121/#token=AbC-_9');
    expect(findHostUrl('Dữ liệu: /x — nhấn Ctrl+C để dừng.')).toBeNull();
    expect(findHostUrl('http://127.0.0.1:43121/ (no token)')).toBeNull();
    expect(findHostUrl('see http://example.com:80/#token=x')).toBeNull();
  });
});
