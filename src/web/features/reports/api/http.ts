/**
 * Requests the shared api-client does not make: PUT, extra headers (Idempotency-Key,
 * x-file-name) and a raw file body. Same conventions — same-origin cookie, `x-csrf-token`,
 * failures as ApiClientError with the server's Chinese message and details.
 */
import { ApiClientError, apiPath, toApiError } from '../../../lib/api-client.js';

export interface SendOptions {
  csrfToken: string | null | undefined;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** PUT/POST under /api/v1 with a JSON body, or a Blob sent as application/octet-stream. */
export async function apiSend<T>(method: 'PUT' | 'POST', path: string, body: unknown, options: SendOptions): Promise<T> {
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path.startsWith('/api/') ? path : apiPath(path), {
      method,
      headers,
      body: raw ? (body as Blob) : JSON.stringify(body ?? {}),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiClientError(0, 'network', '无法连接服务器', cause);
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    // 413 from the body limit may come without JSON.
    if (!response.ok) throw toApiError(response.status, undefined);
    throw new ApiClientError(response.status, 'badResponse', '服务器返回的不是 JSON 数据');
  }
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/** A fresh Idempotency-Key (8–100 of [A-Za-z0-9_-]). */
export function newIdempotencyKey(): string {
  // crypto.getRandomValues works outside secure contexts too (intranet http), unlike randomUUID.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
