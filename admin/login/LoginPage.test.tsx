import '../lib/testDom.js';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Providers } from '../common/Providers.js';
import { api } from '../lib/api.js';
import { json, startTestServer } from '../lib/testServer.js';
import { LoginPage } from './LoginPage.js';
import { signInNotice } from './signInNotice.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let answer: { status: number; body: unknown; headers?: Record<string, string> };

beforeAll(async () => {
  server = await startTestServer((_req, res) => json(res, answer.status, answer.body, answer.headers));
  api.baseUrl = server.url;
});
afterAll(async () => {
  api.baseUrl = '';
  await server.close();
});
afterEach(cleanup);

function renderLogin(onLoggedIn = vi.fn()) {
  render(
    <Providers>
      <LoginPage onLoggedIn={onLoggedIn} />
    </Providers>,
  );
  return onLoggedIn;
}

function submit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('renders in Chinese', () => {
    renderLogin();
    expect(screen.getByText('HallCast 管理后台')).toBeTruthy();
    expect(screen.getByLabelText('用户名')).toBeTruthy();
    expect(screen.getByLabelText('密码')).toBeTruthy();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('asks for missing fields in Chinese', async () => {
    renderLogin();
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
  });

  it("shows the server's message for wrong credentials", async () => {
    answer = { status: 401, body: { error: { code: 'invalid_credentials', message: '用户名或密码错误' } } };
    const onLoggedIn = renderLogin();
    submit('admin', 'wrong');
    expect((await screen.findByTestId('login-error')).textContent).toContain('用户名或密码错误');
    expect(onLoggedIn).not.toHaveBeenCalled();
    expect(JSON.parse(server.requests.at(-1)?.body ?? '{}')).toEqual({
      username: 'admin',
      password: 'wrong',
    });
  });

  it('says how many minutes to wait after too many attempts', async () => {
    answer = {
      status: 429,
      body: { error: { code: 'rate_limited', message: 'too many' } },
      headers: { 'retry-after': '290' },
    };
    renderLogin();
    submit('admin', 'wrong');
    expect((await screen.findByTestId('login-error')).textContent).toContain('尝试次数过多，请 5 分钟后再试');
  });

  it('hands the session over on success', async () => {
    const session = {
      user: { id: 'u1', username: 'admin', displayName: '管理员', role: 'admin', mustChangePassword: true },
      csrfToken: 't',
    };
    answer = { status: 200, body: session };
    const onLoggedIn = renderLogin();
    submit('admin', 'right-password');
    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(session));
    expect(api.currentSession).toEqual(session);
  });
});

describe('the sign-in notice', () => {
  it("says when and from where the user last signed in, in the halls' time, and the failures since", () => {
    // 2026-12-02 09:05 in Asia/Shanghai.
    const at = Date.UTC(2026, 11, 2, 1, 5);
    expect(signInNotice({ previousAt: at, previousIp: '10.12.0.7', failedSince: 3 })).toBe(
      '上次登录：2026年12月2日 09:05，来自 10.12.0.7。此后有 3 次失败的登录尝试，如非本人操作，请立即修改密码并告知安全管理员。',
    );
    expect(signInNotice({ previousAt: at, previousIp: '10.12.0.7', failedSince: 0 })).toContain(
      '此后没有失败的登录尝试',
    );
    expect(signInNotice({ previousAt: null, previousIp: null, failedSince: 0 })).toContain('首次登录');
  });
});
