/**
 * A reloaded page first sends what the page before it could not (the host was down when
 * the secretary pressed F5): the tab's outbox (api/outbox.ts) goes back through the save
 * queue, so it retries like any save, and the screens load only after it has been
 * answered — otherwise they would show, and then save over, the text from before.
 */
import { api } from '../api';
import { takeOutbox } from '../api/outbox';
import type { ApiMethod } from '../../../shared/api/contract';
import { pushSave, whenIdle } from './queue';

/** Resends the outbox; resolves once answered, or after `maxWaitMs` (the queue keeps retrying). */
export async function resendUnsent(maxWaitMs = 10_000): Promise<number> {
  const unsent = takeOutbox();
  for (const [key, entry] of unsent) {
    pushSave(key, () => api.call(entry.method as ApiMethod, entry.input as never));
  }
  if (unsent.length === 0) return 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([whenIdle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)))]);
  clearTimeout(timer);
  return unsent.length;
}
