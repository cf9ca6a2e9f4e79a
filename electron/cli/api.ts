/**
 * The command line's door to the backend: the same dispatch as the app's hosts, its
 * envelope unwrapped into a value or a thrown ApiError. The one place where an API error
 * becomes the command line's wording.
 */
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract';
import { ApiError, type ApiErrorBody, type ApiResult } from '../../shared/api/errors';
import type { Backend } from '../backend';

/** The id typed on the command line, when the request is about one conference or one matter. */
export type About = { conferenceId: string } | { concernId: string };

/** A data method: answered at once. */
export function ask<M extends ApiMethod>(backend: Backend, method: M, input: ApiInput<M>, about?: About): ApiOutput<M> {
  return unwrap<ApiOutput<M>>(backend.dispatch(method, input), about);
}

/** Any method, documents and packages included (their slow part runs after the transaction). */
export async function askLater<M extends ApiMethod>(backend: Backend, method: M, input: ApiInput<M>, about?: About): Promise<ApiOutput<M>> {
  return unwrap<ApiOutput<M>>(await backend.dispatchAsync(method, input), about);
}

function unwrap<T>(result: ApiResult<unknown>, about: About | undefined): T {
  if (!result.ok) throw errorFor(result.error, about);
  return result.value as T;
}

/** Fields of a request that carry the conference id typed on the command line. */
const CONFERENCE_ID_FIELDS: ReadonlySet<string | number> = new Set(['id', 'conferenceId']);
/** The same for a matter's id (set-status). */
const CONCERN_ID_FIELDS: ReadonlySet<string | number> = new Set(['concernIds', 'concernId']);

/**
 * The officer typed an id: whether it is not an id at all or names nothing here, she
 * reads the same line, with the id she typed. Every other error keeps the service's sentence.
 */
function errorFor(error: ApiErrorBody, about: About | undefined): ApiError {
  const fields = about && 'concernId' in about ? CONCERN_ID_FIELDS : CONFERENCE_ID_FIELDS;
  const badId = error.code === 'invalid_input' && error.issues?.some((issue) => fields.has(issue.path[0] ?? ''));
  if (about && (error.code === 'not_found' || badId)) {
    const what = 'concernId' in about ? `nội dung có mã "${about.concernId}"` : `hội nghị có mã "${about.conferenceId}"`;
    return new ApiError('not_found', `Không tìm thấy ${what}.`);
  }
  return new ApiError(error.code, error.message, error.issues);
}
