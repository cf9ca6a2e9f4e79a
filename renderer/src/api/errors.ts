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
