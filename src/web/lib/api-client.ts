/**
 * The one HTTP client of the web app. Responses are typed with the zod contract's inferred
 * types (src/shared/api/plan-api.ts) but not re-validated in the browser: the server validates
 * its responses against the same schemas, and shipping zod would cost ~50 KiB of the initial
 * bundle. Failures become `ApiClientError` carrying the envelope's code and Chinese message.
 */
import type { ApiError } from '../../shared/api/plan-api.js';

export const API_BASE = '/api/v1';

/** Codes produced on the client side (the server's codes come from its ErrorCode union). */
export type ClientErrorCode = 'network' | 'badResponse';

/** An API failure: HTTP status (0 when the server was not reached), code and message. */
export class ApiClientError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiClientError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** True for errors the user cannot fix by retrying (4xx). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

/** Absolute path of an API resource, e.g. `apiPath('/plans/1')` → `/api/v1/plans/1`. */
export function apiPath(path: string, query?: URLSearchParams | Record<string, string | number | undefined>): string {
  let search = '';
  if (query instanceof URLSearchParams) {
    search = query.toString();
  } else if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    search = params.toString();
  }
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function isErrorEnvelope(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** Turn a non-2xx response body into an ApiClientError (pure; exported for tests). */
export function toApiError(status: number, body: unknown): ApiClientError {
  if (isErrorEnvelope(body)) {
    const { code, message, details } = body.error;
    return new ApiClientError(status, typeof code === 'string' ? code : 'unknown', message, details);
  }
  return new ApiClientError(status, 'badResponse', `服务器返回错误（HTTP ${status}）`);
}

interface RequestOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  /** Extra request headers (Idempotency-Key, x-file-name …). */
  headers?: Record<string, string>;
}

/** PUT JSON under /api/v1, with the session's CSRF token, like apiPost. */
export function apiPut<T>(path: string, body: unknown, csrfToken?: string | null, options: RequestOptions = {}): Promise<T> {
  return request<T>('PUT', path, body, csrfToken, options);
}

/** GET a JSON resource under /api/v1; throws ApiClientError on any failure. */
export function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, undefined, undefined, options);
}

/**
 * POST JSON under /api/v1 (same-origin: the session cookie goes along). State-changing requests
 * of a signed-in user carry the session's CSRF token in `x-csrf-token`.
 */
export function apiPost<T>(path: string, body: unknown, csrfToken?: string | null, options: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, body, csrfToken, options);
}

/**
 * PUT/POST with options in one object: a JSON body, or a Blob (a file) sent as its bytes with
 * content type application/octet-stream unless `headers` names another.
 */
export function apiSend<T>(method: 'PUT' | 'POST', path: string, body: unknown, options: RequestOptions & { csrfToken: string | null | undefined }): Promise<T> {
  return request<T>(method, path, body ?? {}, options.csrfToken, options);
}

async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, csrfToken: string | null | undefined, options: RequestOptions): Promise<T> {
  const doFetch = options.fetchImpl ?? fetch;
  const url = path.startsWith('/api/') ? path : apiPath(path);
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  Object.assign(headers, options.headers);
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await doFetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? (body as Blob) : JSON.stringify(body),
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
    // e.g. a 413 from the body limit may come without JSON.
    if (!response.ok) throw toApiError(response.status, undefined);
    throw new ApiClientError(response.status, 'badResponse', '服务器返回的不是 JSON 数据');
  }
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}
