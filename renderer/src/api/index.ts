/** The renderer's one API client, on whichever transport this window has. */
import { createApiClient } from '../../../shared/api/client';
import { NetworkError } from './errors';
import { NETWORK_FAILURE, pickTransport } from './transport';

export { NetworkError, errorMessage, isTransient } from './errors';

const picked = pickTransport();

export const api = createApiClient(async (method, input) => {
  const result = await picked.transport(method, input);
  if (!result.ok && (result as unknown as Record<symbol, boolean>)[NETWORK_FAILURE]) throw new NetworkError();
  return result;
});

export const hostKind = picked.host;
export const hasToken = picked.hasToken;
