import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.js';
import { isRaw, NoContent, type RouteSpec } from './route.js';
import { api } from './routes/index.js';

type Operation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { type?: string; properties?: object } }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};

describe('the OpenAPI document', () => {
  const doc = openApiDocument('1.2.3') as {
    openapi: string;
    info: { version: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const routes = Object.entries(api).flatMap(([group, rs]) =>
    Object.entries(rs as Record<string, RouteSpec>).map(([name, r]) => ({ id: `${group}.${name}`, r })),
  );

  it('has every route of the table once, under its OpenAPI path and method', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info.version).toBe('1.2.3');
    const ops = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod));
    expect(ops.map((o) => o.operationId).sort()).toEqual(routes.map((x) => x.id).sort());
    for (const { id, r } of routes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method];
      expect(op?.operationId, `${r.method} ${r.path}`).toBe(id);
    }
  });

  it('names path parameters, query parameters, bodies and answers as the server parses them', () => {
    const search = doc.paths['/api/entries']!.get!;
    expect(search.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['query:q', 'query:status', 'query:listType', 'query:offset', 'query:limit']),
    );
    const edit = doc.paths['/api/batches/{id}/entries/{entryId}']!.patch!;
    expect(edit.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['id', 'entryId']);
    expect(edit.requestBody?.content['application/json']?.schema.properties).toHaveProperty('docNo');
    for (const { r } of routes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]![r.method]!;
      expect(Boolean(op.requestBody), `${r.method} ${r.path} body`).toBe(Boolean(r.body));
      const status = String(r.response === NoContent ? 204 : (r.status ?? 200));
      expect(op.responses[status], `${r.method} ${r.path} ${status}`).toBeDefined();
      if (!isRaw(r.response) && r.response !== NoContent)
        expect(op.responses[status]!.content?.['application/json']?.schema).toBeTruthy();
    }
  });
});
