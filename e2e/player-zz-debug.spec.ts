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

it('debug anomalies', async () => {
  await page.context().addInitScript(`(() => {
    window.__anom = [];
    window.__hist = [];
    new MutationObserver((recs) => {
      for (const r of recs) {
        if (r.type === 'attributes' && r.target.classList && r.target.classList.contains('hc-layer')) window.__hist.push(Math.round(performance.now()) + ' attr ' + r.target.getAttribute('data-key').slice(0, 8) + ' -> ' + r.target.className);
        for (const n of r.addedNodes) if (n.classList && n.classList.contains('hc-layer')) window.__hist.push(Math.round(performance.now()) + ' add ' + n.getAttribute('data-key').slice(0, 8) + ' ' + n.className);
        for (const n of r.removedNodes) if (n.classList && n.classList.contains('hc-layer')) window.__hist.push(Math.round(performance.now()) + ' rm ' + n.getAttribute('data-key').slice(0, 8));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    const step = () => {
      const zone = document.querySelector('[data-testid="main-zone"]');
      if (zone) {
        const layers = [...zone.querySelectorAll('.hc-layer')];
        const cur = zone.querySelector('.hc-layer[data-slot="current"]');
        const leaving = zone.querySelector('.hc-layer[data-slot="leaving"]');
        if (cur && !leaving) {
          const op = Number(getComputedStyle(cur).opacity);
          const img = cur.querySelector('img');
          const vid = cur.querySelector('video');
          const bad = op < 0.5 || (img && !(img.complete && img.naturalWidth > 0)) || (vid && vid.readyState < 2) || !cur.querySelector('[data-kind]');
          if (bad) window.__anom.push({ t: Math.round(performance.now()), op, key: cur.getAttribute('data-key'), img: img ? img.currentSrc.slice(0, 40) + ' ' + img.complete + ' ' + img.naturalWidth : null, vid: vid ? vid.readyState : null, kind: cur.querySelector('[data-kind]')?.getAttribute('data-kind'), layers: layers.map(l => l.getAttribute('data-slot') + ' ' + l.getAttribute('data-key').slice(0, 8)).join(',') });
        }
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })()`);
  await page.reload();
  await page.waitForTimeout(40000);
  const a = await page.evaluate('window.__anom');
  const h = await page.evaluate('window.__hist');
  console.log('ANOM', JSON.stringify(a.slice(0, 2)));
  if (a.length) {
    const t = a[0].t;
    console.log('ANOMS', a.length, JSON.stringify(a.map((x) => x.t)));
    console.log(
      'HIST',
      h
        .filter((x) => {
          const n = Number(x.split(' ')[0]);
          return n > t - 2500 && n < t + 600;
        })
        .join('\n'),
    );
  }
  console.log('READY', JSON.stringify(await page.evaluate('window.__hallcastReady')).slice(0, 1500));
}, 120000);
