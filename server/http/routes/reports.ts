import type { Context } from 'koa';
import { CommandRequest } from '../../../core/protocol/events.js';
import { AlertsQuery, DaysQuery, LimitQuery, ProofOfPlayQuery } from '../../../core/protocol/operations.js';
import { notFound } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { listDisplayXlsx, proofOfPlayXlsx } from '../../services/operations/reportXlsx.js';
import type { RouteBuilder } from '../routeBuilder.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(ctx: Context, name: string, body: Buffer): void {
  ctx.type = XLSX;
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

/** The operations dashboard: screens, convergence, alerts, remote commands, charts and reports. */
export function operationsRoutes(r: RouteBuilder, s: Services): void {
  r.add('get', '/api/dashboard', 'view', undefined, (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    return s.dashboard.dashboard();
  });
  r.add('get', '/api/changes', 'view', undefined, (ctx) =>
    s.convergence.recent(LimitQuery.parse(ctx.query).limit),
  );
  r.add('get', '/api/changes/:id', 'view', undefined, (ctx) => {
    const detail = s.convergence.detail(ctx.params.id!);
    if (!detail) throw notFound('变更');
    return detail;
  });

  r.add('get', '/api/alerts', 'view', undefined, (ctx) => {
    const q = AlertsQuery.parse(ctx.query);
    return s.alerts.list(q.status, q.limit);
  });
  r.add('post', '/api/alerts/:id/acknowledge', 'operate-screens', undefined, (ctx, { session }) => {
    const alert = s.alerts.acknowledge(ctx.params.id!, session.user.id);
    if (!alert) throw notFound('告警');
    return alert;
  });

  r.add('get', '/api/screens/:id/mirror', 'view', undefined, (ctx) => s.dashboard.mirror(ctx.params.id!));
  r.add('get', '/api/screens/:id/commands', 'view', undefined, (ctx) =>
    s.commands.recent(ctx.params.id!, LimitQuery.parse(ctx.query).limit),
  );
  r.add('post', '/api/screens/:id/commands', 'operate-screens', CommandRequest, (ctx, { body, session }) =>
    s.commands.run(ctx.params.id!, body, session.user.id),
  );

  r.add('get', '/api/reports/uptime', 'view', undefined, (ctx) =>
    s.reports.uptime(DaysQuery.parse(ctx.query).days),
  );
  r.add('get', '/api/reports/plays-per-day', 'view', undefined, (ctx) =>
    s.reports.playsPerDay(DaysQuery.parse(ctx.query).days),
  );
  r.add('get', '/api/reports/proof-of-play', 'view', undefined, (ctx) =>
    s.reports.proofOfPlay(ProofOfPlayQuery.parse(ctx.query)),
  );
  r.add('get', '/api/reports/proof-of-play/export', 'view', undefined, async (ctx) => {
    const report = s.reports.proofOfPlay(ProofOfPlayQuery.parse(ctx.query));
    const name = `播放证明-${report.from}至${report.to}.xlsx`;
    attachment(ctx, name, await proofOfPlayXlsx(report, s.clock.now()));
  });
  r.add('get', '/api/reports/list-display/:batchId', 'view', undefined, (ctx) =>
    s.reports.listDisplay(ctx.params.batchId!),
  );
  r.add('get', '/api/reports/list-display/:batchId/export', 'view', undefined, async (ctx) => {
    const report = s.reports.listDisplay(ctx.params.batchId!);
    attachment(ctx, `名单展示证明-${report.title}.xlsx`, await listDisplayXlsx(report, s.clock.now()));
  });
}
