import { z } from 'zod';
import { ErrorCode } from './errors.js';
import { SESSION_COOKIE } from './rest.js';
import { isRaw, NoContent, type RouteSpec } from './route.js';
import { api } from './routes/index.js';

type Json = Record<string, unknown>;
/** Route groups as in core/protocol/routes/index.ts: group -> name -> route. */
export type RouteTable = Record<string, Record<string, RouteSpec>>;

/**
 * Routes that take the credit platform's API key (`Authorization: Bearer <key>`) instead of a
 * session, with the key's scope: access 'public' in the table, the handler checks the key.
 */
export const API_KEY_ROUTES: Readonly<Record<string, string>> = { 'platform.withdrawals': 'withdraw' };

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Writes each schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). A schema zod cannot write
 * (a transform's output, a date, undefined) throws rather than becoming `{}`. Recursive parts
 * come out as `$defs`, which OpenAPI resolves from the document's root: they are hoisted into
 * components/schemas, once per distinct definition.
 */
class SchemaWriter {
  readonly components: Record<string, Json> = {};
  private names = new Map<string, string>();

  write(schema: z.ZodType, io: 'input' | 'output', hint: string): Json {
    const { $schema: _, $defs, ...json } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as Json;
    if (!$defs) return json;
    const renamed = new Map<string, string>();
    for (const [key, def] of Object.entries($defs as Record<string, Json>)) {
      const text = JSON.stringify(def);
      const name = this.names.get(text) ?? (key.startsWith('__') ? `${hint}.${key.slice(2)}` : key);
      this.names.set(text, name);
      renamed.set(key, name);
    }
    const retarget = (text: string) =>
      text.replace(
        /"#\/\$defs\/([^"]+)"/g,
        (_m, key: string) => `"#/components/schemas/${renamed.get(key)}"`,
      );
    for (const [key, def] of Object.entries($defs as Record<string, Json>))
      this.components[renamed.get(key)!] ??= JSON.parse(retarget(JSON.stringify(def)));
    return JSON.parse(retarget(JSON.stringify(json)));
  }
}

/** Who may call a route, as the document says it. */
function accessText(id: string, access: RouteSpec['access']): string {
  if (API_KEY_ROUTES[id]) return `信用平台 API 密钥（Authorization: Bearer），需 ${API_KEY_ROUTES[id]} 权限`;
  if (access === 'public') return '无需登录';
  if (access === 'player') return '播放端设备令牌（Authorization: Bearer）';
  if (access === 'session') return '任一已登录会话';
  return `需要权限 ${access}`;
}

/** The security requirement of a route: none, the API key, the device token, or the session (+ CSRF on writes). */
function security(id: string, r: RouteSpec): Json[] {
  if (API_KEY_ROUTES[id]) return [{ platformApiKey: [API_KEY_ROUTES[id]] }];
  if (r.access === 'public') return [];
  if (r.access === 'player') return [{ deviceToken: [] }];
  return [WRITES.has(r.method) ? { session: [], csrf: [] } : { session: [] }];
}

function queryParameters(w: SchemaWriter, id: string, query: z.ZodType | undefined): Json[] {
  if (!query) return [];
  const json = w.write(query, 'input', `${id}.query`) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

function success(w: SchemaWriter, id: string, r: RouteSpec): Json {
  if (isRaw(r.response)) {
    const binary = { schema: { type: 'string', format: 'binary' } };
    const types = r.response.raw.split(/\s+/);
    return { description: r.response.raw, content: Object.fromEntries(types.map((t) => [t, binary])) };
  }
  if (r.response === NoContent) return { description: '无内容' };
  const schema = w.write(r.response, 'output', `${id}.response`);
  return { description: '成功', content: { 'application/json': { schema } } };
}

function operation(w: SchemaWriter, id: string, r: RouteSpec): Json {
  const ok = String(r.response === NoContent ? 204 : (r.status ?? 200));
  const body = r.body && {
    required: true,
    content: { 'application/json': { schema: w.write(r.body, 'input', `${id}.body`) } },
  };
  return {
    operationId: id,
    summary: r.summary,
    description: accessText(id, r.access),
    'x-access': r.access,
    security: security(id, r),
    parameters: [
      ...pathParameters(r.path).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...queryParameters(w, id, r.query),
    ],
    ...(body ? { requestBody: body } : {}),
    responses: { [ok]: success(w, id, r), default: { $ref: '#/components/responses/Error' } },
  };
}

/** Koa's `/admin/{*rest}` and `/media/:hash` as OpenAPI paths: `/admin/{rest}`, `/media/{hash}`. */
export const openApiPath = (path: string): string =>
  path.replace(/\{\*(\w+)\}/g, '{$1}').replace(/:(\w+)/g, '{$1}');

const pathParameters = (path: string): string[] =>
  [...openApiPath(path).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: '管理端会话：POST /api/auth/login 成功后由服务器设置（httpOnly，SameSite=Strict）',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      '除登录外的每个写请求都须带上，值为会话信息（SessionInfo）的 csrfToken；不符为 403 csrf_failed',
  },
  deviceToken: {
    type: 'http',
    scheme: 'bearer',
    description: '播放端配对后取得的设备令牌',
  },
  platformApiKey: {
    type: 'http',
    scheme: 'bearer',
    description: '信用平台的 API 密钥：系统管理中新建（只显示一次），按权限范围授权',
  },
};

/**
 * The OpenAPI 3.1 document of the REST API, written from the route table (core/protocol/routes):
 * every route once, its params, query, body and answer as the server parses and checks them,
 * its security scheme and the one error body.
 */
export function openApiDocument(version: string, table: RouteTable = api as unknown as RouteTable): Json {
  const w = new SchemaWriter();
  const paths: Record<string, Record<string, Json>> = {};
  for (const [group, routes] of Object.entries(table))
    for (const [name, r] of Object.entries(routes)) {
      const path = openApiPath(r.path);
      paths[path] ??= {};
      paths[path][r.method] = { ...operation(w, `${group}.${name}`, r), tags: [group] };
    }
  const error = w.write(ErrorBodySchema, 'output', 'Error');
  return {
    openapi: '3.1.1',
    info: {
      title: 'HallCast HTTP API',
      version,
      description:
        '由路由表与 zod 模式生成。失败的请求一律返回 { error: { code, message, issues? } }，message 可直接显示给用户。',
    },
    paths,
    components: {
      schemas: w.components,
      securitySchemes: SECURITY_SCHEMES,
      responses: {
        Error: {
          description:
            '错误：error.code 为稳定的错误码，message 为可直接显示的中文说明，issues 为输入校验的逐项问题',
          content: { 'application/json': { schema: error } },
        },
      },
    },
  };
}
