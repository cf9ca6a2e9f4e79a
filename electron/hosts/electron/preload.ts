/**
 * The preload: the renderer's only door to the main process. Deliberately tiny and
 * self-contained (a sandboxed preload may `require` nothing but 'electron'): it exposes
 * exactly `window.doiThoai.invoke(method, input)` and never `ipcRenderer`, events or
 * `sendSync`.
 *
 * Method names are checked here for shape only (a short dotted name). The exact allowlist
 * is `API_METHODS` from the contract, which would drag zod and every schema into this
 * file; the main process checks it on every call anyway (ipc.ts), together with the
 * sender. The shape check just keeps junk off the channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../../../shared/api/errors';
import { BRIDGE_KEY, IPC_CHANNEL } from '../../../shared/ipc';

const METHOD_SHAPE = /^[a-z][A-Za-z]{0,39}\.[a-z][A-Za-z]{0,39}$/;
/** Same text as GENERIC_MESSAGES.unknown_method (a test keeps them equal). */
const UNKNOWN_METHOD = 'Chức năng không tồn tại.';

export interface DoiThoaiBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

const bridge: DoiThoaiBridge = {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string' || !METHOD_SHAPE.test(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: UNKNOWN_METHOD } });
    }
    return ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<ApiResult<unknown>>;
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
