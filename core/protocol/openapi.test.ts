import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_KEY_ROUTES, openApiDocument, openApiPath, type RouteTable } from './openapi.js';
import { isRaw, NoContent, route } from './route.js';
import { api } from './routes/index.js';

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: {
    content: Record<string, { schema: { type?: string; properties?: object; required?: string[] } }>;
  };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
};
type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object>; securitySchemes: Record<string, Record<string, string>> };
};

const table = api as unknown as RouteTable;
const doc = openApiDocument('1.2.3') as Doc;
const routes = Object.entries(table).flatMap(([group, rs]) =>
  Object.entries(rs).map(([name, r]) => ({ id: `${group}.${name}`, group, r })),
);
const opOf = (r: { path: string; method: string }) => doc.paths[openApiPath(r.path)]![r.method]!;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route of the table once, under its OpenAPI path and method', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.version).toBe('1.2.3');
    const ops = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod));
    expect(ops.map((o) => o.operationId).sort()).toEqual(routes.map((x) => x.id).sort());
    for (const { id, r } of routes) expect(opOf(r).operationId, `${r.method} ${r.path}`).toBe(id);
  });

  it('names path parameters, query parameters, bodies and answers as the server parses them', () => {
    const search = doc.paths['/api/entries']!.get!;
    expect(search.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['query:q', 'query:status', 'query:listType', 'query:offset', 'query:limit']),
    );
    const edit = doc.paths['/api/batches/{id}/entries/{entryId}']!.patch!;
    expect(edit.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['id', 'entryId']);
    expect(edit.requestBody?.content['application/json']?.schema.properties).toHaveProperty('docNo');
    expect(doc.paths['/admin/{rest}']!.get!.parameters.map((p) => p.name)).toEqual(['rest']);
    for (const { r } of routes) {
      const op = opOf(r);
      for (const name of op.parameters.filter((p) => p.in === 'path').map((p) => p.name))
        expect(openApiPath(r.path)).toContain(`{${name}}`);
      expect(Boolean(op.requestBody), `${r.method} ${r.path} body`).toBe(Boolean(r.body));
      const status = String(r.response === NoContent ? 204 : (r.status ?? 200));
      expect(op.responses[status], `${r.method} ${r.path} ${status}`).toBeDefined();
      if (!isRaw(r.response) && r.response !== NoContent)
        expect(op.responses[status]!.content?.['application/json']?.schema).toBeTruthy();
    }
  });

  it('writes requests as input (defaults may be left out) and answers as output', () => {
    const page = doc.paths['/api/takedowns']!.get!.parameters;
    expect(page.find((p) => p.name === 'limit')).toMatchObject({ required: false, schema: { default: 50 } });
    const shape = z.object({ n: z.number().default(1) });
    const t = {
      g: {
        r: route({
          method: 'post',
          path: '/x',
          access: 'public',
          summary: 'x',
          body: shape,
          response: shape,
        }),
      },
    };
    const op = (openApiDocument('1', t) as Doc).paths['/x']!.post!;
    expect(op.requestBody!.content['application/json']!.schema.required ?? []).not.toContain('n');
    expect(op.responses['200']!.content!['application/json']!.schema).toMatchObject({ required: ['n'] });
  });

  it('refuses a schema JSON Schema cannot say, rather than writing {}', () => {
    const at = (response: z.ZodType) => ({
      g: { r: route({ method: 'get', path: '/x', access: 'public', summary: 'x', response }) },
    });
    expect(() => openApiDocument('1', at(z.object({ at: z.date() })))).toThrow();
    expect(() => openApiDocument('1', at(z.string().transform((s) => s.length)))).toThrow();
    expect(() => openApiDocument('1', at(z.object({ big: z.bigint() })))).toThrow();
  });

  it('names the security of every route: API key, device token, session and CSRF on writes, or none', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes.platformApiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'hc_session' });
    expect(schemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    for (const { id, group, r } of routes) {
      const security = opOf(r).security;
      if (group === 'platform') expect(API_KEY_ROUTES[id], `${id} needs its API key scope`).toBeTruthy();
      if (API_KEY_ROUTES[id]) expect(security).toEqual([{ platformApiKey: [API_KEY_ROUTES[id]] }]);
      else if (r.access === 'public') expect(security, id).toEqual([]);
      else if (r.access === 'player') expect(security, id).toEqual([{ deviceToken: [] }]);
      else if (r.method === 'get') expect(security, id).toEqual([{ session: [] }]);
      else expect(security, id).toEqual([{ session: [], csrf: [] }]);
    }
  });

  it('answers every failure with the one error body', () => {
    for (const { r } of routes)
      expect(opOf(r).responses.default).toEqual({ $ref: '#/components/responses/Error' });
  });

  it('holds only JSON Schema 2020-12 that compiles, with every $ref inside the document', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('#/$defs/');
    const ajv = addFormats(new Ajv2020({ strict: false }));
    ajv.addSchema(doc, 'openapi.json');
    for (const ref of new Set([...text.matchAll(/"\$ref":"#([^"]+)"/g)].map((m) => m[1]!)))
      expect(ajv.getSchema(`openapi.json#${ref}`), ref).toBeTruthy();
    // Every schema of every operation compiles where it stands, its $refs resolved from the root.
    const esc = (k: string) => k.replaceAll('~', '~0').replaceAll('/', '~1');
    for (const [path, byMethod] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(byMethod)) {
        const at = `openapi.json#/paths/${esc(path)}/${method}`;
        const pointers = [
          ...op.parameters.map((_p, i) => `${at}/parameters/${i}/schema`),
          ...Object.keys(op.requestBody?.content ?? {}).map(
            (t) => `${at}/requestBody/content/${esc(t)}/schema`,
          ),
          ...Object.entries(op.responses).flatMap(([status, res]) =>
            Object.keys(res.content ?? {}).map((t) => `${at}/responses/${status}/content/${esc(t)}/schema`),
          ),
        ];
        for (const pointer of pointers) expect(ajv.getSchema(pointer), pointer).toBeTruthy();
      }
  });
});
