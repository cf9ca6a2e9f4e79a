/**
 * The one IPC entry: `ipcMain.handle(IPC_CHANNEL)`. It decides only who may call and
 * whether the method exists; validating the input and running it is
 * `backend.dispatchAsync`'s job, the same call the browser host makes. Refusals are
 * `ApiResult` values, never throws, so the renderer sees one envelope shape whatever
 * happens.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isApiMethod } from '../../../shared/api/contract';
import { GENERIC_MESSAGES, type ApiResult } from '../../../shared/api/errors';
import { IPC_CHANNEL } from '../../../shared/ipc';
import type { Backend } from '../../backend';
import { isAppUrl } from './app-url';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * A call is ours when it comes from our window's webContents, from its top frame, and that
 * frame shows the app origin (a page that somehow navigated elsewhere cannot call in).
 */
export function isTrustedSender(event: SenderEvent, trusted: WebContents | undefined): boolean {
  if (!trusted || trusted.isDestroyed()) return false;
  if (event.sender !== trusted) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export interface ApiHandlerOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  backend: Pick<Backend, 'dispatchAsync'>;
  /** The webContents allowed to call; read at call time since the window comes later. */
  trustedWebContents: () => WebContents | undefined;
  log: (message: string, error?: unknown) => void;
}

const refuse = (code: 'unauthorized' | 'unknown_method' | 'internal'): ApiResult<never> => ({
  ok: false,
  error: { code, message: GENERIC_MESSAGES[code] },
});

/** Answers one call. Exported for tests; `registerApiHandler` wires it to the channel. */
export async function handleApiCall(options: ApiHandlerOptions, event: SenderEvent, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event, options.trustedWebContents())) {
    options.log(`IPC refused: untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
    return refuse('unauthorized');
  }
  if (typeof method !== 'string' || !isApiMethod(method)) {
    options.log(`IPC refused: unknown method ${typeof method === 'string' ? method.slice(0, 80) : typeof method}`);
    return refuse('unknown_method');
  }
  try {
    return await options.backend.dispatchAsync(method, input);
  } catch (error) {
    // dispatchAsync promises never to reject; if it does, the stack goes to the log, not the screen.
    options.log(`IPC ${method}: dispatch threw`, error);
    return refuse('internal');
  }
}

/** Registers the single handler (replacing any earlier one, e.g. after a reload in dev). */
export function registerApiHandler(options: ApiHandlerOptions): void {
  options.ipcMain.removeHandler(IPC_CHANNEL);
  options.ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => handleApiCall(options, event, method, input));
}
