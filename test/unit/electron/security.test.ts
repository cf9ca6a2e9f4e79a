import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/hosts/electron/app-url';
import { hardenSession, hardenWebContents, isAllowedRequest, withCsp } from '../../../electron/hosts/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';
import { callListener, emitPreventable, FakeWebContents, fakeSession } from './fakes';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('app URL', () => {
  it('is only our scheme and host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://doithoai/assets/index.js')).toBe(true);
    expect(isAppUrl('app://doithoai/index.html#/conferences/1')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'app://doithoai:8080/index.html',
      'app://user:pw@doithoai/index.html',
      'https://doithoai/index.html',
      'file:///index.html',
      'http://127.0.0.1:3000/',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('navigation and windows', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  };

  it('prevents navigating or redirecting to any other URL', () => {
    const contents = setup();
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://evil/index.html', 'data:text/html,hi']) {
      expect(emitPreventable(contents, 'will-navigate', url), url).toBe(true);
      expect(emitPreventable(contents, 'will-redirect', url), url).toBe(true);
    }
  });

  it('lets the app move within its own origin', () => {
    const contents = setup();
    expect(emitPreventable(contents, 'will-navigate', APP_ENTRY_URL)).toBe(false);
    expect(emitPreventable(contents, 'will-redirect', 'app://doithoai/index.html#/x')).toBe(false);
  });

  it('denies window.open, even to the app itself', () => {
    const contents = setup();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = setup();
    expect(emitPreventable(contents, 'will-attach-webview', {}, { src: 'https://example.com' })).toBe(true);
  });

  it('hardens a webContents once even when asked twice', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('session', () => {
  const setup = () => {
    const fake = fakeSession();
    hardenSession(fake.session as unknown as Session);
    return fake;
  };

  it('denies every permission request and check', () => {
    const { handlers } = setup();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      handlers.permissionRequest?.({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(handlers.permissionCheck?.({}, permission, 'app://doithoai', {})).toBe(false);
    }
    expect(handlers.devicePermission?.({})).toBe(false);
  });

  it('puts the strict CSP on every response, replacing any other', () => {
    const { handlers } = setup();
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    const response = callListener(handlers.headersReceived, {
      url: APP_ENTRY_URL,
      responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] },
    });
    expect(response.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [EXPECTED_CSP] });
    const bare = callListener(handlers.headersReceived, { url: 'app://doithoai/x.js' });
    expect(bare.responseHeaders).toEqual({ 'Content-Security-Policy': [EXPECTED_CSP] });
  });

  it('cancels every request off the app: http(s), websockets, files', () => {
    const { handlers } = setup();
    for (const url of [
      'https://example.com/font.woff2',
      'http://127.0.0.1:5173/',
      'http://localhost/',
      'wss://example.com/socket',
      'ws://127.0.0.1:9222/',
      'file:///etc/passwd',
      'ftp://example.com/',
      'blob:https://example.com/1',
    ]) {
      expect(callListener(handlers.beforeRequest, { url }), url).toEqual({ cancel: true });
    }
    for (const url of [APP_ENTRY_URL, 'app://doithoai/assets/app.css', 'data:image/png;base64,AA==', 'blob:app://doithoai/1234', 'devtools://devtools/bundled/x']) {
      expect(callListener(handlers.beforeRequest, { url }), url).toEqual({ cancel: false });
    }
    expect(isAllowedRequest('https://doithoai/')).toBe(false);
  });

  it('lets the app save files it made itself, with a save dialog, and cancels every other download', () => {
    const { handlers } = setup();
    const download = (url: string) => {
      const item = { getURL: () => url, getFilename: () => 'bien-ban_xa-tan-lap_02-10-2026.pdf', setSaveDialogOptions: vi.fn() };
      let prevented = false;
      handlers.willDownload!({ preventDefault: () => (prevented = true) }, item);
      return { prevented, item };
    };
    const ours = download('blob:app://doithoai/5f1c');
    expect(ours.prevented).toBe(false);
    expect(ours.item.setSaveDialogOptions).toHaveBeenCalledWith(expect.objectContaining({ title: 'Lưu văn bản', defaultPath: 'bien-ban_xa-tan-lap_02-10-2026.pdf' }));
    for (const url of ['https://example.com/x.exe', 'blob:https://example.com/1', 'file:///etc/passwd', 'data:application/pdf;base64,AA==']) {
      const other = download(url);
      expect(other.prevented, url).toBe(true);
      expect(other.item.setSaveDialogOptions, url).not.toHaveBeenCalled();
    }
  });

  it('turns the spellchecker off (it would download dictionaries)', () => {
    const { session } = setup();
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('withCsp does not mutate its input', () => {
    const headers = { 'Content-Security-Policy': ['x'] };
    withCsp(headers);
    expect(headers).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
