/**
 * The role x route matrix and the CSRF walk, generated from the server's route table: every
 * route, every role and no session; refused writes change nothing. A route registered on the
 * router without going through the table fails the completeness check, so the walk cannot
 * fall behind the routes.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, can, Role } from '../core/protocol/rest.js';
import type { RouteInfo } from '../server/http/routeBuilder.js';
import { Client, loginAs, pairScreen, startTestServer, type TestServer } from '../server/test/harness.js';
import { seeded } from './seed.js';

let t: TestServer;
const clients = new Map<string, Client>();
let device = '';
const rng = seeded('access');
const ZERO = '00000000-0000-0000-0000-000000000000';
/** Sessions and login failures move on every request by design; everything else must not. */
const MOVING = new Set(['sessions', 'login_failures', 'sqlite_sequence']);

const tables = () =>
  (
    t.hc.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

/** A digest of every row of every table but the moving ones. */
function fingerprint(): string {
  const h = createHash('sha256');
  for (const name of tables().sort()) {
    if (MOVING.has(name)) continue;
    // Rows sorted by their text: WITHOUT ROWID tables (batch_authors …) have no rowid to order by.
    const rows = t.hc.db.prepare(`SELECT * FROM "${name}"`).all();
    for (const text of rows.map((row) => JSON.stringify(row)).sort()) h.update(text);
  }
  return h.digest('hex');
}

/**
 * A real id for each path parameter, found by name: `/api/screens/:id` takes a screen's id,
 * `:batchId` a batch's; a parameter with no table of its name gets a well-formed unknown id.
 */
function realPath(path: string): string {
  const names = tables();
  const segs = path.split('/');
  return segs
    .map((seg, i) => {
      if (!seg.startsWith(':')) return seg.replace('{*rest}', 'x');
      const param = seg.slice(1);
      if (param === 'year') return '2026';
      const resource = (param.endsWith('Id') ? `${param.slice(0, -2)}s` : segs[i - 1]!).replace(/-/g, '_');
      const table = names.find((n) => n === resource || n.endsWith(`_${resource}`));
      if (!table) return ZERO;
      const cols = t.hc.db.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        pk: number;
      }[];
      const key = cols.find((c) => c.pk === 1)?.name ?? 'id';
      const rows = t.hc.db.prepare(`SELECT "${key}" AS k FROM "${table}"`).all() as { k: string }[];
      return rows.length > 0 ? String(rows[rng.int(rows.length)]!.k) : ZERO;
    })
    .join('/');
}
const unknownPath = (path: string) => path.replace(/:(\w+)/g, ZERO).replace('{*rest}', 'x');

const guarded = () => t.hc.routes.table.filter((r) => r.access !== 'public' && r.access !== 'player');
const allowed = (role: string, r: RouteInfo) =>
  r.access === 'session' || can(role as Role, r.access as Action);
const isWrite = (r: RouteInfo) => r.method !== 'get';

beforeAll(async () => {
  t = await startTestServer();
  for (const role of Role.options) clients.set(role, await loginAs(t, role));
  device = (await pairScreen(t, '访问测试屏')).token;
  // Pairing signs in an operator of its own; the walk starts from here.
});

afterAll(async () => {
  await t?.close();
});

describe('route table walk', () => {
  it('covers every route the router serves (nothing registered outside the table)', () => {
    const table = new Set(t.hc.routes.table.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    const served = t.hc.routes.router.stack.flatMap((layer) =>
      layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${layer.path}`),
    );
    expect(served.length).toBeGreaterThan(50);
    expect(served.filter((s) => !table.has(s))).toEqual([]);
    expect(new Set(served).size).toBe(table.size);
  });

  it('every guarded route x every role and no session: 401, 403 or through, as the table says; refusals change nothing', async () => {
    const routes = guarded();
    let requests = 0;
    for (const route of routes) {
      const method = route.method.toUpperCase();
      const body = method === 'GET' ? undefined : {};
      const before = fingerprint();
      const real = realPath(route.path);
      const anon = await new Client(t.url).request(method, real, body);
      expect(anon.status, `${method} ${real} without a session`).toBe(401);
      const asDevice = await new Client(t.url).request(method, real, body, {
        authorization: `Bearer ${device}`,
      });
      expect(asDevice.status, `${method} ${real} with a device token`).toBe(401);
      requests += 2;
      for (const role of Role.options) {
        if (allowed(role, route)) continue;
        const r = await clients.get(role)!.request(method, real, body);
        expect(r.status, `${method} ${real} as ${role}`).toBe(403);
        requests++;
      }
      expect(fingerprint(), `${method} ${route.path}: a refused request changed data`).toBe(before);
    }
    // Allowed roles get through the guard (any answer but 401/403), on unknown ids so nothing
    // real is deleted; logout ends the walking session, so it goes last.
    const order = [...routes].sort(
      (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
    );
    for (const route of order) {
      const method = route.method.toUpperCase();
      for (const role of Role.options) {
        if (!allowed(role, route)) continue;
        const r = await clients
          .get(role)!
          .request(method, unknownPath(route.path), method === 'GET' ? undefined : {});
        expect([401, 403], `${method} ${route.path} as ${role}: ${JSON.stringify(r.body)}`).not.toContain(
          r.status,
        );
        requests++;
      }
    }
    console.log(
      `access walk: seed ${rng.seed}, ${routes.length} guarded routes x ${Role.options.length} roles + anonymous + device token, ${requests} requests`,
    );
    for (const role of Role.options) clients.set(role, await loginAs(t, role));
  });

  it('player routes refuse a missing or unknown device token, and an admin session', async () => {
    const admin = await loginAs(t, 'sysadmin');
    for (const route of t.hc.routes.table.filter((r) => r.access === 'player')) {
      const method = route.method.toUpperCase();
      const path = unknownPath(route.path);
      const bad = await new Client(t.url).request(method, path, undefined, {
        authorization: `Bearer ${'b'.repeat(64)}`,
      });
      expect(bad.status, `${method} ${route.path} with an unknown token`).toBe(401);
      const none = await new Client(t.url).request(method, path);
      expect(none.status, `${method} ${route.path} without a token`).toBe(401);
      const session = await admin.request(method, path);
      expect(session.status, `${method} ${route.path} with an admin session`).toBe(401);
    }
  });

  it('public routes answer without a session (no 401/403); those with a credential of their own refuse without it', async () => {
    const open = t.hc.routes.table.filter(
      (r) => r.access === 'public' && !r.credential && r.method === 'get',
    );
    for (const route of open) {
      const r = await new Client(t.url).request('GET', unknownPath(route.path));
      expect([401, 403], `GET ${route.path}`).not.toContain(r.status);
    }
    const own = t.hc.routes.table.filter((r) => r.access === 'public' && r.credential);
    expect(own.map((r) => r.path).sort()).toEqual(['/api/platform/withdrawals', '/metrics']);
    for (const route of own) {
      const method = route.method.toUpperCase();
      // A body its schema accepts, so that only the missing credential can refuse it.
      const body =
        method === 'GET'
          ? undefined
          : { code: '91231100MA1B2C3D4E', kind: 'repair', reason: '信用修复', docNo: 'X-1' };
      const r = await new Client(t.url).request(method, unknownPath(route.path), body);
      expect(r.status, `${route.method} ${route.path} ${JSON.stringify(r.body)}`).toBe(401);
    }
  });
});

describe('CSRF walk', () => {
  it('every session write route without the CSRF token, or with another session’s, answers 403 csrf_failed and changes nothing', async () => {
    const writes = guarded().filter(isWrite);
    expect(writes.length).toBeGreaterThan(30);
    const other = await loginAs(t, 'sysadmin');
    let requests = 0;
    for (const route of writes) {
      const method = route.method.toUpperCase();
      const role = Role.options.find((r) => allowed(r, route))!;
      const c = clients.get(role)!;
      const real = realPath(route.path);
      const before = fingerprint();
      for (const token of ['', 'x'.repeat(48), other.csrf]) {
        const res = await fetch(`${t.url}${real}`, {
          method,
          headers: {
            cookie: c.cookie,
            'content-type': 'application/json',
            ...(token ? { 'x-csrf-token': token } : {}),
          },
          body: '{}',
        });
        const body = (await res.json()) as { error?: { code: string } };
        expect(res.status, `${method} ${real} as ${role}, token "${token.slice(0, 6)}"`).toBe(403);
        expect(body.error?.code).toBe('csrf_failed');
        requests++;
      }
      expect(fingerprint(), `${method} ${route.path} without CSRF changed data`).toBe(before);
    }
    // The session still works: a refused write does not end it.
    expect((await clients.get('sysadmin')!.request('GET', '/api/auth/session')).status).toBe(200);
    console.log(`CSRF walk: ${writes.length} write routes, ${requests} requests refused, data unchanged`);
  });
});
