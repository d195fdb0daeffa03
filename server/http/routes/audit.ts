import { audit as api } from '../../../core/protocol/routes/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The audit log, a page at a time. */
export function auditRoutes(r: RouteBuilder, p: PlatformService): void {
  r.on(api.list, (_ctx, { query, session }) => p.audit(session.user, query.offset, query.limit));
}
