import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, Role as Roles } from '../../core/protocol/rest.js';
import { type Client, loginAs, startTestServer, type TestServer } from '../test/harness.js';

/**
 * Who may call each guarded route, written out by hand: the separated administrators of GB/T
 * 22239-2019 8.1.4.2 d and 8.1.5 and the four-eyes split of list and campaign work. Deliberately
 * not read from PERMISSIONS: a change there that grants a power must change this table too.
 */
const ALL = Roles.options;
const ALLOWED: Record<string, readonly Role[]> = {
  'GET /api/openapi.json': ALL,
  'GET /api/users': ['sysadmin', 'secadmin'],
  'GET /api/users/names': ALL,
  'POST /api/users': ['sysadmin'],
  'PATCH /api/users/:id': ['sysadmin'],
  'PUT /api/users/:id/role': ['secadmin'],
  'POST /api/users/:id/reset-password': ['secadmin'],
  'POST /api/users/:id/unlock': ['secadmin'],
  'GET /api/halls': ALL,
  'POST /api/halls': ['sysadmin'],
  'PUT /api/halls/:id': ['sysadmin'],
  'DELETE /api/halls/:id': ['sysadmin'],
  'GET /api/groups': ALL,
  'POST /api/groups': ['sysadmin'],
  'PUT /api/groups/:id': ['sysadmin'],
  'DELETE /api/groups/:id': ['sysadmin'],
  'PUT /api/groups/:id/default-playlist': ['publicity'],
  'GET /api/screens': ALL,
  'POST /api/screens/claim': ['sysadmin', 'operator'],
  'PATCH /api/screens/:id': ['sysadmin', 'operator'],
  'POST /api/screens/:id/revoke': ['sysadmin', 'operator'],
  'GET /api/screens/:id/mirror': ALL,
  'GET /api/screens/:id/commands': ALL,
  'POST /api/screens/:id/commands': ['sysadmin', 'operator'],
  'GET /api/screens/:id/snapshot': ALL,
  'GET /api/player/boot-reports': ALL,
  'GET /api/items': ALL,
  'POST /api/items': ['publicity'],
  'PUT /api/items/:id': ['publicity'],
  'DELETE /api/items/:id': ['publicity'],
  'GET /api/playlists': ALL,
  'GET /api/playlists/:id': ALL,
  'POST /api/playlists': ['publicity'],
  'PUT /api/playlists/:id': ['publicity'],
  'DELETE /api/playlists/:id': ['publicity'],
  'GET /api/media': ALL,
  'GET /api/media/:hash': ALL,
  'POST /api/media': ['publicity'],
  'DELETE /api/media/:hash': ['publicity'],
  'GET /api/campaigns': ALL,
  'GET /api/campaigns/:id': ALL,
  'POST /api/campaigns': ['publicity'],
  'PUT /api/campaigns/:id': ['publicity'],
  'DELETE /api/campaigns/:id': ['publicity'],
  'POST /api/campaigns/:id/submit': ['publicity'],
  'POST /api/campaigns/:id/approve': ['reviewer'],
  'POST /api/campaigns/:id/reject': ['reviewer'],
  'POST /api/campaigns/:id/withdraw': ['publicity'],
  'GET /api/emergencies': ALL,
  'POST /api/emergencies': ['reviewer', 'publicity'],
  'POST /api/emergencies/:id/revert': ['reviewer', 'publicity'],
  'GET /api/preview/:screenId': ALL,
  'GET /api/dashboard': ALL,
  'GET /api/changes': ALL,
  'GET /api/changes/:id': ALL,
  'GET /api/alerts': ALL,
  'POST /api/alerts/:id/acknowledge': ['sysadmin', 'operator'],
  'GET /api/reports/uptime': ALL,
  'GET /api/reports/plays-per-day': ALL,
  'GET /api/reports/proof-of-play': ALL,
  'GET /api/reports/proof-of-play/export': ALL,
  'GET /api/reports/list-display/:batchId': ALL,
  'GET /api/reports/list-display/:batchId/export': ALL,
  'GET /api/units': ALL,
  'POST /api/units': ['sysadmin'],
  'GET /api/categories': ALL,
  'POST /api/categories': ['sysadmin'],
  'PUT /api/categories/:id': ['sysadmin'],
  'GET /api/imports/template': ALL,
  'POST /api/imports': ['list-editor'],
  'GET /api/imports': ['list-editor'],
  'GET /api/imports/:id/rows': ['list-editor'],
  'POST /api/imports/:id/confirm': ['list-editor'],
  'DELETE /api/imports/:id': ['list-editor'],
  'GET /api/batches': ALL,
  'GET /api/batches/:id': ALL,
  'GET /api/batches/:id/entries': ALL,
  'PATCH /api/batches/:id/entries/:entryId': ['list-editor'],
  'DELETE /api/batches/:id': ['list-editor'],
  'POST /api/batches/:id/submit': ['list-editor'],
  'POST /api/batches/:id/approve': ['reviewer'],
  'POST /api/batches/:id/reject': ['reviewer'],
  'POST /api/batches/:id/publish': ['reviewer'],
  'GET /api/entries': ALL,
  'POST /api/entries/withdraw-by-code': ['list-editor'],
  'POST /api/entries/:id/accept-anomaly': ['reviewer'],
  'POST /api/entries/:id/withdraw': ['list-editor'],
  'POST /api/entries/:id/correct': ['list-editor'],
  'POST /api/entries/:id/objection': ['list-editor'],
  'GET /api/takedowns': ALL,
  'GET /api/takedowns/:id': ALL,
  'GET /api/calendar': ALL,
  'PUT /api/calendar/:year': ['list-editor'],
  'GET /api/exports/lists.xlsx': ALL,
  'GET /api/exports/lists.html': ALL,
  'GET /api/api-keys': ['secadmin'],
  'POST /api/api-keys': ['secadmin'],
  'DELETE /api/api-keys/:id': ['secadmin'],
  'GET /api/audit': ALL,
  'GET /api/audit/export': ['auditor'],
  'GET /api/audit/verify': ['auditor'],
  'GET /api/auth/session': ALL,
  'POST /api/auth/password': ALL,
  'POST /api/auth/logout': ALL,
};

const ADMINS: Role[] = ['sysadmin', 'secadmin', 'auditor'];
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The list and campaign work: importing, editing, reviewing, publishing, withdrawing, campaigns. */
const CONTENT =
  /^\/api\/(imports|batches|entries|campaigns|items|playlists|media|emergencies|calendar)\b|\/default-playlist$/;

let t: TestServer;
const clients = new Map<Role, Client>();
beforeAll(async () => {
  t = await startTestServer();
  for (const role of ALL) clients.set(role, await loginAs(t, role));
});
afterAll(async () => {
  await t.close();
});

const sample = (path: string) => path.replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000');

describe('the role table, hard-coded', () => {
  it('names every guarded route the server registers, and no other', () => {
    const guarded = t.hc.routes.table
      .filter((r) => r.access !== 'public' && r.access !== 'player')
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(guarded.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('no administrator edits, reviews or publishes lists or campaigns; the audit administrator writes nothing', () => {
    for (const [route, roles] of Object.entries(ALLOWED)) {
      const [method, path] = route.split(' ') as [string, string];
      if (WRITE.has(method) && CONTENT.test(path))
        for (const admin of ADMINS) expect(roles, `${route} for ${admin}`).not.toContain(admin);
      if (WRITE.has(method) && !path.startsWith('/api/auth/')) expect(roles, route).not.toContain('auditor');
    }
    // Nobody both changes list content and reviews it.
    for (const role of ALL) {
      const edits = ALLOWED['PATCH /api/batches/:id/entries/:entryId']!.includes(role);
      const reviews = ALLOWED['POST /api/batches/:id/approve']!.includes(role);
      expect(edits && reviews, role).toBe(false);
    }
  });

  it('the server refuses every role the table does not name, on every guarded route', async () => {
    // Sign-out ends the walking session: it goes last.
    const routes = Object.entries(ALLOWED).sort(
      ([a], [b]) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')),
    );
    for (const [route, roles] of routes) {
      const [method, path] = route.split(' ') as [string, string];
      for (const role of ALL) {
        const r = await clients.get(role)!.request(method, sample(path), method === 'GET' ? undefined : {});
        if (roles.includes(role)) expect([401, 403], `${route} as ${role}`).not.toContain(r.status);
        else {
          expect(r.status, `${route} as ${role}`).toBe(403);
          expect(r.body.error.code, `${route} as ${role}`).toBe('forbidden');
        }
      }
    }
  });
});
