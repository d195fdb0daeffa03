import { PairPoll, PairRegister, ScreenClaim, ScreenUpdate } from '../../../core/protocol/rest.js';
import { AppError, notFound, unauthenticated } from '../../errors.js';
import type { DatasetService } from '../../services/delivery/datasetService.js';
import type { ManifestService } from '../../services/delivery/manifestService.js';
import type { ScreenService } from '../../services/screens/screenService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Screens for the admin; pairing and manifest/datasets for players. */
export function screenRoutes(
  r: RouteBuilder,
  screens: ScreenService,
  manifests: ManifestService,
  datasets: DatasetService,
): void {
  r.add('get', '/api/screens', 'view', undefined, () => screens.list());
  r.add('post', '/api/screens/claim', 'operate-screens', ScreenClaim, (ctx, { body, session }) => {
    ctx.status = 201;
    return screens.claim(body, session.user.id);
  });
  r.add('patch', '/api/screens/:id', 'operate-screens', ScreenUpdate, (ctx, { body, session }) =>
    screens.update(ctx.params.id!, body, session.user.id),
  );
  r.add('post', '/api/screens/:id/revoke', 'operate-screens', undefined, (ctx, { session }) =>
    screens.revoke(ctx.params.id!, session.user.id),
  );

  r.add('post', '/api/pair/register', 'public', PairRegister, (ctx, { body }) =>
    screens.register(body, ctx.ip),
  );
  r.add('post', '/api/pair/poll', 'public', PairPoll, (ctx, { body }) => screens.poll(body, ctx.ip));

  r.add('get', '/api/player/manifest', 'player', undefined, (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    const screen = screens.row(ctx.state.screenId as string);
    if (!screen) throw unauthenticated();
    return manifests.build(screen);
  });
  r.add('get', '/datasets/:hash', 'player', undefined, (ctx) => {
    const hash = ctx.params.hash!;
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError(400, 'bad_hash', '数据集标识无效');
    const d = datasets.get(hash);
    if (!d) throw notFound('名单数据集');
    ctx.set('Cache-Control', 'private, max-age=31536000, immutable');
    ctx.type = 'application/json';
    return d.body;
  });
}
