/**
 * The browser host for end-to-end tests: built once, started on a temp database, killed
 * (SIGKILL, for the crash soak) and restarted on the same database.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/[\\/]$/, '');
const HOST_JS = path.join(ROOT, 'dist/electron/web-host.cjs');
const INDEX_HTML = path.join(ROOT, 'dist/renderer/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(p);
      } else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

let built = false;
/** Builds the app if dist is missing or older than the sources (once per test process). */
export function ensureBuilt(): void {
  if (built) return;
  const sources = Math.max(...['renderer', 'shared', 'electron', 'resources'].map((d) => newestMtime(path.join(ROOT, d))));
  const stale = !fs.existsSync(HOST_JS) || !fs.existsSync(INDEX_HTML) || Math.min(fs.statSync(HOST_JS).mtimeMs, fs.statSync(INDEX_HTML).mtimeMs) < sources;
  if (stale && process.env.DOITHOAI_E2E_NO_BUILD !== '1') {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  built = true;
}

/** A fresh folder for one test's database (removed by `removeTempDir`). */
export function tempDir(prefix = 'doithoai-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface Host {
  /** The address with this launch's token, as the host printed it. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dbPath: string;
  process: ChildProcess;
  /** Everything the host wrote to stdout and stderr (for failure messages). */
  log: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit: a power cut, as far as the database can tell. */
  kill(): Promise<void>;
}

export interface StartHostOptions {
  dbPath: string;
  /** 0 (default) for any free port; reuse a port to keep the page's origin after a restart. */
  port?: number;
  timeoutMs?: number;
  /** No `--port` (nor `--no-open`): the exact `npm run start:web` command, on the database's saved address. */
  savedAddress?: boolean;
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `node dist/electron/web-host.cjs --db <db> --port <port> --no-open` and waits for its URL line. */
export async function startHost(options: StartHostOptions): Promise<Host> {
  ensureBuilt();
  const args = options.savedAddress ? ['--db', options.dbPath] : ['--db', options.dbPath, '--port', String(options.port ?? 0), '--no-open'];
  const child = spawn(process.execPath, [HOST_JS, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not print its URL in time:\n${output}`)), options.timeoutMs ?? 20_000);
    child.stdout!.on('data', (d: string) => {
      output += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code ?? signal}) before printing its URL:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const host: Host = {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.hash.replace(/^#token=/, ''),
    dbPath: options.dbPath,
    process: child,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await waitExit(child);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await waitExit(child);
    },
  };
  return host;
}

/**
 * Kills the host with SIGKILL and starts a new one on the same database (on the same port
 * when it is free again, so the page keeps its origin). The new host has a new token:
 * reopen the page with `host.url`.
 */
export async function killAndRestart(host: Host, options: { samePort?: boolean } = {}): Promise<Host> {
  await host.kill();
  const samePort = options.samePort ?? true;
  for (let attempt = 0; ; attempt++) {
    try {
      return await startHost({ dbPath: host.dbPath, port: samePort ? host.port : 0 });
    } catch (error) {
      if (!samePort || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * `npm run start:web --db <db>` as the secretary runs it (after the build): the host file
 * with only `--db`, so the port and token come from the database's saved address.
 */
export function startWebCommand(dbPath: string, timeoutMs?: number): Promise<Host> {
  return startHost({ dbPath, savedAddress: true, timeoutMs });
}

/** SIGKILL, then the very same command again on the same database. */
export async function killAndRunAgain(host: Host): Promise<Host> {
  await host.kill();
  return startWebCommand(host.dbPath);
}
