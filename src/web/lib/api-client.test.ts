import { describe, expect, it } from 'vitest';
import { ApiClientError, apiGet, apiPath, toApiError } from './api-client.js';

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('apiPath', () => {
  it('prefixes /api/v1 and encodes non-empty query values', () => {
    expect(apiPath('/plans')).toBe('/api/v1/plans');
    expect(apiPath('/plans/1/tasks', { county: '台山市', year: 2021, q: undefined, unit: '' })).toBe(
      '/api/v1/plans/1/tasks?county=%E5%8F%B0%E5%B1%B1%E5%B8%82&year=2021',
    );
    expect(apiPath('/x', new URLSearchParams('a=1'))).toBe('/api/v1/x?a=1');
  });
});

describe('toApiError', () => {
  it('keeps the envelope code, Chinese message and details', () => {
    const error = toApiError(404, { error: { code: 'NOT_FOUND', message: '任务 99不存在', details: { no: 99 } } });
    expect(error).toBeInstanceOf(ApiClientError);
    expect([error.status, error.code, error.message]).toEqual([404, 'NOT_FOUND', '任务 99不存在']);
    expect(error.details).toEqual({ no: 99 });
    expect(error.isClientError).toBe(true);
  });

  it('describes a body that is not an envelope', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect([error.code, error.message, error.isClientError]).toEqual(['badResponse', '服务器返回错误（HTTP 502）', false]);
  });
});

describe('apiGet', () => {
  it('returns the parsed body and asks for JSON', async () => {
    let seen: [string, RequestInit | undefined] | null = null;
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      seen = [url, init];
      return jsonResponse(200, { items: [] });
    }) as typeof fetch;
    await expect(apiGet('/plans', { fetchImpl })).resolves.toEqual({ items: [] });
    expect(seen![0]).toBe('/api/v1/plans');
    expect(new Headers(seen![1]!.headers).get('accept')).toBe('application/json');
  });

  it('throws the envelope as ApiClientError', async () => {
    const fetchImpl = (async () => jsonResponse(400, { error: { code: 'VALIDATION_FAILED', message: '查询参数“year”无效' } })) as typeof fetch;
    await expect(apiGet('/plans/1/tasks?year=1', { fetchImpl })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '查询参数“year”无效' });
  });

  it('reports a network failure and a non-JSON success distinctly', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(apiGet('/plans', { fetchImpl: offline })).rejects.toMatchObject({ status: 0, code: 'network' });
    const html = (async () => new Response('<html></html>', { status: 200 })) as typeof fetch;
    await expect(apiGet('/plans', { fetchImpl: html })).rejects.toMatchObject({ status: 200, code: 'badResponse' });
    const htmlError = (async () => new Response('oops', { status: 500 })) as typeof fetch;
    await expect(apiGet('/plans', { fetchImpl: htmlError })).rejects.toMatchObject({ status: 500, code: 'badResponse' });
  });

  it('lets an abort through unchanged', async () => {
    const aborted = (async () => {
      throw new DOMException('aborted', 'AbortError');
    }) as typeof fetch;
    await expect(apiGet('/plans', { fetchImpl: aborted })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
