import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Context } from 'koa';
import { files as api } from '../../../core/protocol/routes/files.js';
import { notFound, unavailable } from '../../errors.js';
import type { MediaService } from '../../services/programs/media/mediaService.js';
import type { RouteBuilder } from '../routeBuilder.js';
import { sendFile } from '../sendFile.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Media by hash, the built web apps, and their entry pages. */
export function fileRoutes(r: RouteBuilder, media: MediaService, mediaDir: string, distDir: string): void {
  // Content-addressed: the hash is the strongest validator there is.
  r.on(api.media, (ctx, { params: { hash } }) => {
    const mime = /^[0-9a-f]{64}$/.test(hash) ? media.mimeOf(hash) : undefined;
    if (!mime) throw notFound('媒体文件');
    return sendFile(ctx, mediaDir, hash, {
      what: '媒体文件',
      type: mime,
      cache: IMMUTABLE,
      etag: `"${hash}"`,
    });
  });
  r.on(api.asset, (ctx, { params: { file } }) => {
    // One plain name: no separator, no climbing, no dot file (send refuses those too).
    if (!/^[\w][\w.-]*$/.test(file) || file.includes('..')) throw notFound('资源文件');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    return sendFile(ctx, join(distDir, 'assets'), file, { what: '资源文件', type, cache: IMMUTABLE });
  });
  const page = (app: 'admin' | 'player') => (ctx: Context) => {
    if (!existsSync(join(distDir, app, 'index.html')))
      throw unavailable('not_built', '网页尚未构建，请运行 npm run build 后重启');
    return sendFile(ctx, join(distDir, app), 'index.html', {
      what: '页面',
      type: TYPES['.html']!,
      cache: 'no-cache',
    });
  };
  // The player's service worker (scope /player/), built by Vite to a fixed name; never cached long.
  r.on(api.serviceWorker, (ctx) =>
    sendFile(ctx, join(distDir, 'player'), 'sw.js', {
      what: 'Service Worker',
      type: TYPES['.js']!,
      cache: 'no-cache',
    }),
  );
  // The router ignores a trailing slash: redirect only the bare path.
  const entry = (app: 'admin' | 'player') => (ctx: Context) =>
    ctx.path.endsWith('/') ? page(app)(ctx) : ctx.redirect(`/${app}/`);
  r.on(api.admin, entry('admin'));
  r.on(api.adminPage, page('admin'));
  r.on(api.player, entry('player'));
  r.on(api.playerPage, page('player'));
  r.on(api.root, (ctx) => ctx.redirect('/admin/'));
}
