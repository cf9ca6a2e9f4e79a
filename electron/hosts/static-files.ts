/**
 * The built renderer as both hosts serve it: which file a URL path names and what type it
 * has. The Electron host (app://doithoai/, protocol.ts) and the browser host
 * (http://127.0.0.1, web/server.ts) call the same functions, so the same path gets the
 * same file, the same type and the same refusal; each host only adds its own headers.
 * Here rather than under either host's folder: the browser host runs without Electron and
 * may not import hosts/electron/.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Everything Vite emits into dist/renderer, and the usual image and font formats. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name; unknown extensions are opaque bytes (with nosniff, never run). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `file` is strictly inside `root` (not `root` itself, not beside or above it). */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The path a URL path names inside `root`, from the text alone (the disk is not read), or
 * null when it cannot be percent-decoded, holds a NUL or a backslash (a separator on
 * Windows), or would leave the folder once decoded (`..`, `%2e%2e%2f`) or name the folder
 * itself (`//`). Only `/` and the empty path name index.html. The URL parser has already
 * folded plain `..` segments and `%2e%2e/`; this catches what survives it, an encoded
 * slash above all.
 */
export function staticPathFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, `./${relative}`);
  return isInside(base, file) ? file : null;
}

/**
 * The file to serve for a URL path: `staticPathFor`, and on disk a regular file (not a
 * folder) whose real path, links followed, is still inside the real `root`. Null otherwise,
 * which both hosts answer with 404.
 */
export function staticFileFor(root: string, urlPath: string): string | null {
  const file = staticPathFor(root, urlPath);
  if (!file) return null;
  try {
    if (!fs.statSync(file).isFile()) return null;
    return isInside(fs.realpathSync(root), fs.realpathSync(file)) ? file : null;
  } catch {
    return null;
  }
}
