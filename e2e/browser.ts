import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const RESULTS_DIR = join(import.meta.dirname, '..', 'test-results');

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium when present, else a Playwright-managed one; else a message saying how to get one. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const debian = '/usr/bin/chromium';
  const executablePath = existsSync(debian) ? debian : undefined;
  try {
    return await chromium.launch({ executablePath, args: [...FLAGS, ...extraArgs], headless: true });
  } catch (err) {
    throw new Error(
      `找不到可用的 Chromium：请安装 Debian 的 chromium 软件包（apt-get install chromium fonts-noto-cjk），或在能下载的机器上运行 npx playwright install chromium。原因：${(err as Error).message}`,
    );
  }
}

/** Where screenshots go; kept with the test results. */
export function shotPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, name);
}

/**
 * A new admin tab signed in as the demo user of `role` (the demo logins are printed at start and
 * kept on `hc.demoLogins`), waiting until the layout shows who is signed in.
 */
export async function adminTab(
  browser: Browser,
  url: string,
  logins: ReadonlyArray<{ role: string; username: string; password: string }>,
  role: string,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const login = logins.find((l) => l.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  const page = await browser.newPage({ viewport });
  await page.goto(`${url}/admin/`);
  await page.getByTestId('login-username').fill(login.username);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  return page;
}
