/**
 * A player offline for 72 hours on a controlled clock (Playwright's page clock: Date, timers and
 * performance.now), sampled every simulated minute: the main zone always holds an item or the
 * built-in poster, no list row is past its publishUntil (Asia/Shanghai), and once
 * staleAfterMs has passed since the server last answered no list row shows at all.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateIn } from '../core/time.js';
import { launchBrowser } from '../e2e/browser.js';
import {
  BLANK_MONITOR_SCRIPT,
  boards,
  type Device,
  deviceScript,
  entriesOf,
  ids,
  image,
  notice,
  World,
} from '../e2e/playerKit.js';
import { SOAK, seeded } from './seed.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STALE_AFTER_MS = 24 * HOUR;
const HOURS = SOAK ? 7 * 24 : 72;
const rng = seeded('offline');

let w: World;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dev: Device;
/** Every list entry's last day of display, by id. */
const until = new Map<string, string>();

beforeAll(async () => {
  w = await World.start({ staleAfterMs: STALE_AFTER_MS, playerReloadHour: -1 });
  browser = await launchBrowser();
  // Entries whose window ends during the offline days, on seeded days: they must leave the board.
  const category = w.category('纳税信用A级纳税人');
  const entries = w.entries(category.id);
  // The first ends today, so it leaves inside the first (fresh) day; the others on seeded days.
  for (const [i, e] of entries.slice(0, 3).entries())
    w.setPublishUntil(e.id, dateIn(Date.now() + (i === 0 ? 0 : i + rng.int(2)) * 24 * HOUR));
  for (const c of w.s.stores.credit.listCategories())
    for (const e of w.entries(c.id)) until.set(e.id, e.publishUntil);
  const [red, black] = boards();
  const [img1, img2] = w.builtinImages();
  const content = [notice(), image(ids.image1, img1!), image(ids.image2, img2!)];
  w.program([red!, black!, ...content], entriesOf([red!, black!]), entriesOf(content));
  dev = await w.pair('七十二小时离线屏');
  context = await browser.newContext({ viewport: { width: 960, height: 540 }, serviceWorkers: 'allow' });
  await context.addInitScript(deviceScript(dev));
  await context.addInitScript(BLANK_MONITOR_SCRIPT);
  page = await context.newPage();
  page.on('pageerror', (e) => console.log(`player page error: ${e.message}`));
  await page.clock.install({ time: Date.now() });
  await page.goto(`${w.url}/player/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

type Sample = { key: string; kind: string | null; rows: string[] };
/**
 * Moves the page clock by `ms` (timers due meanwhile fire once, as after a sleeping tab), lets
 * the page render, and reads the main zone. It calls the controller Playwright's page.clock
 * installs in the page directly: page.clock.fastForward also records every step as an init
 * script (for reloads, which this test does not do), and 4,320 of those make each step slower.
 */
const step = (ms: number): Promise<Sample> =>
  page.evaluate(async (by) => {
    const pw = (globalThis as unknown as { __pwClock: PwClock }).__pwClock;
    await pw.controller.fastForward(by);
    for (let i = 0; i < 2; i++) await new Promise((r) => pw.builtins.setTimeout(r, 0));
    const cur = document.querySelector('[data-testid="main-zone"] [data-slot="current"]');
    return {
      key: cur?.getAttribute('data-key') ?? '',
      kind: cur?.querySelector('[data-kind]')?.getAttribute('data-kind') ?? null,
      rows: [...document.querySelectorAll('[data-testid="list-row"]')].map(
        (r) => r.getAttribute('data-entry-id') ?? '',
      ),
    };
  }, ms);
type PwClock = {
  controller: { fastForward(ms: number): Promise<void> };
  builtins: { setTimeout(f: (v?: unknown) => void, ms: number): void };
};

describe('a player offline for 72 hours', () => {
  it(
    `plays an item or the poster every minute of ${HOURS} h, drops expired rows and hides lists after the stale window`,
    async () => {
      const { revision } = w.revisionOf(dev.screenId);
      await expect.poll(() => w.revisionOf(dev.screenId).rendered, { timeout: 30_000 }).toBe(revision);
      await page.getByTestId('list-row').first().waitFor({ timeout: 30_000 });
      // The server goes away; the last contact is now (on the page's clock).
      await w.down();
      const lastContact = (await page.evaluate(() => Date.now())) + 1000;
      await page.clock.pauseAt(lastContact);
      const t0 = Date.now();
      const problems: string[] = [];
      let withRows = 0;
      let rowsSeen = 0;
      let posters = 0;
      const kinds = new Map<string, number>();
      const steps = HOURS * 60;
      let at0 = lastContact;
      const firstDay = dateIn(lastContact);
      /** Rows of entries whose last day is the first offline day, seen on that day. */
      let expiringSeen = 0;
      for (let m = 1; m <= steps; m++) {
        // One sample in each simulated minute, at a seeded second of it: the cycle divides the
        // minute, so samples on the minute would always land on the same items.
        const now = lastContact + (m - 1) * MINUTE + 1000 + rng.int(MINUTE - 1000);
        const s = await step(now - at0);
        at0 = now;
        const day = dateIn(now);
        const at = `minute ${m} (${(m / 60).toFixed(1)} h offline, ${day})`;
        if (!s.kind && !s.key.startsWith('poster'))
          problems.push(`${at}: main zone empty (${s.key || 'no layer'})`);
        if (s.kind === 'poster' || s.key.startsWith('poster')) posters++;
        kinds.set(s.kind ?? 'none', (kinds.get(s.kind ?? 'none') ?? 0) + 1);
        if (s.rows.length > 0) withRows++;
        rowsSeen += s.rows.length;
        for (const id of s.rows) {
          const last = until.get(id);
          if (last !== undefined && last === firstDay) expiringSeen++;
          if (last === undefined) problems.push(`${at}: unknown row ${id}`);
          else if (last < day) problems.push(`${at}: row ${id} shown past its publishUntil ${last}`);
        }
        // The player counts the window from the server's time of its last reply, the test from the
        // page's clock when the server went away: the two differ by the clock offset (seconds), so
        // the check starts one minute after the window (a row shown then would be a real failure).
        if (now - lastContact > STALE_AFTER_MS + MINUTE && s.rows.length > 0)
          problems.push(
            `${at}: ${s.rows.length} list rows after the ${STALE_AFTER_MS / HOUR} h stale window`,
          );
        if (problems.length > 20) break;
      }
      const blank = await page.evaluate(
        () => (window as unknown as { __blankViolations?: unknown[] }).__blankViolations ?? [],
      );
      console.log(
        `offline ${HOURS} h: seed ${rng.seed}, ${steps} samples (one a simulated minute) in ${Math.round((Date.now() - t0) / 1000)} s; ` +
          `kinds ${JSON.stringify(Object.fromEntries(kinds))}, ${posters} poster samples, ${withRows} samples with list rows (${rowsSeen} rows checked, ${expiringSeen} of entries ending on the first day, seen on it), ` +
          `${problems.length} problems, ${blank.length} blank-frame violations`,
      );
      expect(problems).toEqual([]);
      expect(blank).toEqual([]);
      // The lists did show while fresh, so the checks above had rows to check.
      expect(withRows).toBeGreaterThan(0);
    },
    SOAK ? 1_800_000 : 300_000,
  );
});
