/**
 * Who may call the browser host. It listens on loopback only, but any web page the user
 * opens can still send requests to 127.0.0.1, and DNS rebinding can make a foreign name
 * resolve there. So every API call must carry the host's token, name our own Host, and
 * come from our own Origin when the browser says where it comes from.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHostAndOrigin(req: IncomingMessage, port: number): GuardVerdict {
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).includes(host)) return { ok: false, status: 403, message: 'Địa chỉ máy chủ không hợp lệ.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, message: 'Nguồn gửi yêu cầu không được phép.' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, status: 403, message: 'Nguồn gửi yêu cầu không được phép.' };
  }
  return { ok: true };
}

export function checkToken(req: IncomingMessage, token: string): GuardVerdict {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, message: 'Thiếu hoặc sai mã truy cập. Hãy mở lại ứng dụng từ địa chỉ được in ra khi khởi động.' };
  }
  return { ok: true };
}
