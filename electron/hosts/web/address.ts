/**
 * The browser host's address (port and token) belongs to its database, not to one launch:
 * the page keeps unsent text for its own origin and token, so a host that comes back after
 * a crash on another port or with another token would strand that text. The pair is kept
 * in `<db>.host.json` beside the database, readable by its owner only. A file anyone else
 * could have read (or written) is not trusted: its token is replaced.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface HostAddress {
  port: number;
  token: string;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function addressFileFor(dbPath: string): string {
  return `${dbPath}.host.json`;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export type SavedAddress =
  | { kind: 'none' }
  | { kind: 'ok'; address: HostAddress }
  /** The file exists but cannot be trusted or read: a new token, and say why. */
  | { kind: 'rejected'; reason: string };

/** Reads the saved address; never throws. */
export function readSavedAddress(file: string, platform: NodeJS.Platform = process.platform): SavedAddress {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return { kind: 'none' };
  }
  if (!stat.isFile()) return { kind: 'rejected', reason: 'không phải tệp thường' };
  if (platform !== 'win32') {
    // Windows has no mode bits; there the user-data folder is already the user's own.
    if ((stat.mode & 0o077) !== 0) return { kind: 'rejected', reason: 'người khác có thể đọc tệp' };
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return { kind: 'rejected', reason: 'tệp thuộc người dùng khác' };
  }
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<HostAddress>;
    const { port, token } = parsed;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return { kind: 'rejected', reason: 'cổng không hợp lệ' };
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return { kind: 'rejected', reason: 'mã truy cập không hợp lệ' };
    return { kind: 'ok', address: { port, token } };
  } catch {
    return { kind: 'rejected', reason: 'nội dung hỏng' };
  }
}

/**
 * Writes the address owner-only (0600) and atomically: a crash mid-write leaves the old
 * file or the new one, never half of one. Throws when the folder is not writable.
 */
export function writeSavedAddress(file: string, address: HostAddress): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(address)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
