/**
 * Entry of the document worker thread: lays out one job at a time and posts the bytes
 * back. Laying out 300 turns takes long enough to be felt; off the main thread, the
 * secretary's keystrokes keep being saved meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { runRenderJob, type RenderJob } from './render-job';

parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
  runRenderJob(message.job).then(
    (buffer) => {
      // A copy we own, transferred rather than cloned.
      const bytes = new Uint8Array(buffer).slice().buffer;
      parentPort!.postMessage({ id: message.id, ok: true, bytes }, [bytes]);
    },
    (error: unknown) => {
      parentPort!.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
    },
  );
});
