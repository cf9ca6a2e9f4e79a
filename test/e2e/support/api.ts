/** Calls the browser host's API directly (to seed data quickly), with the launch token. */
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { Host } from './host';

export async function apiCall<M extends ApiMethod>(host: Host, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as ApiResult<ApiOutput<M>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
