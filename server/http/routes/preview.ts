import { preview as api } from '../../../core/protocol/routes/programs.js';
import type { ProgramServices } from '../../services/programs/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The time-travel preview: what a screen shows at a given moment. */
export function previewRoutes(r: RouteBuilder, p: Pick<ProgramServices, 'preview'>): void {
  r.on(api.get, (ctx, { params, query }) => {
    ctx.set('Cache-Control', 'no-store');
    return p.preview.preview(params.screenId, query.at, query.timezone);
  });
}
