/**
 * `npm run start:web`: the browser host. Prints the address (which carries the database's
 * token, kept from launch to launch: see launch.ts) and the database's path, then serves
 * until Ctrl+C or SIGTERM. Opening a browser window is the launcher's job
 * (scripts/start.mjs), not this process's; `--no-open` is accepted and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../../backend';
import { resolveDbPath } from '../../db/location';
import { launchWebHost } from './launch';

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
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) fail('Cổng không hợp lệ (0–65535).', 2);
  const staticDir = rendererDir();
  if (!staticDir) fail('Chưa có giao diện đã build (dist/renderer). Hãy chạy: npm run build');

  let backend;
  try {
    backend = openBackend({ dbPath: resolveDbPath(values.db), host: 'web' });
  } catch (error) {
    fail((error as Error).message);
  }
  let launched;
  try {
    launched = await launchWebHost({ backend, staticDir, explicitPort: port });
  } catch (error) {
    backend.close();
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    fail(busy ? `Cổng ${port} đang bị chương trình khác dùng. Chọn cổng khác (--port) hoặc bỏ --port.` : `Không mở được máy chủ: ${(error as Error).message}`);
  }
  const { host, notes } = launched;
  for (const note of notes) process.stderr.write(`${note}\n`);
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
