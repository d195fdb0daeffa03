import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { adminTab, launchBrowser, shotPath } from './browser.js';

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  // The lists take every cycle so the player shows list rows as soon as it is paired.
  t = await startTestServer({ listShare: 1 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('walking skeleton', () => {
  it('pairs a hall screen from the admin and rolls the demo lists', async () => {
    const player = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await player.goto(`${t.url}/player/`);
    const code = (await player.getByTestId('pairing-code').innerText()).trim();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    await player.screenshot({ path: shotPath('player-pairing.png') });

    const admin = await adminTab(browser, t.url, t.hc.demoLogins!, 'operator');
    await admin.getByTestId('pair-button').click();
    await admin.getByTestId('pair-code-input').fill(code.toLowerCase());
    await admin.getByTestId('pair-name-input').fill('一楼大厅主屏');
    await admin.getByTestId('pair-submit').click();
    const row = admin.getByTestId('screen-row').filter({ hasText: '一楼大厅主屏' });
    await row.waitFor();

    await player.getByTestId('list-row').first().waitFor({ timeout: 20_000 });
    // While a board crossfades into the next, both are in the page: every one is a red or black list.
    const types = await player
      .getByTestId('list-board')
      .evaluateAll((boards) => boards.map((b) => b.getAttribute('data-list-type')));
    expect(types.length).toBeGreaterThan(0);
    for (const t of types) expect(t).toMatch(/^(red|black)$/);
    const ids = await player
      .getByTestId('list-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry-id')));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id && id.length > 10)).toBe(true);
    const text = await player.locator('body').innerText();
    expect(text).toContain('黑河市政务服务中心');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    await expect
      .poll(() => row.getByTestId('screen-status').innerText(), { timeout: 10_000 })
      .toContain('在线');
    await player.screenshot({ path: shotPath('player-list.png') });
    await admin.screenshot({ path: shotPath('admin-screens.png') });
    const screenId = await row.getAttribute('data-screen-id');
    await expect
      .poll(() => t.hc.stores.screens.get(screenId!)?.renderedRevision ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(0);
  });
});
