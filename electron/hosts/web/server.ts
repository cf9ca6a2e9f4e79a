/**
 * The browser host: the built renderer (static-files.ts, shared with the app:// protocol)
 * and `POST /api/<method>` on 127.0.0.1. It translates HTTP to `backend.dispatchAsync` and
 * back; it decides nothing about the data.
 */
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../../backend';
import { ApiError, type ApiErrorCode, type ApiResult } from '../../../shared/api/errors';
import { PACKAGE_BASE64_MAX } from '../../../shared/api/schemas';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';
import { contentTypeFor, staticFileFor } from '../static-files';
import { checkHostAndOrigin, checkToken } from './guard';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  unknown_method: 404,
  refused: 409,
  conflict: 409,
  internal: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebHostOptions {
  backend: Backend;
  staticDir: string;
  token: string;
  port?: number;
}

export interface WebHost {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res, options, port).catch(() => send(res, 500, failure('internal', 'Lỗi máy chủ nội bộ.')));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, port: number): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const hostCheck = checkHostAndOrigin(req, port);
  if (!hostCheck.ok) return send(res, hostCheck.status, failure('unauthorized', hostCheck.message));

  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, failure('refused', 'Chỉ chấp nhận phương thức POST.'), { Allow: 'POST' });
    const tokenCheck = checkToken(req, options.token);
    if (!tokenCheck.ok) return send(res, tokenCheck.status, failure('unauthorized', tokenCheck.message));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, failure('invalid_input', 'Yêu cầu phải là JSON.'));
    }
    const method = decodeURIComponent(url.pathname.slice('/api/'.length));
    const body = await readBody(req, bodyLimitFor(method));
    if (body === null) return send(res, 413, failure('invalid_input', 'Yêu cầu quá lớn.'));
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return send(res, 400, failure('invalid_input', 'Yêu cầu không phải JSON hợp lệ.'));
    }
    const result = await options.backend.dispatchAsync(method, input);
    return send(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, failure('refused', 'Phương thức không được hỗ trợ.'));
  const file = staticFileFor(options.staticDir, url.pathname);
  if (!file) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Không tìm thấy.');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file).pipe(res);
}

/** Methods that carry a package file take one whole package (base64) and a little JSON around it. */
const PACKAGE_METHODS = new Set(['packages.check', 'packages.import', 'packages.acceptKey']);
export const MAX_PACKAGE_BODY_BYTES = PACKAGE_BASE64_MAX + 64 * 1024;

export function bodyLimitFor(method: string): number {
  return PACKAGE_METHODS.has(method) ? MAX_PACKAGE_BODY_BYTES : MAX_BODY_BYTES;
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function failure(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: new ApiError(code, message).toBody() };
}

function send(res: ServerResponse, status: number, body: ApiResult<unknown>, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}
