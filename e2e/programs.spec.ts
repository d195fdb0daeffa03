import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../server/clock.js';
import { loginAs, pairScreen, startTestServer, type TestServer } from '../server/test/harness.js';
import { launchBrowser, shotPath } from './browser.js';

// 14:03 in Asia/Shanghai on 2026-11-27, a Friday.
const AT = Date.UTC(2026, 10, 27, 6, 3, 0);
const clock = new ManualClock(AT);
let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  // No guaranteed list share: the winning campaign owns the hour, so what plays is unambiguous.
  t = await startTestServer({ listShare: 0 }, clock);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a campaign on a paired screen, with controlled clocks', () => {
  it('plays inside its daypart, leaves after it, and matches the preview', async () => {
    const publicity = await loginAs(t, 'publicity');
    const reviewer = await loginAs(t, 'reviewer');
    const item = await publicity.request('POST', '/api/items', {
      kind: 'notice',
      name: '端到端宣传',
      durationMs: 20_000,
      title: '诚信大讲堂 · 端到端',
      body: '讲好诚信故事',
      style: 'lecture',
    });
    expect(item.status).toBe(201);
    const itemId = item.body.id ?? item.body.saved?.id;
    const playlist = await publicity.request('POST', '/api/playlists', {
      name: '诚信大讲堂节目单',
      entries: [{ itemId, durationMs: 20_000 }],
    });
    expect(playlist.status).toBe(201);
    const playlistId = playlist.body.id ?? playlist.body.saved?.id;
    const campaign = await publicity.request('POST', '/api/campaigns', {
      name: '诚信大讲堂',
      theme: '讲好诚信故事',
      startDate: '2026-11-27',
      endDate: '2026-11-27',
      dayparts: [{ start: '14:00', end: '15:00' }],
      targets: { all: true },
      priority: 'high',
      playlistIds: [playlistId],
    });
    expect(campaign.status).toBe(201);
    const id = campaign.body.id;
    expect((await publicity.request('POST', `/api/campaigns/${id}/submit`)).status).toBe(200);
    expect((await publicity.request('POST', `/api/campaigns/${id}/approve`, {})).status).toBe(403);
    clock.advance(1000);
    expect((await reviewer.request('POST', `/api/campaigns/${id}/approve`, {})).status).toBe(200);

    const { token, screenId, secret } = await pairScreen(t, '二楼宣传屏');
    const player = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await player.clock.install({ time: clock.now() });
    await player.addInitScript(
      (d: string) => localStorage.setItem('hallcast.device', d),
      JSON.stringify({ secret, token, screenId }),
    );
    await player.goto(`${t.url}/player/`);
    const main = player.getByTestId('main-zone');
    await main.getByText('诚信大讲堂 · 端到端').first().waitFor({ timeout: 20_000 });
    await player.screenshot({ path: shotPath('player-campaign.png') });

    const preview = await reviewer.request('GET', `/api/preview/${screenId}?at=${clock.now()}`);
    expect(preview.status).toBe(200);
    expect(preview.body.slot.itemId).toBe(itemId);
    await expect
      .poll(() => t.hc.services.presence.get(screenId)?.currentItem, { timeout: 10_000 })
      .toBe(preview.body.slot.itemId);

    // 15:01 on both clocks: the player resolves the end of the daypart itself.
    clock.advance(58 * 60_000);
    await player.clock.runFor(58 * 60_000);
    await expect.poll(() => main.getByText('诚信大讲堂 · 端到端').count(), { timeout: 20_000 }).toBe(0);
    const later = await reviewer.request('GET', `/api/preview/${screenId}?at=${AT + 58 * 60_000}`);
    expect(later.body.slot.itemId).not.toBe(itemId);
    await player.screenshot({ path: shotPath('player-after-daypart.png') });
  });
});
