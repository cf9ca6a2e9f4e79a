/**
 * `npm run start:web`: the browser host. Prints one line with the address (which carries
 * this launch's token) and serves until Ctrl+C. Opening a browser window is the
 * launcher's job (scripts/start.mjs), not this process's.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../../backend';
import { resolveDbPath } from '../../db/location';
import { startWebHost } from './server';

function rendererDir(): string | null {
  const candidates = [
    process.env.DOITHOAI_RENDERER_DIR,
    path.resolve(path.dirname(process.argv[1] ?? '.'), '../renderer'),
    path.resolve(process.cwd(), 'dist/renderer'),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: { db?: string; port?: string; 'no-open'?: boolean };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    fail(`Sai cách dùng: ${(error as Error).message}. Dùng: web-host [--db ĐƯỜNG_DẪN] [--port SỐ]`, 2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('Cổng không hợp lệ (0–65535).', 2);
  const staticDir = rendererDir();
  if (!staticDir) fail('Chưa có giao diện đã build (dist/renderer). Hãy chạy: npm run build');

  let backend;
  try {
    backend = openBackend({ dbPath: resolveDbPath(values.db), host: 'web' });
  } catch (error) {
    fail((error as Error).message);
  }
  const host = await startWebHost({ backend, staticDir, token: randomBytes(32).toString('base64url'), port });
  process.stdout.write(`Đối Thoại đang chạy tại ${host.url}\n`);
  process.stdout.write(`Dữ liệu: ${backend.dbPath} — nhấn Ctrl+C để dừng.\n`);

  const stop = () => {
    void host.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
