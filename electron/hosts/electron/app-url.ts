/**
 * Where the app lives: a custom `app://doithoai/` origin served by protocol.ts from
 * dist/renderer only. Every trust decision in this host (navigation, IPC sender, network
 * filter, CSP 'self') compares against this one origin, so it is defined once, here.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'doithoai';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page or resource of the app itself (same scheme and host). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // No credentials or port can appear in our own URLs; refuse anything that has them.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
