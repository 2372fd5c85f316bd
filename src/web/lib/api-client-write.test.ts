import { describe, expect, it } from 'vitest';
import { ApiClientError, apiPut, apiSend } from './api-client.js';

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('apiPut', () => {
  it('PUTs JSON under /api/v1 with the CSRF token', async () => {
    const { impl, calls } = fakeFetch(200, { ok: true });
    await expect(apiPut('/problems/3', { version: 1, status: 'coordinating' }, 'tok', { fetchImpl: impl })).resolves.toEqual({ ok: true });
    expect(calls[0]!.url).toBe('/api/v1/problems/3');
    expect(calls[0]!.init.method).toBe('PUT');
    expect((calls[0]!.init.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ version: 1, status: 'coordinating' });
  });

  it('turns the error envelope into ApiClientError with the server’s Chinese message', async () => {
    const { impl } = fakeFetch(400, { error: { code: 'VALIDATION_FAILED', message: '标记为已解决时请填写解决情况', details: { field: 'resolution' } } });
    const error = await apiPut('/problems/3', {}, null, { fetchImpl: impl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '标记为已解决时请填写解决情况', details: { field: 'resolution' } });
  });

  it('reports an unreachable server', async () => {
    const impl = (async () => {
      throw new TypeError('failed');
    }) as unknown as typeof fetch;
    await expect(apiPut('/problems/3', {}, null, { fetchImpl: impl })).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('apiSend', () => {
  it('sends a file as its bytes with extra headers, JSON otherwise', async () => {
    const { impl, calls } = fakeFetch(200, { ok: true });
    const file = new Blob(['年度,县级行政区'], { type: 'text/csv' });
    await apiSend('POST', '/reports/7/evidence', file, { csrfToken: 'tok', headers: { 'x-file-name': encodeURIComponent('佐证.csv') }, fetchImpl: impl });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(calls[0]!.init.body).toBe(file);
    expect(headers['content-type']).toBe('application/octet-stream');
    expect(headers['x-file-name']).toBe('%E4%BD%90%E8%AF%81.csv');
    expect(headers['x-csrf-token']).toBe('tok');
    await apiSend('POST', '/values/import', file, { csrfToken: null, headers: { 'content-type': 'text/csv' }, fetchImpl: impl });
    expect((calls[1]!.init.headers as Record<string, string>)['content-type']).toBe('text/csv');
    await apiSend('PUT', '/work-plans/3', undefined, { csrfToken: 'tok', fetchImpl: impl });
    expect(calls[2]!.init.body).toBe('{}');
    expect((calls[2]!.init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });
});
