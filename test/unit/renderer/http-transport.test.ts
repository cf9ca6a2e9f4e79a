/**
 * The browser transport. The tab's outbox: a save stays there until the host answers it,
 * only the latest request of a key is kept, and an old request's answer never removes a
 * newer one. And no request waits forever on a host that does not answer.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../../../renderer/src/api/errors';
import { readOutbox, takeOutbox, withSaveKey } from '../../../renderer/src/api/outbox';
import { NETWORK_FAILURE, REQUEST_TIMEOUT_MS, SAVE_TIMEOUT_MS, SLOW_REQUEST_TIMEOUT_MS, httpTransport, requestTimeoutFor } from '../../../renderer/src/api/transport';
import { keyState, pushSave, resetQueueForTests } from '../../../renderer/src/save/queue';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

type Reply = { kind: 'down' } | { kind: 'answer'; body: unknown; status?: number } | { kind: 'hold'; release: Promise<void>; body: unknown };

let replies: Reply[] = [];

beforeEach(() => {
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  replies = [];
  vi.stubGlobal('fetch', async () => {
    const reply = replies.shift() ?? { kind: 'answer', body: { ok: true, value: null } };
    if (reply.kind === 'down') throw new TypeError('Failed to fetch');
    if (reply.kind === 'hold') await reply.release;
    return new Response(JSON.stringify(reply.body), { status: reply.kind === 'answer' ? (reply.status ?? 200) : 200 });
  });
});
afterEach(() => vi.unstubAllGlobals());

const send = (transport: ReturnType<typeof httpTransport>, key: string, text: string) =>
  withSaveKey(key, () => transport('concerns.update', { id: 'c1', patch: { text } }));

describe('outbox of unsent saves', () => {
  it('keeps a save the host did not receive, and forgets it once the host answers', async () => {
    const transport = httpTransport('token', 'http://127.0.0.1:9/');
    replies.push({ kind: 'down' });
    await send(transport, 'concern:c1:text', 'mặt đường');
    expect(readOutbox()['concern:c1:text']?.input).toEqual({ id: 'c1', patch: { text: 'mặt đường' } });

    await send(transport, 'concern:c1:text', 'mặt đường lún');
    expect(readOutbox()).toEqual({});
  });

  it('keeps only the latest value of a key; the older request answering late does not remove it', async () => {
    const transport = httpTransport('token', 'http://127.0.0.1:9/');
    let release!: () => void;
    replies.push({ kind: 'hold', release: new Promise<void>((r) => (release = r)), body: { ok: true, value: null } });
    replies.push({ kind: 'down' });
    const first = send(transport, 'k', 'a');
    await send(transport, 'k', 'ab');
    release();
    await first;
    expect(Object.keys(readOutbox())).toEqual(['k']);
    expect(readOutbox().k?.input).toEqual({ id: 'c1', patch: { text: 'ab' } });
  });

  it('a refusal for a wrong token is not an answer about the text: it stays', async () => {
    const transport = httpTransport('stale', 'http://127.0.0.1:9/');
    replies.push({ kind: 'answer', status: 401, body: { ok: false, error: { code: 'unauthorized', message: 'Thiếu hoặc sai mã truy cập.' } } });
    await send(transport, 'k', 'a');
    expect(Object.keys(readOutbox())).toEqual(['k']);
  });

  it('records only saves of the queue, and hands them back oldest first', async () => {
    const transport = httpTransport('token', 'http://127.0.0.1:9/');
    replies.push({ kind: 'down' }, { kind: 'down' }, { kind: 'down' });
    await transport('conferences.list', {});
    await send(transport, 'b', 'first');
    await new Promise((r) => setTimeout(r, 2));
    await send(transport, 'a', 'second');
    expect(takeOutbox().map(([key]) => key)).toEqual(['b', 'a']);
    expect(readOutbox()).toEqual({});
  });
});

describe('a host that accepts the connection and never answers', () => {
  let server: net.Server;
  let sockets: net.Socket[];
  let port: number;

  beforeEach(async () => {
    vi.unstubAllGlobals(); // the real fetch, against a real socket
    vi.stubGlobal('sessionStorage', new MemoryStorage());
    sockets = [];
    server = net.createServer((socket) => sockets.push(socket)); // reads nothing, answers nothing
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterEach(async () => {
    resetQueueForTests();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a request ends as "host unreachable" after its time limit instead of hanging', async () => {
    const transport = httpTransport('token', `http://127.0.0.1:${port}/`, () => 300);
    const started = Date.now();
    const result = await send(transport, 'k', 'mặt đường');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.ok).toBe(false);
    expect((result as unknown as Record<symbol, boolean>)[NETWORK_FAILURE]).toBe(true);
    // Not answered: still in the outbox for a reload.
    expect(Object.keys(readOutbox())).toEqual(['k']);
  });

  it('the save queue behind it shows the error and tries again by itself', async () => {
    const transport = httpTransport('token', `http://127.0.0.1:${port}/`, () => 300);
    const sender = async () => {
      const result = await transport('concerns.update', { id: 'c1', patch: { text: 'mặt đường' } });
      if (!result.ok) throw new NetworkError();
    };
    pushSave('concern:c1:text', sender);
    await expect.poll(() => keyState('concern:c1:text'), { timeout: 5_000 }).toBe('error');
    // A second connection: the queue retried rather than waiting on the first forever.
    await expect.poll(() => sockets.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
  });
});

describe('time limits', () => {
  it('a save gives up soonest; loading waits longer; documents and packages longest', () => {
    expect(requestTimeoutFor('concerns.update', true)).toBe(SAVE_TIMEOUT_MS);
    expect(requestTimeoutFor('conferences.get', false)).toBe(REQUEST_TIMEOUT_MS);
    expect(requestTimeoutFor('documents.render', false)).toBe(SLOW_REQUEST_TIMEOUT_MS);
    expect(SAVE_TIMEOUT_MS).toBeLessThan(REQUEST_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBeLessThan(SLOW_REQUEST_TIMEOUT_MS);
  });
});
