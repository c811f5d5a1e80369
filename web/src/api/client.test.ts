import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, setCsrfToken, setUnauthorizedHandler } from './client.ts';
import { toApiError } from './errors.ts';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  it('sends the CSRF token on changes and not on reads', async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-123');
    await api.get('/api/agencies', { q: 'so noi vu', level: '' });
    await api.post('/api/auth/logout');
    const [getUrl, getInit] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const [, postInit] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(getUrl).toBe('/api/agencies?q=so+noi+vu');
    expect((getInit.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((postInit.headers as Record<string, string>)['x-csrf-token']).toBe('tok-123');
    expect(postInit.body).toBe('{}');
  });

  it("turns an error body into the server's Vietnamese message", async () => {
    vi.stubGlobal('fetch', async () => answer(409, { code: 'USER_USERNAME_TAKEN', message: 'Tên đăng nhập đã có người dùng.' }));
    const error = await api.post('/api/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('USER_USERNAME_TAKEN');
    expect((error as ApiError).message).toBe('Tên đăng nhập đã có người dùng.');
  });

  it('reports an ended session once a request gets 401', async () => {
    vi.stubGlobal('fetch', async () => answer(401, { code: 'AUTH_REQUIRED', message: 'Bạn cần đăng nhập.' }));
    const ended = vi.fn();
    setUnauthorizedHandler(ended);
    await expect(api.get('/api/users')).rejects.toThrow('Bạn cần đăng nhập.');
    expect(ended).toHaveBeenCalledOnce();
  });

  it('says the server cannot be reached when the network fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.get('/api/auth/me')).rejects.toThrow('Không kết nối được máy chủ. Kiểm tra mạng và thử lại.');
  });
});

describe('error messages', () => {
  it('replaces an English framework message with Vietnamese for its code', () => {
    expect(toApiError(400, { code: 'VALIDATION_FAILED', message: 'body must have required property name' }).message).toBe('Dữ liệu nhập chưa hợp lệ.');
  });

  it('keeps the Vietnamese part of a schema failure and names the field', () => {
    expect(toApiError(400, { code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ: body/name must NOT have fewer than 1 characters' }).message).toBe('Dữ liệu không hợp lệ (trường name).');
    expect(toApiError(400, { code: 'USER_USERNAME_TAKEN', message: 'Tên đăng nhập đã có: chọn tên khác.' }).message).toBe('Tên đăng nhập đã có: chọn tên khác.');
  });

  it('gives the request id with a system error so support can find it', () => {
    expect(toApiError(500, { code: 'INTERNAL', message: 'Lỗi hệ thống.', requestId: 'req-7' }).message).toBe('Lỗi hệ thống. (Mã yêu cầu: req-7)');
  });

  it('falls back on the status when the body is not JSON', () => {
    expect(toApiError(403, undefined).message).toBe('Bạn không có quyền thực hiện thao tác này.');
  });
});

describe('buildUrl', () => {
  it('leaves out empty parameters', () => {
    expect(buildUrl('/api/agencies', { q: undefined, level: null, parent: '' })).toBe('/api/agencies');
    expect(buildUrl('/api/agencies', { page: 2, pageSize: 200 })).toBe('/api/agencies?page=2&pageSize=200');
  });
});
