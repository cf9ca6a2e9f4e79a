import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend';
import { MAX_BODY_BYTES, MAX_PACKAGE_BODY_BYTES, startWebHost, type WebHost } from '../../../electron/hosts/web/server';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvw';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw requests, because fetch would not let a test forge Host or Origin. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser host', () => {
  let dir: string;
  let backend: Backend;
  let host: WebHost;
  let good: Record<string, string>;

  const tableCounts = () => {
    const db = new Database(backend.dbPath, { readonly: true });
    const counts = ['units', 'conferences', 'speakers', 'turns', 'concerns', 'agencies'].map(
      (t) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
    );
    db.close();
    return counts;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-web-'));
    const staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Đối Thoại</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
    backend = openBackend({ dbPath: path.join(dir, 'db.sqlite'), host: 'web' });
    host = await startWebHost({ backend, staticDir, token: TOKEN });
    good = {
      Host: `127.0.0.1:${host.port}`,
      Origin: `http://127.0.0.1:${host.port}`,
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
    };
  });

  afterAll(async () => {
    await host.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback only and prints an address carrying the token', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
  });

  it('answers a valid call with the service result', async () => {
    const reply = await request(host.port, { path: '/api/unit.save', headers: good, body: JSON.stringify({ name: 'Phường Hòa Bình', level: 'phường', parentName: 'Thành phố Hải An' }) });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(true);
    expect(body.value.name).toBe('Phường Hòa Bình');
    expect(body.value.parentName).toBe('Thành phố Hải An');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it.each([
    ['no token', { Authorization: '' }, 401],
    ['a wrong token', { Authorization: `Bearer ${TOKEN.slice(0, -1)}x` }, 401],
    ['the token in another scheme', { Authorization: `Basic ${TOKEN}` }, 401],
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example' }, 403],
    ['our port on another name', { Host: 'doithoai.example' }, 403],
    ['a foreign Origin', { Origin: 'http://evil.example' }, 403],
    ['an Origin on another port', { Origin: 'http://127.0.0.1:1' }, 403],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }, 403],
  ])('refuses a call with %s and writes nothing', async (_label, override, status) => {
    const before = tableCounts();
    const headers = { ...good, ...override };
    const reply = await request(host.port, { path: '/api/conferences.create', headers, body: JSON.stringify({ title: 'X', date: '2026-09-16' }) });
    expect(reply.status).toBe(status);
    const body = JSON.parse(reply.body);
    expect(body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(body.error.message).toMatch(/[ạảãáàâăđêôơư]/i);
    expect(tableCounts()).toEqual(before);
  });

  it('refuses GET on the API, non-JSON bodies, malformed JSON and oversized bodies', async () => {
    const before = tableCounts();
    expect((await request(host.port, { method: 'GET', path: '/api/conferences.list', headers: good })).status).toBe(405);
    expect((await request(host.port, { path: '/api/conferences.list', headers: { ...good, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const malformed = await request(host.port, { path: '/api/conferences.create', headers: good, body: '{"title": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe('invalid_input');
    const huge = await request(host.port, { path: '/api/conferences.create', headers: good, body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20) });
    expect(huge.status).toBe(413);
    expect(tableCounts()).toEqual(before);
  });

  it('takes a whole package file on the package methods only, and still caps it', async () => {
    const before = tableCounts();
    // 3 MB of (invalid) package: over the general cap, under the package cap.
    const file = { name: 'lon.doithoai', base64: Buffer.alloc(3 * 1024 * 1024, 1).toString('base64') };
    const checked = await request(host.port, { path: '/api/packages.check', headers: good, body: JSON.stringify({ file }) });
    expect(checked.status).toBe(409);
    expect(JSON.parse(checked.body).error.message).toMatch(/[ạảãáàâăđêôơư]/i);
    const elsewhere = await request(host.port, { path: '/api/conferences.create', headers: good, body: JSON.stringify({ title: file.base64 }) });
    expect(elsewhere.status).toBe(413);
    const huge = await request(host.port, { path: '/api/packages.import', headers: good, body: Buffer.alloc(MAX_PACKAGE_BODY_BYTES + 10, 0x20) });
    expect(huge.status).toBe(413);
    expect(tableCounts()).toEqual(before);
  });

  it('answers an invalid payload with a typed error and writes nothing', async () => {
    const before = tableCounts();
    const reply = await request(host.port, { path: '/api/conferences.create', headers: good, body: JSON.stringify({ title: 'Hội nghị', date: '2026-02-31', extra: 1 }) });
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues.length).toBeGreaterThan(0);
    const unknown = await request(host.port, { path: '/api/db.exec', headers: good, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_method');
    expect(tableCounts()).toEqual(before);
  });

  it('serves the renderer, and nothing outside its folder', async () => {
    const index = await request(host.port, { method: 'GET', path: '/', headers: { Host: good.Host! } });
    expect(index.status).toBe(200);
    expect(index.body).toContain('Đối Thoại');
    expect(index.headers['x-frame-options']).toBe('DENY');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00index.html']) {
      const reply = await request(host.port, { method: 'GET', path: p, headers: { Host: good.Host! } });
      expect(reply.status, p).toBe(404);
      expect(reply.body).not.toContain('outside');
    }
    const rebound = await request(host.port, { method: 'GET', path: '/', headers: { Host: 'evil.example' } });
    expect(rebound.status).toBe(403);
  });
});
