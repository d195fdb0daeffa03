import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenStatus, SessionEnded } from '../../core/protocol/events.js';
import { ManualClock } from '../clock.js';
import { type Client, loginAs, startTestServer, type TestServer, until } from '../test/harness.js';
import { adminSocket, createScreens } from '../test/realtimeKit.js';

type Admin = ReturnType<typeof adminSocket> & { reasons: string[] };

/** A live /admin socket on the client's session, recording why it was disconnected. */
async function connectAdmin(t: TestServer, c: Client): Promise<Admin> {
  const admin = { ...adminSocket(t, c), reasons: [] as string[] };
  admin.socket.on('disconnect', (reason) => admin.reasons.push(reason));
  await until(() => admin.socket.connected);
  return admin;
}

const endedOf = (a: Admin) =>
  a.events.filter((e) => e.name === 'session:ended').map((e) => e.payload as SessionEnded);

/** The server said why, then closed the socket itself (short of any periodic re-check). */
async function closedBy(a: Admin, code: SessionEnded['code'], timeoutMs = 2000): Promise<void> {
  await until(() => a.reasons.length > 0, timeoutMs);
  expect(endedOf(a).map((e) => e.code)).toEqual([code]);
  expect(endedOf(a)[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  expect(a.reasons).toEqual(['io server disconnect']);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an admin socket ends when the server ends its session', () => {
  let t: TestServer;
  let admin: Client;
  let secadmin: Client;
  const userId = (username: string) => t.hc.stores.users.getByUsername(username)!.id;
  beforeAll(async () => {
    // The default re-check interval (30 s) is far beyond these tests: the events must do it.
    t = await startTestServer({ adminPushMs: 30 });
    admin = await loginAs(t, 'sysadmin');
    secadmin = await loginAs(t, 'secadmin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('logout closes that session’s sockets, not the user’s other sessions', async () => {
    const first = await loginAs(t, 'operator');
    const second = await loginAs(t, 'operator');
    const gone = await connectAdmin(t, first);
    const other = await connectAdmin(t, second);

    expect((await first.request('POST', '/api/auth/logout')).status).toBe(204);
    await closedBy(gone, 'logout');
    await pause(100);
    expect(other.socket.connected).toBe(true);
    expect(endedOf(other)).toEqual([]);
    other.socket.close();
  });

  it('disabling a user closes their sockets; the admin who did it stays connected', async () => {
    const op = await loginAs(t, 'operator');
    const opSocket = await connectAdmin(t, op);
    const adminSocketLive = await connectAdmin(t, admin);
    try {
      const r = await admin.request('PATCH', `/api/users/${userId('operator')}`, { disabled: true });
      expect(r.status).toBe(200);
      await closedBy(opSocket, 'disabled');
      expect((await op.request('GET', '/api/auth/session')).status).toBe(401);
      expect(adminSocketLive.socket.connected).toBe(true);
    } finally {
      await admin.request('PATCH', `/api/users/${userId('operator')}`, { disabled: false });
      adminSocketLive.socket.close();
    }
  });

  it('a role change closes the sockets; the session reconnects under its new role', async () => {
    const op = await loginAs(t, 'operator');
    const before = await connectAdmin(t, op);
    try {
      const r = await secadmin.request('PUT', `/api/users/${userId('operator')}/role`, { role: 'publicity' });
      expect(r.status).toBe(200);
      await closedBy(before, 'role_changed');
      expect((await op.request('GET', '/api/auth/session')).body.user.role).toBe('publicity');
      const after = await connectAdmin(t, op);
      after.socket.close();
    } finally {
      await secadmin.request('PUT', `/api/users/${userId('operator')}/role`, { role: 'operator' });
    }
  });

  it('a password reset closes the user’s sockets', async () => {
    const reviewer = await loginAs(t, 'reviewer');
    const socket = await connectAdmin(t, reviewer);
    const r = await secadmin.request('POST', `/api/users/${userId('reviewer')}/reset-password`);
    expect(r.status).toBe(200);
    await closedBy(socket, 'password_reset');
  });

  it('an edit that changes neither role nor status leaves the sockets alone', async () => {
    const op = await loginAs(t, 'operator');
    const socket = await connectAdmin(t, op);
    const r = await admin.request('PATCH', `/api/users/${userId('operator')}`, { displayName: '值守员' });
    expect(r.status).toBe(200);
    await pause(100);
    expect(socket.socket.connected).toBe(true);
    socket.socket.close();
  });
});

describe('the periodic re-check', () => {
  const TTL = 60_000;
  let t: TestServer;
  let clock: ManualClock;
  /** Enough wall time for several re-checks. */
  const checks = () => pause(250);
  beforeAll(async () => {
    clock = new ManualClock(Date.now());
    t = await startTestServer({ adminPushMs: 30, sessionTtlMs: TTL, adminSessionCheckMs: 40 }, clock);
  });
  afterAll(async () => {
    await t.close();
  });

  it('closes a socket whose session expired, and an open socket does not keep it alive', async () => {
    const op = await loginAs(t, 'operator');
    const socket = await connectAdmin(t, op);
    // Past half the lifetime, where a request would slide the expiry: re-checks must not.
    clock.advance(20_000);
    await checks();
    clock.advance(20_000);
    await checks();
    expect(socket.socket.connected).toBe(true);

    clock.advance(TTL - 40_000 + 1);
    await closedBy(socket, 'expired');
    expect((await op.request('GET', '/api/auth/session')).status).toBe(401);
  });

  it('keeps a valid session connected and receiving events', async () => {
    const op = await loginAs(t, 'operator');
    const socket = await connectAdmin(t, op);
    clock.advance(TTL / 3);
    await checks();
    expect(socket.socket.connected).toBe(true);

    const [screen] = createScreens(t, 1, '会话测试屏');
    const r = await op.request('PATCH', `/api/screens/${screen!.id}`, { name: '会话测试屏（改名）' });
    expect(r.status).toBe(200);
    await until(() =>
      socket.events.some(
        (e) => e.name === 'screen:updated' && (e.payload as ScreenStatus).name === '会话测试屏（改名）',
      ),
    );
    await checks();
    expect(socket.socket.connected).toBe(true);
    expect(endedOf(socket)).toEqual([]);
    socket.socket.close();
  });
});
