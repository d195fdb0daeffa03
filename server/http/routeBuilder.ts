import { Router } from '@koa/router';
import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import {
  type Access,
  isRaw,
  type Method,
  NoContent,
  type Params,
  type Route,
  type RouteBody,
  type RouteQuery,
  type RouteResult,
  type RouteSpec,
} from '../../core/protocol/route.js';
import type { AuthedSession, AuthService } from '../services/access/authService.js';
import { requireAction } from './middleware/auth.js';

export type { Access, Method };

export interface RouteInfo {
  method: Method;
  path: string;
  access: Access;
  /** A public route's own credential (route.ts RouteSpec.credential). */
  credential?: 'api-key' | 'token';
}

/** What a handler gets: every part of the request parsed by the route's schemas. */
export interface RouteInput<S extends RouteSpec> {
  params: Params<S['path']>;
  query: RouteQuery<S>;
  body: RouteBody<S>;
  session: AuthedSession;
}

export type RouteHandler<S extends RouteSpec> = (
  ctx: Context,
  input: RouteInput<S>,
) => RouteResult<S> | Promise<RouteResult<S>>;

export interface RouteBuilderOptions {
  /** Parse every JSON answer with the route's response schema (tests, development). */
  checkResponses: boolean;
  log?: Logger;
}

/**
 * Registers routes from the route table (core/protocol/routes) with their access rule, parsing
 * params, query and body at the boundary, and keeps the table the permission walks read.
 */
export class RouteBuilder {
  readonly router = new Router();
  readonly table: RouteInfo[] = [];
  constructor(
    private auth: AuthService,
    private playerAuth: Middleware,
    private opts: RouteBuilderOptions = { checkResponses: false },
  ) {}

  on<S extends RouteSpec>(route: Route<S>, handler: RouteHandler<S>): void {
    const { method, path, access, credential } = route;
    this.table.push({ method, path, access, ...(credential ? { credential } : {}) });
    const guard: Middleware =
      access === 'public'
        ? (_ctx, next) => next()
        : access === 'player'
          ? this.playerAuth
          : requireAction(this.auth, access);
    const run: Middleware = async (ctx) => {
      const input = {
        params: route.params.parse(ctx.params),
        query: route.query ? route.query.parse(ctx.query) : {},
        body: route.body ? route.body.parse(ctx.state.body ?? {}) : undefined,
        session: ctx.state.session,
      } as RouteInput<S>;
      // Set before the handler, so a handler may still answer otherwise (200 for a duplicate upload).
      if (route.status) ctx.status = route.status;
      const result = await handler(ctx, input);
      if (result !== undefined) ctx.body = result;
      else if (ctx.body === undefined) ctx.status = 204;
      if (this.opts.checkResponses) this.check(route, ctx, result);
    };
    this.router[method](path, guard, run);
  }

  /** The answer against the route's schema: a mismatch is a 500 with the issues logged. */
  private check(route: RouteSpec, ctx: Context, result: unknown): void {
    const schema = route.response;
    if (isRaw(schema) || ctx.status >= 300 || ctx.status === 204) return;
    if (schema === NoContent && result === undefined) return;
    const parsed = schema.safeParse(result);
    if (parsed.success) return;
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    const message = `${route.method.toUpperCase()} ${route.path} answered outside its response schema: ${issues.join('; ')}`;
    this.opts.log?.error({ issues }, message);
    console.error(message);
    throw new Error(message);
  }
}
