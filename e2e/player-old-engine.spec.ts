// The player on an engine made as old as Chromium 69 (e2e/oldEngine.ts): it pairs, loads its list
// in the classic dataset worker, applies a withdrawal and raises no page error; the boot script's
// message shows on an engine below the floor and when the app cannot start, and reaches the server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../server/test/harness.js';
import { launchBrowser, shotPath } from './browser.js';
import { ANDROID7_WEBVIEW_UA, ANDROID9_WEBVIEW_UA, makeOld } from './oldEngine.js';
import { rowIds, World } from './playerKit.js';

let w: World;
let browser: Browser;
beforeAll(async () => {
  w = await World.start({ listShare: 1 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const testServer = () => ({ hc: w.hc, url: w.url, dataDir: w.dataDir, close: async () => {} });

/** Claims the code the page shows, as an operator does in the admin. */
async function claim(page: Page, name: string): Promise<string> {
  const code = (await page.getByTestId('pairing-code').innerText({ timeout: 20_000 })).trim();
  const op = await loginAs(testServer(), 'operator');
  const hall = (await op.request('GET', '/api/halls')).body[0];
  const group = (await op.request('GET', '/api/groups')).body[0];
  const res = await op.request('POST', '/api/screens/claim', {
    code,
    name,
    hallId: hall.id,
    groupId: group.id,
    layout: 'landscape',
    canvas: { width: 1280, height: 720 },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('the player on a Chromium 69 box', () => {
  it('pairs, plays its list from the classic worker and applies a withdrawal, with no page error', async () => {
    const category = w.category('纳税信用A级纳税人');
    w.boardsAndPosters(category.id);
    const entries = w.entries(category.id);
    expect(entries.length).toBeGreaterThan(1);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      userAgent: ANDROID9_WEBVIEW_UA,
    });
    const patched = await makeOld(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${w.url}/player/`);
    // The built-ins really were gone: what is there now is the boot script's.
    const builtins = await page.evaluate(() => [String(Object.fromEntries), String(''.matchAll)]);
    expect(builtins.every((f) => !f.includes('[native code]'))).toBe(true);
    const screenId = await claim(page, '安卓盒子屏');

    const board = page.locator(`[data-testid="list-board"][data-list-type="red"]`);
    await board.first().waitFor({ timeout: 30_000 });
    await expect.poll(() => rowIds(page), { timeout: 30_000 }).toHaveLength(Math.min(20, entries.length));
    const state = await page.evaluate(() =>
      (
        window as unknown as { __hallcastState: () => { datasetLoads: { worker: number; page: number } } }
      ).__hallcastState(),
    );
    expect(state.datasetLoads.worker).toBeGreaterThan(0);
    expect(state.datasetLoads.page).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __workers: unknown }).__workers)).toEqual({
      classic: 1,
      module: 0,
    });
    expect(patched).toContain(patched.find((p) => p.includes('datasetWorker-')));
    const shown = await rowIds(page);
    const gone = shown[0]!;
    const { revision } = w.revisionOf(screenId);

    w.s.credit.withdrawals.withdraw(
      gone,
      { kind: 'repair', reason: '已履行全部义务', docNo: '黑信修〔2026〕9号' },
      null,
    );
    await expect.poll(() => rowIds(page), { timeout: 30_000 }).not.toContain(gone);
    await expect.poll(() => w.revisionOf(screenId).rendered, { timeout: 30_000 }).toBeGreaterThan(revision);
    expect(await page.locator(`[data-entry-id="${gone}"]`).count()).toBe(0);
    expect(w.hc.stores.screens.get(screenId)?.engine).toBeDefined();
    await expect
      .poll(() => w.s.screens.list().find((s: { id: string }) => s.id === screenId)?.engine, {
        timeout: 10_000,
      })
      .toEqual({ name: 'chromium', major: 69, android: 9 });
    expect(await page.getByTestId('boot-guard').count()).toBe(0);
    await page.screenshot({ path: shotPath('player-old-engine.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('the boot guard', () => {
  it('says the WebView is too old on an Android 7 board, and reports it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      userAgent: ANDROID7_WEBVIEW_UA,
    });
    const page = await context.newPage();
    await page.goto(`${w.url}/player/`);
    const guard = page.getByTestId('boot-guard');
    await guard.waitFor({ timeout: 10_000 });
    const text = await guard.innerText();
    expect(text).toContain('本设备浏览器内核版本过低，请升级 WebView');
    expect(text).toContain('Chromium 52');
    expect(text).toContain('Android 7');
    expect(text).toContain('119');
    await page.screenshot({ path: shotPath('player-boot-guard-old.png') });
    await expect
      .poll(
        () =>
          w.s.bootReports.latest(10).find((r: { reason: string }) => r.reason === 'engine_too_old')?.engine
            .major,
      )
      .toBe(52);
    await context.close();
  });

  it('shows the screen’s own message when the app chunk throws, not the poster forever', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      userAgent: ANDROID9_WEBVIEW_UA,
    });
    await context.route(/\/assets\/player-[\w-]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: "throw new SyntaxError('Unexpected token ?');" }),
    );
    const page = await context.newPage();
    await page.goto(`${w.url}/player/`);
    const guard = page.getByTestId('boot-guard');
    await guard.waitFor({ timeout: 20_000 });
    expect(await guard.getAttribute('data-reason')).toBe('start_failed');
    const text = await guard.innerText();
    expect(text).toContain('播放端未能启动');
    expect(text).toContain('Chromium 69');
    expect(text).toContain('Unexpected token ?');
    expect(await page.getByTestId('pairing-code').count()).toBe(0);
    await expect
      .poll(
        () =>
          w.s.bootReports.latest(10).find((r: { reason: string }) => r.reason === 'start_failed')?.errors[0],
      )
      .toContain('Unexpected token ?');
    await context.close();
  });
});
