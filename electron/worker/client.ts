/**
 * The services' DocumentRenderer and PackageChecker, backed by one worker thread started on
 * first use. The worker is the bundled background-worker.cjs beside the running bundle, or
 * the TypeScript source run through tsx when the app runs from source (tests). If no worker
 * can be started, the job runs in this thread: slower for typing, but the secretary still
 * gets her document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderJob } from '../documents/render-job';
import type { CheckedPackage } from '../package/verify';
import { inThreadRenderer, type DocumentRenderer } from '../services/document-renderer';
import { inThreadChecker, type PackageChecker } from '../services/package-checker';
import { fromReply, type CheckReply } from './check-reply';

interface Pending {
  resolve(reply: Reply & { ok: true }): void;
  reject(error: Error): void;
}

type Reply = { id: number; ok: true; bytes?: ArrayBuffer; check?: CheckReply } | { id: number; ok: false; message: string };

export type BackgroundWorker = DocumentRenderer &
  PackageChecker & {
    /** Whether a worker thread is up (false before first use, and where none could start). */
    running(): boolean;
  };

/** The worker's bundle, beside the host's bundle in dist/electron (scripts/build.mjs writes it). */
export const WORKER_BUNDLE = 'background-worker.cjs';

/**
 * What the worker runs: the bundle beside this one, or — from source — a line that hooks
 * tsx into require and loads the TypeScript entry (Node 20 does not apply `--import tsx`
 * to a worker's own entry file). Null when neither can be found.
 */
export function workerSource(here: string): { code: string; eval: boolean } | null {
  if (here.endsWith('.cjs')) {
    const file = path.join(path.dirname(here), WORKER_BUNDLE);
    return fs.existsSync(file) ? { code: file, eval: false } : null;
  }
  const file = path.join(path.dirname(here), 'main.ts');
  return fs.existsSync(file) ? { code: `require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, eval: true } : null;
}

/**
 * `here` is a file beside the worker's entry: this module's own file by default, which an
 * ES module run from source (the benchmarks under tsx) has no __filename for and passes in.
 */
export function createBackgroundWorker(
  log: (error: unknown) => void = () => {},
  here: string | null = typeof __filename === 'string' ? __filename : null,
  /** Far above any real job (a 64 MB package on an old laptop takes seconds). */
  jobTimeoutMs = 3 * 60_000,
): BackgroundWorker {
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
    const source = here ? workerSource(here) : null;
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
      if (reply.ok) p.resolve(reply);
      else p.reject(new Error(reply.message));
    });
    w.on('error', (error) => {
      log(error);
      failAll(error);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('Tiến trình nền đã dừng; hãy thử lại.'));
    });
    worker = w;
    return w;
  };

  const send = (w: Worker, message: object, transfer: ArrayBuffer[] = []): Promise<Reply & { ok: true }> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      // A job that never answers must not hold up the jobs queued behind it (an import of
      // thirty files waits on each): the worker is stopped and starts afresh on next use.
      const timer = setTimeout(() => {
        if (!pending.delete(id)) return;
        reject(new Error('Tiến trình nền không trả lời; hãy thử lại.'));
        void w.terminate();
      }, jobTimeoutMs);
      timer.unref();
      pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      w.postMessage({ id, ...message }, transfer);
    });
  };

  return {
    async render(job: RenderJob): Promise<Buffer> {
      const w = start();
      if (!w) return inThreadRenderer.render(job);
      return Buffer.from((await send(w, { job })).bytes!);
    },
    async check(bytes: Buffer): Promise<CheckedPackage> {
      const w = start();
      if (!w) return inThreadChecker.check(bytes);
      // A copy goes over: the caller keeps its bytes (the import log hashes them, a retry resends them).
      const copy = new Uint8Array(bytes);
      return fromReply((await send(w, { check: copy }, [copy.buffer])).check!);
    },
    running: () => worker !== null,
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
