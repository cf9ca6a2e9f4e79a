import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GENERIC_MESSAGES } from '../../../shared/api/errors';
import { BRIDGE_KEY, IPC_CHANNEL } from '../../../shared/ipc';

const exposed: Array<[string, unknown]> = [];
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    send: () => {
      throw new Error('send must not be used');
    },
    sendSync: () => {
      throw new Error('sendSync must not be used');
    },
    on: () => {
      throw new Error('events must not be used');
    },
  },
}));

type Bridge = { invoke(method: unknown, input: unknown): Promise<unknown> };

describe('preload', () => {
  let bridge: Bridge;
  beforeAll(async () => {
    await import('../../../electron/hosts/electron/preload');
    bridge = exposed[0]![1] as Bridge;
  });

  it('exposes exactly window.doiThoai = { invoke }', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe(BRIDGE_KEY);
    expect(BRIDGE_KEY).toBe('doiThoai');
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it('forwards a call on the one channel and returns the main process answer', async () => {
    const input = { id: '00000000-0000-4000-8000-000000000000' };
    await expect(bridge.invoke('conferences.get', input)).resolves.toEqual({ ok: true, value: 'from main' });
    expect(invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, 'conferences.get', input);
  });

  it('answers unknown_method for anything not shaped like a method name, without IPC', async () => {
    invoke.mockClear();
    const refused = { ok: false, error: { code: 'unknown_method', message: GENERIC_MESSAGES.unknown_method } };
    for (const method of [42, null, undefined, {}, '', 'noDot', 'a.b.c', 'x'.repeat(100) + '.y', 'app.info\n', '../etc', 'App.info']) {
      await expect(bridge.invoke(method, {}), String(method)).resolves.toEqual(refused);
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('bundles to a small file that requires nothing but electron (no zod, no contract)', async () => {
    const result = await build({
      entryPoints: [path.resolve(__dirname, '../../../electron/hosts/electron/preload.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    expect(code).not.toMatch(/zod|sendSync|exposeInMainWorld\([^)]*ipcRenderer/);
    expect(code.length).toBeLessThan(4000);
  });
});
