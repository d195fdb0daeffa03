import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, startTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
let sys: Client;
let sec: Client;
let auditor: Client;
const idOf = (username: string) => t.hc.stores.users.getByUsername(username)!.id;
const roleOf = (username: string) => t.hc.stores.users.getByUsername(username)!.role;
const demo = (role: string) => t.hc.demoLogins!.find((l) => l.role === role)!;

beforeAll(async () => {
  t = await startTestServer({ loginMaxFailures: 3 });
  sys = await loginAs(t, 'sysadmin');
  sec = await loginAs(t, 'secadmin');
  auditor = await loginAs(t, 'auditor');
});
afterAll(async () => {
  await t.close();
});

describe('separated administrators', () => {
  it('the system administrator creates accounts; only the security administrator assigns roles and resets passwords', async () => {
    const created = await sys.request('POST', '/api/users', {
      username: 'wangjian',
      displayName: '王健',
      role: 'operator',
    });
    expect(created.status).toBe(201);
    const id = created.body.user.id as string;
    expect((await sys.request('PUT', `/api/users/${id}/role`, { role: 'publicity' })).status).toBe(403);
    expect((await sys.request('POST', `/api/users/${id}/reset-password`)).status).toBe(403);
    expect(roleOf('wangjian')).toBe('operator');
    const changed = await sec.request('PUT', `/api/users/${id}/role`, { role: 'publicity' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('publicity');
    expect((await sec.request('POST', `/api/users/${id}/reset-password`)).status).toBe(200);
    // The security administrator neither creates nor disables accounts.
    expect((await sec.request('PATCH', `/api/users/${id}`, { disabled: true })).status).toBe(403);
    expect(
      (await sec.request('POST', '/api/users', { username: 'x1', displayName: 'x', role: 'operator' }))
        .status,
    ).toBe(403);
    // The audit administrator changes nothing, not even the user list.
    expect((await auditor.request('GET', '/api/users')).status).toBe(403);
    expect((await auditor.request('PUT', `/api/users/${id}/role`, { role: 'operator' })).status).toBe(403);
    expect(roleOf('wangjian')).toBe('publicity');
  });

  it('nobody acts on their own account: role, password reset, disabling', async () => {
    const self = await sec.request('PUT', `/api/users/${idOf(demo('secadmin').username)}/role`, {
      role: 'auditor',
    });
    expect(self.status).toBe(400);
    expect(self.body.error).toEqual({
      code: 'self_action',
      message: expect.stringContaining('不能修改自己的账号'),
    });
    const reset = await sec.request('POST', `/api/users/${idOf(demo('secadmin').username)}/reset-password`);
    expect(reset.body.error.code).toBe('self_action');
    const off = await sys.request('PATCH', `/api/users/${idOf(demo('sysadmin').username)}`, {
      disabled: true,
    });
    expect(off.body.error.code).toBe('self_action');
    expect(roleOf(demo('secadmin').username)).toBe('secadmin');
    expect(t.hc.stores.users.getByUsername(demo('sysadmin').username)!.disabled).toBe(false);
    // Renaming oneself is no power over the account: allowed.
    expect(
      (
        await sys.request('PATCH', `/api/users/${idOf(demo('sysadmin').username)}`, {
          displayName: '系统管理员（值班）',
        })
      ).status,
    ).toBe(200);
  });

  it('the last enabled holder of an administrator role stays', async () => {
    const lastAuditor = await sec.request('PUT', `/api/users/${idOf(demo('auditor').username)}/role`, {
      role: 'operator',
    });
    expect(lastAuditor.status).toBe(409);
    expect(lastAuditor.body.error).toEqual({
      code: 'last_admin',
      message: expect.stringContaining('唯一启用的审计管理员'),
    });
    const lastSec = await sys.request('PATCH', `/api/users/${idOf(demo('secadmin').username)}`, {
      disabled: true,
    });
    expect(lastSec.body.error.code).toBe('last_admin');
    expect(roleOf(demo('auditor').username)).toBe('auditor');
    // With a second audit administrator the first may go.
    const second = await sys.request('POST', '/api/users', {
      username: 'shenji2',
      displayName: '审计二',
      role: 'auditor',
    });
    expect(second.status).toBe(201);
    expect(
      (await sec.request('PUT', `/api/users/${idOf(demo('auditor').username)}/role`, { role: 'operator' }))
        .status,
    ).toBe(200);
    expect(
      (await sec.request('PUT', `/api/users/${idOf(demo('auditor').username)}/role`, { role: 'auditor' }))
        .status,
    ).toBe(200);
    expect((await sys.request('PATCH', `/api/users/${second.body.user.id}`, { disabled: true })).status).toBe(
      200,
    );
  });

  it('the security administrator lifts a sign-in lock early, audited', async () => {
    const { username, password } = demo('publicity');
    for (let i = 0; i < 3; i++) await new Client(t.url).login(username, `guess-${i}`);
    // Locked by user name (and, since the test has one IP, by IP: that lock is cleared by hand below).
    expect((await new Client(t.url).login(username, password)).status).toBe(429);
    expect((await sys.request('POST', `/api/users/${idOf(username)}/unlock`)).status).toBe(403);
    const r = await sec.request('POST', `/api/users/${idOf(username)}/unlock`);
    expect(r.status).toBe(200);
    t.hc.stores.sessions.clearFailures('ip:127.0.0.1');
    t.hc.stores.sessions.clearFailures('ip:::ffff:127.0.0.1');
    expect((await new Client(t.url).login(username, password)).status).toBe(200);
    const last = t.hc.stores.audit.page(20, 0).find((x) => x.action === 'user.unlock');
    expect(last).toMatchObject({ actor: idOf(demo('secadmin').username), target: idOf(username) });
  });

  it('asks the system administrator to create the administrators no account holds', async () => {
    expect(
      (await new Client(t.url).login(demo('sysadmin').username, demo('sysadmin').password)).body.setup,
    ).toBeUndefined();
    // As after the upgrade from one admin role: no security or audit administrator yet.
    for (const u of t.hc.stores.users.list().filter((x) => x.role === 'secadmin' || x.role === 'auditor'))
      t.hc.stores.users.update({
        id: u.id,
        displayName: u.displayName,
        role: 'operator',
        disabled: u.disabled,
      });
    const login = await new Client(t.url).login(demo('sysadmin').username, demo('sysadmin').password);
    expect(login.body.setup).toEqual(['secadmin', 'auditor']);
    // Nobody else is asked.
    expect(
      (await new Client(t.url).login(demo('reviewer').username, demo('reviewer').password)).body.setup,
    ).toBeUndefined();
  });
});
