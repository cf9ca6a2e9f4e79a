import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { NetworkError } from '../../../renderer/src/api/errors';
import {
  dropProblem,
  flushForUnload,
  globalState,
  ignorePrefix,
  keyProblem,
  keyState,
  pushSave,
  resetQueueForTests,
  retryAll,
  setLocalProblem,
  subscribeKey,
  unsavedInput,
  whenIdle,
} from '../../../renderer/src/save/queue';

/** A controllable request: resolve or reject it when the test says so. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => resetQueueForTests());
afterEach(() => vi.useRealTimers());

describe('per-field save queue', () => {
  it('sends at once, then only the latest value once the in-flight one returns', async () => {
    const sent: string[] = [];
    const requests: Array<ReturnType<typeof deferred>> = [];
    const sender = (value: string) => () => {
      sent.push(value);
      const d = deferred();
      requests.push(d);
      return d.promise;
    };
    const unsubscribe = subscribeKey('k', () => undefined);
    pushSave('k', sender('a'));
    expect(sent).toEqual(['a']);
    expect(keyState('k')).toBe('pending');
    expect(globalState().state).toBe('saving');
    pushSave('k', sender('ab'));
    pushSave('k', sender('abc'));
    expect(sent).toEqual(['a']);
    requests[0]!.resolve();
    await tick();
    expect(sent).toEqual(['a', 'abc']);
    expect(keyState('k')).toBe('pending');
    requests[1]!.resolve();
    await tick();
    expect(keyState('k')).toBe('saved');
    expect(globalState().state).toBe('saved');
    expect(globalState().lastSavedAt).toBeInstanceOf(Date);
    unsubscribe();
  });

  it('keys are independent: one slow field does not hold another', async () => {
    const slow = deferred();
    const sent: string[] = [];
    pushSave('a', () => (sent.push('a1'), slow.promise));
    pushSave('b', () => (sent.push('b1'), Promise.resolve()));
    expect(sent).toEqual(['a1', 'b1']);
    await tick();
    expect(keyState('b')).toBe('saved');
    expect(keyState('a')).toBe('pending');
    slow.resolve();
    await whenIdle();
    expect(globalState().state).toBe('saved');
  });

  it('retries an unreachable host by itself, and a newer value replaces the failed one', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    let fail = true;
    const sender = (value: string) => () => {
      sent.push(value);
      return fail ? Promise.reject(new NetworkError()) : Promise.resolve();
    };
    const unsubscribe = subscribeKey('k', () => undefined);
    pushSave('k', sender('x'));
    await vi.advanceTimersByTimeAsync(0);
    expect(keyState('k')).toBe('error');
    expect(globalState().state).toBe('error');
    expect(globalState().error).toMatch(/kết nối/);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toEqual(['x', 'x']);
    fail = false;
    pushSave('k', sender('xy'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['x', 'x', 'xy']);
    expect(keyState('k')).toBe('saved');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual(['x', 'x', 'xy']);
    unsubscribe();
  });

  // A refusal other than invalid input (invalid input is refused for good: see below).
  it('shows a refusal and does not loop on it; "Thử lại" sends it again', async () => {
    let calls = 0;
    const unsubscribe = subscribeKey('k', () => undefined);
    pushSave('k', () => {
      calls += 1;
      return calls === 1 ? Promise.reject(new ApiError('refused', 'Không được dài quá 500 ký tự.')) : Promise.resolve();
    });
    await tick();
    expect(keyState('k')).toBe('error');
    expect(globalState().error).toBe('Không được dài quá 500 ký tự.');
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(1);
    retryAll();
    await tick();
    expect(calls).toBe(2);
    expect(keyState('k')).toBe('saved');
    unsubscribe();
  });

  it('forgets the saves of a deleted item, including a late failure', async () => {
    const d = deferred();
    pushSave('concern:1:text', () => d.promise);
    pushSave('concern:1:text', () => Promise.resolve());
    ignorePrefix('concern:1:');
    d.reject(new ApiError('not_found', 'Không tìm thấy.'));
    await tick();
    expect(keyState('concern:1:text')).toBe('saved');
    expect(globalState().state).toBe('saved');
    pushSave('concern:1:text', () => Promise.reject(new Error('must not be sent')));
    await tick();
    expect(globalState().state).toBe('saved');
  });
});

describe('a value the backend will always refuse (issue 8, C13)', () => {
  const tooLong = () =>
    new ApiError('invalid_input', 'Dữ liệu nhập không hợp lệ. (Tên đơn vị: Không được dài quá 200 ký tự.)', [
      { path: ['name'], message: 'Không được dài quá 200 ký tự.' },
    ]);

  it('is not retried, is marked at its key with the reason, and the indicator names the field', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const unsubscribe = subscribeKey('unit:name', () => undefined);
    pushSave(
      'unit:name',
      () => {
        calls += 1;
        return Promise.reject(tooLong());
      },
      { label: 'Tên đơn vị' },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(keyState('unit:name')).toBe('invalid');
    expect(keyProblem('unit:name')).toBe('Không được dài quá 200 ký tự.');
    expect(globalState()).toMatchObject({ state: 'error', refusedField: 'Tên đơn vị', retryable: false, error: 'Không được dài quá 200 ký tự.' });
    // Neither time nor "Thử lại" nor leaving the page sends it again: it would be refused again.
    await vi.advanceTimersByTimeAsync(60_000);
    retryAll();
    flushForUnload();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    expect(unsavedInput()).toEqual({ label: 'Tên đơn vị' });

    // The secretary corrects it: the new value goes, and the mark goes with it.
    pushSave('unit:name', () => Promise.resolve(), { label: 'Tên đơn vị' });
    await vi.advanceTimersByTimeAsync(0);
    expect(keyState('unit:name')).toBe('saved');
    expect(keyProblem('unit:name')).toBeNull();
    expect(globalState().state).toBe('saved');
    expect(unsavedInput()).toBeNull();
    unsubscribe();
  });

  it('a transient failure is retried and says so; it is not input lost on leaving (it is flushed)', async () => {
    vi.useFakeTimers();
    let calls = 0;
    pushSave('k', () => {
      calls += 1;
      return calls < 3 ? Promise.reject(new NetworkError()) : Promise.resolve();
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(globalState()).toMatchObject({ state: 'error', retryable: true, refusedField: null });
    expect(unsavedInput()).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(3);
    expect(globalState().state).toBe('saved');
  });

  it('an input that cannot send its value marks it the same way until fixed or gone', () => {
    setLocalProblem('concern:1:deadline', null, { label: 'Hạn giải quyết' });
    expect(unsavedInput()).toBeNull();
    setLocalProblem('concern:1:deadline', 'Ngày không hợp lệ.', { label: 'Hạn giải quyết' });
    expect(keyState('concern:1:deadline')).toBe('invalid');
    expect(globalState()).toMatchObject({ state: 'error', refusedField: 'Hạn giải quyết', retryable: false });
    expect(unsavedInput()).toEqual({ label: 'Hạn giải quyết' });
    setLocalProblem('concern:1:deadline', null);
    expect(keyState('concern:1:deadline')).toBe('saved');
    expect(globalState().state).toBe('saved');

    setLocalProblem('concern:2:deadline', 'Ngày không hợp lệ.', { label: 'Hạn giải quyết' });
    dropProblem('concern:2:deadline');
    expect(unsavedInput()).toBeNull();
    expect(globalState().state).toBe('saved');
  });
});
