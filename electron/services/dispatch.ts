/**
 * Validate, run in one transaction, answer an envelope. This is the single door into the
 * services for every host (`openBackend` in ../backend.ts wires it to a database); a
 * request that fails validation never reaches a service, and a service that throws rolls
 * its transaction back.
 */
import { z } from 'zod';
import { contract, isApiMethod, type ApiMethod } from '../../shared/api/contract';
import { ApiError, GENERIC_MESSAGES, type ApiResult } from '../../shared/api/errors';
import type { ServiceContext } from './context';
import { handlers } from './handlers';
import { inputLabel } from './input-labels';
import { isLater, runLater } from './later';

/** zod's own messages (wrong type, unknown key, …) in Vietnamese: they reach the secretary. */
const VIETNAMESE_ZOD_ERRORS = z.locales.vi().localeError;

/**
 * What the hosts call: every method, data or document, answered as a promise of the
 * envelope that never rejects.
 */
export async function dispatchAsync(ctx: ServiceContext, method: string, input: unknown, log: (error: unknown) => void = () => {}): Promise<ApiResult<unknown>> {
  return dispatchRequest(ctx, method, input, log);
}

/**
 * The synchronous door for the data methods (command line, tests, benchmarks). A method
 * that finishes after its transaction cannot be answered here; that is a caller's mistake.
 */
export function dispatch(ctx: ServiceContext, method: string, input: unknown, log: (error: unknown) => void = () => {}): ApiResult<unknown> {
  const result = dispatchRequest(ctx, method, input, log);
  if (result instanceof Promise) {
    result.catch(() => undefined);
    log(new Error(`${method} finishes after its transaction: call it through dispatchAsync`));
    return failure(new ApiError('internal', GENERIC_MESSAGES.internal));
  }
  return result;
}

/**
 * Answers at once for the data methods; a method that finishes its work after the
 * transaction (documents) answers with a promise of the envelope, which never rejects.
 */
function dispatchRequest(
  ctx: ServiceContext,
  method: string,
  input: unknown,
  log: (error: unknown) => void,
): ApiResult<unknown> | Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) return failure(new ApiError('unknown_method', GENERIC_MESSAGES.unknown_method));
  const parsed = (contract[method].input as z.ZodType).safeParse(input ?? {}, { error: VIETNAMESE_ZOD_ERRORS });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
    // The message names the place in Vietnamese, never as a key path ("patch.title"); the
    // issues keep the path for code (the renderer marks the field it belongs to).
    const first = issues[0];
    const label = first ? inputLabel(method, first.path) : null;
    const where = first ? ` (${label ? `${label}: ` : ''}${first.message})` : '';
    return failure(new ApiError('invalid_input', `${GENERIC_MESSAGES.invalid_input}${where}`, issues));
  }
  try {
    const run = handlers[method as ApiMethod] as (c: ServiceContext, i: unknown) => unknown;
    const value = ctx.db.transaction(() => run(ctx, parsed.data))();
    if (isLater(value)) {
      return runLater(value).then(
        (done): ApiResult<unknown> => ({ ok: true, value: done ?? null }),
        (error: unknown) => failureFor(error, log),
      );
    }
    return { ok: true, value: value ?? null };
  } catch (error) {
    return failureFor(error, log);
  }
}

function failureFor(error: unknown, log: (error: unknown) => void): ApiResult<never> {
  if (error instanceof ApiError) return failure(error);
  if (isConstraintError(error)) {
    log(error);
    return failure(new ApiError('invalid_input', 'Dữ liệu không hợp lệ: tham chiếu hoặc ràng buộc không thỏa mãn. Không có gì bị thay đổi.'));
  }
  log(error);
  return failure(new ApiError('internal', GENERIC_MESSAGES.internal));
}

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error: error.toBody() };
}

function isConstraintError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT');
}
