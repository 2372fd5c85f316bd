/**
 * PUT for the admin pages (role assignment, security policy). The shared api-client offers GET
 * and POST only; this mirrors its POST (same-origin cookie, `x-csrf-token`, error envelope →
 * ApiClientError) for the two PUT routes.
 */
import { ApiClientError, apiPath, toApiError } from '../../../lib/api-client.js';

/** PUT JSON under /api/v1 with the session's CSRF token; throws ApiClientError on failure. */
export async function apiPut<T>(path: string, body: unknown, csrfToken: string | null): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiPath(path), { method: 'PUT', headers, body: JSON.stringify(body), credentials: 'same-origin' });
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
