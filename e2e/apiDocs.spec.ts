import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { adminTab, launchBrowser, shotPath } from './browser.js';

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the API reference page', () => {
  it('opens from the admin and shows the document under the CSP, asking nothing of another origin', async () => {
    const admin = await adminTab(browser, t.url, t.hc.demoLogins!, 'operator');
    const link = admin.getByTestId('api-docs-link');
    expect(await link.getAttribute('href')).toBe('/api/docs');

    // The same signed-in tab follows the link, so the page may read /api/openapi.json.
    const page = admin;
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(t.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        elsewhere.push(r.url());
    });
    await page.goto(`${t.url}${await link.getAttribute('href')}`);
    await page.getByText('HallCast HTTP API').first().waitFor({ timeout: 30_000 });
    await page.getByText('服务健康状态').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shotPath('api-docs.png') });
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});
