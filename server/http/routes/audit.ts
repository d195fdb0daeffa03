import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';
import { Page } from './query.js';

/** The audit log, a page at a time. */
export function auditRoutes(r: RouteBuilder, p: PlatformService): void {
  r.add('get', '/api/audit', 'view', undefined, (ctx) => {
    const page = Page.parse(ctx.query);
    return p.audit(page.offset, page.limit);
  });
}
