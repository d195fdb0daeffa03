import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { MediaInfo, MediaLibrary, MediaUploaded } from '../../../../core/protocol/programs.js';
import type { Clock } from '../../../clock.js';
import type { Config } from '../../../config.js';
import { badRequest, conflict, inUse, notFound, tooLarge } from '../../../errors.js';
import type { ContentStore, StoredMedia } from '../../../store/contentStore.js';
import type { Db } from '../../../store/db.js';
import type { ProgramStore } from '../../../store/programStore.js';
import type { AuditService } from '../../shared/auditService.js';
import type { ByteReader } from './mediaFile.js';
import { probeMedia } from './mediaProbe.js';

type Deps = {
  db: Db;
  content: ContentStore;
  programs: ProgramStore;
  audit: AuditService;
  clock: Clock;
  config: Pick<Config, 'dataDir' | 'maxMediaBytes' | 'maxMediaTotalBytes'>;
  /** The paired screens' canvases, for flagging videos larger than any of them. */
  canvases: () => Array<{ width: number; height: number }>;
};

/** The largest canvas (by area) of the paired screens, null when none is paired. */
function largestOf(canvases: Array<{ width: number; height: number }>) {
  let best: { width: number; height: number } | null = null;
  for (const c of canvases) if (!best || c.width * c.height > best.width * best.height) best = c;
  return best;
}

/** What old boxes make of a file: WebM, or a video larger than every screen. */
export function mediaFlags(
  m: Pick<MediaInfo, 'type' | 'mime' | 'width' | 'height'>,
  canvases: Array<{ width: number; height: number }>,
): NonNullable<MediaInfo['flags']> {
  const flags: NonNullable<MediaInfo['flags']> = [];
  if (m.type !== 'video') return flags;
  if (m.mime === 'video/webm') flags.push('webm');
  const fits = (c: { width: number; height: number }) =>
    (m.width ?? 0) <= Math.max(c.width, c.height) && (m.height ?? 0) <= Math.max(c.width, c.height);
  if (m.width && m.height && canvases.length > 0 && !canvases.some(fits)) flags.push('larger_than_screens');
  return flags;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const fileTooLarge = (max: number) =>
  tooLarge('file_too_large', `文件超过单个文件上限 ${mb(max)}：请压缩或剪短后再上传`);

/** Writes the request body to a temp file, hashing as it goes; drains the rest past the limit. */
async function receive(body: Readable, file: string, max: number): Promise<{ hash: string; bytes: number }> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  let bytes = 0;
  let over = false;
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      bytes += buf.length;
      if (over || bytes > max) {
        over = true;
        continue;
      }
      hash.update(buf);
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
  } catch {
    throw badRequest('upload_aborted', '上传中断，请重新上传');
  } finally {
    await new Promise<void>((r) => out.end(r));
  }
  if (over) throw fileTooLarge(max);
  return { hash: hash.digest('hex'), bytes };
}

function fileReader(file: string, size: number): ByteReader & { close(): void } {
  const fd = openSync(file, 'r');
  return {
    size,
    read(offset, length) {
      const len = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(len);
      const n = len > 0 ? readSync(fd, buf, 0, len, offset) : 0;
      return buf.subarray(0, n);
    },
    close: () => closeSync(fd),
  };
}

/** The media library: uploads typed by content, stored by sha256, deleted only when unused. */
export function createMediaService({ db, content, programs, audit, clock, config, canvases }: Deps) {
  const mediaDir = join(config.dataDir, 'media');
  const tmpDir = join(config.dataDir, 'tmp');

  const usedBy = (hash: string) => content.itemsUsingMedia(hash);
  const info = (m: StoredMedia): MediaInfo => ({
    hash: m.hash,
    type: m.type,
    mime: m.mime,
    bytes: m.bytes,
    width: m.width,
    height: m.height,
    durationMs: m.durationMs,
    originalName: m.originalName,
    builtin: m.builtin,
    createdAt: m.createdAt,
    usedBy: usedBy(m.hash),
  });

  /** Probes the received file (415/400 when it is not one the screens can show) into its row. */
  function rowFor(file: string, hash: string, bytes: number, originalName: string): StoredMedia {
    const reader = fileReader(file, bytes);
    try {
      const probed = probeMedia(reader);
      return {
        hash,
        type: probed.type,
        mime: probed.mime,
        bytes,
        width: probed.width,
        height: probed.height,
        durationMs: probed.durationMs,
        originalName: originalName.slice(0, 200) || hash.slice(0, 12),
        builtin: false,
        createdAt: clock.now(),
      };
    } finally {
      reader.close();
    }
  }

  return {
    list(): MediaLibrary {
      const screens = canvases();
      return {
        media: content.listMedia().map((m) => {
          const i = info(m);
          return { ...i, flags: mediaFlags(i, screens) };
        }),
        largestCanvas: largestOf(screens),
        totalBytes: content.mediaTotalBytes(),
        maxTotalBytes: config.maxMediaTotalBytes,
        maxFileBytes: config.maxMediaBytes,
      };
    },
    /** The MIME type of a stored file, for serving it; undefined when unknown. */
    mimeOf(hash: string): string | undefined {
      return content.getMedia(hash)?.mime;
    },
    get(hash: string): MediaInfo {
      const m = content.getMedia(hash);
      if (!m) throw notFound('媒体文件');
      return info(m);
    },

    /** Stores an upload; 400 empty, 413 too large, 415 not a supported image or video. */
    async upload(
      body: Readable,
      originalName: string,
      declaredBytes: number | null,
      actor: string,
    ): Promise<MediaUploaded> {
      if (declaredBytes !== null && declaredBytes > config.maxMediaBytes) {
        body.resume();
        throw fileTooLarge(config.maxMediaBytes);
      }
      const tmp = join(tmpDir, `upload-${randomUUID()}`);
      try {
        const { hash, bytes } = await receive(body, tmp, config.maxMediaBytes);
        if (bytes === 0) throw badRequest('empty_file', '文件是空的（0 字节），请检查后重新选择');
        const existing = content.getMedia(hash);
        if (existing) return { media: info(existing), duplicate: true };
        const total = content.mediaTotalBytes();
        if (total + bytes > config.maxMediaTotalBytes)
          throw tooLarge(
            'media_quota_exceeded',
            `媒体库总容量上限为 ${mb(config.maxMediaTotalBytes)}，已用 ${mb(total)}：请先删除不再使用的文件`,
          );
        const row = rowFor(tmp, hash, bytes, originalName);
        renameSync(tmp, join(mediaDir, hash));
        db.transaction(() => {
          content.insertMedia(row);
          audit.record({
            actor,
            action: 'media.upload',
            target: hash,
            summary: { name: row.originalName, mime: row.mime, bytes },
          });
        })();
        return { media: info(row), duplicate: false };
      } finally {
        rmSync(tmp, { force: true });
      }
    },

    /** Deletes an unused upload; 409 naming the items and campaigns that use it. */
    remove(hash: string, actor: string): void {
      const m = content.getMedia(hash);
      if (!m) throw notFound('媒体文件');
      if (m.builtin) throw conflict('builtin', '这是 HallCast 自带的海报，不能删除');
      const items = usedBy(hash);
      const campaigns = programs.snapshotsMentioning(hash);
      if (items.length > 0 || campaigns.length > 0) {
        const where = [
          ...items.map((i) => `内容「${i.name}」`),
          ...campaigns.map((c) => `宣传活动「${c.name}」已批准的版本`),
        ];
        throw inUse(`该文件正在使用，不能删除：${where.join('、')}。请先从这些内容中移除它`);
      }
      db.transaction(() => {
        content.deleteMedia(hash);
        audit.record({ actor, action: 'media.delete', target: hash, summary: { name: m.originalName } });
      })();
      const file = join(mediaDir, hash);
      if (existsSync(file)) rmSync(file, { force: true });
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;
