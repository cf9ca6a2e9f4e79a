/**
 * The two ways to reach the backend: the Electron preload bridge, or HTTP to the browser
 * host on loopback. Both move the same `ApiResult` envelopes; a failure to reach the host
 * becomes an envelope too, so nothing above this file ever sees a thrown network error.
 */
import type { ApiResult } from '../../../shared/api/errors';
import type { Transport } from '../../../shared/api/client';
import { BRIDGE_KEY } from '../../../shared/ipc';
import { vi } from '../i18n/vi';

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
 * Takes the launch token from `#token=…` (first load) or sessionStorage (a reload), keeps
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

function httpTransport(token: string | null): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
        keepalive,
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return networkFailure();
    }
    try {
      const body = (await response.json()) as ApiResult<unknown>;
      if (body && typeof body === 'object' && 'ok' in body) return body;
    } catch {
      // fall through: not an envelope
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
