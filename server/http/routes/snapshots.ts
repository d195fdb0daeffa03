import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'koa';
import type { Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import type { RouteBuilder } from '../routeBuilder.js';

export interface SnapshotMeta {
  screenId: string;
  mime: string;
  bytes: number;
  at: number;
}

/** The image type by its first bytes; the client's content-type is not trusted. */
function sniff(buf: Buffer): string | null {
  if (buf.length > 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (
    buf.length > 8 &&
    buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (buf.length > 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** The body, up to `maxBytes` (a screenshot is a few hundred KB; this bounds a misbehaving client). */
async function readBody(ctx: Context, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new AppError(
        413,
        'body_too_large',
        `截屏文件超过 ${Math.floor(maxBytes / 1024 / 1024)} MB 上限，请降低 kiosk 窗口分辨率或调整 HALLCAST_MAX_SNAPSHOT_BYTES`,
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Screenshots taken by the kiosk agent (`snapshot` command): the player uploads the image with
 * its device token, the admin fetches the latest one per screen. One file per screen in
 * `<data dir>/snapshots`, replaced by each new snapshot.
 */
export function snapshotRoutes(r: RouteBuilder, dir: string, clock: Clock, maxBytes: number): void {
  const metaOf = (screenId: string): SnapshotMeta | null => {
    const file = join(dir, `${screenId}.json`);
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as SnapshotMeta;
    } catch {
      return null;
    }
  };

  r.add('post', '/api/player/snapshot', 'player', undefined, async (ctx) => {
    const screenId = ctx.state.screenId as string;
    const body = await readBody(ctx, maxBytes);
    const mime = sniff(body);
    if (!mime) throw new AppError(415, 'not_an_image', '截屏必须是 JPEG、PNG 或 WebP 图像');
    mkdirSync(dir, { recursive: true });
    const meta: SnapshotMeta = { screenId: screenId, mime, bytes: body.length, at: clock.now() };
    writeFileSync(join(dir, `${screenId}.img.tmp`), body);
    renameSync(join(dir, `${screenId}.img.tmp`), join(dir, `${screenId}.img`));
    writeFileSync(join(dir, `${screenId}.json`), JSON.stringify(meta));
    ctx.status = 201;
    return { ...meta, url: `/api/screens/${screenId}/snapshot` };
  });

  r.add('get', '/api/player/snapshot', 'player', undefined, (ctx) => {
    return { snapshot: metaOf(ctx.state.screenId as string) };
  });

  r.add('get', '/api/screens/:id/snapshot', 'view', undefined, (ctx) => {
    const id = ctx.params.id!;
    const meta = /^[0-9a-zA-Z-]{1,64}$/.test(id) ? metaOf(id) : null;
    const file = join(dir, `${id}.img`);
    if (!meta || !existsSync(file)) throw notFound('该屏幕的截屏');
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Snapshot-At', String(meta.at));
    ctx.type = meta.mime;
    ctx.body = createReadStream(file);
  });
}
