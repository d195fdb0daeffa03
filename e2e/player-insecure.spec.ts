// The player on a plain-http LAN origin (hall.test mapped to 127.0.0.1): no secure context, so no
// service worker and no Cache Storage; it keeps its manifest, datasets and media in IndexedDB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from './browser.js';
import {
  blankViolations,
  boards,
  type Device,
  entriesOf,
  idbCounts,
  ids,
  image,
  itemsShownFor,
  notice,
  openPlayer,
  randomUUID,
  rowIds,
  World,
  watchSwitches,
} from './playerKit.js';

let w: World;
let browser: Browser;
let page: Page;
let dev: Device;
let origin: string;
let category: { id: string; name: string };

beforeAll(async () => {
  w = await World.start();
  browser = await launchBrowser(['--host-resolver-rules=MAP hall.test 127.0.0.1']);
  origin = `http://hall.test:${w.port}`;
  category = w.category('纳税信用A级纳税人');
  w.boardsAndPosters(category.id);
  dev = await w.pair('局域网测试屏');
  ({ page } = await openPlayer(browser, origin, dev));
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('player on a plain-http LAN origin (IndexedDB only)', () => {
  it('registers no service worker and keeps manifest, datasets and media in IndexedDB', async () => {
    const { revision } = w.revisionOf(dev.screenId);
    await expect.poll(() => w.revisionOf(dev.screenId).rendered, { timeout: 20_000 }).toBe(revision);
    const env = await page.evaluate(() => ({
      secure: window.isSecureContext,
      sw: 'serviceWorker' in navigator,
    }));
    expect(env).toEqual({ secure: false, sw: false });
    // The dataset worker runs on an insecure origin too.
    expect(page.workers().map((wk) => wk.url())).toEqual([expect.stringContaining('/assets/datasetWorker-')]);
    await expect
      .poll(
        async () => {
          const c = await idbCounts(page);
          return c.manifests >= 1 && c.media === 2 && c.datasets >= 2;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });

  it('keeps playing from IndexedDB when the server stops: the next items play, nothing blank', async () => {
    await w.down();
    const kinds = await watchSwitches(page, 5, 40_000);
    expect(kinds).toContain('list-board');
    expect(kinds).toContain('image');
    await page.locator('[data-slot="current"] img.hc-image-img').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-slot="current"] img.hc-image-img').first().getAttribute('src')).toMatch(
      /^blob:/,
    );
    const v = await blankViolations(page);
    expect(v, JSON.stringify(v)).toEqual([]);
    await page.screenshot({ path: shotPath('player-insecure-offline.png') });
    await w.up();
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              (window as unknown as { __hallcastState(): { connected: boolean } }).__hallcastState()
                .connected,
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
  });

  it('hides a list whose newer dataset fails to parse after a withdrawal; the withdrawn entry is not on screen', async () => {
    const withdrawn = w.entries(category.id)[0]!.id;
    await page.locator(`[data-entry-id="${withdrawn}"]`).first().waitFor({ timeout: 20_000 });
    // Every dataset fetched from now on is cut short (the ones held are in IndexedDB already).
    await page.route('**/datasets/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"listType":"red","entries":[{"id":',
      }),
    );
    const before = w.revisionOf(dev.screenId).revision;
    w.s.credit.withdrawals.withdraw(
      withdrawn,
      { kind: 'repair', reason: '信用修复完成', docNo: '黑信修〔2026〕7号' },
      null,
    );
    await expect.poll(() => w.revisionOf(dev.screenId).rendered, { timeout: 20_000 }).toBeGreaterThan(before);
    const lists = new Set<string>();
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      expect(await rowIds(page)).not.toContain(withdrawn);
      const t = await page.evaluate(() =>
        document.querySelector('[data-slot="current"] [data-list-type]')?.getAttribute('data-list-type'),
      );
      if (t) lists.add(t);
      await page.waitForTimeout(100);
    }
    expect(lists.has('red')).toBe(false);
    expect(lists.has('black')).toBe(true);
    expect(w.errors.some((e) => e.code === 'dataset_failed')).toBe(true);
    await page.unroute('**/datasets/**');
  });

  it('skips an item that never gets ready (watchdog), keeps the last good content and reports it', async () => {
    const [img1] = w.builtinImages();
    const bytes = Buffer.concat([readFileSync(join(w.dataDir, 'media', img1!)), Buffer.from(randomUUID())]);
    const slow = w.addMedia(bytes, 'image', 'image/png');
    // The file never arrives: the request hangs.
    await page.route(`**/media/${slow}`, () => undefined);
    const hanging = image(randomUUID(), slow, '挂起的海报');
    const content = [notice(), hanging, image(ids.image1, img1!)];
    w.program([...boards(), ...content], entriesOf(boards()), entriesOf(content));
    const seen = await itemsShownFor(page, 12_000);
    expect(seen.has(hanging.id)).toBe(false);
    expect(seen.has('poster')).toBe(false);
    await expect
      .poll(() => w.errors.some((e) => e.code === 'item_timeout' && e.itemId === hanging.id), {
        timeout: 10_000,
      })
      .toBe(true);
    const v = await blankViolations(page);
    expect(v, JSON.stringify(v)).toEqual([]);
  });
});
