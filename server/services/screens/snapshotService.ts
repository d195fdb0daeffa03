import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Clock } from '../../clock.js';
import { unsupportedType } from '../../errors.js';

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

const SCREEN_ID = /^[0-9a-zA-Z-]{1,64}$/;

/**
 * Screenshots taken by the kiosk agent (`snapshot` command): the player uploads the image with
 * its device token, the admin fetches the latest one per screen. One file per screen in
 * `<data dir>/snapshots`, replaced by each new snapshot.
 */
export function createSnapshotService(d: { dir: string; clock: Clock }) {
  const metaOf = (screenId: string): SnapshotMeta | null => {
    const file = join(d.dir, `${screenId}.json`);
    if (!SCREEN_ID.test(screenId) || !existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as SnapshotMeta;
    } catch {
      return null;
    }
  };
  return {
    /** Stores a screen's new screenshot (JPEG, PNG or WebP by its bytes), replacing the last. */
    store(screenId: string, body: Buffer): SnapshotMeta {
      const mime = sniff(body);
      if (!mime) throw unsupportedType('not_an_image', '截屏必须是 JPEG、PNG 或 WebP 图像');
      mkdirSync(d.dir, { recursive: true });
      const meta: SnapshotMeta = { screenId, mime, bytes: body.length, at: d.clock.now() };
      writeFileSync(join(d.dir, `${screenId}.img.tmp`), body);
      renameSync(join(d.dir, `${screenId}.img.tmp`), join(d.dir, `${screenId}.img`));
      writeFileSync(join(d.dir, `${screenId}.json`), JSON.stringify(meta));
      return meta;
    },
    meta: metaOf,
    /** The latest screenshot with its image stream, or null when the screen has none. */
    open(screenId: string): { meta: SnapshotMeta; stream: Readable } | null {
      const meta = metaOf(screenId);
      const file = join(d.dir, `${screenId}.img`);
      if (!meta || !existsSync(file)) return null;
      return { meta, stream: createReadStream(file) };
    },
  };
}
export type SnapshotService = ReturnType<typeof createSnapshotService>;
