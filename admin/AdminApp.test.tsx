import './lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api as routes } from '../core/protocol/routes/index.js';
import { AdminApp } from './AdminApp.js';
import { Providers } from './common/Providers.js';
import { api } from './lib/api.js';
import { call } from './lib/client.js';
import { startRealServer } from './lib/realServer.js';
import { disconnectAdminSocket } from './lib/socket.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
beforeAll(async () => {
  server = await startRealServer();
});
afterAll(async () => {
  cleanup();
  disconnectAdminSocket();
  await server.close();
});

const sysadmin = () => server.t.hc.demoLogins!.find((l) => l.role === 'sysadmin')!;

async function signInThroughTheForm() {
  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: sysadmin().username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: sysadmin().password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('the admin and its session (real server)', () => {
  it('a 401 leads to the login page and, signed in again, back to the page the user was on', async () => {
    window.location.hash = '#/halls';
    render(
      <Providers>
        <AdminApp />
      </Providers>,
    );
    await signInThroughTheForm();
    expect(await screen.findByText('黑河市政务服务中心', {}, { timeout: 5000 })).toBeTruthy();

    // The session ends on the server (expired, revoked elsewhere); the next request learns it.
    server.t.hc.db.prepare('DELETE FROM sessions').run();
    window.location.hash = '#/groups';
    expect(await screen.findByTestId('login-username', {}, { timeout: 5000 })).toBeTruthy();
    expect(api.currentSession).toBeNull();

    await signInThroughTheForm();
    await waitFor(() => expect(screen.queryByTestId('login-username')).toBeNull());
    expect(window.location.hash).toBe('#/groups');
    expect(await screen.findByText('一楼大厅', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('a write refused for a stale CSRF token (a sign-in in another tab) reads the session and is sent once more', async () => {
    await server.signIn('sysadmin');
    const stale = api.currentSession!.csrfToken;
    // Another tab signs in: the cookie (shared by the tabs) now names a new session with a new token.
    await fetch(`${server.t.url}${routes.auth.login.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: sysadmin().username, password: sysadmin().password }),
    });
    server.sent.length = 0;
    const hall = await call(routes.halls.create, {
      body: {
        name: '另一标签页后新建的大厅',
        timezone: 'Asia/Shanghai',
        openingHours: [],
        repairWindowText: '',
      },
    });
    expect(hall.name).toBe('另一标签页后新建的大厅');
    expect(api.currentSession!.csrfToken).not.toBe(stale);
    expect(server.sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /api/halls',
      'GET /api/auth/session',
      'POST /api/halls',
    ]);
    const named = (await call(routes.halls.list)).filter((h) => h.name === '另一标签页后新建的大厅');
    expect(named).toHaveLength(1);
  });
});
