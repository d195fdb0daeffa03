import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgRow } from '../server/test/creditFixtures.js';
import { Client, loginAs, startTestServer, type TestServer } from '../server/test/harness.js';
import { approvedBatch, publish } from '../server/test/realtimeKit.js';
import { adminTab, launchBrowser, shotPath } from './browser.js';

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer({ listShare: 1, adminPushMs: 50 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('operations dashboard', () => {
  it('shows a publish converging on the player in the browser, with the live mirror and a command', async () => {
    const player = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await player.goto(`${t.url}/player/`);
    const code = (await player.getByTestId('pairing-code').innerText()).trim();
    const operator = await loginAs(t, 'operator');
    const hall = t.hc.stores.halls.listHalls()[0]!;
    const group = t.hc.stores.halls.listGroups()[0]!;
    const claim = await operator.request('POST', '/api/screens/claim', {
      code,
      name: '看板测试屏',
      hallId: hall.id,
      groupId: group.id,
      layout: 'landscape',
      canvas: { width: 1280, height: 720 },
    });
    expect(claim.status).toBe(201);
    const screenId = claim.body.id as string;
    await player.getByTestId('list-row').first().waitFor({ timeout: 30_000 });

    const admin = await adminTab(browser, t.url, t.hc.demoLogins!, 'operator', { width: 1440, height: 1000 });
    await admin.goto(`${t.url}/admin/#/dashboard`);
    const row = admin.locator(`[data-testid="ops-screen-row"][data-screen-id="${screenId}"]`);
    await expect
      .poll(() => row.getByTestId('ops-screen-status').getAttribute('data-health'), { timeout: 20_000 })
      .toBe('online');

    // The credit office publishes; the dashboard follows the change to the screen in the browser.
    const editor = await loginAs(t, 'list-editor');
    const reviewer = await loginAs(t, 'reviewer');
    const changeId = await publish(
      reviewer,
      await approvedBatch(t, editor, reviewer, [orgRow({ 主体名称: '看板演示商贸有限公司' })]),
    );
    const progress = admin.locator(`[data-testid="change-progress"][data-change-id="${changeId}"]`);
    await progress.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => progress.getByTestId('change-progress-text').innerText(), { timeout: 30_000 })
      .toContain('1/1 已生效');
    await expect.poll(() => player.getByTestId('list-board').innerText(), { timeout: 30_000 }).toBeTruthy();
    await expect.poll(() => row.getByTestId('ops-current-item').count(), { timeout: 30_000 }).toBe(1);
    await admin.screenshot({ path: shotPath('admin-dashboard.png'), fullPage: true });

    // The live mirror draws the reported item; a command comes back with its result.
    await row.click();
    const mirror = admin.getByTestId('live-mirror');
    await mirror.waitFor();
    expect(await mirror.innerText()).toContain('依据上报状态绘制');
    expect(await mirror.getAttribute('data-item-id')).toBe(t.hc.services.presence.get(screenId)?.currentItem);
    await mirror.locator('[data-kind]').first().waitFor();
    await admin.getByTestId('command-identify').click();
    const result = admin.locator('[data-testid="command-result"][data-kind="identify"]');
    await result.waitFor({ timeout: 30_000 });
    expect(['ok', 'error']).toContain(await result.getAttribute('data-status'));
    await admin.screenshot({ path: shotPath('admin-dashboard-screen.png') });

    await admin.goto(`${t.url}/admin/#/reports`);
    await admin.getByTestId('chart-uptime').locator('canvas').waitFor({ timeout: 10_000 });
    expect((await new Client(t.url).request('GET', '/api/health')).status).toBe(200);
  });
});
