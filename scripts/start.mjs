// `npm start` (after scripts/build.mjs): the Electron app when this machine has the
// Electron runtime, otherwise the browser host opened as an app window in an installed
// Chromium, Chrome or Edge. Arguments (e.g. --db PATH) are forwarded to either.
// The decisions live in start-lib.mjs, which has unit tests; this file only runs them.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  BROWSER_HANDOFF_MS,
  NO_RUNTIME_LINE,
  browserArgs,
  browserProfileDir,
  detectElectronRuntime,
  electronArgs,
  findBrowser,
  findHostUrl,
} from './start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forwarded = process.argv.slice(2);
const isFile = (file) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const runtime = detectElectronRuntime({
  electronDir: path.join(root, 'node_modules', 'electron'),
  env: process.env,
  platform: process.platform,
  exists: existsSync,
  readFile: (file) => readFileSync(file, 'utf8'),
});

if (runtime.path) startElectron(runtime.path);
else startBrowserHost();

function startElectron(executable) {
  const nativeBinding = path.join(root, 'build', 'electron-native', 'better_sqlite3.node');
  if (!existsSync(nativeBinding)) {
    console.log(
      'Lưu ý: chưa có better-sqlite3 cho Electron; nếu ứng dụng báo lỗi, chạy: node scripts/electron-native.mjs' +
        ' / Note: no Electron build of better-sqlite3 yet; if the app reports it, run: node scripts/electron-native.mjs',
    );
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
  const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
  const child = spawn(executable, electronArgs(path.join(root, 'dist', 'electron', 'main.cjs'), forwarded, { asRoot }), {
    stdio: 'inherit',
    env,
  });
  // Ctrl+C reaches Electron too (same terminal); wait for it to close its database and exit.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Không chạy được Electron / Cannot start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowserHost() {
  console.log(NO_RUNTIME_LINE);
  const host = spawn(process.execPath, [path.join(root, 'dist', 'electron', 'web-host.cjs'), ...forwarded], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let browser = null;
  let stopping = false;

  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill();
    if (host.exitCode === null) {
      host.once('exit', () => process.exit(code));
      host.kill('SIGTERM'); // the host closes its database on SIGTERM
      setTimeout(() => process.exit(code), 5000).unref();
    } else {
      process.exit(code);
    }
  };
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));

  host.on('error', (error) => {
    console.error(`Không chạy được bản trình duyệt / Cannot start the browser host: ${error.message}`);
    process.exit(1);
  });
  host.on('exit', (code, signal) => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill();
    process.exit(code ?? (signal ? 1 : 0));
  });

  const noUrl = setTimeout(() => {
    console.error('Bản trình duyệt không báo địa chỉ sau 60 giây / The browser host printed no address within 60 s.');
    stop(1);
  }, 60_000);

  const lines = readline.createInterface({ input: host.stdout });
  let opened = false;
  lines.on('line', (line) => {
    process.stdout.write(`${line}\n`);
    if (opened) return;
    const url = findHostUrl(line);
    if (!url) return;
    opened = true;
    clearTimeout(noUrl);
    openBrowser(url);
  });

  function openBrowser(url) {
    const input = { platform: process.platform, env: process.env, home: os.homedir(), exists: isFile };
    const executable = findBrowser(input);
    if (!executable) {
      console.log(`Không tìm thấy Chromium/Chrome/Edge. Mở địa chỉ này trong trình duyệt / No Chromium, Chrome or Edge found. Open: ${url}`);
      return;
    }
    const profile = browserProfileDir(input);
    mkdirSync(profile, { recursive: true });
    const startedAt = Date.now();
    const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
    browser = spawn(executable, browserArgs(url, profile, { asRoot }), { stdio: 'ignore' });
    browser.on('error', (error) => {
      console.log(`Không mở được ${executable} (${error.message}). Mở địa chỉ này / Open: ${url}`);
      browser = null;
    });
    browser.on('exit', (code) => {
      if (stopping) return;
      browser = null;
      if (code !== 0 && code !== null) {
        // It could not start (no display, broken profile…): the address still works.
        console.log(`Trình duyệt dừng với mã ${code}. Mở địa chỉ trên trong trình duyệt; Ctrl+C để dừng. / The browser exited (${code}); open the address above, Ctrl+C to stop.`);
        return;
      }
      if (Date.now() - startedAt < BROWSER_HANDOFF_MS) {
        // Handed to a browser already running on this profile: keep serving until Ctrl+C.
        console.log('Cửa sổ đã mở trong trình duyệt đang chạy; Ctrl+C để dừng. / Window opened in a running browser; Ctrl+C to stop.');
        return;
      }
      stop(0); // the secretary closed the window
    });
  }
}
