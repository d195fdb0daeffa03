import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_HEADER } from '../../../core/protocol/rest.js';
import { ManualClock } from '../../clock.js';
import { Client, loginAs, startTestServer, type TestServer } from '../../test/harness.js';
import { newUser } from '../../test/userKit.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MAX = 5;
const WINDOW = 15 * MINUTE;
const clock = new ManualClock(Date.UTC(2026, 11, 1, 1, 0, 0));
let t: TestServer;

// The production limits, not the harness's long test defaults.
beforeAll(async () => {
  t = await startTestServer(
    {
      privilegedSessionIdleMs: 30 * MINUTE,
      sessionTtlMs: 8 * HOUR,
      sessionMaxAgeMs: 12 * HOUR,
      loginMaxFailures: MAX,
      loginWindowMs: WINDOW,
    },
    clock,
  );
});
afterAll(async () => {
  await t.close();
});

/** A request as the page sends it while the user has been away `idle` ms (a background refresh). */
const background = (c: Client, idle: number) =>
  c.request('GET', '/api/dashboard', undefined, { [IDLE_HEADER]: String(idle) });
/** A request the user made (they clicked just now). */
const active = (c: Client) => c.request('GET', '/api/dashboard', undefined, { [IDLE_HEADER]: '0' });

/** The audit records after `seq`, oldest first (read from the store: the IP may be locked out). */
function auditSince(seq: number) {
  return t.hc.stores.audit
    .page(100, 0)
    .filter((x) => x.seq > seq)
    .reverse()
    .map((x) => ({ ...x, summary: JSON.parse(x.summary) }));
}
const lastSeq = () => t.hc.stores.audit.last()?.seq ?? 0;

describe('idle sessions', () => {
  it('an administrator left alone is alive at 29 minutes and signed out at 30 minutes + 1 s, however often the page refreshes', async () => {
    const admin = await loginAs(t, 'sysadmin');
    const since = clock.now();
    // The page refreshes every 30 s; the user never touches it.
    while (clock.now() - since < 29 * MINUTE) {
      clock.advance(30_000);
      expect((await background(admin, clock.now() - since)).status).toBe(200);
    }
    clock.advance(MINUTE + 1000);
    const out = await background(admin, clock.now() - since);
    expect(out.status).toBe(401);
    expect(out.body.error).toEqual({
      code: 'session_expired',
      message: '长时间未操作，已自动退出登录，请重新登录',
    });
    // The session is gone: even a click does not bring it back.
    expect((await active(admin)).body.error.code).toBe('unauthenticated');
  });

  it('what the user does starts the idle time again; a request without the header counts as activity', async () => {
    const reviewer = await loginAs(t, 'reviewer');
    clock.advance(20 * MINUTE);
    expect((await active(reviewer)).status).toBe(200);
    const acted = clock.now();
    clock.advance(29 * MINUTE);
    expect((await background(reviewer, clock.now() - acted)).status).toBe(200);
    expect((await reviewer.request('GET', '/api/dashboard')).status).toBe(200);
    clock.advance(29 * MINUTE);
    expect((await background(reviewer, 29 * MINUTE)).status).toBe(200);
    clock.advance(MINUTE + 1000);
    expect((await background(reviewer, 30 * MINUTE + 1000)).body.error.code).toBe('session_expired');
  });

  it('a request cannot bring back a session that had gone idle', async () => {
    const admin = await loginAs(t, 'sysadmin');
    clock.advance(30 * MINUTE);
    expect((await active(admin)).body.error.code).toBe('session_expired');
  });

  it('the keep-alive the page sends while the user works without requests keeps the session', async () => {
    const admin = await loginAs(t, 'sysadmin');
    // Typing a long form for 40 minutes: the page tells the server each minute.
    for (let i = 0; i < 40; i++) {
      clock.advance(MINUTE);
      expect(
        (await admin.request('GET', '/api/auth/session', undefined, { [IDLE_HEADER]: '2000' })).status,
      ).toBe(200);
    }
    expect(
      (
        await admin.request(
          'POST',
          '/api/halls',
          { name: '新区政务服务中心', timezone: 'Asia/Shanghai', openingHours: [], repairWindowText: '' },
          { [IDLE_HEADER]: '0' },
        )
      ).status,
    ).toBe(201);
  });

  it('editors, publicity and operators keep the longer idle limit', async () => {
    const editor = await loginAs(t, 'list-editor');
    const since = clock.now();
    clock.advance(7 * HOUR + 59 * MINUTE);
    expect((await background(editor, clock.now() - since)).status).toBe(200);
    clock.advance(MINUTE + 1000);
    expect((await background(editor, clock.now() - since)).body.error.code).toBe('session_expired');
  });

  it('a malformed idle header counts as activity, never as a reason to fail', async () => {
    const operator = await loginAs(t, 'operator');
    for (const value of ['abc', '-5', '1e400', ''])
      expect(
        (await operator.request('GET', '/api/dashboard', undefined, { [IDLE_HEADER]: value })).status,
        value,
      ).toBe(200);
  });
});

describe('the absolute lifetime', () => {
  it('ends a session 12 hours after sign-in however active its user is', async () => {
    const operator = await loginAs(t, 'operator');
    const since = clock.now();
    while (clock.now() - since < 12 * HOUR - 20 * MINUTE) {
      clock.advance(20 * MINUTE);
      expect((await active(operator)).status).toBe(200);
    }
    clock.advance(12 * HOUR - (clock.now() - since) - 1000);
    expect((await active(operator)).status).toBe(200);
    clock.advance(1000);
    const out = await active(operator);
    expect(out.status).toBe(401);
    expect(out.body.error).toEqual({ code: 'session_expired', message: '登录已超过 12 小时，请重新登录' });
    // Signing in again gives a new session.
    expect((await loginAs(t, 'operator').then(active)).status).toBe(200);
  });
});

describe('sign-in records', () => {
  it('audits every failed sign-in with its source and why, and a lock once', async () => {
    clock.advance(WINDOW + 1000);
    const before = lastSeq();
    const demo = t.hc.demoLogins!.find((l) => l.role === 'publicity')!;
    const user = t.hc.stores.users.getByUsername(demo.username)!;
    const c = new Client(t.url);
    expect((await c.login(demo.username, 'not-the-password')).status).toBe(401);
    expect((await c.login('nobody-here', 'whatever')).status).toBe(401);
    // An ID number typed as a user name is masked in the record.
    expect((await c.login('110101199003077777', 'whatever')).status).toBe(401);
    for (let i = 0; i < 4; i++) await c.login(demo.username, `guess-${i}`);
    expect((await c.login(demo.username, demo.password)).status).toBe(429);
    const records = auditSince(before);
    const failed = records.filter((r) => r.action === 'login.failed');
    expect(failed.length).toBe(MAX);
    expect(failed[0]).toMatchObject({
      actor: null,
      target: user.id,
      summary: {
        username: demo.username,
        reason: 'wrong_password',
        ip: expect.stringContaining('127.0.0.1'),
      },
    });
    expect(failed[1]).toMatchObject({
      target: null,
      summary: { username: 'nobody-here', reason: 'unknown_user' },
    });
    expect(failed[2]!.summary.username).not.toContain('199003077777');
    // The IP reached the limit: one lock record however many attempts are refused.
    await c.login(demo.username, demo.password);
    const locks = auditSince(before).filter((r) => r.action === 'login.locked');
    expect(locks.length).toBe(1);
    expect(locks[0]!.summary).toMatchObject({ by: 'ip', ip: expect.stringContaining('127.0.0.1') });
  });

  it('tells the user after signing in when and from where they last did, and the failed attempts since', async () => {
    clock.advance(WINDOW + 1000);
    const admin = await loginAs(t, 'sysadmin');
    const { client, password } = await newUser(t, admin, 'list-editor');
    const username = t.hc.stores.users.list().at(-1)!.username;
    const first = t.hc.stores.users.getByUsername(username)!.lastLoginAt;
    await client.request('POST', '/api/auth/logout');
    clock.advance(3 * HOUR);
    const stranger = new Client(t.url);
    await stranger.login(username, 'wrong-1');
    await stranger.login(username, 'wrong-2');
    clock.advance(WINDOW + 1000);
    const again = new Client(t.url);
    const r = await again.login(username, password);
    expect(r.status).toBe(200);
    expect(r.body.notice).toEqual({
      previousAt: first,
      previousIp: expect.stringContaining('127.0.0.1'),
      failedSince: 2,
    });
    // Shown once: the next sign-in starts the count again.
    const next = await new Client(t.url).login(username, password);
    expect(next.body.notice).toMatchObject({ previousAt: clock.now(), failedSince: 0 });
    // The session answer carries no notice.
    expect((await again.request('GET', '/api/auth/session')).body.notice).toBeUndefined();
  });

  it('the first sign-in of a user has none before it', async () => {
    const admin = await loginAs(t, 'sysadmin');
    const created = await admin.request('POST', '/api/users', {
      username: 'firsttimer',
      displayName: '首次登录',
      role: 'operator',
    });
    const r = await new Client(t.url).login('firsttimer', created.body.temporaryPassword);
    expect(r.body.notice).toEqual({ previousAt: null, previousIp: null, failedSince: 0 });
  });
});
