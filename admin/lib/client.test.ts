import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api as routes } from '../../core/protocol/routes/index.js';
import { ApiError } from './api.js';
import { call, hrefOf, routeKey } from './client.js';
import { startRealServer } from './realServer.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
beforeAll(async () => {
  server = await startRealServer();
  await server.signIn('sysadmin');
});
afterAll(() => server.close());

describe('call (typed by the route table, against the real server)', () => {
  it('reads, writes and deletes through routes, params filled in and encoded', async () => {
    const created = await call(routes.halls.create, {
      body: { name: '测试/大厅 #1', timezone: 'Asia/Shanghai', openingHours: [], repairWindowText: '' },
    });
    expect(created.name).toBe('测试/大厅 #1');
    const renamed = await call(routes.halls.update, {
      params: { id: created.id },
      body: { name: '测试大厅', timezone: 'Asia/Shanghai', openingHours: [], repairWindowText: '' },
    });
    expect(renamed.name).toBe('测试大厅');
    expect((await call(routes.halls.list)).map((h) => h.name)).toContain('测试大厅');
    await expect(call(routes.halls.remove, { params: { id: created.id } })).resolves.toBeUndefined();
    expect((await call(routes.halls.list)).map((h) => h.id)).not.toContain(created.id);
  });

  it('sends the query from the route and answers with its type', async () => {
    server.sent.length = 0;
    const page = await call(routes.audit.list, { query: { offset: 0, limit: 5 } });
    expect(page.records.length).toBeLessThanOrEqual(5);
    expect(server.sent.at(-1)).toEqual({ method: 'GET', path: '/api/audit?offset=0&limit=5' });
  });

  it('rejects with the server code and message, and the field issues of a bad body', async () => {
    const missing = await call(routes.halls.remove, { params: { id: 'no-such-hall' } }).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).status).toBe(404);
    expect((missing as ApiError).message).toMatch(/[\u4e00-\u9fa5]/);
    const bad = await call(routes.halls.create, {
      // @ts-expect-error a hall without a name does not compile; sent anyway, the server refuses it
      body: { timezone: 'Asia/Shanghai', openingHours: [], repairWindowText: '' },
    }).then(
      () => null,
      (e: unknown) => e as ApiError,
    );
    expect(bad?.code).toBe('invalid_input');
    expect(bad?.issues.map((i) => i.path)).toContain('name');
  });

  it('fetches a raw route as a Blob', async () => {
    const template = await call(routes.imports.template);
    expect(template.type).toMatch(/spreadsheetml/);
    expect(template.size).toBeGreaterThan(1000);
  });
});

describe('hrefOf and routeKey', () => {
  it('fill params encoded, drop empty query values, repeat arrays', () => {
    expect(
      hrefOf(routes.batches.editEntry, { params: { id: 'a/b', entryId: 'e 1' }, body: {} as never }),
    ).toBe('/api/batches/a%2Fb/entries/e%201');
    expect(hrefOf(routes.entries.search, { query: { q: '', offset: 20, limit: 20 } })).toBe(
      '/api/entries?offset=20&limit=20',
    );
  });
  it('key a read by route path, params and query, so one prefix invalidates them all', () => {
    expect(routeKey(routes.halls.list)).toEqual(['/api/halls', {}, {}]);
    expect(routeKey(routes.batches.get, { params: { id: 'b1' } })).toEqual([
      '/api/batches/:id',
      { id: 'b1' },
      {},
    ]);
  });
});
