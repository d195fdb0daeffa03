import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NoContent, PageQuery, route } from '../../core/protocol/route.js';
import type { AuthService } from '../services/access/authService.js';
import { jsonBody } from './middleware/basics.js';
import { errorMiddleware } from './middleware/errors.js';
import { RouteBuilder } from './routeBuilder.js';

const Thing = z.object({ id: z.string(), n: z.number() });
const api = {
  get: route({ method: 'get', path: '/things/:id', access: 'public', summary: 't', response: Thing }),
  page: route({
    method: 'get',
    path: '/things',
    access: 'public',
    summary: 't',
    query: PageQuery.extend({ status: z.enum(['a', 'b']).optional() }),
    response: z.object({ offset: z.number(), limit: z.number(), status: z.string().nullable() }),
  }),
  create: route({
    method: 'post',
    path: '/things',
    access: 'public',
    summary: 't',
    body: z.object({ n: z.number() }),
    response: Thing,
    status: 201,
  }),
  wrong: route({ method: 'get', path: '/wrong', access: 'public', summary: 't', response: Thing }),
  none: route({ method: 'delete', path: '/things/:id', access: 'public', summary: 't', response: NoContent }),
};

let url = '';
let server: ReturnType<Koa['listen']>;
beforeAll(async () => {
  const r = new RouteBuilder({} as AuthService, (_c, next) => next(), { checkResponses: true });
  r.on(api.get, (_ctx, { params }) => ({ id: params.id, n: 1 }));
  r.on(api.page, (_ctx, { query }) => ({
    offset: query.offset,
    limit: query.limit,
    status: query.status ?? null,
  }));
  r.on(api.create, (_ctx, { body }) => ({ id: 'x', n: body.n }));
  // A handler that breaks its route's response schema (the type check is bypassed on purpose).
  r.on(api.wrong, () => ({ id: 1 }) as unknown as { id: string; n: number });
  r.on(api.none, () => undefined);
  const app = new Koa();
  app.use(errorMiddleware(pino({ level: 'silent' })));
  app.use(jsonBody(10_000));
  app.use(r.router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(url + path, init);
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
};

describe('RouteBuilder', () => {
  it('passes the path parameters parsed', async () => {
    expect(await get('/things/abc')).toEqual({ status: 200, body: { id: 'abc', n: 1 } });
  });
  it('refuses an over-long path parameter with 400 invalid_input', async () => {
    const r = await get(`/things/${'a'.repeat(201)}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
  });
  it('parses the query with its defaults, and refuses a bad one with 400', async () => {
    expect((await get('/things')).body).toEqual({ offset: 0, limit: 50, status: null });
    expect((await get('/things?offset=5&limit=10&status=b')).body).toEqual({
      offset: 5,
      limit: 10,
      status: 'b',
    });
    const bad = await get('/things?limit=501');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('limit');
    expect((await get('/things?status=c')).status).toBe(400);
  });
  it('answers with the route status and parses the body', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' } };
    expect(await get('/things', { ...init, body: '{"n":3}' })).toEqual({
      status: 201,
      body: { id: 'x', n: 3 },
    });
    expect((await get('/things', { ...init, body: '{"n":"3"}' })).status).toBe(400);
  });
  it('answers 500 when a handler breaks its response schema', async () => {
    const errors: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const r = await get('/wrong');
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('internal');
    } finally {
      console.error = orig;
    }
    expect(String(errors[0])).toContain('GET /wrong answered outside its response schema');
  });
  it('answers 204 for NoContent', async () => {
    expect(await get('/things/a', { method: 'DELETE' })).toEqual({ status: 204, body: null });
  });
});
