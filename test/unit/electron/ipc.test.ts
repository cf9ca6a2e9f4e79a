import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/contract';
import { GENERIC_MESSAGES, type ApiResult } from '../../../shared/api/errors';
import { IPC_CHANNEL } from '../../../shared/ipc';
import { registerApiHandler } from '../../../electron/hosts/electron/ipc';
import { FakeWebContents } from './fakes';

type Handler = (event: Partial<IpcMainInvokeEvent>, method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

function setup(dispatch: (method: string, input: unknown) => ApiResult<unknown> = () => ({ ok: true, value: 'answer' })) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error('second handler on the same channel');
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const backend = { dispatchAsync: vi.fn(async (method: string, input: unknown) => dispatch(method, input)) };
  const ours = new FakeWebContents();
  const log = vi.fn();
  registerApiHandler({
    ipcMain: ipcMain as never,
    backend,
    trustedWebContents: () => ours as unknown as WebContents,
    log,
  });
  const frame = (url: string, parent: unknown = null) => ({ url, parent });
  const call = (event: Partial<IpcMainInvokeEvent>, method: unknown, input: unknown = {}) => handlers.get(IPC_CHANNEL)!(event, method, input);
  const fromUs = { sender: ours, senderFrame: frame('app://doithoai/index.html#/') } as unknown as Partial<IpcMainInvokeEvent>;
  return { ipcMain, backend, ours, log, frame, call, fromUs };
}

const unauthorized = { ok: false, error: { code: 'unauthorized', message: GENERIC_MESSAGES.unauthorized } };

describe('IPC handler', () => {
  it('is registered once, on the one channel', async () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]![0]).toBe(IPC_CHANNEL);
    expect(IPC_CHANNEL).toBe('doithoai:api');
  });

  it('passes a valid call to backend.dispatchAsync and returns its envelope unchanged', async () => {
    const envelope = { ok: true as const, value: { version: '0.1.0', host: 'electron' } };
    const { call, backend, fromUs } = setup(() => envelope);
    const input = { some: 'input' };
    expect(await call(fromUs, 'app.info', input)).toBe(envelope);
    expect(backend.dispatchAsync).toHaveBeenCalledWith('app.info', input);
  });

  it('passes error envelopes from the backend through too', async () => {
    const failure = { ok: false as const, error: { code: 'invalid_input' as const, message: 'Dữ liệu nhập không hợp lệ.' } };
    const { call, fromUs } = setup(() => failure);
    expect(await call(fromUs, 'unit.save', { name: '' })).toBe(failure);
  });

  it('accepts every method of the contract', async () => {
    const { call, fromUs, backend } = setup();
    for (const method of API_METHODS) expect((await call(fromUs, method, {})).ok, method).toBe(true);
    expect(backend.dispatchAsync).toHaveBeenCalledTimes(API_METHODS.length);
  });

  it('refuses a foreign webContents', async () => {
    const { call, backend, frame } = setup();
    const stranger = new FakeWebContents();
    expect(await call({ sender: stranger, senderFrame: frame('app://doithoai/index.html') } as never, 'app.info')).toEqual(unauthorized);
    expect(backend.dispatchAsync).not.toHaveBeenCalled();
  });

  it('refuses our window when it shows another origin, a subframe, or no frame', async () => {
    const { call, backend, ours, frame } = setup();
    for (const senderFrame of [
      frame('https://example.com/'),
      frame('file:///home/user/index.html'),
      frame('app://evil/index.html'),
      frame('app://doithoai/index.html', { url: 'app://doithoai/index.html' }),
      null,
    ]) {
      expect(await call({ sender: ours, senderFrame } as never, 'app.info')).toEqual(unauthorized);
    }
    expect(backend.dispatchAsync).not.toHaveBeenCalled();
  });

  it('refuses everything once the window is gone', async () => {
    const { call, ours, fromUs, backend } = setup();
    ours.destroyed = true;
    expect(await call(fromUs, 'app.info')).toEqual(unauthorized);
    expect(backend.dispatchAsync).not.toHaveBeenCalled();
  });

  it('refuses an unknown method without calling the backend', async () => {
    const { call, backend, fromUs } = setup();
    const unknown = { ok: false, error: { code: 'unknown_method', message: GENERIC_MESSAGES.unknown_method } };
    for (const method of ['db.exec', 'constructor', '__proto__', 'toString', '', 42, null, undefined, { toString: () => 'app.info' }]) {
      expect(await call(fromUs, method), String(method)).toEqual(unknown);
    }
    expect(backend.dispatchAsync).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an internal error and logs the stack', async () => {
    const { call, fromUs, log } = setup(() => {
      throw new Error('boom');
    });
    expect(await call(fromUs, 'app.info')).toEqual({ ok: false, error: { code: 'internal', message: GENERIC_MESSAGES.internal } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('app.info'), expect.any(Error));
  });
});
