import type { Context } from 'koa';
import { player, screens } from '../../../core/protocol/routes/screens.js';
import { notFound, tooLarge } from '../../errors.js';
import type { SnapshotService } from '../../services/screens/snapshotService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The body, up to `maxBytes` (a screenshot is a few hundred KB; this bounds a misbehaving client). */
async function readBody(ctx: Context, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw tooLarge(
        'body_too_large',
        `截屏文件超过 ${Math.floor(maxBytes / 1024 / 1024)} MB 上限，请降低 kiosk 窗口分辨率或调整 HALLCAST_MAX_SNAPSHOT_BYTES`,
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Kiosk screenshots: the player uploads with its device token, the admin fetches the latest. */
export function snapshotRoutes(r: RouteBuilder, snapshots: SnapshotService, maxBytes: number): void {
  r.on(player.uploadSnapshot, async (ctx) => {
    const screenId = ctx.state.screenId as string;
    const meta = snapshots.store(screenId, await readBody(ctx, maxBytes));
    return { ...meta, url: `/api/screens/${screenId}/snapshot` };
  });

  r.on(player.snapshot, (ctx) => {
    return { snapshot: snapshots.meta(ctx.state.screenId as string) };
  });

  r.on(screens.snapshot, (ctx, { params }) => {
    const shot = snapshots.open(params.id);
    if (!shot) throw notFound('该屏幕的截屏');
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Snapshot-At', String(shot.meta.at));
    ctx.type = shot.meta.mime;
    ctx.body = shot.stream;
  });
}
