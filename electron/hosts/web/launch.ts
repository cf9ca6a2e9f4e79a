/**
 * Starting the browser host on its database's address: the port and token saved beside the
 * database when there are any, so that a page left open across a crash reaches the new host
 * as before and sends what it could not send (see address.ts).
 *
 * When the saved port is held by another program, the host waits a little (a previous
 * instance may still be closing), then takes a free port and a new token, saves them as
 * the database's address from now on, and says in one line that the open page must be
 * opened again at the new address. The token changes because a page still open at the old
 * address keeps sending it to whatever holds that port now; it never serves without the
 * token check to keep an old page working.
 */
import type { Backend } from '../../backend';
import { addressFileFor, newToken, readSavedAddress, writeSavedAddress, type HostAddress } from './address';
import { startWebHost, type WebHost } from './server';

export interface LaunchOptions {
  backend: Backend;
  staticDir: string;
  /** `--port`: used as given (0 = any free port) and saved for the next launches. */
  explicitPort?: number;
  /** How long to wait for a busy saved port before moving to another. */
  busyWaitMs?: number;
}

export interface Launched {
  host: WebHost;
  /** Lines for the console (Vietnamese): what changed about the address and why. */
  notes: string[];
}

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
}

export async function launchWebHost(options: LaunchOptions): Promise<Launched> {
  const { backend, staticDir } = options;
  const file = addressFileFor(backend.dbPath);
  const notes: string[] = [];
  const saved = readSavedAddress(file);
  if (saved.kind === 'rejected') notes.push(`Bỏ qua ${file} (${saved.reason}); dùng mã truy cập mới — trang đang mở cần mở lại từ địa chỉ mới.`);
  let token = saved.kind === 'ok' ? saved.address.token : newToken();
  const savedPort = saved.kind === 'ok' ? saved.address.port : 0;

  let host: WebHost;
  if (options.explicitPort !== undefined) {
    host = await startWebHost({ backend, staticDir, token, port: options.explicitPort });
  } else if (savedPort === 0) {
    host = await startWebHost({ backend, staticDir, token, port: 0 });
  } else {
    const deadline = Date.now() + (options.busyWaitMs ?? 3_000);
    for (;;) {
      try {
        host = await startWebHost({ backend, staticDir, token, port: savedPort });
        break;
      } catch (error) {
        if (!isAddressInUse(error)) throw error;
        if (Date.now() >= deadline) {
          token = newToken();
          host = await startWebHost({ backend, staticDir, token, port: 0 });
          notes.push(
            `Cổng ${savedPort} của dữ liệu này đang bị chương trình khác dùng; chuyển sang cổng ${host.port}. ` +
              `Trang đang mở ở cổng cũ cần mở lại từ địa chỉ mới.`,
          );
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  const address: HostAddress = { port: host.port, token };
  if (saved.kind !== 'ok' || saved.address.port !== address.port || saved.address.token !== address.token) {
    try {
      writeSavedAddress(file, address);
    } catch (error) {
      notes.push(`Không ghi được ${file} (${(error as Error).message}); lần chạy sau địa chỉ sẽ khác.`);
    }
  }
  return { host, notes };
}
