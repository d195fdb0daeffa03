import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

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
