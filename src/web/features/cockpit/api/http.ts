/**
 * PUT for the 问题台账 (the shared api-client offers GET and POST only). Same conventions as its
 * POST: same-origin cookie, `x-csrf-token`, the error envelope as ApiClientError with the
 * server's Chinese message.
 */
import { ApiClientError, apiPath, toApiError } from '../../../lib/api-client.js';

/** PUT JSON under /api/v1; throws ApiClientError on failure. */
export async function apiPut<T>(path: string, body: unknown, csrfToken: string | null | undefined, fetchImpl: typeof fetch = fetch): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetchImpl(apiPath(path), { method: 'PUT', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiClientError(0, 'network', '无法连接服务器', cause);
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    if (!response.ok) throw toApiError(response.status, undefined);
    throw new ApiClientError(response.status, 'badResponse', '服务器返回的不是 JSON 数据');
  }
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}
