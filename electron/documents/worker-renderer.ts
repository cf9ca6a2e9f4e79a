/**
 * A DocumentRenderer backed by one worker thread, started on first use. The worker is the
 * bundled documents-worker.cjs beside the running bundle, or the TypeScript source run
 * through tsx when the app runs from source (tests). If no worker can be started, the job
 * runs in this thread: slower for typing, but the secretary still gets her document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { inThreadRenderer, type DocumentRenderer, type RenderJob } from './render-job';

interface Pending {
  resolve(buffer: Buffer): void;
  reject(error: Error): void;
}

type Reply = { id: number; ok: true; bytes: ArrayBuffer } | { id: number; ok: false; message: string };

/**
 * What the worker runs: the bundle beside this one, or — from source — a line that hooks
 * tsx into require and loads the TypeScript entry (Node 20 does not apply `--import tsx`
 * to a worker's own entry file). Null when neither can be found.
 */
export function workerSource(here: string): { code: string; eval: boolean } | null {
  if (here.endsWith('.cjs')) {
    const file = path.join(path.dirname(here), 'documents-worker.cjs');
    return fs.existsSync(file) ? { code: file, eval: false } : null;
  }
  const file = path.join(path.dirname(here), 'worker-main.ts');
  return fs.existsSync(file) ? { code: `require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, eval: true } : null;
}

export function createWorkerRenderer(log: (error: unknown) => void = () => {}): DocumentRenderer {
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): Worker | null => {
    if (worker) return worker;
    if (broken) return null;
    const source = typeof __filename === 'string' ? workerSource(__filename) : null;
    if (!source) {
      broken = true;
      return null;
    }
    const w = new Worker(source.code, { eval: source.eval });
    w.unref();
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(Buffer.from(reply.bytes));
      else p.reject(new Error(reply.message));
    });
    w.on('error', (error) => {
      log(error);
      failAll(error);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('Tiến trình tạo văn bản đã dừng.'));
    });
    worker = w;
    return w;
  };

  return {
    render(job: RenderJob): Promise<Buffer> {
      const w = start();
      if (!w) return inThreadRenderer.render(job);
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, job });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
