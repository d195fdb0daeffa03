import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, can, Role } from '../../core/protocol/rest.js';
import { api } from '../../core/protocol/routes/index.js';
import { Client, loginAs, startTestServer, type TestServer } from '../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('health and errors', () => {
  it('reports ok with version and uptime', async () => {
    const r = await new Client(t.url).request('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'ok',
      db: 'ok',
      version: expect.any(String),
      uptimeS: expect.any(Number),
    });
    expect(r.headers.get('x-request-id')).toBeTruthy();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers malformed JSON with 400 and the error shape, changing nothing', async () => {
    const before = t.hc.stores.users.list().length;
    const r = await new Client(t.url).request('POST', '/api/auth/login', '{"username": "admin",');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { code: 'invalid_json', message: expect.stringContaining('JSON') } });
    expect(t.hc.stores.users.list().length).toBe(before);
  });

  it('answers invalid input with 400 and the issues', async () => {
    const r = await new Client(t.url).request('POST', '/api/auth/login', { username: '', password: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    expect(r.body.error.issues[0].path).toBe('username');
  });

  it('answers unknown API paths with 404 and the error shape', async () => {
    const r = await new Client(t.url).request('GET', '/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});

describe('route table', () => {
  it('the server registers every route of core/protocol/routes once, and no route beside them', () => {
    const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
    const table = Object.values(api).flatMap((group) => Object.values(group));
    const registered = t.hc.routes.table.map(key);
    expect(new Set(registered).size, 'a route registered twice').toBe(registered.length);
    expect(registered.sort()).toEqual(table.map(key).sort());
    // The access each route is registered with is the table's.
    for (const r of table)
      expect(t.hc.routes.table.find((x) => key(x) === key(r))?.access, key(r)).toBe(r.access);
  });
});

describe('permission table', () => {
  const sample = (path: string) =>
    path.replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000').replace('{*rest}', 'x');

  it('every route refuses a missing session and every role that may not act', async () => {
    const clients = new Map<string, Client>();
    for (const role of Role.options) clients.set(role, await loginAs(t, role));
    const guarded = t.hc.routes.table.filter((r) => r.access !== 'public' && r.access !== 'player');
    expect(guarded.length).toBeGreaterThan(10);
    // Logout ends the walking session, so it goes last.
    guarded.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
    for (const route of guarded) {
      const method = route.method.toUpperCase();
      const body = method === 'GET' ? undefined : {};
      const anon = await new Client(t.url).request(method, sample(route.path), body);
      expect(anon.status, `${method} ${route.path} without session`).toBe(401);
      for (const role of Role.options) {
        const r = await clients.get(role)!.request(method, sample(route.path), body);
        const allowed = route.access === 'session' || can(role, route.access as Action);
        if (allowed) expect([401, 403], `${method} ${route.path} as ${role}`).not.toContain(r.status);
        else expect(r.status, `${method} ${route.path} as ${role}`).toBe(403);
      }
    }
  });

  it('player routes need a device token', async () => {
    for (const route of t.hc.routes.table.filter((r) => r.access === 'player')) {
      const r = await new Client(t.url).request(
        'GET',
        sample(route.path).replace(/0{8}-.*$/, 'a'.repeat(64)),
        undefined,
        {
          authorization: `Bearer ${'b'.repeat(64)}`,
        },
      );
      expect(r.status, route.path).toBe(401);
    }
  });
});

describe('sessions', () => {
  it('rejects a write without the CSRF token and changes nothing', async () => {
    const admin = await loginAs(t, 'sysadmin');
    const before = t.hc.stores.halls.listHalls().length;
    const r = await admin.request(
      'POST',
      '/api/halls',
      { name: '新大厅', timezone: 'Asia/Shanghai', openingHours: [], repairWindowText: '' },
      { 'x-csrf-token': 'wrong' },
    );
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf_failed');
    expect(t.hc.stores.halls.listHalls().length).toBe(before);
  });

  it('sets an httpOnly SameSite=Strict cookie and logs out', async () => {
    const login = t.hc.demoLogins!.find((l) => l.role === 'reviewer')!;
    const c = new Client(t.url);
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: login.username, password: login.password }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=strict/i);
    c.cookie = cookie.split(';')[0]!;
    c.csrf = (await res.json()).csrfToken;
    expect((await c.request('GET', '/api/auth/session')).status).toBe(200);
    expect((await c.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await c.request('GET', '/api/auth/session')).status).toBe(401);
  });

  it('forces a new user to change the password before anything else', async () => {
    const admin = await loginAs(t, 'sysadmin');
    const created = await admin.request('POST', '/api/users', {
      username: 'zhangsan',
      displayName: '张三',
      role: 'operator',
    });
    expect(created.status).toBe(201);
    const c = new Client(t.url);
    const login = await c.login('zhangsan', created.body.temporaryPassword);
    expect(login.body.user.mustChangePassword).toBe(true);
    expect((await c.request('GET', '/api/screens')).status).toBe(403);
    const weak = await c.request('POST', '/api/auth/password', {
      currentPassword: created.body.temporaryPassword,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    const changed = await c.request('POST', '/api/auth/password', {
      currentPassword: created.body.temporaryPassword,
      newPassword: 'a-much-longer-secret',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await c.request('GET', '/api/screens')).status).toBe(200);
  });

  it('disabling a user ends their sessions', async () => {
    const admin = await loginAs(t, 'sysadmin');
    const created = await admin.request('POST', '/api/users', {
      username: 'lisi',
      displayName: '李四',
      role: 'reviewer',
    });
    const c = new Client(t.url);
    await c.login('lisi', created.body.temporaryPassword);
    await admin.request('PATCH', `/api/users/${created.body.user.id}`, { disabled: true });
    expect((await c.request('GET', '/api/auth/session')).status).toBe(401);
    const again = await new Client(t.url).login('lisi', created.body.temporaryPassword);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('account_disabled');
  });
});
