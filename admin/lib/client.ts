import { type QueryKey, queryOptions } from '@tanstack/react-query';
import {
  isRaw,
  type ParamNames,
  type Params,
  type Route,
  type RouteBodyInput,
  type RouteQueryInput,
  type RouteResponse,
  type RouteSpec,
} from '../../core/protocol/route.js';
import { api as client, type UploadOptions } from './api.js';

/**
 * The admin's one way to the server: a call names a route of the table in core/protocol/routes
 * and takes its params, query, body and answer types from it. No path string lives in admin/.
 *
 *   call(api.halls.update, { params: { id }, body: { name } })  // Promise<Hall>
 *   useQuery(routeQuery(api.halls.list))                       // one cache entry per route + input
 */

type ParamsPart<S extends RouteSpec> = [ParamNames<S['path']>] extends [never]
  ? { params?: undefined }
  : { params: Params<S['path']> };
type QueryPart<S extends RouteSpec> = S['query'] extends object
  ? { query?: RouteQueryInput<S> }
  : { query?: undefined };
type BodyPart<S extends RouteSpec> = S['body'] extends object
  ? { body: RouteBodyInput<S> }
  : { body?: undefined };

/** What a call of route S takes: `params` when its path has any, `query` and `body` when it declares them. */
export type CallInput<S extends RouteSpec> = ParamsPart<S> & QueryPart<S> & BodyPart<S>;

/** Whether every part is optional, so the input may be left out: `call(api.halls.list)`. */
type Optional<S extends RouteSpec> = object extends CallInput<S> ? true : false;
export type CallArgs<S extends RouteSpec> =
  Optional<S> extends true ? [input?: CallInput<S>] : [input: CallInput<S>];

type AnyInput = { params?: Record<string, string>; query?: object; body?: unknown };

/** The query string of the defined, non-empty values; arrays repeat their key. */
function searchOf(query: object | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, String(one));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL of a route with its params filled in (each encoded) and its query. */
export function hrefOf<S extends RouteSpec>(route: Route<S>, ...[input]: CallArgs<S>): string {
  const { params, query } = (input ?? {}) as AnyInput;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${route.path}: missing param ${name}`);
    return encodeURIComponent(value);
  });
  return path + searchOf(query);
}

/** Calls a route; resolves with its answer (a Blob for a raw one), rejects with an ApiError. */
export function call<S extends RouteSpec>(route: Route<S>, ...args: CallArgs<S>): Promise<RouteResponse<S>> {
  const href = hrefOf(route, ...args);
  const { body } = (args[0] ?? {}) as AnyInput;
  const method = route.method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  if (isRaw(route.response)) return client.requestBlob(method, href, body) as Promise<RouteResponse<S>>;
  return client.request<RouteResponse<S>>(method, href, body);
}

/** A route whose body is a file (the import's workbook, a media file): sent raw, with progress. */
export function upload<S extends RouteSpec>(
  route: Route<S>,
  input: Omit<CallInput<S>, 'body'>,
  file: Blob & { name?: string },
  options: Omit<UploadOptions, 'method'> = {},
): { promise: Promise<RouteResponse<S>>; abort: () => void } {
  const href = hrefOf(route, ...([input] as CallArgs<S>));
  return client.upload<RouteResponse<S>>(href, file, {
    ...options,
    method: route.method === 'put' ? 'PUT' : 'POST',
    fileName: file.name,
  });
}

/**
 * The cache key of a route's read: its path, then its params and query. Every page that reads
 * the same route with the same input shares one entry; `[route.path]` alone invalidates them all.
 */
export function routeKey<S extends RouteSpec>(route: Route<S>, ...[input]: CallArgs<S>): QueryKey {
  const { params, query } = (input ?? {}) as AnyInput;
  return [route.path, params ?? {}, query ?? {}];
}

/** Query options for a GET route: key from the route, fetch through `call`. */
export function routeQuery<S extends RouteSpec & { method: 'get' }>(route: Route<S>, ...args: CallArgs<S>) {
  return queryOptions({
    queryKey: routeKey(route, ...args),
    queryFn: () => call(route, ...args),
  });
}
