/**
 * The `app://doithoai/` protocol, serving files from dist/renderer and nothing else.
 *
 * Why not file://: a file:// page's origin is opaque, CSP 'self' means little there, and
 * (unless the GrantFileProtocolExtraPrivileges fuse is off) it may read other files on
 * the disk. Electron's security checklist recommends a custom protocol; with it the
 * renderer has a real origin, the IPC sender check and the navigation guards compare
 * against one exact origin, and a path that escapes the renderer folder answers 404.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';
import { contentTypeFor, staticFileFor, staticPathFor } from '../static-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * Must run before `app.ready`. `standard` gives the scheme a real origin (relative URLs,
 * 'self'), `secure` makes it a secure context, `supportFetchAPI`/`corsEnabled` let Vite's
 * module scripts (`<script type="module" crossorigin>`) load. No `bypassCSP`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** The path of a request URL of our own origin, or null for any other scheme, host or port. */
function appPathname(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return null;
  return url.pathname;
}

/**
 * Maps a request URL to a path inside `rendererDir` by its text alone (static-files.ts has
 * the rules), or null when the URL is not ours or would leave the folder.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  const pathname = appPathname(requestUrl);
  return pathname === null ? null : staticPathFor(rendererDir, pathname);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Answers one request of the app protocol. Exported for tests. */
export async function serveRendererFile(rendererDir: string, request: { url: string; method?: string }): Promise<Response> {
  const notFound = () =>
    new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (request.method && request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
  }
  const pathname = appPathname(request.url);
  const file = pathname === null ? null : staticFileFor(rendererDir, pathname);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
  } catch {
    return notFound();
  }
}

/** After `app.ready`: serve dist/renderer on the default session's app:// scheme. */
export function installAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request));
}
