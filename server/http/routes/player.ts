import { player as api } from '../../../core/protocol/routes/screens.js';
import { badRequest, notFound, unauthenticated } from '../../errors.js';
import type { DatasetService } from '../../services/delivery/datasetService.js';
import type { ManifestService } from '../../services/delivery/manifestService.js';
import type { ScreenService } from '../../services/screens/screenService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** What a paired player fetches: its manifest and the list datasets by hash. */
export function playerRoutes(
  r: RouteBuilder,
  screens: ScreenService,
  manifests: ManifestService,
  datasets: DatasetService,
): void {
  r.on(api.manifest, (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    const screen = screens.row(ctx.state.screenId as string);
    if (!screen) throw unauthenticated();
    return manifests.build(screen);
  });
  r.on(api.dataset, (ctx, { params: { hash } }) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw badRequest('bad_hash', '数据集标识无效');
    const d = datasets.get(hash);
    if (!d) throw notFound('名单数据集');
    ctx.set('Cache-Control', 'private, max-age=31536000, immutable');
    ctx.type = 'application/json';
    return d.body;
  });
}
