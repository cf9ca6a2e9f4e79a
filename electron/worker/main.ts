/**
 * Entry of the background worker thread. It lays out documents and posts the bytes back:
 * laying out 300 turns takes long enough to be felt, and off the main thread the
 * secretary's keystrokes keep being saved meanwhile. It also checks package files for
 * the parent unit's import (ZIP, hashes, signature, schema), which is as heavy and needs
 * no database either.
 */
import { parentPort } from 'node:worker_threads';
import { runRenderJob, type RenderJob } from '../documents/render-job';
import { checkForReply } from './check-reply';

/** Every job gets an answer: a reply that cannot be posted becomes a failure that can. */
function reply(id: number, work: Promise<{ message: object; transfer?: ArrayBuffer[] }>): void {
  work
    .then(({ message, transfer }) => parentPort!.postMessage({ id, ok: true, ...message }, transfer ?? []))
    .catch((error: unknown) => parentPort!.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }));
}

parentPort?.on('message', (message: { id: number; job: RenderJob } | { id: number; check: Uint8Array }) => {
  if ('check' in message) {
    reply(message.id, checkForReply(message.check).then((check) => ({ message: { check } })));
    return;
  }
  reply(
    message.id,
    runRenderJob(message.job).then((buffer) => {
      // A copy we own, transferred rather than cloned.
      const bytes = new Uint8Array(buffer).slice().buffer;
      return { message: { bytes }, transfer: [bytes] };
    }),
  );
});
