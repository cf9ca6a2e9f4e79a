/**
 * The browser host keeps its database's address: same port and token at every launch,
 * in an owner-only file beside the database; another port (and one line saying so) when
 * the saved one is held by another program.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend';
import { addressFileFor, readSavedAddress, writeSavedAddress } from '../../../electron/hosts/web/address';
import { launchWebHost } from '../../../electron/hosts/web/launch';

const posix = process.platform !== 'win32';

describe('browser host address', () => {
  let dir: string;
  let staticDir: string;
  let backend: Backend;
  const closers: Array<() => Promise<void> | void> = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-address-'));
    staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Đối Thoại</title>');
    backend = openBackend({ dbPath: path.join(dir, 'db.sqlite'), host: 'web' });
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function launch(options: { explicitPort?: number; busyWaitMs?: number } = {}) {
    const launched = await launchWebHost({ backend, staticDir, ...options });
    closers.push(() => launched.host.close());
    return launched;
  }

  it('comes back on the same port with the same token, saved owner-only beside the database', async () => {
    const first = await launch();
    const file = addressFileFor(backend.dbPath);
    expect(file).toBe(path.join(dir, 'db.sqlite.host.json'));
    if (posix) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const url = first.host.url;
    await first.host.close();

    const second = await launch();
    expect(second.host.url).toBe(url);
    expect(second.notes).toEqual([]);
  });

  it('takes another port and says so when the saved one is held by another program', async () => {
    const first = await launch();
    const { port } = first.host;
    await first.host.close();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())));

    const second = await launch({ busyWaitMs: 300 });
    expect(second.host.port).not.toBe(port);
    expect(second.notes.join('\n')).toContain(`Cổng ${port}`);
    // A new token too: the page left at the old address keeps sending the old one to
    // whatever holds that port now. The new pair is the database's address from now on.
    const secondToken = new URL(second.host.url).hash.slice('#token='.length);
    expect(secondToken).not.toBe(new URL(first.host.url).hash.slice('#token='.length));
    const saved = readSavedAddress(addressFileFor(backend.dbPath));
    expect(saved).toEqual({ kind: 'ok', address: { port: second.host.port, token: secondToken } });
    await second.host.close();
    const third = await launch();
    expect(third.host.url).toBe(second.host.url);
  });

  it('waits for a saved port that frees itself soon (a previous host still closing)', async () => {
    const first = await launch();
    const { port } = first.host;
    await first.host.close();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    setTimeout(() => squatter.close(), 400);
    const second = await launch({ busyWaitMs: 3_000 });
    expect(second.host.port).toBe(port);
    expect(second.notes).toEqual([]);
  });

  it.runIf(posix)('does not trust a token file others could read: new token, file made owner-only', async () => {
    const first = await launch();
    await first.host.close();
    const file = addressFileFor(backend.dbPath);
    fs.chmodSync(file, 0o644);
    expect(readSavedAddress(file)).toEqual({ kind: 'rejected', reason: 'người khác có thể đọc tệp' });

    const second = await launch();
    expect(new URL(second.host.url).hash).not.toBe(new URL(first.host.url).hash);
    expect(second.notes.join('\n')).toContain('người khác có thể đọc tệp');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rejects a damaged or forged file instead of using it', () => {
    const file = addressFileFor(backend.dbPath);
    const write = (text: string) => {
      fs.writeFileSync(file, text, { mode: 0o600 });
      fs.chmodSync(file, 0o600);
    };
    write('{not json');
    expect(readSavedAddress(file).kind).toBe('rejected');
    write(JSON.stringify({ port: 70000, token: 'a'.repeat(43) }));
    expect(readSavedAddress(file).kind).toBe('rejected');
    write(JSON.stringify({ port: 5000, token: 'short' }));
    expect(readSavedAddress(file).kind).toBe('rejected');
    fs.rmSync(file);
    if (posix) {
      fs.symlinkSync(path.join(dir, 'elsewhere.json'), file);
      expect(readSavedAddress(file).kind).toBe('rejected');
      fs.rmSync(file);
    }
    expect(readSavedAddress(file)).toEqual({ kind: 'none' });
    writeSavedAddress(file, { port: 5000, token: 'b'.repeat(43) });
    expect(readSavedAddress(file)).toEqual({ kind: 'ok', address: { port: 5000, token: 'b'.repeat(43) } });
  });

  it('an explicit --port wins and becomes the saved address', async () => {
    const first = await launch({ explicitPort: 0 });
    const saved = readSavedAddress(addressFileFor(backend.dbPath));
    expect(saved.kind === 'ok' && saved.address.port).toBe(first.host.port);
  });
});
