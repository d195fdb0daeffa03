import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pairScreen, startTestServer, type TestServer } from '../server/test/harness.js';
import { adminTab, launchBrowser, shotPath } from './browser.js';

let t: TestServer;
let browser: Browser;
let admin: Page;
/** Other roles' tabs a test opens, closed with it. */
const others: Page[] = [];
const as = async (role: string) => {
  const page = await adminTab(browser, t.url, t.hc.demoLogins!, role);
  others.push(page);
  return page;
};
beforeAll(async () => {
  t = await startTestServer();
  browser = await launchBrowser();
});
// A fresh tab per test, so a dialog left open by one cannot block the next.
beforeEach(async () => {
  await admin?.close();
  for (const page of others.splice(0)) await page.close();
  admin = await adminTab(browser, t.url, t.hc.demoLogins!, 'sysadmin');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const open = async (page: Page, path: string) => {
  await page.goto(`${t.url}/admin/#${path}`);
  await page.locator('.ant-table-row').first().waitFor();
};
/** A screenshot once the table's loading fade is over. */
const shot = async (page: Page, name: string) => {
  await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
  await page.mouse.move(0, 0); // no row left in its hover colour
  await page.screenshot({ path: shotPath(name), animations: 'disabled' });
};
/** A screenshot of the open dialog, once it has finished opening. */
const dialogShot = async (page: Page, name: string) => {
  const dialog = page.locator('.ant-modal').last();
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).transform)).toBe('none');
  await dialog.screenshot({ path: shotPath(name), animations: 'disabled' });
};
const row = (page: Page, text: string) => page.locator('.ant-table-row').filter({ hasText: text });
const confirm = (page: Page, ok: string) =>
  page.locator('.ant-popconfirm').getByRole('button', { name: ok }).click();

describe('the simple CRUD pages', () => {
  it('creates, renames and deletes a hall; a hall in use stays', async () => {
    await open(admin, '/halls');
    await shot(admin, 'admin-halls.png');
    await admin.getByTestId('hall-create').click();
    await admin.getByTestId('hall-name-input').fill('二号大厅');
    await dialogShot(admin, 'admin-hall-form.png');
    await admin.getByTestId('hall-submit').click();
    await row(admin, '二号大厅').waitFor();
    await admin.getByText('已保存').waitFor();

    await row(admin, '二号大厅').getByRole('button', { name: '编辑' }).click();
    await admin.getByTestId('hall-name-input').fill('二号大厅（东）');
    await admin.getByTestId('hall-submit').click();
    await row(admin, '二号大厅（东）').waitFor();

    await row(admin, '二号大厅（东）').getByRole('button', { name: '删除' }).click();
    await confirm(admin, '删除');
    await admin.getByText('已删除大厅「二号大厅（东）」').waitFor();
    expect(await row(admin, '二号大厅').count()).toBe(0);

    // The demo hall has screens and groups: the server says so and the row stays.
    const demo = admin.locator('.ant-table-row').first();
    await demo.getByRole('button', { name: '删除' }).click();
    await confirm(admin, '删除');
    const refusal = admin.locator('.ant-modal-confirm');
    expect(await refusal.locator('.ant-modal-confirm-title').innerText()).toBe('无法删除该大厅');
    expect(await refusal.locator('.ant-modal-confirm-content').innerText()).not.toBe('');
    expect(await admin.locator('.ant-table-row').count()).toBe(1);
  });

  it('creates and deletes a group under a hall', async () => {
    await open(admin, '/groups');
    await shot(admin, 'admin-groups.png');
    await admin.getByTestId('group-create').click();
    await admin.getByTestId('group-name-input').fill('二楼等候区');
    await admin.getByTestId('group-submit').click();
    const created = row(admin, '二楼等候区');
    await created.waitFor();
    expect(await created.innerText()).toContain('0');
    await created.getByRole('button', { name: '删除' }).click();
    await confirm(admin, '删除');
    await admin.getByText('已删除分组「二楼等候区」').waitFor();
  });

  it('creates a user with a one-time password, then disables and re-enables them', async () => {
    await open(admin, '/users');
    await shot(admin, 'admin-users.png');
    await admin.getByTestId('user-create').click();
    await admin.getByTestId('user-username-input').fill('zhang.san');
    await admin.getByTestId('user-display-name-input').fill('张三');
    await admin.getByTestId('user-role-select').click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '运维' }).first().click();
    await admin.getByTestId('user-submit').click();
    expect((await admin.getByTestId('temp-password').innerText()).length).toBeGreaterThan(6);
    await admin.getByTestId('temp-password-done').click();
    // Both the form and the password dialog are gone (a dialog left open would block the rows).
    await expect.poll(() => admin.locator('.ant-modal-wrap:visible').count()).toBe(0);

    const user = admin.getByTestId('user-row').filter({ hasText: 'zhang.san' });
    await user.getByTestId('user-disable').click();
    await confirm(admin, '停用');
    await user.getByText('已停用').waitFor();
    await user.getByTestId('user-enable').click();
    await admin.getByText('已启用「张三」').waitFor();

    // The role is the security administrator's to change; the system administrator may not.
    await user.getByRole('button', { name: '编辑' }).click();
    const roleDisabled = await admin
      .getByTestId('user-role-select')
      .evaluate((el) => (el.closest('.ant-select') ?? el).classList.contains('ant-select-disabled'));
    expect(roleDisabled).toBe(true);
    await admin.keyboard.press('Escape');
    const sec = await as('secadmin');
    await open(sec, '/users');
    expect(await sec.getByTestId('user-create').count()).toBe(0);
    const same = sec.getByTestId('user-row').filter({ hasText: 'zhang.san' });
    await same.getByTestId('user-set-role').click();
    await sec.getByTestId('user-role-select').click();
    await sec.locator('.ant-select-item-option').filter({ hasText: '宣传管理' }).first().click();
    await sec.getByTestId('user-submit').click();
    await same.getByText('宣传管理').waitFor();
    await shot(sec, 'admin-users-secadmin.png');
  });

  it('lists categories and creates then revokes an API key', async () => {
    await admin.goto(`${t.url}/admin/#/settings`);
    await admin.getByRole('tab', { name: '名单类别' }).click();
    await admin.getByTestId('category-edit').first().waitFor();
    await shot(admin, 'admin-categories.png');
    await admin.getByTestId('category-edit').first().click();
    await admin.getByTestId('category-submit').click();
    await admin.getByText('已保存').waitFor();

    // API keys are the security administrator's.
    expect(await admin.getByRole('tab', { name: 'API 密钥' }).count()).toBe(0);
    const sec = await as('secadmin');
    await sec.goto(`${t.url}/admin/#/settings`);
    await sec.getByRole('tab', { name: 'API 密钥' }).click();
    await sec.getByTestId('api-key-create').click();
    await sec.getByTestId('api-key-name-input').fill('市信用平台撤下推送');
    await dialogShot(sec, 'admin-api-key-form.png');
    await sec.getByRole('button', { name: '创建' }).click();
    expect(await sec.getByTestId('api-key-secret').innerText()).not.toBe('');
    await sec.getByTestId('api-key-secret-done').click();
    const key = sec.getByTestId('api-key-row').filter({ hasText: '市信用平台撤下推送' });
    await key.getByTestId('api-key-revoke').click();
    await confirm(sec, '吊销');
    await key.getByText('已吊销').waitFor();
    const toast = sec.locator('.ant-message-notice').filter({ hasText: '已吊销「市信用平台撤下推送」' });
    await expect.poll(() => toast.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await shot(sec, 'admin-api-keys.png');
  });

  it('creates a content item whose kind loads its defaults, and saves a campaign unchanged', async () => {
    // Program content is the publicity office's.
    const pub = await as('publicity');
    await pub.goto(`${t.url}/admin/#/playlists`);
    await pub.getByRole('tab', { name: '内容' }).click();
    await pub.getByTestId('item-create').click();
    const dialog = pub.locator('.ant-modal').filter({ hasText: '新建内容' });
    await dialog.locator('.ant-select').first().click();
    await pub.locator('.ant-select-item-option').filter({ hasText: '时钟' }).click();
    // The kind's defaults fill the form once the kind is taken in: wait for them.
    await expect.poll(() => dialog.getByRole('spinbutton').inputValue()).toBe('10');
    await dialog.getByLabel('名称').fill('大厅时钟');
    await dialog.getByRole('button', { name: '保存' }).click();
    await pub.getByText('已保存「大厅时钟」').waitFor();
    await row(pub, '大厅时钟').waitFor();
    await row(pub, '大厅时钟').getByRole('button', { name: '删除' }).click();
    await confirm(pub, '删除');
    await pub.getByText('已删除「大厅时钟」').waitFor();

    await open(pub, '/campaigns');
    await pub.locator('.ant-table-row').first().getByRole('button', { name: '编辑' }).click();
    const edit = pub.locator('.ant-modal').filter({ hasText: '编辑宣传活动' });
    await edit.getByLabel('活动名称').fill('信用宣传周');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    await row(pub, '信用宣传周').waitFor();
  });

  it('shares one halls query across pages: a rename shows on 屏幕分组 with only the invalidation refetching', async () => {
    const hallGets: string[] = [];
    admin.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === '/api/halls') hallGets.push(r.url());
    });
    // A reload starts with an empty cache, so every GET of the halls is seen here.
    await admin.goto(`${t.url}/admin/#/halls`);
    await admin.reload();
    await open(admin, '/halls');
    await admin.goto(`${t.url}/admin/#/screens`);
    await admin.getByTestId('pair-button').waitFor();
    await open(admin, '/groups');
    await open(admin, '/halls');
    expect(hallGets).toHaveLength(1);

    const hall = admin.locator('.ant-table-row').first();
    await hall.getByRole('button', { name: '编辑' }).click();
    await admin.getByTestId('hall-name-input').fill('黑河市政务服务中心（新馆）');
    await admin.getByTestId('hall-submit').click();
    await row(admin, '（新馆）').waitFor();
    await expect.poll(() => hallGets.length).toBe(2);

    await open(admin, '/groups');
    await row(admin, '黑河市政务服务中心（新馆）').first().waitFor();
    expect(hallGets).toHaveLength(2);
  });

  it('renames a hall on 大厅 and shows the new name on 屏幕 and 预览, the halls fetched again only by the invalidation', async () => {
    await pairScreen(t, '一楼大屏');
    const hallGets: string[] = [];
    admin.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === '/api/halls') hallGets.push(r.url());
    });
    const screenRow = admin.getByTestId('screen-row').filter({ hasText: '一楼大屏' });
    const stage = admin.getByTestId('preview-stage');
    // A reload starts with an empty cache, so every GET of the halls is seen here.
    await admin.goto(`${t.url}/admin/#/halls`);
    await admin.reload();
    await open(admin, '/halls');
    const hall = admin.locator('.ant-table-row').first();
    const name = await hall.locator('td').first().innerText();
    await admin.goto(`${t.url}/admin/#/screens`);
    await screenRow.filter({ hasText: name }).waitFor();
    await admin.goto(`${t.url}/admin/#/preview`);
    await expect.poll(() => stage.innerText()).toContain(name);
    await open(admin, '/halls');
    expect(hallGets).toHaveLength(1);

    const renamed = '黑河市政务服务大厅';
    await hall.getByRole('button', { name: '编辑' }).click();
    await admin.getByTestId('hall-name-input').fill(renamed);
    await admin.getByTestId('hall-submit').click();
    await row(admin, renamed).waitFor();
    await expect.poll(() => hallGets.length).toBe(2);

    await admin.goto(`${t.url}/admin/#/screens`);
    await screenRow.filter({ hasText: renamed }).waitFor();
    await admin.goto(`${t.url}/admin/#/preview`);
    await expect.poll(() => stage.innerText()).toContain(renamed);
    expect(hallGets).toHaveLength(2);
  });
});
