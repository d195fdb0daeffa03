import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId, makeUscc } from '../core/credit/index.js';
import { pairScreen, startTestServer, type TestServer } from '../server/test/harness.js';
import { adminTab, launchBrowser, shotPath } from './browser.js';

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer({ listShare: 1 });
  browser = await launchBrowser();
  // The demo boards turn a page every 12 s and show for a minute each: quicker here, so the new
  // entry's page comes round in seconds rather than a minute and a half.
  const actor = t.hc.stores.users.list().find((u) => u.role === 'publicity')!.id;
  const library = t.hc.services.programs.library;
  for (const item of t.hc.stores.content.listItems())
    if (item.kind === 'list-board')
      library.updateItem(item.id, { ...item, durationMs: 8_000, dwellSec: 2 }, actor);
  for (const p of t.hc.stores.content.listPlaylists().filter((x) => x.role === 'lists'))
    library.updatePlaylist(
      p.id,
      { name: p.name, entries: p.entries.map((e) => ({ ...e, durationMs: 8_000 })) },
      actor,
    );
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const adminAs = (role: string): Promise<Page> => adminTab(browser, t.url, t.hc.demoLogins!, role);

/** Picks an option of an antd Select by its visible text. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

describe('credit lists across apps', () => {
  it('imports in the admin, is approved by another user, reaches the screen, and is taken down', async () => {
    // A paired player, its device token put where the kiosk keeps it.
    const { token, screenId, secret } = await pairScreen(t, '政务大厅一号屏');
    const player = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const device = JSON.stringify({ secret, token, screenId });
    await player.addInitScript((d: string) => localStorage.setItem('hallcast.device', d), device);
    await player.goto(`${t.url}/player/`);
    await player.getByTestId('list-board').waitFor({ timeout: 20_000 });

    const id = makeResidentId('231102', '1979-04-08', '426');
    const csv = [
      '主体类型,主体名称,统一社会信用代码/证件号码,法定代表人,事由,认定依据,决定书文号,认定部门,认定日期',
      `自然人,吴某平,${id},,有履行能力而拒不履行,《最高人民法院关于公布失信被执行人名单信息的若干规定》,（2026）黑11执888号,黑河市中级人民法院,2026-11-02`,
      `法人及非法人组织,黑河寒江物流有限公司,${makeUscc({ region: '231100', orgCode: 'E2E00001' })},韩立,违反财产报告制度,同上,（2026）黑11执889号,黑河市中级人民法院,2026-11-03`,
      '法人及非法人组织,缺代码公司,,某人,事由,依据,（2026）黑11执890号,黑河市中级人民法院,2026-11-03',
    ].join('\r\n');
    const file = join(t.dataDir, '..', `e2e-${Date.now()}.csv`);
    writeFileSync(file, csv);

    const editor = await adminAs('list-editor');
    await editor.goto(`${t.url}/admin/#/batches`);
    await editor.getByTestId('import-button').click();
    await choose(editor, 'import-unit-select', '市中级人民法院');
    await choose(editor, 'import-category-select', '失信被执行人');
    await editor.getByTestId('import-file-input').setInputFiles(file);
    await editor.getByTestId('import-upload').click();
    await editor.getByTestId('import-preview-error').waitFor();
    expect(await editor.getByTestId('import-preview-importable').getAttribute('data-count')).toBe('2');
    expect(await editor.getByTestId('import-preview-error').getAttribute('data-count')).toBe('1');
    const previewText = await editor.locator('body').innerText();
    expect(previewText).not.toContain(id);
    await editor.screenshot({ path: shotPath('admin-import-preview.png') });
    await editor.getByTestId('import-next').click();
    await editor.getByTestId('import-title-input').fill('2026年第四季度 — 失信被执行人（端到端）');
    await editor.getByTestId('import-confirm').click();
    await editor.getByTestId('batch-submit').click();
    await expect.poll(() => editor.getByTestId('batch-status').innerText()).toContain('待审核');
    const batchUrl = editor.url();

    const reviewer = await adminAs('reviewer');
    await reviewer.goto(batchUrl);
    await reviewer.getByTestId('batch-approve').click();
    await reviewer.getByTestId('approve-submit').click();
    await reviewer.getByTestId('batch-publish').click();
    await reviewer.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => reviewer.getByTestId('batch-status').innerText()).toContain('已发布');
    await reviewer.screenshot({ path: shotPath('admin-batch-published.png') });

    // The screen shows the new entry within its rotation of list pages.
    const row = player.getByTestId('list-row').filter({ hasText: '吴某平' });
    await row.first().waitFor({ timeout: 90_000 });
    expect(await player.locator('body').innerText()).not.toContain(id);
    await player.screenshot({ path: shotPath('player-new-entry.png') });

    // Credit repair: withdrawn in the admin, confirmed by the screen.
    await editor.goto(`${t.url}/admin/#/entries`);
    await editor.getByTestId('entry-search-input').locator('input').fill('吴某平');
    await editor.getByTestId('entry-search-input').locator('input').press('Enter');
    await editor.getByTestId('entry-row').filter({ hasText: '吴某平' }).getByTestId('entry-withdraw').click();
    await choose(editor, 'withdraw-kind-select', '信用修复');
    await editor.getByTestId('withdraw-reason-input').fill('已履行全部义务，准予信用修复');
    await editor.getByTestId('withdraw-docno-input').fill('（2026）黑11执恢12号');
    await editor.getByTestId('withdraw-submit').click();
    await editor.getByTestId('takedown-result').waitFor();
    await expect
      .poll(
        () =>
          (
            t.hc.db
              .prepare(
                'SELECT count(rendered_at) AS n FROM change_screens cs JOIN takedowns td ON td.change_id = cs.change_id',
              )
              .get() as { n: number }
          ).n,
        { timeout: 20_000 },
      )
      .toBe(1);
    expect(await player.getByTestId('list-row').filter({ hasText: '吴某平' }).count()).toBe(0);
    await editor.screenshot({ path: shotPath('admin-takedown.png') });
  });
});
