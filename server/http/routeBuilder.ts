import { Router } from '@koa/router';
import type { Context, Middleware } from 'koa';
import type { z } from 'zod';
import type { Action } from '../../core/protocol/rest.js';
import type { AuthedSession, AuthService } from '../services/access/authService.js';
import { requireAction } from './middleware/auth.js';

export type Access = Action | 'session' | 'public' | 'player';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInfo {
  method: Method;
  path: string;
  access: Access;
}

type Handler<B> = (ctx: Context, input: { body: B; session: AuthedSession }) => unknown | Promise<unknown>;

/** Registers routes with their access rule and keeps the table (the permission test walks it). */
export class RouteBuilder {
  readonly router = new Router();
  readonly table: RouteInfo[] = [];
  constructor(
    private auth: AuthService,
    private playerAuth: Middleware,
  ) {}

  add<S extends z.ZodType | undefined>(
    method: Method,
    path: string,
    access: Access,
    schema: S,
    handler: Handler<S extends z.ZodType ? z.output<S> : undefined>,
  ): void {
    this.table.push({ method, path, access });
    const guard: Middleware =
      access === 'public'
        ? (_ctx, next) => next()
        : access === 'player'
          ? this.playerAuth
          : requireAction(this.auth, access);
    const run: Middleware = async (ctx) => {
      const body = (schema ? schema.parse(ctx.state.body ?? {}) : undefined) as S extends z.ZodType
        ? z.output<S>
        : undefined;
      const result = await handler(ctx, { body, session: ctx.state.session });
      if (result !== undefined) ctx.body = result;
      else if (ctx.body === undefined) ctx.status = 204;
    };
    this.router[method](path, guard, run);
  }
}
