import { PreviewQuery } from '../../../core/protocol/programs.js';
import type { ProgramServices } from '../../services/programs/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The time-travel preview: what a screen shows at a given moment. */
export function previewRoutes(r: RouteBuilder, p: Pick<ProgramServices, 'preview'>): void {
  r.add('get', '/api/preview/:screenId', 'view', undefined, (ctx) => {
    const q = PreviewQuery.parse(ctx.query);
    ctx.set('Cache-Control', 'no-store');
    return p.preview.preview(ctx.params.screenId!, q.at, q.timezone);
  });
}
