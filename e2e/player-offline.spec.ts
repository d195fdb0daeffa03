// The player on a secure origin (http://127.0.0.1 is one): service worker + IndexedDB. One server
// (stopped and started again on the same data dir and port) and one browser for the whole file;
// the tests run in order and each leaves the world as the next expects.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateIn } from '../core/time.js';
import { launchBrowser, shotPath } from './browser.js';
import {
  blankViolations,
  boards,
  command,
  corruptNewestManifest,
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
  setDeviceClock,
  World,
  watchSwitches,
} from './playerKit.js';

const DAY = 86_400_000;
let w: World;
let browser: Browser;
let page: Page;
let dev: Device;
/** A red-list entry whose last day of display is today (server time). */
let expiring: string;

/** Samples for `ms`: the kinds shown, and every list row id seen in the DOM meanwhile. */
async function observe(ms: number): Promise<{ kinds: string[]; rows: Set<string> }> {
  const kinds: string[] = [];
  const rows = new Set<string>();
  const until = Date.now() + ms;
  while (Date.now() < until) {
    kinds.push(
      (await page.evaluate(() =>
        document.querySelector('[data-slot="current"] [data-kind]')?.getAttribute('data-kind'),
      )) ?? 'none',
    );
    for (const id of await rowIds(page)) rows.add(id);
    await page.waitForTimeout(150);
  }
  return { kinds, rows };
}

beforeAll(async () => {
  w = await World.start({ staleAfterMs: 3 * DAY });
  browser = await launchBrowser();
  const category = w.category('纳税信用A级纳税人');
  expiring = w.entries(category.id)[0]!.id;
  w.setPublishUntil(expiring, dateIn(Date.now()));
  w.boardsAndPosters(category.id);
  dev = await w.pair('离线测试屏');
  ({ page } = await openPlayer(browser, w.url, dev));
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('offline-first player (service worker + IndexedDB)', () => {
  it('plays from the server and keeps an offline copy', async () => {
    const { revision } = w.revisionOf(dev.screenId);
    await expect.poll(() => w.revisionOf(dev.screenId).rendered, { timeout: 20_000 }).toBe(revision);
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker?.controller)), { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(
        async () => {
          const c = await idbCounts(page);
          return c.manifests >= 1 && c.media === 2 && c.datasets >= 2;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.locator(`[data-entry-id="${expiring}"]`).first().waitFor({ timeout: 20_000 });
    // Datasets are fetched, parsed and stored by the dataset worker, off the main thread.
    expect(page.workers().map((wk) => wk.url())).toEqual([expect.stringContaining('/assets/datasetWorker-')]);
    await page.screenshot({ path: shotPath('player-offline-online.png') });
  });

  it('obeys identify, info (and the key "i"), resync and clear-cache; snapshot says no agent runs', async () => {
    const identify = await command(w, dev.screenId, 'identify');
    expect(identify.ok).toBe(true);
    await expect(page.getByTestId('identify').textContent()).resolves.toContain('离线测试屏');
    const info = await command(w, dev.screenId, 'info');
    expect(info).toMatchObject({ ok: true, data: { shown: true } });
    const panel = await page.getByTestId('info-panel').textContent();
    expect(panel).toContain(`第 ${w.revisionOf(dev.screenId).revision} 版`);
    expect(panel).toContain(w.url);
    expect(panel).toContain('已连接');
    await page.keyboard.press('i');
    await page.getByTestId('info-panel').waitFor({ state: 'detached' });
    const snap = await command(w, dev.screenId, 'snapshot');
    expect(snap).toMatchObject({ ok: false, error: { code: 'no_agent' } });
    expect((await command(w, dev.screenId, 'resync')).ok).toBe(true);
    expect((await command(w, dev.screenId, 'clear-cache')).ok).toBe(true);
    await expect.poll(async () => (await idbCounts(page)).media, { timeout: 10_000 }).toBe(2);
    await page.getByTestId('identify').waitFor({ state: 'detached', timeout: 12_000 });
  });

  it('keeps playing when the server stops: the next items play, nothing blank', async () => {
    await w.down();
    const kinds = await watchSwitches(page, 6, 40_000);
    expect(kinds).toContain('list-board');
    expect(kinds.some((k) => k === 'image' || k === 'notice')).toBe(true);
    await page.locator('[data-slot="current"] img.hc-image-img').first().waitFor({ timeout: 20_000 });
    const src = await page.locator('[data-slot="current"] img.hc-image-img').first().getAttribute('src');
    expect(src).toMatch(/^blob:/);
    const v = await blankViolations(page);
    expect(v, JSON.stringify(v)).toEqual([]);
  });

  it('plays from its cache after a reload without the server', async () => {
    await page.reload();
    await page.locator('[data-slot="current"] [data-kind]').first().waitFor({ timeout: 15_000 });
    const kinds = await watchSwitches(page, 4, 30_000);
    expect(kinds).toContain('list-board');
    const v = await blankViolations(page);
    expect(v, JSON.stringify(v)).toEqual([]);
    await page.screenshot({ path: shotPath('player-offline-reloaded.png') });
  });

  it('drops an entry past its publishUntil while offline', async () => {
    await setDeviceClock(page, Date.now() + DAY);
    await page.waitForTimeout(500);
    const { kinds, rows } = await observe(9_000);
    expect(kinds).toContain('list-board');
    expect(rows.size).toBeGreaterThan(0);
    expect(rows.has(expiring)).toBe(false);
  });

  it('keeps its time when the device clock is set back by years: no expired entry reappears', async () => {
    await setDeviceClock(page, Date.UTC(2001, 0, 1));
    const { kinds, rows } = await observe(9_000);
    expect(kinds).toContain('list-board');
    expect(rows.has(expiring)).toBe(false);
    expect(await page.locator('.hc-stage-date').textContent()).not.toContain('2001');
  });

  it('after a restart without the server and with the device clock behind, lists stay hidden', async () => {
    await page.reload();
    await page.locator('[data-slot="current"] [data-kind]').first().waitFor({ timeout: 15_000 });
    const { kinds, rows } = await observe(9_000);
    expect(kinds).not.toContain('list-board');
    expect(kinds.some((k) => k === 'image' || k === 'notice')).toBe(true);
    expect(rows.size).toBe(0);
  });

  it('shows the lists again once the server answers, and resyncs to the newest revision', async () => {
    await w.up();
    const before = w.revisionOf(dev.screenId).revision;
    w.bump('while the screen reconnects');
    await expect.poll(() => w.revisionOf(dev.screenId).rendered, { timeout: 20_000 }).toBe(before + 1);
    await page.getByTestId('list-board').first().waitFor({ timeout: 15_000 });
    await setDeviceClock(page);
  });

  it('hides the lists past listsValidUntil and goes on with campaign content', async () => {
    await w.down();
    // After a server answer in this session the player counts monotonic time and ignores a device
    // clock that jumps; days passing offline are simulated across a restart.
    await page.reload();
    await page.locator('[data-slot="current"] [data-kind]').first().waitFor({ timeout: 15_000 });
    await setDeviceClock(page, Date.now() + 4 * DAY);
    await page.waitForTimeout(1500);
    const { kinds, rows } = await observe(9_000);
    expect(kinds).not.toContain('list-board');
    // The lists' airtime goes to campaign content, not to a poster.
    expect(kinds.filter((k) => k === 'image' || k === 'notice').length).toBeGreaterThan(kinds.length * 0.8);
    expect(rows.size).toBe(0);
    await setDeviceClock(page);
    await w.up();
    await page.getByTestId('list-board').first().waitFor({ timeout: 20_000 });
  });

  it('plays the last good manifest when the newest cached copy is corrupt, and reports it', async () => {
    await w.down();
    await corruptNewestManifest(page);
    await page.reload();
    await page.locator('[data-slot="current"] [data-kind]').first().waitFor({ timeout: 15_000 });
    const { kinds } = await observe(9_000);
    // An older manifest may carry older list data: lists stay hidden until the server answers.
    expect(kinds).not.toContain('list-board');
    expect(kinds.some((k) => k === 'image' || k === 'notice')).toBe(true);
    await w.up();
    await expect.poll(() => w.errors.some((e) => e.code === 'cache_corrupt'), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('list-board').first().waitFor({ timeout: 20_000 });
  });

  it('skips an item whose media file is missing, keeps the last good content and reports it', async () => {
    const [img1] = w.builtinImages();
    const bytes = Buffer.concat([readFileSync(join(w.dataDir, 'media', img1!)), Buffer.from(randomUUID())]);
    const missing = w.addMedia(bytes, 'image', 'image/png');
    rmSync(join(w.dataDir, 'media', missing));
    const broken = image(randomUUID(), missing, '缺失的海报');
    const content = [notice(), broken, image(ids.image1, img1!)];
    w.program([...boards(), ...content], entriesOf(boards()), entriesOf(content));
    const seen = await itemsShownFor(page, 12_000);
    expect(seen.has(broken.id)).toBe(false);
    expect(seen.has('poster')).toBe(false);
    expect(seen.has(ids.notice)).toBe(true);
    expect(w.errors.some((e) => e.itemId === broken.id || e.message.includes(missing.slice(0, 12)))).toBe(
      true,
    );
    const v = await blankViolations(page);
    expect(v, JSON.stringify(v)).toEqual([]);
  });
});
