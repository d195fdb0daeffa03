import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath, type RouteTable } from '../../../core/protocol/openapi.js';
import { Role } from '../../../core/protocol/rest.js';
import { isRaw, NoContent, type RouteSpec } from '../../../core/protocol/route.js';
import { api } from '../../../core/protocol/routes/index.js';
import { Client, loginAs, pairScreen, startTestServer, type TestServer } from '../../test/harness.js';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
const esc = (k: string) => k.replaceAll('~', '~0').replaceAll('/', '~1');
const routes = Object.values(api as unknown as RouteTable).flatMap((g) => Object.values(g));
const json = (r: RouteSpec) => !isRaw(r.response) && r.response !== NoContent;

let t: TestServer;
let doc: Doc;
let ajv: Ajv2020;
const clients = new Map<string, Client>();
/** Every answer checked against the document, as `METHOD path status`. */
const checked: string[] = [];
const mismatches: string[] = [];

/** The answer's schema in the document: its status's, else the error body (`default`). */
function validatorOf(r: RouteSpec, status: number): ValidateFunction | undefined {
  const at = `openapi.json#/paths/${esc(openApiPath(r.path))}/${r.method}/responses`;
  const own = doc.paths[openApiPath(r.path)]![r.method]!.responses[String(status)];
  const pointer = own
    ? `${at}/${status}/content/application~1json/schema`
    : '#/components/responses/Error/content/application~1json/schema';
  return ajv.getSchema(own ? pointer : `openapi.json${pointer}`);
}

/** Validates one real answer against the document; a JSON answer with no schema is a mismatch too. */
function check(r: RouteSpec, res: { status: number; body: unknown }) {
  if (res.status === 204) return;
  const validate = validatorOf(r, res.status);
  const name = `${r.method.toUpperCase()} ${r.path} ${res.status}`;
  checked.push(name);
  if (!validate) return void mismatches.push(`${name}: no schema`);
  if (!validate(res.body)) mismatches.push(`${name}: ${ajv.errorsText(validate.errors)}`);
}

/** The first row of the list a parameter names (`/api/batches` for `/api/batches/:id`). */
async function firstId(c: Client, path: string): Promise<string | undefined> {
  const parent = path.startsWith('/api/preview')
    ? '/api/screens'
    : path.startsWith('/api/reports/list-display')
      ? '/api/batches'
      : path.split('/:')[0]!;
  const body = (await c.request('GET', parent)).body as unknown;
  const rows = Array.isArray(body) ? body : Object.values(body ?? {}).find(Array.isArray);
  const row = (rows as Record<string, string>[] | undefined)?.[0];
  return row?.id ?? row?.hash ?? row?.changeId;
}

/** A query a route cannot do without. */
const QUERIES: Record<string, string> = {
  '/api/reports/proof-of-play': '?from=2026-01-01&to=2026-01-31',
  '/api/preview/:screenId': '?at=1780000000000',
};

/** A signed-in client that may call the route (the first role not refused). */
async function callAs(path: string) {
  for (const role of Role.options) {
    const res = await clients.get(role)!.request('GET', path);
    if (res.status !== 403) return res;
  }
  throw new Error(`every role refused ${path}`);
}

beforeAll(async () => {
  t = await startTestServer();
  for (const role of Role.options) clients.set(role, await loginAs(t, role));
  doc = (await clients.get('auditor')!.request('GET', '/api/openapi.json')).body as Doc;
  ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema(doc, 'openapi.json');
});
afterAll(async () => {
  await t.close();
});

describe('the OpenAPI document served at /api/openapi.json', () => {
  it('needs a session, and names every route of the table', async () => {
    expect((await new Client(t.url).request('GET', '/api/openapi.json')).status).toBe(401);
    for (const r of routes)
      expect(doc.paths[openApiPath(r.path)]?.[r.method], `${r.method} ${r.path}`).toBeDefined();
    expect(t.hc.routes.table.length).toBe(routes.length);
  });

  it('describes the real answers of the JSON routes: every list and detail, the errors, writes', async () => {
    await pairScreen(t, '文档检查屏');
    for (const r of routes.filter((r) => r.method === 'get' && json(r) && r.access !== 'player')) {
      // Refused without a session: the error body (public routes answer as they are).
      check(r, await new Client(t.url).request('GET', r.path.replace(/:(\w+)/g, 'x')));
      let path = r.path;
      for (const name of r.path.match(/:\w+/g) ?? []) {
        const id = await firstId(clients.get('sysadmin')!, r.path);
        path = path.replace(name, id ?? 'missing');
      }
      check(r, await callAs(path + (QUERIES[r.path] ?? '')));
    }
    const { halls } = api;
    const admin = clients.get('sysadmin')!;
    const { id: _, createdAt: __, ...hall } = (await admin.request('GET', '/api/halls')).body[0];
    check(halls.create, await admin.request('POST', '/api/halls', { ...hall, name: '' }));
    const created = await admin.request('POST', '/api/halls', { ...hall, name: '文档检查大厅' });
    expect(created.status).toBe(201);
    check(halls.create, created);
    const renamed = { ...hall, name: '文档检查大厅二' };
    check(halls.update, await admin.request('PUT', `/api/halls/${created.body.id}`, renamed));
    check(
      api.auth.login,
      await new Client(t.url).request('POST', '/api/auth/login', { username: 'x', password: 'y' }),
    );
    expect(mismatches).toEqual([]);
    if (process.env.DEBUG_DOC) console.log(checked.join('\n'));
    expect(checked.length).toBeGreaterThan(80);
  });

  it('describes the player routes and the credit platform key route as they answer', async () => {
    const { token } = await pairScreen(t, '文档检查屏二');
    const device = { authorization: `Bearer ${token}` };
    const player = new Client(t.url);
    check(api.player.manifest, await player.request('GET', '/api/player/manifest', undefined, device));
    check(api.player.manifest, await player.request('GET', '/api/player/manifest'));
    const key = await clients
      .get('secadmin')!
      .request('POST', '/api/api-keys', { name: '文档检查', scopes: ['withdraw'] });
    check(api.apiKeys.create, key);
    const platform = new Client(t.url);
    const withdraw = {
      code: '91350100M000100Y5X',
      reason: 'repair',
      docNo: '文档检查第1号',
      note: '文档检查',
    };
    check(api.platform.withdrawals, await platform.request('POST', '/api/platform/withdrawals', withdraw));
    check(
      api.platform.withdrawals,
      await platform.request('POST', '/api/platform/withdrawals', withdraw, {
        authorization: `Bearer ${key.body.secret}`,
      }),
    );
    expect(mismatches).toEqual([]);
  });
});

describe('the API reference page at /api/docs', () => {
  it("is a page of this server that loads only this server's script, under the CSP", async () => {
    const page = await fetch(`${t.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('src="/api/docs/standalone.js"');
    // The zod inside the bundle is told not to probe for eval, which the CSP refuses (see apiDocs.ts).
    expect(html.indexOf('/api/docs/setup.js')).toBeLessThan(html.indexOf('/api/docs/standalone.js'));
    expect(await (await fetch(`${t.url}/api/docs/setup.js`)).text()).toContain('jitless: true');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${t.url}/api/docs/standalone.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    const etag = script.headers.get('etag');
    expect(etag).toBeTruthy();
    await script.arrayBuffer();
    const again = await fetch(`${t.url}/api/docs/standalone.js`, {
      // fetch adds Cache-Control: no-cache to a conditional request unless told otherwise; a browser revalidates with max-age=0.
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${t.url}/api/docs/style.css`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/docs/..%2Fpackage.json`)).status).toBe(404);
  });
});
