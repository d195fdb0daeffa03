import Koa from 'koa';
import type { Logger } from 'pino';
import type { Health } from '../../core/protocol/rest.js';
import { unauthenticated } from '../errors.js';
import type { Services } from '../services/index.js';
import { jsonBody, requestLog, securityHeaders } from './middleware/basics.js';
import { errorMiddleware } from './middleware/errors.js';
import { RouteBuilder } from './routeBuilder.js';
import { authRoutes } from './routes/auth.js';
import { campaignRoutes } from './routes/campaigns.js';
import { fileRoutes } from './routes/files.js';
import { creditRoutes } from './routes/imports.js';
import { mediaRoutes } from './routes/media.js';
import { platformRoutes } from './routes/platform.js';
import { programRoutes } from './routes/playlists.js';
import { operationsRoutes } from './routes/reports.js';
import { screenRoutes } from './routes/screens.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { adminRoutes } from './routes/users.js';

export interface HttpDeps {
  services: Services;
  log: Logger;
  version: string;
  startedAt: number;
  mediaDir: string;
  distDir: string;
  secureCookies: boolean;
  /** HALLCAST_PUBLIC_URL as configured (not guessed): the socket origin the CSP allows. */
  publicUrl?: string;
  hstsMaxAgeS: number;
  maxJsonBytes: number;
  maxImportBytes: number;
  maxSnapshotBytes: number;
}

/** The Koa app: middleware and every route, with the route table for the permission test. */
export function createHttpApp(d: HttpDeps): { app: Koa; routes: RouteBuilder } {
  const s = d.services;
  const app = new Koa({ proxy: false });
  const playerAuth: Koa.Middleware = async (ctx, next) => {
    const header = ctx.get('authorization');
    const screenId = s.screens.screenIdOf(header.startsWith('Bearer ') ? header.slice(7) : undefined);
    if (!screenId) throw unauthenticated();
    ctx.state.screenId = screenId;
    await next();
  };
  const routes = new RouteBuilder(s.auth, playerAuth);
  routes.add('get', '/api/health', 'public', undefined, (ctx) => {
    const db = s.dbHealthy() ? 'ok' : 'error';
    const body: Health = {
      status: db === 'ok' ? 'ok' : 'error',
      version: d.version,
      uptimeS: Math.round((s.clock.now() - d.startedAt) / 1000),
      db,
    };
    ctx.set('Cache-Control', 'no-store');
    if (db !== 'ok') {
      ctx.status = 503;
      return {
        ...body,
        error: { code: 'db_unavailable', message: '数据库不可用，请检查数据目录与磁盘空间' },
      };
    }
    return body;
  });
  authRoutes(routes, s.auth, d.secureCookies);
  // Before adminRoutes: GET /api/playlists here answers the full list (a superset of its short one).
  programRoutes(routes, s.programs.library);
  mediaRoutes(routes, s.programs.media);
  campaignRoutes(routes, s.programs);
  adminRoutes(routes, s.users, s.halls);
  screenRoutes(routes, s.screens, s.manifests, s.datasets);
  operationsRoutes(routes, s);
  platformRoutes(routes, s);
  creditRoutes(routes, s, d.maxImportBytes);
  snapshotRoutes(routes, `${d.mediaDir}/../snapshots`, s.clock, d.maxSnapshotBytes);
  fileRoutes(routes, s.stores.content, d.mediaDir, d.distDir);

  app.use(requestLog(d.log));
  app.use(securityHeaders({ tls: d.secureCookies, publicUrl: d.publicUrl, hstsMaxAgeS: d.hstsMaxAgeS }));
  app.use(errorMiddleware(d.log));
  app.use(jsonBody(d.maxJsonBytes));
  app.use(routes.router.routes());
  app.use(routes.router.allowedMethods());
  return { app, routes };
}
