import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEnded } from '../../../core/protocol/events.js';
import { ManualClock } from '../../clock.js';
import { Client, loginAs, startTestServer, type TestServer, until } from '../../test/harness.js';
import { adminSocket } from '../../test/realtimeKit.js';
import { newUser, strongPassword } from '../../test/userKit.js';

const MAX = 5;
const WINDOW = 15 * 60_000;
const clock = new ManualClock(Date.UTC(2026, 10, 27, 2, 0, 0));
let t: TestServer;
let admin: Client;
const demo = (role: string) => t.hc.demoLogins!.find((l) => l.role === role)!;
const userRow = (username: string) => t.hc.stores.users.getByUsername(username)!;
/** Every test starts with a clean slate: the window of the last one's failures has passed. */
const nextWindow = () => clock.advance(WINDOW + 1000);

beforeAll(async () => {
  t = await startTestServer({ loginMaxFailures: MAX, loginWindowMs: WINDOW, adminPushMs: 30 }, clock);
  admin = await loginAs(t, 'sysadmin');
});
afterAll(async () => {
  await t.close();
});

function statuses(rs: { status: number }[]): Record<number, number> {
  const m: Record<number, number> = {};
  for (const r of rs) m[r.status] = (m[r.status] ?? 0) + 1;
  return m;
}

describe('login lockout', () => {
  it('30 parallel wrong passwords: exactly the limit reach the password check, the rest are 429', async () => {
    nextWindow();
    const { username, password } = demo('reviewer');
    const hashBefore = userRow(username).passwordHash;
    const rs = await Promise.all(
      Array.from({ length: 30 }, () => new Client(t.url).login(username, 'wrong-password-guess')),
    );
    expect(statuses(rs)).toEqual({ 401: MAX, 429: 30 - MAX });
    for (const r of rs.filter((x) => x.status === 429)) {
      expect(r.body.error.code).toBe('rate_limited');
      expect(r.body.error.message).toMatch(/分钟后再试/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Locked: even the right password waits for the window; nothing about the user changed.
    expect((await new Client(t.url).login(username, password)).status).toBe(429);
    expect(userRow(username).passwordHash).toBe(hashBefore);
    nextWindow();
    expect((await new Client(t.url).login(username, password)).status).toBe(200);
  });

  it('parallel wrong passwords for different users from one IP: the IP budget holds too', async () => {
    nextWindow();
    const rs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => new Client(t.url).login(`nobody${i}`, 'wrong-password-guess')),
    );
    expect(statuses(rs)).toEqual({ 401: MAX, 429: 20 - MAX });
  });

  it('a successful login does not clear the other users’ failures counted for its IP', async () => {
    nextWindow();
    const c = new Client(t.url);
    for (let i = 0; i < MAX - 1; i++)
      expect((await c.login(`stranger${i}`, 'wrong-password')).status).toBe(401);
    const op = demo('operator');
    expect((await new Client(t.url).login(op.username, op.password)).status).toBe(200);
    // One more failure fills the IP's budget: the operator's success did not wipe the strangers'.
    expect((await c.login('stranger-last', 'wrong-password')).status).toBe(401);
    const after = await new Client(t.url).login(op.username, op.password);
    expect(after.status).toBe(429);
    expect(after.body.error.code).toBe('rate_limited');
  });

  it('a successful login clears that user’s own failures', async () => {
    nextWindow();
    const { username, password } = demo('publicity');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX - 1; i++)
        expect((await new Client(t.url).login(username, 'wrong-password')).status).toBe(401);
      expect((await new Client(t.url).login(username, password)).status).toBe(200);
    }
  });
});

describe('changing one’s password', () => {
  it('refuses weak passwords with a Chinese reason and changes nothing', async () => {
    nextWindow();
    const u = await newUser(t, admin, 'reviewer');
    const row = userRow((await u.client.request('GET', '/api/auth/session')).body.user.username);
    const weak = [
      ' '.repeat(10),
      'aaaaaaaaaa',
      '1234567890',
      '0987654321',
      'abcdefghij',
      'qwertyuiop',
      'password123',
      'iloveyou12',
      `${row.username}2026`,
    ];
    for (const newPassword of weak) {
      const r = await u.client.request('POST', '/api/auth/password', {
        currentPassword: u.password,
        newPassword,
      });
      expect(r.status, newPassword).toBe(400);
      expect(r.body.error.code, newPassword).toBe('weak_password');
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(userRow(row.username).passwordHash).toBe(row.passwordHash);
    // The old password still signs in; a strong new one is taken.
    expect((await new Client(t.url).login(row.username, u.password)).status).toBe(200);
    const ok = await u.client.request('POST', '/api/auth/password', {
      currentPassword: u.password,
      newPassword: strongPassword(),
    });
    expect(ok.status).toBe(200);
  });

  it('the CLI’s chosen password passes the same check', async () => {
    const u = await newUser(t, admin, 'operator');
    const username = (await u.client.request('GET', '/api/auth/session')).body.user.username as string;
    const before = userRow(username).passwordHash;
    await expect(t.hc.services.users.setPassword(username, '1234567890')).rejects.toMatchObject({
      code: 'weak_password',
    });
    expect(userRow(username).passwordHash).toBe(before);
    expect((await u.client.request('GET', '/api/auth/session')).status).toBe(200);
  });

  it('the current-password check is rate limited like a login, and a lockout changes nothing', async () => {
    nextWindow();
    const u = await newUser(t, admin, 'publicity');
    const username = (await u.client.request('GET', '/api/auth/session')).body.user.username as string;
    const before = userRow(username).passwordHash;
    const rs = await Promise.all(
      Array.from({ length: 12 }, () =>
        u.client.request('POST', '/api/auth/password', {
          currentPassword: 'not-my-password',
          newPassword: strongPassword(),
        }),
      ),
    );
    expect(statuses(rs)).toEqual({ 400: MAX, 429: 12 - MAX });
    expect(rs.find((r) => r.status === 400)!.body.error.code).toBe('wrong_password');
    // Locked now even with the right current password, and the login shares the budget.
    const right = await u.client.request('POST', '/api/auth/password', {
      currentPassword: u.password,
      newPassword: strongPassword(),
    });
    expect(right.status).toBe(429);
    expect((await new Client(t.url).login(username, u.password)).status).toBe(429);
    expect(userRow(username).passwordHash).toBe(before);
    nextWindow();
    expect((await new Client(t.url).login(username, u.password)).status).toBe(200);
  });

  it('ends the user’s other sessions and their sockets; the session that changed it stays', async () => {
    nextWindow();
    const u = await newUser(t, admin, 'operator');
    const username = (await u.client.request('GET', '/api/auth/session')).body.user.username as string;
    const other = new Client(t.url);
    expect((await other.login(username, u.password)).status).toBe(200);
    const mine = adminSocket(t, u.client);
    const theirs = adminSocket(t, other);
    const reasons: string[] = [];
    theirs.socket.on('disconnect', (r) => reasons.push(r));
    await until(() => mine.socket.connected && theirs.socket.connected);

    const next = strongPassword();
    const r = await u.client.request('POST', '/api/auth/password', {
      currentPassword: u.password,
      newPassword: next,
    });
    expect(r.status).toBe(200);
    await until(() => reasons.length > 0);
    const ended = theirs.events
      .filter((e) => e.name === 'session:ended')
      .map((e) => e.payload as SessionEnded);
    expect(ended.map((e) => e.code)).toEqual(['password_changed']);
    expect(ended[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(reasons).toEqual(['io server disconnect']);
    expect((await other.request('GET', '/api/auth/session')).status).toBe(401);

    await new Promise((res) => setTimeout(res, 100));
    expect(mine.socket.connected).toBe(true);
    expect(mine.events.filter((e) => e.name === 'session:ended')).toEqual([]);
    expect((await u.client.request('GET', '/api/auth/session')).status).toBe(200);
    expect((await new Client(t.url).login(username, next)).status).toBe(200);
    mine.socket.close();
  });
});

describe('a user who must still change their password', () => {
  it('gets no /admin socket until the password is changed', async () => {
    nextWindow();
    const created = await admin.request('POST', '/api/users', {
      username: 'mustchange',
      displayName: '须改密用户',
      role: 'operator',
    });
    expect(created.status).toBe(201);
    const c = new Client(t.url);
    expect((await c.login('mustchange', created.body.temporaryPassword)).status).toBe(200);

    const refused = adminSocket(t, c);
    const error = await new Promise<Error>((res) => refused.socket.once('connect_error', res));
    expect(error.message).toBe('password_change_required');
    await new Promise((res) => setTimeout(res, 100));
    expect(refused.socket.connected).toBe(false);
    expect(refused.events).toEqual([]);
    refused.socket.close();

    const changed = await c.request('POST', '/api/auth/password', {
      currentPassword: created.body.temporaryPassword,
      newPassword: strongPassword(),
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    const admitted = adminSocket(t, c);
    await until(() => admitted.socket.connected);
    admitted.socket.close();
  });
});
