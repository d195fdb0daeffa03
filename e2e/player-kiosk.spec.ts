// `hallcast kiosk`: Chromium in kiosk mode on the player, supervised over DevTools on 127.0.0.1.
// Run headless here; the test pairs the kiosk's own browser through the real pairing flow.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, kioskArgs } from '../server/kiosk/chromium.js';
import { Kiosk } from '../server/kiosk/index.js';
import { type Client, loginAs, until } from '../server/test/harness.js';
import { adminTab, launchBrowser, shotPath } from './browser.js';
import { command, World } from './playerKit.js';

let w: World;
let kiosk: Kiosk;
let profile: string;
let operator: Client;
let screenId: string;
const ROOT = join(import.meta.dirname, '..');

/** The kiosk browser's player tab, through a second DevTools client. */
async function playerTab(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${kiosk.port}`);
  const page = browser.contexts()[0]!.pages()[0]!;
  return { browser, page };
}

/** Local addresses listening on `port` (from /proc/net/tcp{,6}). */
function listeners(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [addr, p] = (cols[1] ?? '').split(':');
      if (p === hex && cols[3] === '0A') out.push(addr ?? '');
    }
  }
  return out;
}

beforeAll(async () => {
  w = await World.start();
  operator = await loginAs({ hc: w.hc, url: w.url, dataDir: w.dataDir, close: async () => {} }, 'operator');
  profile = mkdtempSync(join(tmpdir(), 'hallcast-kiosk-'));
  kiosk = new Kiosk({
    server: w.url,
    executable: findChromium() ?? '/usr/bin/chromium',
    userDataDir: profile,
    headless: true,
    devtoolsPort: 0,
    windowSize: { width: 1280, height: 720 },
    checkMs: 500,
    hangMs: 1500,
    log: () => undefined,
  });
  await kiosk.start();
});

afterAll(async () => {
  await kiosk?.stop();
  await w?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('hallcast kiosk', () => {
  it('starts Chromium in kiosk mode on the player, DevTools on 127.0.0.1 only', async () => {
    const args = kioskArgs({
      executable: 'chromium',
      userDataDir: '/x',
      url: 'http://10.0.0.5:8080/player/',
      origin: 'http://10.0.0.5:8080',
      headless: false,
      devtoolsPort: 0,
      windowSize: { width: 1920, height: 1080 },
    });
    expect(args).toContain('--kiosk');
    expect(args).toContain('--unsafely-treat-insecure-origin-as-secure=http://10.0.0.5:8080');
    expect(args).toContain('--remote-debugging-address=127.0.0.1');
    expect(args).toContain('--user-data-dir=/x');
    expect(args.at(-1)).toBe('http://10.0.0.5:8080/player/');
    expect(kiosk.port).toBeGreaterThan(0);
    const addrs = listeners(kiosk.port);
    expect(addrs.length).toBeGreaterThan(0);
    // 0100007F is 127.0.0.1 (little-endian hex); IPv6 loopback is ::1.
    for (const a of addrs) expect(['0100007F', '00000000000000000000000001000000']).toContain(a);
  });

  it('shows a pairing code that an operator claims, then plays', async () => {
    const { browser, page } = await playerTab();
    const code = ((await page.getByTestId('pairing-code').textContent({ timeout: 20_000 })) ?? '').trim();
    const hall = w.s.stores.halls.listHalls()[0]!;
    const group = w.s.stores.halls.listGroups()[0]!;
    const claim = await operator.request('POST', '/api/screens/claim', {
      code,
      name: '大厅自助区屏',
      hallId: hall.id,
      groupId: group.id,
      layout: 'landscape',
      canvas: { width: 1280, height: 720 },
    });
    expect(claim.status).toBe(201);
    screenId = claim.body.id;
    await page.locator('[data-slot="current"] [data-kind]').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await browser.close();
  });

  it('answers snapshot with a real screenshot uploaded to the server', async () => {
    const reply = (await command(w, screenId, 'snapshot')) as {
      ok: boolean;
      data: { bytes: number; url: string };
    };
    expect(reply.ok).toBe(true);
    expect(reply.data.bytes).toBeGreaterThan(5000);
    const res = await fetch(`${w.url}${reply.data.url}`, { headers: { cookie: operator.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const img = Buffer.from(await res.arrayBuffer());
    expect(img.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    writeFileSync(shotPath('kiosk-snapshot.jpg'), img);
    expect(kiosk.snapshots).toBe(1);
    const anon = await fetch(`${w.url}${reply.data.url}`);
    expect(anon.status).toBe(401);
  });

  it('shows the snapshot in the admin when an operator clicks 截屏', async () => {
    const browser = await launchBrowser();
    try {
      const admin = await adminTab(browser, w.url, w.hc.demoLogins!, 'operator', {
        width: 1440,
        height: 1000,
      });
      await admin.goto(`${w.url}/admin/#/dashboard`);
      await admin.locator(`[data-testid="ops-screen-row"][data-screen-id="${screenId}"]`).click();
      await admin.getByTestId('command-snapshot').click();
      const result = admin.locator('[data-testid="command-result"][data-kind="snapshot"]').first();
      await result.waitFor({ timeout: 30_000 });
      expect(await result.getAttribute('data-status')).toBe('ok');
      const img = result.getByTestId('snapshot-image').locator('img');
      await expect
        .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(await result.textContent()).toContain('kiosk 代理截屏于');
      await admin.screenshot({ path: shotPath('admin-kiosk-snapshot.png') });
      expect(kiosk.snapshots).toBe(2);
    } finally {
      await browser.close();
    }
  });

  it('restarts a browser that crashed, which plays again from its profile', async () => {
    const pid = kiosk.pid!;
    const relaunched = new Promise((r) => kiosk.once('launched', r));
    process.kill(pid, 'SIGKILL');
    await relaunched;
    expect(kiosk.pid).not.toBe(pid);
    const { browser, page } = await playerTab();

    await page.locator('[data-slot="current"] [data-kind]').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('pairing-code').count()).toBe(0);
    await browser.close();
  });

  it('restarts a browser whose page hangs', async () => {
    const before = kiosk.restarts;
    const { browser, page } = await playerTab();
    const relaunched = new Promise((r) => kiosk.once('launched', r));
    await page.evaluate(() => {
      setTimeout(() => {
        for (;;) {
          // a renderer that never yields again
        }
      }, 10);
    });
    await relaunched;
    await browser.close().catch(() => undefined);
    expect(kiosk.restarts).toBe(before + 1);
    const again = await playerTab();
    await again.page.locator('[data-slot="current"] [data-kind]').first().waitFor({ timeout: 20_000 });
    await again.browser.close();
  });

  it('runs as `hallcast kiosk --server URL --headless` and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallcast-kiosk-cli-'));
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/hallcast.js'),
        'kiosk',
        '--server',
        w.url,
        '--headless',
        '--user-data-dir',
        dir,
        '--check-ms',
        '500',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    await until(() => out.includes('HallCast kiosk 已启动'), 30_000);
    expect(out).toContain(`${w.url}/player/`);
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
