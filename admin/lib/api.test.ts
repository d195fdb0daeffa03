import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../core/protocol/rest.js';
import { ApiClient, ApiError } from './api.js';
import { json, startTestServer } from './testServer.js';

const session: SessionInfo = {
  user: { id: 'u1', username: 'admin', displayName: '管理员', role: 'sysadmin', mustChangePassword: false },
  csrfToken: 'csrf-123',
};

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    switch (req.url) {
      case '/api/ok':
        return json(res, 200, { echo: req.body ? JSON.parse(req.body) : null });
      case '/api/empty':
        res.writeHead(204).end();
        return;
      case '/api/invalid':
        return json(res, 400, {
          error: {
            code: 'invalid_input',
            message: '输入有误',
            issues: [{ path: 'name', message: '请填写名称' }],
          },
        });
      case '/api/newer':
        return json(res, 409, {
          error: { code: 'a_code_from_a_newer_server', message: '新版本服务器的提示' },
        });
      case '/api/limited':
        return json(
          res,
          429,
          { error: { code: 'rate_limited', message: '请求过于频繁' } },
          { 'retry-after': '300' },
        );
      case '/api/expired':
        return json(res, 401, { error: { code: 'unauthenticated', message: '请先登录' } });
      case '/api/wrong-password':
        return json(res, 401, { error: { code: 'invalid_credentials', message: '用户名或密码错误' } });
      default:
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
    }
  });
});
afterAll(() => server.close());

async function caught(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('ApiClient', () => {
  it('sends the CSRF token on writes only, and JSON both ways', async () => {
    const client = new ApiClient(server.url);
    client.setSession(session);
    await expect(client.request('POST', '/api/ok', { name: '一号厅' })).resolves.toEqual({
      echo: { name: '一号厅' },
    });
    await client.request('GET', '/api/ok');
    await expect(client.request('DELETE', '/api/empty')).resolves.toBeUndefined();
    const [post, get, del] = server.requests.slice(-3);
    expect(post?.headers['x-csrf-token']).toBe('csrf-123');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(get?.headers['x-csrf-token']).toBeUndefined();
    expect(del?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('sends no CSRF header without a session (login)', async () => {
    await new ApiClient(server.url).request('POST', '/api/ok', {});
    expect(server.requests.at(-1)?.headers['x-csrf-token']).toBeUndefined();
  });

  it('turns the error body into an ApiError with code, message, status and issues', async () => {
    const err = await caught(new ApiClient(server.url).request('POST', '/api/invalid', {}));
    expect(err).toMatchObject({ status: 400, code: 'invalid_input', message: '输入有误' });
    expect(err.issues).toEqual([{ path: 'name', message: '请填写名称' }]);
  });

  it('keeps the message of a code it does not know, under the generic code', async () => {
    const err = await caught(new ApiClient(server.url).request('POST', '/api/newer', {}));
    expect(err).toMatchObject({ status: 409, code: 'internal', message: '新版本服务器的提示' });
  });

  it('reads Retry-After on 429', async () => {
    const err = await caught(new ApiClient(server.url).request('POST', '/api/limited', {}));
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfterS: 300 });
  });

  it('gives a Chinese message for a body that is not ours, and for no server at all', async () => {
    const bad = await caught(new ApiClient(server.url).request('GET', '/api/proxy-page'));
    expect(bad).toMatchObject({ status: 502, code: 'http_502' });
    expect(bad.message).toContain('HTTP 502');
    const down = await caught(new ApiClient('http://127.0.0.1:1').request('GET', '/api/ok'));
    expect(down).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('drops the session on 401, except for a wrong password', async () => {
    const client = new ApiClient(server.url);
    const onUnauthorized = vi.fn();
    client.onUnauthorized(onUnauthorized);
    client.setSession(session);
    await caught(client.request('POST', '/api/wrong-password', {}));
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(client.currentSession).toBe(session);
    await caught(client.request('GET', '/api/expired'));
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(client.currentSession).toBeNull();
  });
});
