import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, startTestServer, type TestServer } from '../../test/harness.js';

function expectSecurityHeaders(h: Headers | Record<string, string | string[] | undefined>, what: string) {
  const get = (k: string) => (h instanceof Headers ? h.get(k) : (h[k] as string | undefined)) ?? null;
  expect(get('x-content-type-options'), what).toBe('nosniff');
  expect(get('x-frame-options'), what).toBe('DENY');
  expect(get('referrer-policy'), what).toBe('no-referrer');
  expect(get('cross-origin-opener-policy'), what).toBe('same-origin');
  const csp = get('content-security-policy');
  expect(csp, what).toContain("frame-ancestors 'none'");
  return csp!;
}

/** connect-src as a list of sources. */
const connectSrc = (csp: string) =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === 'connect-src')!
    .slice(1);

describe('security headers on every reply, errors included', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ maxJsonBytes: 2048, loginMaxFailures: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('401, 403, 400, 413, 429, 404 and 200 all carry them; no HSTS over plain HTTP', async () => {
    const anon = new Client(t.url);
    const op = await loginAs(t, 'operator');
    const replies: [string, number, Promise<{ status: number; headers: Headers; body: any }>][] = [
      ['no session', 401, anon.request('GET', '/api/auth/session')],
      [
        'write without CSRF token',
        403,
        op.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'x' }),
      ],
      ['role may not', 403, op.request('GET', '/api/users')],
      [
        'malformed JSON',
        400,
        anon.request('POST', '/api/auth/login', '{"username":', { 'content-type': 'application/json' }),
      ],
      ['invalid input', 400, anon.request('POST', '/api/auth/login', { username: 1 })],
      [
        'body too large',
        413,
        anon.request('POST', '/api/auth/login', { username: 'a', password: 'x'.repeat(4096) }),
      ],
      ['unknown path', 404, anon.request('GET', '/api/no-such-thing')],
      ['health', 200, anon.request('GET', '/api/health')],
    ];
    for (const [what, status, p] of replies) {
      const r = await p;
      expect(r.status, what).toBe(status);
      const csp = expectSecurityHeaders(r.headers, what);
      expect(r.headers.get('strict-transport-security'), what).toBeNull();
      expect(connectSrc(csp), what).toEqual(["'self'", `ws://${new URL(t.url).host}`]);
    }
    // 429: the login limit, answered before any password check.
    for (let i = 0; i < 2; i++) await anon.login('nobody', 'wrong-password');
    const limited = await anon.login('nobody', 'wrong-password');
    expect(limited.status).toBe(429);
    expectSecurityHeaders(limited.headers, '429');
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('connect-src names no other WebSocket host: a bare ws: or wss: is gone', async () => {
    const r = await new Client(t.url).request('GET', '/api/health');
    const src = connectSrc(r.headers.get('content-security-policy')!);
    expect(src).not.toContain('ws:');
    expect(src).not.toContain('wss:');
    // A Host with characters no host has is not echoed into the policy.
    const csp = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        `${t.url}/api/health`,
        { headers: { host: "evil.example; script-src 'unsafe-inline'" } },
        (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(connectSrc(csp)).toEqual(["'self'"]);
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('evil');
  });
});

describe('with HALLCAST_PUBLIC_URL', () => {
  it('connect-src allows the public URL’s socket origin', async () => {
    const t = await startTestServer({ publicUrl: 'https://hall.example.gov.cn:8443/' });
    try {
      const r = await new Client(t.url).request('GET', '/api/auth/session');
      expect(r.status).toBe(401);
      expect(connectSrc(expectSecurityHeaders(r.headers, 'public url'))).toEqual([
        "'self'",
        'wss://hall.example.gov.cn:8443',
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('under TLS', () => {
  let t: TestServer;
  let certDir: string;
  beforeAll(async () => {
    certDir = mkdtempSync(join(tmpdir(), 'hallcast-tls-'));
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
        '-keyout',
        join(certDir, 'key.pem'),
        '-out',
        join(certDir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    );
    t = await startTestServer({
      tlsCert: join(certDir, 'cert.pem'),
      tlsKey: join(certDir, 'key.pem'),
      hstsMaxAgeS: 3600,
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  const get = (path: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
      (resolve, reject) => {
        const req = httpsRequest(`${t.url}${path}`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('sends HSTS on successes and errors, and limits sockets to wss', async () => {
    expect(t.url.startsWith('https://')).toBe(true);
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/auth/session', 401],
      ['/api/no-such-thing', 404],
    ] as const) {
      const r = await get(path);
      expect(r.status, path).toBe(status);
      expect(r.headers['strict-transport-security'], path).toBe('max-age=3600');
      const csp = expectSecurityHeaders(r.headers, path);
      expect(connectSrc(csp)).toEqual(["'self'", `wss://${new URL(t.url).host}`]);
    }
  });
});
