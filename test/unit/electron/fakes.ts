/** Small stand-ins for Electron objects, enough for the shell's modules to run in Node. */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  isDestroyed = () => this.destroyed;
}

/** Emits `name` with a preventable event; answers whether a listener prevented it. */
export function emitPreventable(contents: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  contents.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

type Listener = (details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void;

export function fakeSession() {
  const handlers: {
    permissionRequest?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
    permissionCheck?: (...args: unknown[]) => boolean;
    devicePermission?: (...args: unknown[]) => boolean;
    headersReceived?: Listener;
    beforeRequest?: Listener;
    willDownload?: (event: { preventDefault(): void }, item: unknown) => void;
  } = {};
  const session = {
    on: vi.fn((name: string, h: (event: { preventDefault(): void }, item: unknown) => void) => {
      if (name === 'will-download') handlers.willDownload = h;
    }),
    setPermissionRequestHandler: vi.fn((h) => (handlers.permissionRequest = h)),
    setPermissionCheckHandler: vi.fn((h) => (handlers.permissionCheck = h)),
    setDevicePermissionHandler: vi.fn((h) => (handlers.devicePermission = h)),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: {
      onHeadersReceived: vi.fn((h: Listener) => (handlers.headersReceived = h)),
      onBeforeRequest: vi.fn((h: Listener) => (handlers.beforeRequest = h)),
    },
  };
  return { session, handlers };
}

/** Runs a webRequest listener and answers what it passed to its callback. */
export function callListener(listener: Listener | undefined, details: Record<string, unknown>): Record<string, unknown> {
  if (!listener) throw new Error('listener not registered');
  let response: Record<string, unknown> | undefined;
  listener(details, (r) => (response = r));
  if (!response) throw new Error('callback not called');
  return response;
}
