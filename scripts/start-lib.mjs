// The pure parts of `npm start` (scripts/start.mjs), kept apart so they can be unit-tested:
// finding the Electron runtime without triggering its download, finding a Chromium-family
// browser for the browser-host fallback, and the arguments each is started with.
// Every function takes its environment (platform, env, file checks) as arguments.
import path from 'node:path';

/** The executable inside an Electron dist folder, as node_modules/electron/index.js names it. */
export function electronExecutableName(platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * Finds the Electron executable the way node_modules/electron/index.js does, but never
 * downloads: `require('electron')` from Node fetches the binary when it is missing, from a
 * host this machine cannot reach. Answers `{ path }` or `{ path: null, reason }`.
 */
export function detectElectronRuntime({ electronDir, env, platform, exists, readFile }) {
  const pathFile = path.join(electronDir, 'path.txt');
  let executable;
  if (exists(pathFile)) {
    try {
      executable = readFile(pathFile).trim();
    } catch {
      executable = undefined;
    }
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const full = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || electronExecutableName(platform));
    return exists(full) ? { path: full } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${full}` };
  }
  if (!executable) return { path: null, reason: `${pathFile} is missing (the Electron binary was never downloaded)` };
  const full = path.join(electronDir, 'dist', executable);
  return exists(full) ? { path: full } : { path: null, reason: `${full} is missing` };
}

/** The OS folder for per-user app data: the same place Electron's app.getPath('appData') is. */
export function appDataDir({ platform, env, home }) {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}

/** The browser profile of the app window: under the app's own user-data folder, never the user's. */
export function browserProfileDir(input) {
  const join = input.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(input), 'DoiThoai', 'browser-profile');
}

/**
 * Where to look for a Chromium-family browser, in order of preference: an explicit
 * DOITHOAI_BROWSER, then Chromium, Chrome, Edge (Edge comes with every Windows 10/11).
 * Entries are absolute paths or, on Linux, command names looked up on PATH.
 */
export function browserCandidates({ platform, env, home }) {
  const list = [];
  if (env.DOITHOAI_BROWSER) list.push(env.DOITHOAI_BROWSER);
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter(Boolean);
    const unique = [...new Set(roots)];
    for (const rel of [
      ['Chromium', 'Application', 'chrome.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ]) {
      for (const root of unique) list.push(path.win32.join(root, ...rel));
    }
  } else if (platform === 'darwin') {
    for (const app of [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]) {
      list.push(path.posix.join('/Applications', app), path.posix.join(home, 'Applications', app));
    }
  } else {
    list.push(
      'chromium',
      'chromium-browser',
      '/snap/bin/chromium',
      'google-chrome',
      'google-chrome-stable',
      'microsoft-edge',
      'microsoft-edge-stable',
    );
  }
  return list;
}

/** Resolves a candidate to an existing file: absolute paths as they are, bare names on PATH. */
export function resolveExecutable(candidate, { platform, env, exists }) {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (p.isAbsolute(candidate)) return exists(candidate) ? candidate : null;
  const dirs = (env.PATH || env.Path || '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const exts = platform === 'win32' ? ['', '.exe'] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const full = p.join(dir, candidate + ext);
      if (exists(full)) return full;
    }
  }
  return null;
}

/** The first browser found, or null. */
export function findBrowser(input) {
  for (const candidate of browserCandidates(input)) {
    const found = resolveExecutable(candidate, input);
    if (found) return found;
  }
  return null;
}

/**
 * Arguments for an app-mode window on a dedicated profile that stays off the network.
 * `asRoot`: Chromium refuses to start as root (containers, CI) without --no-sandbox; the
 * secretary never runs as root, so this only concerns development machines.
 */
export function browserArgs(url, profileDir, { asRoot = false } = {}) {
  return [
    ...(asRoot ? ['--no-sandbox'] : []),
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--window-size=1280,820',
  ];
}

/**
 * Arguments for the Electron runtime: the main bundle, then the user's own (e.g. --db).
 * `asRoot` as for browserArgs: Electron, like Chromium, will not start as root otherwise.
 */
export function electronArgs(mainFile, forwarded, { asRoot = false } = {}) {
  return [...(asRoot ? ['--no-sandbox'] : []), mainFile, ...forwarded];
}

/** The address the browser host prints (`http://127.0.0.1:PORT/...#token=...`), if in `line`. */
export function findHostUrl(line) {
  const match = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+\/\S*#token=[^\s"'<>]+/.exec(line);
  return match ? match[0] : null;
}

/**
 * A browser that exits this soon after starting most likely handed the window to a
 * browser already running on the same profile (a second `npm start`); then the host must
 * keep running until Ctrl+C rather than stop with it.
 */
export const BROWSER_HANDOFF_MS = 3000;

/** The single line printed when there is no Electron runtime. */
export const NO_RUNTIME_LINE =
  'Không có Electron trên máy này, mở bản chạy trong trình duyệt. / Electron runtime unavailable: starting the browser host instead.';
