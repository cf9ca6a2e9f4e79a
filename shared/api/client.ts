/**
 * The typed client the renderer uses. It is built on a transport (Electron IPC or HTTP
 * to the browser host) that moves `ApiResult` envelopes; everything above the transport
 * is the same for both.
 */
import type { ApiInput, ApiMethod, ApiOutput } from './contract';
import { ApiError, type ApiResult } from './errors';

export type Transport = (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>;

export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const result = await transport(method, input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.issues);
      return result.value as never;
    },
  };
}
