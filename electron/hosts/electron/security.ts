/**
 * What the renderer may do beyond drawing the app: nothing. It cannot navigate away,
 * open windows, attach webviews, ask for permissions or reach the network; every response
 * carries a strict CSP. The same functions run in production and in tests.
 */
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';
import { APP_ORIGIN, isAppUrl } from './app-url';

/**
 * Schemes a request may use: our own origin, inline images (`data:`), object URLs made by
 * the renderer itself (`blob:`) and the developer tools. Everything else — http(s), ws(s),
 * file, ftp — is cancelled: the app never talks to the network or reads the disk directly.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (url.startsWith('devtools://')) return true;
  return false;
}

/** Only files the app itself made (object URLs of our origin) may be saved. */
export function isAllowedDownload(url: string): boolean {
  return url.startsWith(`blob:${APP_ORIGIN}/`);
}

/** Response headers with our CSP replacing whatever CSP (in any letter case) was there. */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** Denies every permission, adds the CSP to every response and cancels off-app requests. */
export function hardenSession(session: Session, log?: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log?.(`permission refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Spellcheck is off in webPreferences too: Chromium would download dictionaries.
  session.setSpellCheckerEnabled(false);

  // Exports reach the user as a download of a blob the renderer made: Electron then asks
  // where to save it. Anything else that would be downloaded is cancelled.
  session.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) {
      event.preventDefault();
      log?.(`download cancelled: ${item.getURL().slice(0, 200)}`);
      return;
    }
    item.setSaveDialogOptions({ title: 'Lưu văn bản', buttonLabel: 'Lưu', defaultPath: item.getFilename() });
  });

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log?.(`request cancelled: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/**
 * Applied to every webContents the app creates (`app.on('web-contents-created')`): no
 * navigation or redirect off the app origin, no new windows, no webviews.
 */
const hardened = new WeakSet<WebContents>();

export function hardenWebContents(contents: WebContents, log?: (message: string) => void): void {
  // Called from both createMainWindow and 'web-contents-created'; guard once.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log?.(`navigation refused: ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => guard(event, url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log?.('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log?.(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}
