import { z } from 'zod';
import { ErrorCode } from './errors.js';
import { isRaw, NoContent, paramNames, type RouteSpec } from './route.js';
import { api } from './routes/index.js';

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Json;

const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Who may call a route, as the document says it. */
function accessText(access: RouteSpec['access']): string {
  if (access === 'public') return '无需登录';
  if (access === 'player') return '播放端设备令牌（Authorization: Bearer）';
  if (access === 'session') return '任一已登录会话';
  return `需要权限 ${access}`;
}

function queryParameters(query: z.ZodType | undefined): Json[] {
  if (!query) return [];
  const json = schemaOf(query, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

function operation(key: string, r: RouteSpec): Json {
  const ok = String(r.response === NoContent ? 204 : (r.status ?? 200));
  const response = isRaw(r.response)
    ? {
        description: r.response.raw,
        content: { [r.response.raw]: { schema: { type: 'string', format: 'binary' } } },
      }
    : r.response === NoContent
      ? { description: '无内容' }
      : { description: '成功', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } };
  return {
    operationId: key,
    summary: r.summary,
    description: accessText(r.access),
    'x-access': r.access,
    parameters: [
      ...paramNames(r.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(r.query),
    ],
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [ok]: response,
      default: { $ref: '#/components/responses/Error' },
    },
  };
}

/**
 * The OpenAPI 3.0 document of the REST API, written from the route table (core/protocol/routes):
 * every route once, its params, query, body and answer as the server parses and checks them.
 */
export function openApiDocument(version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [group, routes] of Object.entries(api))
    for (const [name, r] of Object.entries(routes as Record<string, RouteSpec>)) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      paths[path] ??= {};
      paths[path][r.method] = { ...operation(`${group}.${name}`, r), tags: [group] };
    }
  return {
    openapi: '3.0.3',
    info: {
      title: 'HallCast HTTP API',
      version,
      description:
        '管理会话用 Cookie hc_session；除登录外的写请求须带 x-csrf-token（等于会话信息的 csrfToken）。',
    },
    paths,
    components: {
      responses: {
        Error: {
          description: '错误：error.code 为 ErrorCode 之一，message 为可直接显示的中文说明',
          content: { 'application/json': { schema: schemaOf(ErrorBody, 'output') } },
        },
      },
    },
  };
}
