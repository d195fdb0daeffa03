import { z } from 'zod';
import type { Action } from './rest.js';

/**
 * One REST route as both sides see it: the server registers from it (parsing params, query and
 * body at the boundary), the admin's client takes its types from it, and the OpenAPI document
 * is written from it. Tables of these live in core/protocol/routes/.
 */
export type Access = Action | 'session' | 'public' | 'player';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A body that is no JSON (a file, a workbook, a page, a redirect), named by its media type. */
export interface Raw {
  readonly raw: string;
}
export const raw = (mediaType: string): Raw => ({ raw: mediaType });

/** The answer of a route that answers nothing: 204 No Content. */
export const NoContent = z.undefined();

export interface RouteSpec {
  readonly method: Method;
  readonly path: string;
  readonly access: Access;
  /** One line in Chinese for the OpenAPI document and the route list. */
  readonly summary: string;
  /**
   * A public route that still wants a credential of its own, checked by its handler: the credit
   * platform's API key, or a token such as /metrics' (HALLCAST_METRICS_TOKEN). Without it: 401.
   */
  readonly credential?: 'api-key' | 'token';
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** A zod schema of the JSON answer, `NoContent`, or `raw(mediaType)`. */
  readonly response: z.ZodType | Raw;
  /** The success status when not 200 (201 for a creation); `NoContent` answers 204. */
  readonly status?: 200 | 201 | 202;
}

/** `'/api/batches/:id/entries/:entryId'` -> `'id' | 'entryId'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;
export type Params<P extends string> = { [K in ParamNames<P>]: string };

/** A path parameter: a non-empty segment of bounded length. */
export const PathParam = z.string().min(1).max(200);

export type Route<S extends RouteSpec = RouteSpec> = S & {
  readonly params: z.ZodType<Params<S['path']>>;
};

/** The names of a path's parameters, in order. */
export function paramNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
}

/** A route from its spec, with the params schema its path implies. */
export function route<const S extends RouteSpec>(spec: S): Route<S> {
  const shape = Object.fromEntries(paramNames(spec.path).map((n) => [n, PathParam]));
  return { ...spec, params: z.object(shape) as unknown as z.ZodType<Params<S['path']>> };
}

export const isRaw = (r: z.ZodType | Raw): r is Raw => typeof (r as Raw).raw === 'string';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
/** What a handler receives, parsed. */
export type RouteQuery<S extends RouteSpec> = S['query'] extends z.ZodType ? z.output<S['query']> : object;
export type RouteBody<S extends RouteSpec> = Out<S['body']>;
/** What a handler returns: the response schema's input type (raw routes return the bytes). */
export type RouteResult<S extends RouteSpec> = S['response'] extends z.ZodUndefined
  ? // biome-ignore lint/suspicious/noConfusingVoidType: a 204 route's handler returns what its void service call returns
    void
  : S['response'] extends z.ZodType
    ? z.input<S['response']>
    : unknown;
/** What the client receives. */
export type RouteResponse<S extends RouteSpec> = S['response'] extends z.ZodType
  ? z.output<S['response']>
  : Blob;
/** What a caller passes for the query: the schema's input (defaults may be left out). */
export type RouteQueryInput<S extends RouteSpec> = S['query'] extends z.ZodType
  ? z.input<S['query']>
  : undefined;
export type RouteBodyInput<S extends RouteSpec> = S['body'] extends z.ZodType
  ? z.input<S['body']>
  : undefined;

/** The ?offset=&limit= page of a long list (at most 500 rows). */
export const PageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;
