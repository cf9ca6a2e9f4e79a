/**
 * A value the backend refused (an end before the start, an empty title) is shown next to
 * the field it belongs to, in the backend's own words: the rule lives in one place.
 */
import { useState } from 'react';
import { ApiError } from '../../../shared/api/errors';

/** The message for the field; null for errors that are not about the value (network, internal). */
export function refusalMessage(error: unknown): string | null {
  if (!(error instanceof ApiError) || (error.code !== 'invalid_input' && error.code !== 'refused')) return null;
  return error.issues?.[0]?.message ?? error.message;
}

/**
 * The last refusal of one field's saves: set when one is refused, cleared when one is
 * accepted. A refusal is settled here: the field says why, and the save queue does not
 * count it as a failed save to retry (the stored value is still the last accepted one).
 * Other errors go on to the queue, which retries them.
 */
export function useRefusal() {
  const [message, setMessage] = useState<string | null>(null);
  const guard = <T>(send: Promise<T>): Promise<T | null> =>
    send.then(
      (value) => {
        setMessage(null);
        return value;
      },
      (error: unknown) => {
        const refused = refusalMessage(error);
        if (!refused) throw error;
        setMessage(refused);
        return null;
      },
    );
  return { message, guard, clear: () => setMessage(null) };
}
