/**
 * Entry of the background worker thread. It lays out documents and posts the bytes back:
 * laying out 300 turns takes long enough to be felt, and off the main thread the
 * secretary's keystrokes keep being saved meanwhile. It also checks package files for
 * the parent unit's import (ZIP, hashes, signature, schema), which is as heavy and needs
 * no database either.
 */
import { parentPort } from 'node:worker_threads';
import { checkForReply } from '../package/checker';
import { runRenderJob, type RenderJob } from './render-job';

parentPort?.on('message', (message: { id: number; job: RenderJob } | { id: number; check: Uint8Array }) => {
  if ('check' in message) {
    void checkForReply(message.check).then((reply) => parentPort!.postMessage({ id: message.id, ok: true, check: reply }));
    return;
  }
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
