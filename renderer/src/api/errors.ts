/** How the renderer tells errors apart: unreachable host (retry) or a refusal (show). */
import { ApiError } from '../../../shared/api/errors';
import { vi } from '../i18n/vi';

/** The host could not be reached: worth retrying by itself. */
export class NetworkError extends ApiError {
  constructor() {
    super('internal', vi.errors.network);
  }
}

/** A Vietnamese message for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return vi.errors.generic;
}

/** Errors worth retrying by themselves: the host was unreachable or failed internally. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'internal';
}

/**
 * The Vietnamese reason why the backend refused a value as invalid, or null for any other
 * failure. Such a value is refused again however often it is sent. The backend's message
 * names the field in Vietnamese already; the issue's own message is what the field shows
 * beside its label (the input knows its label better than a path like "patch.title").
 */
export function refusalMessage(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return null;
  const issue = error.issues?.[0];
  return issue?.message ?? error.message;
}
