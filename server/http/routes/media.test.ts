import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaLibrary } from '../../../core/protocol/programs.js';
import { type Client, loginAs, startTestServer, type TestServer } from '../../test/harness.js';
import { jpeg, mp4, png, SVG, upload, webm, webp } from '../../test/mediaFixtures.js';

let t: TestServer;
let pub: Client;
beforeAll(async () => {
  t = await startTestServer({ maxMediaBytes: 64 * 1024, maxMediaTotalBytes: 256 * 1024 });
  pub = await loginAs(t, 'publicity');
});
afterAll(async () => {
  await t.close();
});

const mediaCount = () => t.hc.stores.content.listMedia().length;
const tmpFiles = () => readdirSync(join(t.dataDir, 'tmp'));

/** Asserts a refused upload left no row, no stored file and no temp file behind. */
async function refused(body: Buffer, name: string, status: number, code: string) {
  const before = mediaCount();
  const r = await upload(pub, body, name);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(mediaCount()).toBe(before);
  expect(tmpFiles()).toEqual([]);
  return r.body.error.message as string;
}

describe('media upload', () => {
  it('stores images by sha256 with their size read from the headers', async () => {
    for (const [body, name, mime] of [
      [png(800, 600), 'a.png', 'image/png'],
      [jpeg(1024, 768), 'b.jpg', 'image/jpeg'],
      [webp(640, 480), 'c.webp', 'image/webp'],
    ] as const) {
      const r = await upload(pub, body, name);
      expect(r.status).toBe(201);
      expect(r.body.media).toMatchObject({ type: 'image', mime, originalName: name, bytes: body.length });
      expect([r.body.media.width, r.body.media.height]).toEqual(
        name === 'a.png' ? [800, 600] : name === 'b.jpg' ? [1024, 768] : [640, 480],
      );
      expect(existsSync(join(t.dataDir, 'media', r.body.media.hash))).toBe(true);
      const served = await fetch(`${t.url}/media/${r.body.media.hash}`);
      expect(served.headers.get('content-type')).toBe(mime);
      expect(served.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('reads H.264 MP4 duration from mvhd (moov after mdat) and WebM duration and size', async () => {
    const a = await upload(pub, mp4({ audio: 'mp4a', durationMs: 12_500 }), 'clip.mp4');
    expect(a.status).toBe(201);
    expect(a.body.media).toMatchObject({ type: 'video', mime: 'video/mp4', durationMs: 12_500, width: 1920 });
    const b = await upload(pub, webm({ durationMs: 8000 }), 'clip.webm');
    expect(b.status).toBe(201);
    expect(b.body.media).toMatchObject({ mime: 'video/webm', durationMs: 8000, width: 1280, height: 720 });
  });

  it('decides the type by content, not by name, and shares one file between duplicates', async () => {
    const bytes = png(300, 200);
    const first = await upload(pub, bytes, 'movie.mp4');
    expect(first.status).toBe(201);
    expect(first.body.media.mime).toBe('image/png');
    const again = await upload(pub, bytes, 'other-name.png');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, media: { hash: first.body.media.hash } });
  });

  it('refuses disguised files: SVG named .png, HTML named .jpg, GIF, HEIC', async () => {
    expect(await refused(SVG, 'poster.png', 415, 'unsupported_media')).toContain('SVG');
    await refused(
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      'photo.jpg',
      415,
      'unsupported_media',
    );
    await refused(Buffer.from('GIF89a\x01\x00\x01\x00'), 'x.png', 415, 'unsupported_media');
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(12)]);
    expect(await refused(heic, 'x.jpg', 415, 'unsupported_media')).toContain('HEIC');
  });

  it('refuses unsupported codecs with a message naming them', async () => {
    expect(await refused(mp4({ video: 'hvc1' }), 'hevc.mp4', 415, 'unsupported_media')).toContain('HEVC');
    expect(await refused(mp4({ audio: 'ac-3' }), 'ac3.mp4', 415, 'unsupported_media')).toContain('AC-3');
    expect(await refused(mp4({ video: '', audio: 'mp4a' }), 'song.m4a', 415, 'unsupported_media')).toContain(
      '视频轨道',
    );
    expect(await refused(webm({ codec: 'V_MPEG4/ISO/AVC' }), 'x.webm', 415, 'unsupported_media')).toContain(
      'V_MPEG4',
    );
    expect(await refused(webm({ docType: 'matroska' }), 'x.mkv', 415, 'unsupported_media')).toContain(
      'matroska',
    );
  });

  it('refuses zero-length and truncated files', async () => {
    await refused(Buffer.alloc(0), 'empty.png', 400, 'empty_file');
    await refused(png(10, 10).subarray(0, 12), 'cut.png', 400, 'media_corrupt');
  });

  it('refuses a file over the per-file limit with 413, declared or streamed', async () => {
    const big = Buffer.concat([png(10, 10), Buffer.alloc(70 * 1024)]);
    expect(await refused(big, 'big.png', 413, 'file_too_large')).toContain('MB');
    const before = mediaCount();
    const chunks = [png(10, 10), Buffer.alloc(70 * 1024)];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const res = await fetch(`${t.url}/api/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: pub.cookie, 'x-csrf-token': pub.csrf },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(mediaCount()).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses uploads past the library total with 413', async () => {
    const pieces = [0, 1, 2, 3, 4].map(() => Buffer.concat([png(10, 10), Buffer.alloc(60 * 1024)]));
    let last: Awaited<ReturnType<typeof upload>> = { status: 0, body: {} };
    for (const p of pieces) {
      last = await upload(pub, p, 'filler.png');
      if (last.status !== 201) break;
    }
    expect(last.status).toBe(413);
    expect(last.body.error.code).toBe('media_quota_exceeded');
    expect(tmpFiles()).toEqual([]);
  });

  it('answers JSON or form bodies with 400 and only lets publicity and admins upload', async () => {
    const json = await pub.request('POST', '/api/media', { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('raw_body_expected');
    const reviewer = await loginAs(t, 'reviewer');
    const r = await upload(reviewer, png(5, 5), 'r.png');
    expect(r.status).toBe(403);
  });
});

describe('deleting media', () => {
  it('refuses to delete a file in use, naming the item, and deletes it once unused', async () => {
    const up = await upload(pub, png(1920, 1080), 'hall.png');
    const hash = up.body.media.hash as string;
    const item = await pub.request('POST', '/api/items', {
      kind: 'image',
      name: '大厅海报',
      durationMs: 10_000,
      media: hash,
      fit: 'cover',
    });
    expect(item.status).toBe(201);
    const busy = await pub.request('DELETE', `/api/media/${hash}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('in_use');
    expect(busy.body.error.message).toContain('大厅海报');
    expect(existsSync(join(t.dataDir, 'media', hash))).toBe(true);
    const lib = await pub.request('GET', '/api/media');
    expect((lib.body as MediaLibrary).media.find((m) => m.hash === hash)?.usedBy).toEqual([
      { id: item.body.id, name: '大厅海报' },
    ]);
    expect((await pub.request('DELETE', `/api/items/${item.body.id}`)).status).toBe(204);
    expect((await pub.request('DELETE', `/api/media/${hash}`)).status).toBe(204);
    expect(existsSync(join(t.dataDir, 'media', hash))).toBe(false);
    expect((await fetch(`${t.url}/media/${hash}`)).status).toBe(404);
  });

  it('keeps the built-in posters', async () => {
    const builtin = t.hc.stores.content.listMedia().find((m) => m.builtin)!;
    const r = await pub.request('DELETE', `/api/media/${builtin.hash}`);
    expect(r.status).toBe(409);
  });
});
