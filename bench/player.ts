/**
 * bench:player — the kiosk player on a low-power hall box: headless Chromium at 1920x1080 with
 * the CPU slowed 4x (Emulation.setCPUThrottlingRate; `--cpu N` for another factor, e.g. 6 for a
 * 2 GB, 4-core ARM signage board) plays a 10,000-row list board in scroll
 * mode for 60 s, a new revision of the list (one entry withdrawn) arriving half-way. The same
 * figures for a bare page scrolling a static block with the same CSS transform are the baseline.
 * Prints figures, never passes or fails on them. `--json` prints one object; `--seconds N`;
 * `--verbose` lists when the long frames came (they cluster where the new revision arrives).
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { makeUscc } from '../core/credit/index.js';
import type { Item } from '../core/manifest/types.js';
import { addDays, dateIn } from '../core/time.js';
import { launchBrowser } from '../e2e/browser.js';
import { deviceScript, World } from '../e2e/playerKit.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? def) : def;
};
const SECONDS = Number(opt('seconds', '60'));
/** How many times slower than this machine the CPU runs (4: a low-power hall box). */
const CPU = Number(opt('cpu', '4'));
if (!(CPU >= 1 && CPU <= 20)) throw new Error(`--cpu must be a number from 1 to 20, not ${opt('cpu', '4')}`);
const ROWS = 10_000;
const VIEW = { width: 1920, height: 1080 };
const FRAME_MS = 1000 / 60;
const ROWS_PER_PAGE = 10;
const DWELL_SEC = 8;

export interface Figures {
  frames: number;
  droppedFramePct: number;
  framesOver50ms: number;
  rafP99Ms: number;
  /** The longest frame (where the new revision arrives, for HallCast). */
  maxFrameMs: number;
  rowNodes: number;
  heapStartMb: number;
  heapEndMb: number;
}

const log = (line: string) => {
  if (!flag('json')) console.error(line);
};

/** Imports, submits, approves and publishes a 10,000-row red list (the real pipeline). */
async function publishBigList(w: World): Promise<{ categoryId: string; firstEntry: () => string }> {
  const s = w.s;
  const category = w.category('守信企业');
  const unit = s.stores.credit.listUnits()[0]!;
  const users = s.stores.users.list();
  const editor = users.find((u: { role: string }) => u.role === 'list-editor')!.id;
  const reviewer = users.find((u: { role: string }) => u.role === 'reviewer')!.id;
  const decided = addDays(dateIn(Date.now()), -30);
  const header =
    '主体类型,主体名称,统一社会信用代码/证件号码,法定代表人,事由,认定依据,决定书文号,认定部门,认定日期,严重程度';
  const lines = Array.from({ length: ROWS }, (_, i) =>
    [
      '法人及非法人组织',
      `黑河守信示范企业${String(i).padStart(5, '0')}有限公司`,
      makeUscc({ region: '231100', orgCode: `P${String(i).padStart(7, '0')}` }),
      '赵守信',
      '连续三年无失信记录，获评守信企业',
      '《黑河市守信激励办法》',
      `黑信办〔2026〕${i + 1}号`,
      '黑河市社会信用体系建设领导小组办公室',
      decided,
      '',
    ].join(','),
  );
  const preview = await s.credit.imports.preview(Buffer.from([header, ...lines].join('\r\n'), 'utf8'), {
    fileName: 'bench.csv',
    unitId: unit.id,
    categoryId: category.id,
    actor: editor,
  });
  if (preview.importable !== ROWS) throw new Error(`import: ${preview.importable} of ${ROWS} importable`);
  const batch = s.credit.imports.confirm(preview.id, '基准测试 1 万行', editor, (id: string) =>
    s.credit.batches.get(id),
  );
  s.credit.batches.submit(batch.id, editor);
  s.credit.batches.approve(batch.id, reviewer, 'bench');
  s.credit.batches.publish(batch.id, reviewer);
  return { categoryId: category.id, firstEntry: () => w.entries(category.id)[0]!.id };
}

/** In-page recorder: rAF deltas, and the most list rows seen in the DOM. */
const RECORDER = `(() => {
  const b = (window.__bench = { deltas: [], rowsMax: 0, last: 0, on: true });
  const step = (t) => {
    if (b.last) b.deltas.push(t - b.last);
    b.last = t;
    if (b.on) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  b.timer = setInterval(() => {
    b.rowsMax = Math.max(b.rowsMax, document.querySelectorAll('[data-testid="list-row"]').length);
  }, 250);
})()`;

const STOP = `(() => {
  const b = window.__bench;
  b.on = false;
  clearInterval(b.timer);
  return { deltas: b.deltas, rowsMax: b.rowsMax, rowsNow: document.querySelectorAll('[data-testid="list-row"]').length };
})()`;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return Math.round((used / 1024 / 1024) * 10) / 10;
}

function figures(deltas: number[], rowNodes: number, heapStartMb: number, heapEndMb: number): Figures {
  const sorted = [...deltas].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
  const dropped = deltas.filter((d) => d > 1.5 * FRAME_MS).length;
  return {
    frames: deltas.length,
    droppedFramePct: deltas.length ? Math.round((dropped / deltas.length) * 1000) / 10 : 0,
    framesOver50ms: deltas.filter((d) => d > 50).length,
    rafP99Ms: Math.round(p99 * 10) / 10,
    maxFrameMs: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
    rowNodes,
    heapStartMb,
    heapEndMb,
  };
}

/** Records `seconds` of frames with the CPU slowed `--cpu` times; `midway` runs half-way through. */
async function measure(page: Page, seconds: number, midway?: () => void | Promise<void>): Promise<Figures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  const heapStart = await heapMb(page);
  await page.evaluate(RECORDER);
  await page.waitForTimeout((seconds * 1000) / 2);
  await midway?.();
  await page.waitForTimeout((seconds * 1000) / 2);
  const r = (await page.evaluate(STOP)) as { deltas: number[]; rowsMax: number; rowsNow: number };
  if (flag('verbose')) {
    let t = 0;
    const long: string[] = [];
    for (const d of r.deltas) {
      t += d;
      if (d > 50) long.push(`${Math.round(t)}:${Math.round(d)}`);
    }
    console.error('long frames at', long.join(' '));
  }
  const heapEnd = await heapMb(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return figures(r.deltas, r.rowsMax, heapStart, heapEnd);
}

async function hallcast(browser: Browser): Promise<Figures> {
  const w = await World.start({ listShare: 1, cycleMs: 600_000, heartbeatMs: 5000, playsBatchMs: 10_000 });
  try {
    log(`importing and publishing ${ROWS} rows…`);
    const { categoryId, firstEntry } = await publishBigList(w);
    const board: Item = {
      id: randomUUID(),
      name: '守信企业（1万行滚动）',
      kind: 'list-board',
      durationMs: 3_600_000,
      selector: { listType: 'red', categoryIds: [categoryId] },
      mode: 'scroll',
      rowsPerPage: ROWS_PER_PAGE,
      dwellSec: DWELL_SEC,
      fields: ['name', 'code', 'reason', 'authority', 'publishUntil'],
    };
    w.program([board], [{ itemId: board.id, durationMs: board.durationMs }], []);
    const device = await w.pair('基准测试屏');
    const context = await browser.newContext({ viewport: VIEW });
    await context.addInitScript(deviceScript(device));
    const page = await context.newPage();
    if (process.env.BENCH_DEBUG)
      page.on('console', (m) => m.text().startsWith('BENCHDBG') && console.error(m.text()));
    await page.goto(`${w.url}/player/`);
    await page.waitForSelector('[data-slot="current"] [data-testid="list-row"]', { timeout: 60_000 });
    await page.waitForTimeout(4000);
    log(`playing for ${SECONDS} s at ${CPU}x CPU slowdown…`);
    const revision = w.revisionOf(device.screenId).revision;
    const out = await measure(page, SECONDS, () => {
      const entry = firstEntry();
      w.s.credit.withdrawals.withdraw(
        entry,
        { kind: 'repair', reason: '基准测试：信用修复', docNo: '黑信修〔2026〕1号' },
        null,
      );
      log('new revision of the list published (one entry withdrawn)');
    });
    const after = w.revisionOf(device.screenId);
    if (after.rendered <= revision)
      log(`warning: the new revision was not confirmed rendered (${after.rendered})`);
    await context.close();
    return out;
  } finally {
    await w.close();
  }
}

/** The same motion on a bare page: a static block of rows moved by translate3d on every frame. */
async function baseline(browser: Browser): Promise<Figures> {
  const context = await browser.newContext({ viewport: VIEW });
  const page = await context.newPage();
  const rowHeight = 67;
  const speed = (rowHeight * ROWS_PER_PAGE) / DWELL_SEC;
  const rows = Array.from(
    { length: 24 },
    (_, i) =>
      `<div data-testid="list-row" style="height:${rowHeight}px;display:grid;grid-template-columns:3fr 2.8fr 3fr 2fr 2fr;font-size:38px;color:#fff8e8;border-bottom:1px solid rgba(246,210,122,.35)"><div>黑河守信示范企业${i}有限公司</div><div>91231100P000${i}X</div><div>连续三年无失信记录</div><div>黑河市信用办</div><div style="white-space:nowrap">2027年6月30日</div></div>`,
  ).join('');
  await page.setContent(
    `<html><body style="margin:0;background:#7d0d12;overflow:hidden;font-family:'Noto Sans CJK SC',sans-serif"><div style="position:absolute;top:200px;left:44px;right:44px;height:${rowHeight * ROWS_PER_PAGE}px;overflow:hidden"><div id="track" style="will-change:transform">${rows}</div></div></body></html>`,
  );
  await page.evaluate(`(() => {
    const track = document.getElementById('track');
    let t0 = 0;
    const step = (t) => {
      if (!t0) t0 = t;
      const y = ((t - t0) * ${speed} / 1000) % (${rowHeight * 12});
      track.style.transform = 'translate3d(0, ' + -y + 'px, 0)';
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })()`);
  await page.waitForTimeout(2000);
  const out = await measure(page, SECONDS);
  await context.close();
  return out;
}

/** HallCast over baseline per figure; null where the baseline's figure is 0 (no ratio to give). */
function ratio(a: Figures, b: Figures): Record<keyof Figures, number | null> {
  const out = {} as Record<keyof Figures, number | null>;
  for (const k of Object.keys(a) as Array<keyof Figures>) {
    out[k] = b[k] === 0 ? null : Math.round((a[k] / b[k]) * 100) / 100;
  }
  return out;
}

async function main(): Promise<void> {
  const browser = await launchBrowser();
  try {
    const hc = await hallcast(browser);
    log('baseline: a bare page scrolling a static block…');
    const base = await baseline(browser);
    const result = { hallcast: hc, baseline: base, ratio: ratio(hc, base) };
    if (flag('json')) {
      console.log(JSON.stringify(result));
      return;
    }
    const rows = (Object.keys(hc) as Array<keyof Figures>).map((k) => ({
      figure: k,
      hallcast: hc[k],
      baseline: base[k],
      ratio: result.ratio[k],
    }));
    console.log(`bench:player — ${ROWS} rows, scroll mode, ${SECONDS} s, 1920x1080, CPU ${CPU}x slower`);
    console.table(rows);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
