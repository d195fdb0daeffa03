// Shared set-up for the player specs: a real server on a fixed port that can be stopped and
// started again on the same data dir, a controlled program (items, playlists, no demo
// campaigns), a paired device injected into the browser, a device clock the test can move,
// and the server-side view of what the player reports.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Item } from '../core/manifest/types.js';
import type { PlayerError } from '../core/protocol/events.js';
import type { PlaylistEntry } from '../core/schedule/types.js';
import { type Config, loadConfig } from '../server/config.js';
import { type Hallcast, startHallcast } from '../server/main.js';
import { pairScreen } from '../server/test/harness.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Intervals shrunk so a test sees in seconds what takes minutes in a hall. */
export const FAST: Partial<Config> = {
  heartbeatMs: 1000,
  offlineAfterMs: 5000,
  reconnectMaxMs: 1500,
  playsBatchMs: 1500,
  cycleMs: 8000,
  listShare: 0.5,
};

/** A server that can be stopped and started again on the same data dir and port. */
export class World {
  hc!: Hallcast;
  readonly errors: Array<PlayerError & { at: number }> = [];
  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private overrides: Partial<Config>,
  ) {}

  static async start(overrides: Partial<Config> = {}): Promise<World> {
    const w = new World(mkdtempSync(join(tmpdir(), 'hallcast-e2e-')), await freePort(), {
      ...FAST,
      ...overrides,
    });
    await w.up();
    return w;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get s() {
    return { ...this.hc.services, db: this.hc.db, stores: this.hc.stores };
  }

  async up(): Promise<void> {
    const config = loadConfig(
      {},
      {
        port: this.port,
        host: '127.0.0.1',
        dataDir: this.dataDir,
        demo: true,
        logLevel: 'silent',
        checkResponses: true,
        ...this.overrides,
      },
    );
    this.hc = await startHallcast({ config, log: pino({ level: 'silent' }) });
    // Every player:error the server receives, for the tests to read.
    this.hc.realtime.io.of('/player').on('connection', (socket) => {
      socket.on('player:error', (p: PlayerError) => this.errors.push({ ...p, at: Date.now() }));
    });
  }

  async down(): Promise<void> {
    await this.hc.stop();
  }

  async close(): Promise<void> {
    await this.hc?.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Pairs a screen through the real API; the device identity is injected into the browser. */
  async pair(name = '测试大厅屏'): Promise<Device> {
    return pairScreen({ hc: this.hc, url: this.url, dataDir: this.dataDir, close: async () => {} }, name);
  }

  /** Something that changes every screen: bumps their revisions and pushes. */
  bump(summary = 'test change'): void {
    const s = this.s;
    const ids = s.stores.screens.list().map((r: { id: string }) => r.id);
    const change = s.db.transaction(() => s.changes.record('test', summary, null, ids))();
    s.changes.publish(change);
  }

  revisionOf(screenId: string): { revision: number; rendered: number } {
    const row = this.s.stores.screens.get(screenId)!;
    return { revision: row.revision, rendered: row.renderedRevision };
  }

  /** Adds a media file to the store (as an upload would). */
  addMedia(buf: Buffer, type: 'image' | 'video', mime: string): string {
    const hash = createHash('sha256').update(buf).digest('hex');
    writeFileSync(join(this.dataDir, 'media', hash), buf);
    this.s.stores.content.insertMedia({
      hash,
      type,
      mime,
      bytes: buf.length,
      width: null,
      height: null,
      durationMs: null,
      originalName: `${hash.slice(0, 8)}.${mime.split('/')[1]}`,
      builtin: false,
      createdAt: Date.now(),
    });
    return hash;
  }

  builtinImages(): string[] {
    return this.s.stores.content
      .listMedia()
      .filter((m) => m.builtin)
      .map((m) => m.hash);
  }

  /**
   * The offline tests' program: a red board of one category (20 rows a page) and the black
   * board in the lists playlist; a notice and the two built-in posters as content.
   */
  boardsAndPosters(categoryId: string): void {
    const [red, black] = boards();
    const redOne = {
      ...red!,
      selector: { listType: 'red' as const, categoryIds: [categoryId] },
      rowsPerPage: 20,
    };
    const [img1, img2] = this.builtinImages();
    const content = [notice(), image(ids.image1, img1!), image(ids.image2, img2!)];
    this.program([redOne, black!, ...content], entriesOf([redOne, black!]), entriesOf(content));
  }

  /**
   * Replaces the program: no campaigns, the given items, the lists playlist and the default
   * playlist, and pushes a new revision to every screen.
   */
  program(items: Item[], lists: PlaylistEntry[], content: PlaylistEntry[]): void {
    const s = this.s;
    const actor = s.stores.users.list().find((u: { role: string }) => u.role === 'publicity')!.id;
    for (const c of s.stores.programs.listCampaigns()) {
      if (c.approvedSnapshot) s.programs.campaigns.withdraw(c.id, actor);
    }
    const now = Date.now();
    for (const item of items) {
      if (s.stores.content.getItem(item.id)) s.stores.content.updateItem(item, now);
      else s.stores.content.insertItem(item, now);
    }
    const listsPl = s.stores.content.listsPlaylist()!;
    s.stores.content.updatePlaylist({ id: listsPl.id, name: listsPl.name, entries: lists }, now);
    const group = s.stores.halls.listGroups()[0]!;
    s.stores.content.updatePlaylist(
      { id: group.defaultPlaylistId!, name: '默认节目单', entries: content },
      now,
    );
    this.bump('program');
  }

  /** A category by name. */
  category(name: string): { id: string; name: string } {
    return this.s.stores.credit.listCategories().find((c: { name: string }) => c.name === name)!;
  }

  /**
   * Sets an entry's last day of display (test data only: SQL on the store), rebuilds the
   * datasets and pushes the change.
   */
  setPublishUntil(entryId: string, date: string): void {
    this.s.db.prepare('UPDATE entries SET publish_until = ? WHERE id = ?').run(date, entryId);
    this.s.datasets.rebuild();
    this.bump('publish window');
  }

  /** The entries of a category's current dataset, as the server publishes them. */
  entries(categoryId: string): Array<{ id: string; name: string; publishUntil: string }> {
    const cur = this.s.datasets.current().filter((d: { categoryId: string }) => d.categoryId === categoryId);
    return cur.flatMap((d: { hash: string }) => JSON.parse(this.s.datasets.get(d.hash)!.body).entries);
  }
}

export interface Device {
  token: string;
  screenId: string;
  secret: string;
}

/** Puts the paired device identity into the page's storage before the player starts (once). */
export function deviceScript(d: Device): string {
  const value = JSON.stringify({ secret: d.secret, token: d.token, screenId: d.screenId });
  return `if (!localStorage.getItem('hallcast.device')) localStorage.setItem('hallcast.device', ${JSON.stringify(value)});`;
}

/**
 * The device's wall clock, movable by the test: `window.__setDeviceClock(ms)` sets it (kept
 * across reloads in localStorage, as a real device clock would be); performance.now() is not
 * touched (monotonic, like the real one).
 */
export const DEVICE_CLOCK_SCRIPT = `(() => {
  const Real = Date;
  let off = Number(localStorage.getItem('test.deviceClockOffset') || 0);
  class DeviceDate extends Real {
    constructor(...a) { if (a.length === 0) super(Real.now() + off); else super(...a); }
    static now() { return Real.now() + off; }
  }
  globalThis.Date = DeviceDate;
  globalThis.__setDeviceClock = (ms) => { off = ms - Real.now(); localStorage.setItem('test.deviceClockOffset', String(off)); };
})();`;

/**
 * Watches the main zone from inside the page: whenever its layers change there must be a
 * current layer whose item reported ready (window.__hallcastReady), and a layer may leave only
 * while such a current layer is there. Violations collect in window.__blankViolations.
 */
export const BLANK_MONITOR_SCRIPT = `(() => {
  const violations = (window.__blankViolations = []);
  let seenCurrent = false;
  const check = (records) => {
    const zone = document.querySelector('[data-testid="main-zone"]');
    if (!zone) return;
    const ready = window.__hallcastReady || [];
    const cur = zone.querySelector('.hc-layer[data-slot="current"]');
    if (cur && ready.includes(cur.getAttribute('data-key'))) seenCurrent = true;
    if (!seenCurrent) return;
    if (!cur) violations.push({ at: Date.now(), what: 'no current layer' });
    else if (!ready.includes(cur.getAttribute('data-key'))) violations.push({ at: Date.now(), what: 'current not ready: ' + cur.getAttribute('data-key') });
    for (const r of records) {
      for (const n of r.removedNodes) {
        if (!(n instanceof Element) || !n.classList.contains('hc-layer')) continue;
        const key = n.getAttribute('data-key');
        const ok = cur && cur.getAttribute('data-key') !== key && ready.includes(cur.getAttribute('data-key'));
        if (!ok && n.getAttribute('data-slot') !== 'incoming') violations.push({ at: Date.now(), what: 'removed ' + n.getAttribute('data-slot') + ' ' + key + ' before a ready successor; layers ' + [...zone.querySelectorAll('.hc-layer')].map((l) => l.getAttribute('data-slot') + ' ' + l.getAttribute('data-key')).join(', ') + '; ready ' + ready.slice(-3).join(', ') });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-slot'] });
})();`;

export async function openPlayer(
  browser: Browser,
  base: string,
  device: Device,
  opts: { width?: number; height?: number; serviceWorkers?: 'allow' | 'block'; path?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 960, height: opts.height ?? 540 },
    serviceWorkers: opts.serviceWorkers ?? 'allow',
  });
  await context.addInitScript(deviceScript(device));
  await context.addInitScript(DEVICE_CLOCK_SCRIPT);
  await context.addInitScript(BLANK_MONITOR_SCRIPT);
  const page = await context.newPage();
  await page.goto(`${base}${opts.path ?? '/player/'}`);
  return { context, page };
}

/** The kind of the item the main zone shows (`data-kind` of the current layer's view). */
export function currentKind(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document
        .querySelector('[data-testid="main-zone"] [data-slot="current"] [data-kind]')
        ?.getAttribute('data-kind') ?? null,
  );
}

/** The key of the current layer (item id, revision, slot start). */
export function currentKey(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document.querySelector('[data-testid="main-zone"] [data-slot="current"]')?.getAttribute('data-key') ??
      null,
  );
}

/** Waits until `n` different layers have been current in turn; returns their kinds. */
export async function watchSwitches(page: Page, n: number, timeoutMs = 60_000): Promise<string[]> {
  const kinds: string[] = [];
  let last = await currentKey(page);
  const until = Date.now() + timeoutMs;
  while (kinds.length < n) {
    if (Date.now() > until) throw new Error(`only ${kinds.length} of ${n} switches seen: ${kinds.join(',')}`);
    await page.waitForTimeout(100);
    const key = await currentKey(page);
    if (key && key !== last) {
      last = key;
      kinds.push((await currentKind(page)) ?? 'none');
    }
  }
  return kinds;
}

/** Entry ids of the list rows in the DOM (any layer, any buffer). */
export function rowIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="list-row"]')].map(
      (r) => r.getAttribute('data-entry-id') ?? '',
    ),
  );
}

/** Sends a command to a screen through the server's socket and returns the ack. */
export async function command(w: World, screenId: string, kind: string, args?: Record<string, unknown>) {
  const sockets = await w.hc.realtime.io.of('/player').in(`screen:${screenId}`).fetchSockets();
  const socket = sockets[0];
  if (!socket) throw new Error('screen not connected');
  return socket.timeout(20_000).emitWithAck('command', { id: randomUUID(), kind, ...(args ? { args } : {}) });
}

/** A short VP8 webm made in the browser itself (canvas + MediaRecorder): moving colour and text. */
export async function makeWebm(browser: Browser, ms = 2500): Promise<Buffer> {
  const page = await browser.newPage();
  const b64 = await page.evaluate(async (duration) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const g = canvas.getContext('2d')!;
    const rec = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    const start = performance.now();
    const draw = () => {
      const t = performance.now() - start;
      const grad = g.createLinearGradient(0, 0, 640, 360);
      grad.addColorStop(0, `hsl(${(t / 10) % 360}, 70%, 45%)`);
      grad.addColorStop(1, `hsl(${(t / 10 + 120) % 360}, 70%, 35%)`);
      g.fillStyle = grad;
      g.fillRect(0, 0, 640, 360);
      g.fillStyle = '#fff';
      g.font = '48px sans-serif';
      g.fillText(`诚信 ${Math.round(t)}`, 40 + ((t / 8) % 300), 190);
    };
    draw();
    rec.start(200);
    await new Promise<void>((resolve) => {
      const tick = () => {
        draw();
        if (performance.now() - start < duration) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    await new Promise<void>((resolve) => {
      rec.onstop = () => resolve();
      rec.stop();
    });
    const buf = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let s = '';
    for (const b of buf) s += String.fromCharCode(b);
    return btoa(s);
  }, ms);
  await page.close();
  return Buffer.from(b64, 'base64');
}

export const ids = {
  red: randomUUID(),
  black: randomUUID(),
  image1: randomUUID(),
  image2: randomUUID(),
  notice: randomUUID(),
  video: randomUUID(),
};

/** List boards and campaign items used by the specs. */
export function boards(dwellSec = 2): Item[] {
  return [
    {
      id: ids.red,
      name: '测试红榜',
      kind: 'list-board',
      durationMs: 3000,
      selector: { listType: 'red', categoryIds: 'all' },
      mode: 'paged',
      rowsPerPage: 12,
      dwellSec,
      fields: ['name', 'code', 'reason', 'publishUntil'],
    },
    {
      id: ids.black,
      name: '测试黑榜',
      kind: 'list-board',
      durationMs: 3000,
      selector: { listType: 'black', categoryIds: 'all' },
      mode: 'paged',
      rowsPerPage: 12,
      dwellSec,
      fields: ['name', 'code', 'reason', 'publishUntil'],
    },
  ];
}

export function notice(id = ids.notice, title = '诚信建设万里行'): Item {
  return {
    id,
    name: title,
    kind: 'notice',
    durationMs: 2000,
    title,
    body: '守信光荣，失信可耻。\n诚信是立身之本、兴业之道。',
    style: 'integrity',
  };
}

export function image(id: string, media: string, name = '宣传海报'): Item {
  return { id, name, kind: 'image', durationMs: 2000, media, fit: 'cover' };
}

export function entriesOf(items: Item[], ms?: number): PlaylistEntry[] {
  return items.map((i) => ({ itemId: i.id, durationMs: ms ?? i.durationMs }));
}

export { randomUUID };

export function blankViolations(page: Page): Promise<Array<{ at: number; what: string }>> {
  return page.evaluate(
    () =>
      (window as unknown as { __blankViolations?: Array<{ at: number; what: string }> }).__blankViolations ??
      [],
  );
}

/** Sets the device's wall clock (UTC ms; the real time when omitted); kept across reloads. */
export async function setDeviceClock(page: Page, ms: number = Date.now()): Promise<void> {
  await page.evaluate(
    (t) => (window as unknown as { __setDeviceClock(ms: number): void }).__setDeviceClock(t),
    ms,
  );
}

/** Counts of what the player keeps in IndexedDB. */
export type IdbCounts = Record<'manifests' | 'datasets' | 'media' | 'plays' | 'meta', number>;

export function idbCounts(page: Page): Promise<IdbCounts> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('hallcast-player');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: Record<string, number> = {};
    for (const name of ['manifests', 'datasets', 'media', 'plays', 'meta']) {
      out[name] = await new Promise<number>((resolve) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(-1);
      });
    }
    db.close();
    return out as IdbCounts;
  });
}

/** Overwrites the newest cached manifest with text that is not a manifest. */
export function corruptNewestManifest(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('hallcast-player');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const req = db.transaction('manifests').objectStore('manifests').getAllKeys();
      req.onsuccess = () => resolve(req.result);
    });
    const newest = Math.max(...keys.map(Number));
    await new Promise<void>((resolve) => {
      const tx = db.transaction('manifests', 'readwrite');
      tx.objectStore('manifests').put(
        { revision: newest, savedAt: 0, json: '{"screenId": "x", "revis' },
        newest,
      );
      tx.oncomplete = () => resolve();
    });
    db.close();
    return newest;
  });
}

/** Kinds of the current item sampled every 100 ms for `ms`. */
export async function sampleKinds(page: Page, ms: number): Promise<string[]> {
  const out: string[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    out.push((await currentKind(page)) ?? 'none');
    await page.waitForTimeout(100);
  }
  return out;
}

/** The items (first part of each layer key: item id, or "poster") on screen over `ms`, sampled every 100 ms. */
export async function itemsShownFor(page: Page, ms: number): Promise<Set<string>> {
  const seen = new Set<string>();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const key = await page.evaluate(
      () => document.querySelector('[data-slot="current"]')?.getAttribute('data-key') ?? '',
    );
    seen.add(key.split(':')[0] ?? '');
    await page.waitForTimeout(100);
  }
  return seen;
}
