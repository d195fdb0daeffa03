import { Readable } from 'node:stream';
import { audit as api } from '../../../core/protocol/routes/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The audit log, a page at a time. */
export function auditRoutes(r: RouteBuilder, p: PlatformService): void {
  r.on(api.list, (_ctx, { query, session }) => p.audit(session.user, query.offset, query.limit));
  r.on(api.verify, (_ctx, { session }) => p.verifyAudit(session.user.id));
  r.on(api.export, (ctx, { session }) => {
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(p.auditCsvName())}`);
    ctx.set('Cache-Control', 'no-store');
    return Readable.from(p.auditCsv(session.user.id));
  });
}
