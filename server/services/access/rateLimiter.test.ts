import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { Client, startTestServer, type TestServer } from '../../test/harness.js';

const clock = new ManualClock(Date.UTC(2026, 10, 27, 2, 0, 0));
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ loginMaxFailures: 5, loginWindowMs: 15 * 60_000 }, clock);
});
afterAll(async () => {
  await t.close();
});

describe('login rate limit', () => {
  it('answers 429 with Retry-After after 5 failures, even to the right password, until the window passes', async () => {
    const admin = t.hc.demoLogins!.find((l) => l.role === 'sysadmin')!;
    const c = new Client(t.url);
    for (let i = 0; i < 5; i++) expect((await c.login(admin.username, 'wrong-password')).status).toBe(401);
    const blocked = await c.login(admin.username, admin.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    clock.advance(15 * 60_000 + 1000);
    expect((await c.login(admin.username, admin.password)).status).toBe(200);
  });

  it('counts failures per IP across user names', async () => {
    const c = new Client(t.url);
    for (let i = 0; i < 5; i++) await c.login(`nobody${i}`, 'wrong-password');
    const operator = t.hc.demoLogins!.find((l) => l.role === 'operator')!;
    expect((await c.login(operator.username, operator.password)).status).toBe(429);
    clock.advance(16 * 60_000);
  });

  it('expires sessions after their time to live', async () => {
    const reviewer = t.hc.demoLogins!.find((l) => l.role === 'reviewer')!;
    const c = new Client(t.url);
    expect((await c.login(reviewer.username, reviewer.password)).status).toBe(200);
    expect((await c.request('GET', '/api/auth/session')).status).toBe(200);
    clock.advance(9 * 3_600_000);
    expect((await c.request('GET', '/api/auth/session')).status).toBe(401);
  });
});
