/**
 * The two ways to reach the backend: the Electron preload bridge, or HTTP to the browser
 * host on loopback. Both move the same `ApiResult` envelopes and neither throws: a failure
 * to reach the host (refused, reset, no answer in time, the bridge's call rejected) becomes
 * an `internal` envelope marked with NETWORK_FAILURE, and a reply that is not an envelope a
 * generic `internal` one. The mark is for api/index.ts, which throws a NetworkError for it
 * so that callers can tell "not reached, try again" from an answer of the backend.
 */
import type { ApiResult } from '../../../shared/api/errors';
import type { Transport } from '../../../shared/api/client';
import { BRIDGE_KEY } from '../../../shared/ipc';
import { vi } from '../i18n/vi';
import { currentSaveKey, recordAnswer, recordSend } from './outbox';

interface Bridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

const TOKEN_KEY = 'doithoai.token';

/** Marks results that come from the transport itself (host unreachable), not the backend. */
export const NETWORK_FAILURE = Symbol('networkFailure');

function networkFailure(): ApiResult<unknown> {
  const result: ApiResult<unknown> = { ok: false, error: { code: 'internal', message: vi.errors.network } };
  (result as unknown as Record<symbol, boolean>)[NETWORK_FAILURE] = true;
  return result;
}

/**
 * Takes the host's token from `#token=…` (first load) or sessionStorage (a reload), keeps
 * it for this tab and removes it from the visible address.
 */
export function readToken(): string | null {
  const hash = window.location.hash;
  const match = /(?:^#|&)token=([^&]+)/.exec(hash);
  if (match) {
    const token = decodeURIComponent(match[1]!);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage may be disabled; the token still works until the tab reloads.
    }
    const rest = hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
    const clean = window.location.pathname + window.location.search + (rest ? `#${rest.replace(/^#/, '')}` : '');
    window.history.replaceState(null, '', clean);
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

let keepalive = false;
/** While the page is going away, requests must outlive it (fetch keepalive). */
export function setKeepalive(on: boolean): void {
  keepalive = on;
}

/**
 * How long a request may go unanswered before it counts as "host unreachable". A host
 * that accepts the connection and never answers (frozen or suspended) would otherwise
 * hold the request — and the save queue behind it, which sends one request per field at
 * a time — forever. A save is a few hundred bytes answered in milliseconds, so it gives
 * up soon and the queue retries; loading a large conference takes longer, and documents
 * and packages longer still.
 */
export const SAVE_TIMEOUT_MS = 15_000;
export const REQUEST_TIMEOUT_MS = 60_000;
export const SLOW_REQUEST_TIMEOUT_MS = 10 * 60_000;
const SLOW_METHODS = new Set(['documents.render', 'documents.preview', 'overview.render', 'packages.export', 'packages.import', 'packages.check', 'demo.load', 'responses.export']);

export function requestTimeoutFor(method: string, save: boolean): number {
  if (SLOW_METHODS.has(method)) return SLOW_REQUEST_TIMEOUT_MS;
  return save ? SAVE_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
}

/** HTTP to the browser host; `base` is the page's own origin unless a test says otherwise. */
export function httpTransport(token: string | null, base = './', timeoutFor: (method: string, save: boolean) => number = requestTimeoutFor): Transport {
  return async (method, input) => {
    // A save from the queue stays in the tab's outbox until the host answers it (outbox.ts).
    const saveKey = currentSaveKey();
    const outboxId = saveKey === null ? null : recordSend(saveKey, method, input);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutFor(method, saveKey !== null));
    let body: unknown;
    let reached = false;
    try {
      const response = await fetch(`${base}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
        keepalive,
        cache: 'no-store',
        credentials: 'omit',
        signal: abort.signal,
      });
      reached = true;
      body = await response.json();
    } catch {
      // Unreachable, reset, or no answer in time (the abort also ends a body that stalls);
      // an answer that is not JSON at all falls through to the generic message.
      if (!reached || abort.signal.aborted) return networkFailure();
    } finally {
      clearTimeout(timer);
    }
    if (body && typeof body === 'object' && 'ok' in body) {
      const envelope = body as ApiResult<unknown>;
      // Refused for want of the right token is not an answer about the text: keep it.
      const unauthorized = !envelope.ok && envelope.error.code === 'unauthorized';
      if (saveKey !== null && outboxId !== null && !unauthorized) recordAnswer(saveKey, outboxId);
      return envelope;
    }
    return { ok: false, error: { code: 'internal', message: vi.errors.generic } };
  };
}

function bridgeTransport(bridge: Bridge): Transport {
  return async (method, input) => {
    try {
      return await bridge.invoke(method, input);
    } catch {
      return networkFailure();
    }
  };
}

export type HostKind = 'electron' | 'web';

export function pickTransport(): { transport: Transport; host: HostKind; hasToken: boolean } {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_KEY];
  if (bridge && typeof bridge.invoke === 'function') return { transport: bridgeTransport(bridge), host: 'electron', hasToken: true };
  const token = readToken();
  return { transport: httpTransport(token), host: 'web', hasToken: token !== null };
}
