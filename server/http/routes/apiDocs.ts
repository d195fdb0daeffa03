import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openApiDocument } from '../../../core/protocol/openapi.js';
import { openapi as api } from '../../../core/protocol/routes/operations.js';
import { notFound } from '../../errors.js';
import type { RouteBuilder } from '../routeBuilder.js';
import { sendFile } from '../sendFile.js';

/** Scalar's standalone build: one script with its styles, served from node_modules (halls are often offline). */
const SCALAR_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@scalar/api-reference/style.css')),
  'browser',
);
const SCRIPT = 'standalone.js';
/**
 * Run before the bundle: the zod inside it probes for `Function('')` (its JIT), which the CSP
 * (no 'unsafe-eval') refuses with a console error; jitless, it never probes. An inline script
 * would be refused too, so this is a file of its own.
 */
const SETUP = 'setup.js';
const SETUP_SCRIPT = 'globalThis.__zod_globalConfig = { jitless: true };\n';

/**
 * Everything that would reach another origin is off: the default fonts (fonts.scalar.com), the
 * request proxy, the AI agent, telemetry. Under `default-src 'self'` they would only be refused.
 */
const CONFIGURATION = {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  hideClientButton: true,
  hideDarkModeToggle: true,
  documentDownloadType: 'json',
  showDeveloperTools: 'never',
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>HallCast 接口参考</title>
</head>
<body>
<noscript>接口参考页面需要启用 JavaScript；也可直接下载 /api/openapi.json（需登录）。</noscript>
<script id="api-reference" data-configuration="${JSON.stringify(CONFIGURATION).replaceAll('"', '&quot;')}"></script>
<script src="/api/docs/${SETUP}"></script>
<script src="/api/docs/${SCRIPT}"></script>
</body>
</html>
`;

/** The OpenAPI document and the API reference page that reads it, both served by this server. */
export function apiDocRoutes(r: RouteBuilder, version: string): void {
  let document: object | undefined;
  r.on(api.get, () => {
    document ??= openApiDocument(version);
    return document;
  });
  r.on(api.reference, (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'text/html; charset=utf-8';
    return PAGE;
  });
  r.on(api.referenceScript, (ctx, { params: { file } }) => {
    if (file === SETUP) {
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'text/javascript; charset=utf-8';
      return SETUP_SCRIPT;
    }
    if (file !== SCRIPT) throw notFound('脚本');
    return sendFile(ctx, SCALAR_DIR, SCRIPT, {
      what: '脚本',
      type: 'text/javascript; charset=utf-8',
      cache: 'no-cache',
    });
  });
}
