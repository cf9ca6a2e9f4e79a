// Both hosts serve the built renderer through electron/hosts/static-files.ts: the same path
// must get the same answer from each (status, type, refusal), with the one CSP.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { staticFileFor, staticPathFor } from '../../../electron/hosts/static-files';
import { startWebHost, type WebHost } from '../../../electron/hosts/web/server';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined } }));
const { serveRendererFile } = await import('../../../electron/hosts/electron/protocol');

interface Answer {
  status: number;
  type: string | null;
  csp: string | null;
  body: string;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-static-'));
const renderer = path.join(root, 'renderer');
const files: Record<string, string> = {
  'index.html': '<!doctype html><title>Đối Thoại</title>',
  'assets/x.js': 'console.log(1)',
  'assets/x.css': 'body{}',
  'assets/x.js.map': '{}',
  'fonts/a.woff2': 'woff2',
  'fonts/a.ttf': 'ttf',
  'icon.svg': '<svg/>',
  'data.unknown': '?',
  '..hidden': 'a name that starts with two dots',
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(renderer, name)), { recursive: true });
  fs.writeFileSync(path.join(renderer, name), text);
}
fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer folder');
let links = true;
try {
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(renderer, 'link-out.txt'));
  fs.symlinkSync(path.join(renderer, 'index.html'), path.join(renderer, 'link-in.html'));
} catch {
  links = false; // Windows without the right to make links
}

const PATHS = [
  '/',
  '/index.html',
  '/assets/x.js',
  '/assets/x.css',
  '/assets/x.js.map',
  '/fonts/a.woff2',
  '/fonts/a.ttf',
  '/icon.svg',
  '/ICON.SVG',
  '/data.unknown',
  '/missing.js',
  '/../secret.txt',
  '/%2e%2e/secret.txt',
  '/..%2fsecret.txt',
  '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
  '/..%5csecret.txt',
  '/%00index.html',
  '/index.html%00.js',
  '/%E0%A4%A',
  '/assets',
  '/assets/',
  '/..hidden',
  ...(links ? ['/link-out.txt', '/link-in.html'] : []),
];

async function viaElectron(p: string): Promise<Answer> {
  const res = await serveRendererFile(renderer, { url: `app://doithoai${p}`, method: 'GET' });
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: await res.text() };
}

function viaBrowserHost(host: WebHost, p: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method: 'GET', path: p, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? null,
          csp: (res.headers['content-security-policy'] as string | undefined) ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the two hosts serve the renderer alike', () => {
  let host: WebHost;
  beforeAll(async () => {
    // Static files never reach the backend.
    host = await startWebHost({ backend: {} as Backend, staticDir: renderer, token: 'unused' });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each(PATHS)('%s', async (p) => {
    const [electron, web] = await Promise.all([viaElectron(p), viaBrowserHost(host, p)]);
    expect({ status: web.status, type: web.type }).toEqual({ status: electron.status, type: electron.type });
    expect(electron.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(web.csp).toBe(CONTENT_SECURITY_POLICY);
    if (electron.status === 200) expect(web.body).toBe(electron.body);
    expect(electron.body + web.body).not.toContain('outside');
  });

  it('answers the expected type or refusal for each kind of path', async () => {
    const REFUSED: [number, string] = [404, 'text/plain; charset=utf-8'];
    const expected: Record<string, [number, string]> = {
      '/': [200, 'text/html; charset=utf-8'],
      '/assets/x.js': [200, 'text/javascript; charset=utf-8'],
      '/assets/x.js.map': [200, 'application/json; charset=utf-8'],
      '/fonts/a.woff2': [200, 'font/woff2'],
      '/fonts/a.ttf': [200, 'font/ttf'],
      '/icon.svg': [200, 'image/svg+xml'],
      '/data.unknown': [200, 'application/octet-stream'],
      '/../secret.txt': REFUSED,
      '/%2e%2e/secret.txt': REFUSED,
      '/..%2fsecret.txt': REFUSED,
      '/%00index.html': REFUSED,
      '/assets': REFUSED,
      ...(links ? { '/link-out.txt': REFUSED, '/link-in.html': [200, 'text/html; charset=utf-8'] } : {}),
    };
    for (const [p, [status, type]] of Object.entries(expected)) {
      const answer = await viaBrowserHost(host, p);
      expect([answer.status, answer.type], p).toEqual([status, type]);
    }
  });

  // '//' cannot be sent to the browser host: its URL parser reads it as a host-only URL.
  it('names index.html for / and the empty path only, never the folder itself', () => {
    expect(staticPathFor(renderer, '/')).toBe(path.join(renderer, 'index.html'));
    expect(staticPathFor(renderer, '')).toBe(path.join(renderer, 'index.html'));
    expect(staticPathFor(renderer, '//')).toBeNull();
    expect(staticFileFor(renderer, '/assets/')).toBeNull();
  });
});
