// No blank frame: every frame Chromium paints over a few dozen item switches (images, a video,
// list boards, a notice), recorded with the DevTools screencast; plus, from inside the page,
// that an outgoing item leaves only after the incoming one reported ready; plus proof of play.
import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../core/manifest/types.js';
import { until } from '../server/test/harness.js';
import { launchBrowser, shotPath } from './browser.js';
import {
  blankViolations,
  boards,
  command,
  type Device,
  entriesOf,
  ids,
  image,
  makeWebm,
  notice,
  openPlayer,
  World,
} from './playerKit.js';

const VIEW = { width: 960, height: 540 };
let w: World;
let browser: Browser;
let page: Page;
let dev: Device;

interface Frame {
  data: string;
  at: number;
}

interface FrameStats {
  mean: number;
  std: number;
}

/** Records every screencast frame until `stop()`. */
async function screencast(cdp: CDPSession): Promise<{ stop(): Promise<Frame[]> }> {
  const frames: Frame[] = [];
  cdp.on('Page.screencastFrame', (f) => {
    frames.push({ data: f.data, at: Date.now() });
    void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => undefined);
  });
  await cdp.send('Page.startScreencast', {
    format: 'jpeg',
    quality: 70,
    maxWidth: VIEW.width / 2,
    maxHeight: VIEW.height / 2,
    everyNthFrame: 1,
  });
  return {
    async stop() {
      await cdp.send('Page.stopScreencast').catch(() => undefined);
      return frames;
    },
  };
}

/** Luminance mean and spread of each frame's main zone, decoded in a browser page. */
async function analyse(
  frames: Frame[],
  zone: { x: number; y: number; width: number; height: number },
): Promise<FrameStats[]> {
  const lab = await browser.newPage();
  const out: FrameStats[] = [];
  for (let i = 0; i < frames.length; i += 40) {
    const chunk = frames.slice(i, i + 40).map((f) => f.data);
    out.push(
      ...(await lab.evaluate(
        async ({ chunk, zone }) => {
          const stats: { mean: number; std: number }[] = [];
          for (const b64 of chunk) {
            const bin = atob(b64);
            const bytes = new Uint8Array(bin.length);
            for (let k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
            const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
            const scale = bmp.width / zone.viewWidth;
            const c = new OffscreenCanvas(bmp.width, bmp.height);
            const g = c.getContext('2d')!;
            g.drawImage(bmp, 0, 0);
            const px = g.getImageData(
              Math.round(zone.x * scale),
              Math.round(zone.y * scale),
              Math.max(1, Math.round(zone.width * scale)),
              Math.max(1, Math.round(zone.height * scale)),
            ).data;
            let n = 0;
            let sum = 0;
            let sq = 0;
            for (let p = 0; p < px.length; p += 8) {
              const l = 0.2126 * px[p]! + 0.7152 * px[p + 1]! + 0.0722 * px[p + 2]!;
              n++;
              sum += l;
              sq += l * l;
            }
            const mean = sum / n;
            stats.push({ mean, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) });
          }
          return stats;
        },
        { chunk, zone: { ...zone, viewWidth: VIEW.width } },
      )),
    );
  }
  await lab.close();
  return out;
}

beforeAll(async () => {
  // One-second items in four-second cycles: a switch about every second.
  w = await World.start({ cycleMs: 4000, listShare: 0.5 });
  browser = await launchBrowser();
  const video = w.addMedia(await makeWebm(browser), 'video', 'video/webm');
  const [img1, img2] = w.builtinImages();
  const [red, black] = boards(2) as [Item, Item];
  const scrollBlack = { ...black, mode: 'scroll' as const, rowsPerPage: 3, dwellSec: 2 } as Item;
  const content: Item[] = [
    image(ids.image1, img1!),
    { id: ids.video, name: '宣传片', kind: 'video', durationMs: 1000, media: video, playToEnd: false },
    notice(),
    image(ids.image2, img2!),
  ];
  w.program([red, scrollBlack, ...content], entriesOf([red, scrollBlack], 1000), entriesOf(content, 1000));
  dev = await w.pair('画面测试屏');
  ({ page } = await openPlayer(browser, w.url, dev, VIEW));
  const { revision } = w.revisionOf(dev.screenId);
  await until(() => w.revisionOf(dev.screenId).rendered === revision, 20_000);
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, {
    timeout: 10_000,
  });
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('no blank frame', () => {
  it('paints no uniform main zone over a few dozen switches (and a reload), and swaps only ready items', async () => {
    const zone = await page.getByTestId('main-zone').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const cdp = await page.context().newCDPSession(page);
    const rec = await screencast(cdp);
    const switches = new Set<string>();
    const kinds = new Set<string>();
    const started = Date.now();
    let reloaded = false;
    let reloadAtMs = 0;
    while (Date.now() - started < 32_000) {
      const cur = await page
        .evaluate(() => {
          const layer = document.querySelector('[data-testid="main-zone"] [data-slot="current"]');
          return layer
            ? {
                key: layer.getAttribute('data-key'),
                kind: layer.querySelector('[data-kind]')?.getAttribute('data-kind'),
              }
            : null;
        })
        .catch(() => null);
      if (cur?.key) switches.add(cur.key);
      if (cur?.kind) kinds.add(cur.kind);
      if (!reloaded && Date.now() - started > 20_000) {
        reloaded = true;
        reloadAtMs = Date.now() - started;
        // The operator's reload: with a service worker holding the shell, no blank frame either.
        expect((await command(w, dev.screenId, 'reload')).ok).toBe(true);
      }
      await page.waitForTimeout(80);
    }
    const frames = await rec.stop();
    const violations = await blankViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    expect(switches.size).toBeGreaterThanOrEqual(24);
    // The reload crossfades to the poster first (the new page's first paint is one as well).
    expect([...kinds].filter((k) => k !== 'poster').sort()).toEqual([
      'image',
      'list-board',
      'notice',
      'video',
    ]);
    const stats = await analyse(frames, zone);
    expect(stats.length).toBeGreaterThan(100);
    const blank = stats
      .map((s, i) => ({ ...s, i }))
      .filter((s) => s.std < 3 || ((s.mean < 12 || s.mean > 243) && s.std < 8));
    for (const b of blank.slice(0, 3)) {
      writeFileSync(shotPath(`player-blank-frame-${b.i}.jpg`), Buffer.from(frames[b.i]!.data, 'base64'));
      if (frames[b.i - 1])
        writeFileSync(
          shotPath(`player-blank-frame-${b.i}-before.jpg`),
          Buffer.from(frames[b.i - 1]!.data, 'base64'),
        );
    }
    expect(
      blank.map((b) => ({ ...b, atMs: frames[b.i]!.at - started, reloadAtMs })),
      'blank frames',
    ).toEqual([]);
    await page.screenshot({ path: shotPath('player-frames.png') });
  });

  // Reads the plays the switches above produced.
  it('records proof of play: each item shown, and for list boards which entries were visible and how long', async () => {
    await expect
      .poll(
        () =>
          (
            w.s.db.prepare('SELECT count(*) AS n FROM plays WHERE screen_id = ?').get(dev.screenId) as {
              n: number;
            }
          ).n,
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(15);
    const plays = w.s.db
      .prepare('SELECT * FROM plays WHERE screen_id = ? ORDER BY started_at')
      .all(dev.screenId) as Array<{
      id: string;
      kind: string;
      item_id: string;
      started_at: number;
      ended_at: number;
      entries: string | null;
    }>;
    expect(new Set(plays.map((p) => p.kind))).toEqual(new Set(['image', 'video', 'notice', 'list-board']));
    for (const p of plays) expect(p.ended_at).toBeGreaterThanOrEqual(p.started_at);
    const boardsSeen = plays.filter((p) => p.kind === 'list-board' && p.entries);
    expect(boardsSeen.length).toBeGreaterThan(3);
    const visible = boardsSeen.flatMap(
      (p) => JSON.parse(p.entries!) as Array<{ entryId: string; visibleMs: number }>,
    );
    expect(visible.length).toBeGreaterThan(0);
    for (const v of visible) {
      expect(v.entryId.length).toBeGreaterThan(10);
      expect(v.visibleMs).toBeGreaterThan(0);
      expect(v.visibleMs).toBeLessThan(5000);
    }
    // A resend of the same ids is not counted twice.
    const sockets = await w.hc.realtime.io.of('/player').in(`screen:${dev.screenId}`).fetchSockets();
    expect(sockets.length).toBe(1);
    const before = plays.length;
    const stored = w.s.stores.plays.insertMany(
      dev.screenId,
      plays.slice(0, 3).map((p) => ({
        id: p.id,
        itemId: p.item_id,
        kind: p.kind as Item['kind'],
        playlistId: 'x',
        startedAt: p.started_at,
        endedAt: p.ended_at,
      })),
    );
    expect(stored).toBe(0);
    expect(w.s.stores.plays.countFor(dev.screenId)).toBeGreaterThanOrEqual(before);
  });
});
