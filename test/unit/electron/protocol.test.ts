import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const registered: unknown[] = [];
const handlers = new Map<string, (request: { url: string; method?: string }) => Promise<Response>>();
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes),
    handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => handlers.set(scheme, handler),
  },
}));

const { installAppProtocol, registerAppScheme, resolveRendererFile } = await import('../../../electron/hosts/electron/protocol');
const { contentTypeFor } = await import('../../../electron/hosts/static-files');
const { CONTENT_SECURITY_POLICY } = await import('../../../shared/security');

const root = mkdtempSync(path.join(os.tmpdir(), 'doithoai-renderer-'));
const renderer = path.join(root, 'renderer');
mkdirSync(path.join(renderer, 'assets'), { recursive: true });
writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Đối Thoại</title>');
writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme without bypassing CSP', () => {
    registerAppScheme();
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
  });

  it('maps URLs to files inside the renderer folder only', () => {
    expect(resolveRendererFile(renderer, 'app://doithoai/')).toBe(path.join(renderer, 'index.html'));
    expect(resolveRendererFile(renderer, 'app://doithoai/index.html#/x?y')).toBe(path.join(renderer, 'index.html'));
    expect(resolveRendererFile(renderer, 'app://doithoai/assets/app.js?v=1')).toBe(path.join(renderer, 'assets', 'app.js'));
    for (const url of [
      'app://doithoai/../secret.txt',
      'app://doithoai/%2e%2e/secret.txt',
      'app://doithoai/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://doithoai/..%5csecret.txt',
      'app://doithoai/index.html%00.js',
      'app://doithoai/%E0%A4%A',
      'app://other/index.html',
      'app://doithoai:1/index.html',
      'file:///etc/passwd',
      'https://doithoai/index.html',
    ]) {
      const file = resolveRendererFile(renderer, url);
      expect(file === null || file.startsWith(renderer + path.sep), url).toBe(true);
      expect(file === path.join(root, 'secret.txt'), url).toBe(false);
    }
    // URL parsing folds %2e%2e/ away; an encoded slash survives it and is caught after decoding.
    expect(resolveRendererFile(renderer, 'app://doithoai/%2e%2e/secret.txt')).toBe(path.join(renderer, 'secret.txt'));
    expect(resolveRendererFile(renderer, 'app://doithoai/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
    expect(resolveRendererFile(renderer, 'app://other/index.html')).toBeNull();
  });

  it('serves files with their type, the CSP and nosniff; 404 for the rest', async () => {
    installAppProtocol(renderer);
    const handler = handlers.get('app')!;
    const page = await handler({ url: 'app://doithoai/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Đối Thoại');

    const script = await handler({ url: 'app://doithoai/assets/app.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const url of ['app://doithoai/missing.js', 'app://doithoai/%2e%2e/secret.txt', 'app://doithoai/assets']) {
      const res = await handler({ url });
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await handler({ url: 'app://doithoai/index.html', method: 'POST' })).status).toBe(405);
  });

  it('knows the types Vite emits', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
