import Koa from 'koa';
import type { Logger } from 'pino';
import type { Health } from '../../core/protocol/rest.js';
import { health } from '../../core/protocol/routes/operations.js';
import type { Config } from '../config.js';
import { unauthenticated } from '../errors.js';
import type { Services } from '../services/index.js';
import { jsonBody, requestLog, securityHeaders } from './middleware/basics.js';
import { errorMiddleware } from './middleware/errors.js';
import { RouteBuilder } from './routeBuilder.js';
import { alertRoutes } from './routes/alerts.js';
import { apiDocRoutes } from './routes/apiDocs.js';
import { apiKeyRoutes } from './routes/apiKeys.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { batchRoutes } from './routes/batches.js';
import { bootReportRoutes } from './routes/bootReports.js';
import { calendarRoutes } from './routes/calendar.js';
import { campaignRoutes } from './routes/campaigns.js';
import { categoryRoutes } from './routes/categories.js';
import { changeRoutes } from './routes/changes.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { emergencyRoutes } from './routes/emergencies.js';
import { entryRoutes } from './routes/entries.js';
import { exportRoutes } from './routes/exports.js';
import { fileRoutes } from './routes/files.js';
import { groupRoutes } from './routes/groups.js';
import { hallRoutes } from './routes/halls.js';
import { importRoutes } from './routes/imports.js';
import { itemRoutes } from './routes/items.js';
import { mediaRoutes } from './routes/media.js';
import { metricsRoutes } from './routes/metrics.js';
import { pairingRoutes } from './routes/pairing.js';
import { platformRoutes } from './routes/platform.js';
import { playerRoutes } from './routes/player.js';
import { playlistRoutes } from './routes/playlists.js';
import { previewRoutes } from './routes/preview.js';
import { publicFeedRoutes } from './routes/publicFeed.js';
import { reportRoutes } from './routes/reports.js';
import { screenRoutes } from './routes/screens.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { takedownRoutes } from './routes/takedowns.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';

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
  /** HALLCAST_CHECK_RESPONSES: every JSON answer parsed by its route's response schema. */
  checkResponses: boolean;
  /** Who may read /metrics. */
  metrics: Pick<Config, 'metricsToken' | 'metricsAllow'>;
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
  const routes = new RouteBuilder(s.auth, playerAuth, { checkResponses: d.checkResponses, log: d.log });
  routes.on(health.get, (ctx) => {
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
  apiDocRoutes(routes, d.version);
  metricsRoutes(routes, s.metrics, d.metrics);
  authRoutes(routes, s.auth, d.secureCookies);
  itemRoutes(routes, s.programs.library);
  playlistRoutes(routes, s.programs.library);
  mediaRoutes(routes, s.programs.media);
  campaignRoutes(routes, s.programs.campaigns);
  emergencyRoutes(routes, s.programs.emergencies);
  previewRoutes(routes, s.programs);
  userRoutes(routes, s.users);
  hallRoutes(routes, s.halls);
  groupRoutes(routes, s.halls, s.programs.library);
  screenRoutes(routes, s);
  pairingRoutes(routes, s.screens);
  bootReportRoutes(routes, s.bootReports);
  playerRoutes(routes, s.screens, s.manifests, s.datasets);
  dashboardRoutes(routes, s);
  changeRoutes(routes, s);
  alertRoutes(routes, s);
  reportRoutes(routes, s);
  unitRoutes(routes, s.credit.platform);
  categoryRoutes(routes, s.credit.platform);
  calendarRoutes(routes, s.credit.platform, s.clock);
  apiKeyRoutes(routes, s.credit.platform);
  auditRoutes(routes, s.credit.platform);
  exportRoutes(routes, s);
  publicFeedRoutes(routes, s);
  platformRoutes(routes, s);
  importRoutes(routes, s.credit, d.maxImportBytes);
  batchRoutes(routes, s.credit);
  entryRoutes(routes, s.credit);
  takedownRoutes(routes, s.credit);
  snapshotRoutes(routes, s.snapshots, d.maxSnapshotBytes);
  fileRoutes(routes, s.programs.media, d.mediaDir, d.distDir);

  app.use(requestLog(d.log));
  app.use(securityHeaders({ tls: d.secureCookies, publicUrl: d.publicUrl, hstsMaxAgeS: d.hstsMaxAgeS }));
  app.use(errorMiddleware(d.log));
  app.use(jsonBody(d.maxJsonBytes));
  app.use(routes.router.routes());
  app.use(routes.router.allowedMethods());
  return { app, routes };
}
