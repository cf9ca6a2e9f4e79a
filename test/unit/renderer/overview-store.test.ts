/**
 * The officer's import queue and the overview's loading, with the API replaced by a fake
 * whose answers the test releases: two files in flight, every file its own result in the
 * order dropped, a failure stops nothing, and the later overview answer wins.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult, Overview } from '../../../shared/api/types';

type Call = { method: string; input: unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
const calls: Call[] = [];

vi.mock('../../../renderer/src/api', () => ({
  api: {
    call: (method: string, input: unknown) => new Promise((resolve, reject) => calls.push({ method, input, resolve, reject })),
  },
  errorMessage: (error: unknown) => (error instanceof Error ? error.message : String(error)),
  hostKind: 'web',
  hasToken: true,
}));

// The app store reads the window's address; this test needs only its notices.
vi.mock('../../../renderer/src/store/app', () => ({ showNotice: () => {} }));

const { importFiles, loadOverview, setPeriod, useOverview } = await import('../../../renderer/src/store/overview');

/** Lets the queue and the file reads run until nothing more happens by itself. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const imported = (file: string): ImportResult[] => [{ file, outcome: 'imported', message: `Đã nhập ${file}.` }];
const pending = (method: string) => calls.filter((c) => c.method === method);

function answerOverviews(overview: Overview) {
  for (const c of pending('overview.get').splice(0)) {
    calls.splice(calls.indexOf(c), 1);
    c.resolve(overview);
  }
}

const anOverview = (label: string) => ({ completeness: { label } }) as unknown as Overview;

beforeEach(() => {
  calls.length = 0;
  useOverview.setState({ imports: [], overview: null, error: null });
});

describe('import queue', () => {
  it('sends two files at a time, keeps the order dropped, and goes on after a failure', async () => {
    const files = ['a', 'b', 'c', 'd'].map((n) => new File([`PK ${n}`], `${n}.doithoai`));
    importFiles(files);
    await settle();
    expect(pending('packages.import').map((c) => (c.input as { files: Array<{ name: string }> }).files[0]!.name)).toEqual(['a.doithoai', 'b.doithoai']);

    // b fails at the transport; a is imported: c and d go out, one each time a lane frees.
    const [a, b] = pending('packages.import');
    calls.splice(calls.indexOf(b!), 1);
    b!.reject(new Error('Mất kết nối tới máy chủ.'));
    await settle();
    expect(pending('packages.import')).toHaveLength(2);
    calls.splice(calls.indexOf(a!), 1);
    a!.resolve(imported('a.doithoai'));
    await settle();
    expect(pending('overview.get')).toHaveLength(0);
    for (const c of pending('packages.import')) {
      calls.splice(calls.indexOf(c), 1);
      const name = (c.input as { files: Array<{ name: string }> }).files[0]!.name;
      c.resolve(imported(name));
    }
    await settle();
    // The overview is asked for once, when the queue is empty, not once per file.
    expect(pending('overview.get')).toHaveLength(1);
    answerOverviews(anOverview('3/4 xã'));
    await settle();

    const rows = useOverview.getState().imports;
    expect(rows.map((r) => [r.name, r.state, r.result?.outcome])).toEqual([
      ['a.doithoai', 'done', 'imported'],
      ['b.doithoai', 'done', 'refused'],
      ['c.doithoai', 'done', 'imported'],
      ['d.doithoai', 'done', 'imported'],
    ]);
    expect(rows[1]!.result!.message).toBe('Mất kết nối tới máy chủ.');
    expect(calls).toHaveLength(0);
  });

  it('refuses a file over 64 MB without sending it', async () => {
    const big = new File([], 'lon.doithoai');
    Object.defineProperty(big, 'size', { value: 65 * 1024 * 1024 });
    importFiles([big]);
    await settle();
    expect(pending('packages.import')).toHaveLength(0);
    expect(useOverview.getState().imports[0]).toMatchObject({ state: 'done', result: { outcome: 'refused' } });
  });
});

describe('overview loading', () => {
  it('shows the answer to the latest period asked, whatever order the answers come in', async () => {
    void loadOverview();
    setPeriod({ from: '2026-01-01', to: '2026-06-30' });
    await settle();
    const [first, second] = pending('overview.get');
    expect(second!.input).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    calls.length = 0;
    second!.resolve(anOverview('mới'));
    await settle();
    first!.resolve(anOverview('cũ'));
    await settle();
    expect(useOverview.getState().overview?.completeness.label).toBe('mới');
  });
});
