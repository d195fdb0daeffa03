import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Context } from 'koa';
import { files as api } from '../../../core/protocol/routes/files.js';
import { notFound, rangeNotSatisfiable, unavailable } from '../../errors.js';
import type { MediaService } from '../../services/programs/media/mediaService.js';
import type { RouteBuilder } from '../routeBuilder.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Streams a file, honouring a single byte range (video seeking in the player). */
function sendFile(ctx: Context, file: string, type: string, cache: string): void {
  const size = statSync(file).size;
  ctx.set('Accept-Ranges', 'bytes');
  ctx.set('Cache-Control', cache);
  ctx.type = type;
  const m = /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range'));
  if (!m || (m[1] === '' && m[2] === '')) {
    ctx.length = size;
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file);
    return;
  }
  let start = m[1] === '' ? size - Number(m[2]) : Number(m[1]);
  let end = m[1] === '' || m[2] === '' ? size - 1 : Number(m[2]);
  start = Math.max(0, start);
  end = Math.min(end, size - 1);
  if (start > end) {
    ctx.set('Content-Range', `bytes */${size}`);
    throw rangeNotSatisfiable('range_not_satisfiable', '请求的范围超出文件大小');
  }
  ctx.status = 206;
  ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
  ctx.length = end - start + 1;
  ctx.body = createReadStream(file, { start, end });
}

/** Media by hash, the built web apps, and their entry pages. */
export function fileRoutes(r: RouteBuilder, media: MediaService, mediaDir: string, distDir: string): void {
  r.on(api.media, (ctx, { params: { hash } }) => {
    const mime = /^[0-9a-f]{64}$/.test(hash) ? media.mimeOf(hash) : undefined;
    const file = join(mediaDir, hash);
    if (!mime || !existsSync(file)) throw notFound('媒体文件');
    sendFile(ctx, file, mime, 'public, max-age=31536000, immutable');
  });
  r.on(api.asset, (ctx, { params }) => {
    const name = normalize(params.file);
    const file = join(distDir, 'assets', name);
    if (name.includes('/') || name.includes('..') || !existsSync(file)) throw notFound('资源文件');
    sendFile(
      ctx,
      file,
      TYPES[extname(name)] ?? 'application/octet-stream',
      'public, max-age=31536000, immutable',
    );
  });
  const page = (app: 'admin' | 'player') => (ctx: Context) => {
    const file = join(distDir, app, 'index.html');
    if (!existsSync(file)) throw unavailable('not_built', '网页尚未构建，请运行 npm run build 后重启');
    sendFile(ctx, file, TYPES['.html']!, 'no-cache');
  };
  // The player's service worker (scope /player/), built by Vite to a fixed name; never cached long.
  r.on(api.serviceWorker, (ctx) => {
    const file = join(distDir, 'player', 'sw.js');
    if (!existsSync(file)) throw notFound('Service Worker');
    sendFile(ctx, file, TYPES['.js']!, 'no-cache');
  });
  // The router ignores a trailing slash: redirect only the bare path.
  const entry = (app: 'admin' | 'player') => (ctx: Context) =>
    ctx.path.endsWith('/') ? page(app)(ctx) : ctx.redirect(`/${app}/`);
  r.on(api.admin, entry('admin'));
  r.on(api.adminPage, page('admin'));
  r.on(api.player, entry('player'));
  r.on(api.playerPage, page('player'));
  r.on(api.root, (ctx) => ctx.redirect('/admin/'));
}
