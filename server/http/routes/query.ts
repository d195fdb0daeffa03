import type { Context } from 'koa';
import { z } from 'zod';

/** Shared by the list routes: the ?offset=&limit= page of a long list (at most 500 rows). */
export const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** The query string as optional strings. */
export const q = (ctx: Context) => ctx.query as Record<string, string | undefined>;

/** A path parameter of the route (`:id` unless named). */
export const id = (ctx: Context, name = 'id') => ctx.params[name]!;
