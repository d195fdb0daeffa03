/**
 * bench:import — a 100k-row xlsx: a bare exceljs streaming read (the baseline) against
 * HallCast's validate+stage of the same file (read, check every row, preview). Each side
 * runs in its own child process so that peak RSS is its own. `--json` prints one object.
 *
 * `--existing N` seeds N published entries into the category first (the file's subjects with
 * older decision numbers, so every lookup walks the duplicate index) and runs HallCast twice in
 * the same run, into the empty category and into the full one. During each preview a separate
 * process polls `/api/health` every 50 ms (a poller in the server's own process would be
 * stalled with it and miss the stall); `healthMaxMs` is its slowest reply.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { makeResidentId, makeUscc, maskIdNumber } from '../core/credit/index.js';
import { loadConfig } from '../server/config.js';
import { startHallcast } from '../server/main.js';
import type { Wired } from '../server/services/index.js';
import { identifierHash } from '../server/services/shared/identifiers.js';
import { HEADER } from '../server/test/creditFixtures.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? def) : def;
};

interface Figures {
  rows: number;
  ms: number;
  rowsPerS: number;
  peakRssMb: number;
  /** HallCast only: entries already in the category, and the slowest /api/health reply meanwhile. */
  existing?: number;
  healthMaxMs?: number;
  /** The slowest reply that completed while the file was read, and while its rows were checked. */
  healthMaxReadingMs?: number;
  healthMaxCheckingMs?: number;
  healthPolls?: number;
}

const isPerson = (i: number) => i % 10 === 0;
/** The subject code of row i (the same in the file and in the seeded entries). */
const codeOf = (i: number) =>
  isPerson(i)
    ? makeResidentId(
        '231102',
        `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
        String(i % 1000).padStart(3, '0'),
      )
    : makeUscc({ region: '231100', orgCode: `B${String(i).padStart(7, '0')}` });

function sampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
  };
}

async function generate(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('名单');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const person = isPerson(i);
    const code = codeOf(i);
    ws.addRow([
      person ? '自然人' : '法人及非法人组织',
      `黑河基准测试企业${i}`,
      code,
      person ? '' : '张三',
      '提交虚假材料',
      '《市场监督管理严重违法失信名单管理办法》',
      `黑市监决〔2026〕${i}号`,
      '黑河市市场监督管理局',
      '2026-10-15',
      '严重',
    ]).commit();
  }
  await wb.commit();
}

async function baseline(file: string): Promise<Figures> {
  const peak = sampler();
  const start = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const ws of reader) for await (const _row of ws) rows++;
  const ms = performance.now() - start;
  return {
    rows: rows - 1,
    ms: Math.round(ms),
    rowsPerS: Math.round(((rows - 1) / ms) * 1000),
    peakRssMb: peak(),
  };
}

/** Polls /api/health every 50 ms until stdin closes, then prints the slowest reply. */
/** One /api/health reply: when it completed (wall clock, shared by the processes) and how long it took. */
type Reply = [doneAt: number, ms: number];

async function poll(url: string): Promise<void> {
  const replies: Reply[] = [];
  let n = 0;
  let failed = 0;
  const pending = new Set<Promise<void>>();
  const once = () => {
    const start = performance.now();
    const p = fetch(`${url}/api/health`)
      .then(async (r) => {
        await r.arrayBuffer();
        if (!r.ok) failed++;
      })
      .catch(() => {
        failed++;
      })
      .then(() => {
        replies.push([Date.now(), Math.round(performance.now() - start)]);
        n++;
        pending.delete(p);
        if (n === 1) process.stderr.write('ready\n');
      });
    pending.add(p);
  };
  const timer = setInterval(once, 50);
  once();
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
  clearInterval(timer);
  await Promise.all(pending);
  process.stdout.write(JSON.stringify({ replies, healthFailed: failed }));
}

function startPoller(url: string): { child: ChildProcess; ready: Promise<void>; done: Promise<string> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--phase', 'poll', '--url', url],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (c) => {
    out += c;
  });
  const ready = new Promise<void>((resolve) =>
    child.stderr!.on('data', (c) => String(c).includes('ready') && resolve()),
  );
  const done = new Promise<string>((resolve) => child.on('exit', () => resolve(out)));
  return { child, ready, done };
}

async function hallcast(file: string, existing: number): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallcast-bench-'));
  const hc = await startHallcast({
    config: loadConfig(
      {},
      {
        port: 0,
        host: '127.0.0.1',
        dataDir,
        demo: true,
        maxImportRows: 1_000_000,
        maxImportBytes: 200 * 1024 * 1024,
      },
    ),
    log: pino({ level: 'silent' }),
  });
  const s = { ...hc.services, db: hc.db, stores: hc.stores };
  const category = s.stores.credit.listCategories().find((c) => c.name === '严重违法失信企业')!;
  const unit = s.stores.credit.listUnits()[0]!;
  if (existing > 0) seed(s, category.id, unit.id, existing);
  const buf = readFileSync(file);
  const poller = startPoller(hc.url);
  await poller.ready;
  const peak = sampler();
  const start = performance.now();
  const startedAt = Date.now();
  let checkingAt = Number.POSITIVE_INFINITY;
  const p = await s.credit.imports.preview(
    buf,
    { fileName: 'bench.xlsx', unitId: unit.id, categoryId: category.id, actor: 'bench' },
    (step) => {
      if (step.phase === 'checking') checkingAt = Math.min(checkingAt, Date.now());
    },
  );
  const ms = performance.now() - start;
  const endedAt = Date.now();
  poller.child.stdin!.end();
  const { replies } = JSON.parse(await poller.done) as { replies: Reply[] };
  const maxOf = (from: number, to: number) =>
    Math.max(0, ...replies.filter(([at]) => at >= from && at <= to).map(([, ms]) => ms));
  const health = {
    healthMaxMs: maxOf(startedAt, endedAt + 200),
    healthMaxReadingMs: maxOf(startedAt, checkingAt),
    healthMaxCheckingMs: maxOf(checkingAt, endedAt + 200),
    healthPolls: replies.filter(([at]) => at >= startedAt).length,
  };
  const out = {
    rows: p.total,
    ms: Math.round(ms),
    rowsPerS: Math.round((p.total / ms) * 1000),
    peakRssMb: peak(),
    existing,
    ...health,
  };
  if (p.importable !== p.total)
    throw new Error(`bench file had ${p.total - p.importable} rejected rows: ${JSON.stringify(p.sample[0])}`);
  await hc.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return out;
}

/**
 * Seeds n published, active entries into the category through the store, in one transaction:
 * the file's subjects (row i mod the file's subjects) under older decision numbers, so that
 * none is a duplicate of the file but every lookup meets entries of the same subject.
 */
function seed(s: Wired, categoryId: string, unitId: string, n: number) {
  const now = s.clock.now();
  const batchId = 'bench-existing';
  s.db.transaction(() => {
    s.stores.credit.insertBatch({
      id: batchId,
      title: `bench — ${n} 条已有记录`,
      unitId,
      categoryId,
      status: 'draft',
      sourceName: 'bench',
      createdBy: null,
      createdAt: now,
    });
    for (let i = 0; i < n; i++) {
      const person = isPerson(i);
      const code = codeOf(i);
      s.stores.credit.insertEntry({
        id: `bench-${i}`,
        batchId,
        categoryId,
        rowNumber: i + 2,
        subjectType: person ? 'person' : 'org',
        name: `黑河基准测试企业${i}`,
        nameDisplay: `黑河基准测试企业${i}`,
        codeDisplay: person ? maskIdNumber(code) : code,
        codeHash: identifierHash(s.secrets.identifierKey, code),
        codeSuite: 'standard',
        legalRep: person ? '' : '张三',
        reason: '提交虚假材料',
        basis: '《市场监督管理严重违法失信名单管理办法》',
        docNo: `黑市监决〔2025〕${i}号`,
        authority: '黑河市市场监督管理局',
        decisionDate: '2025-10-15',
        severity: '严重',
        publishFrom: '2025-10-15',
        publishUntil: '2028-10-14',
        ruleSetVersion: 'bench',
        consent: true,
        codeAnomaly: false,
        flags: [],
        createdAt: now,
      });
    }
    s.stores.credit.publishBatch(batchId, now);
  })();
  // A running server's WAL is checkpointed as it goes; without this the first commit of the
  // preview would copy the whole seed into the database file.
  s.db.pragma('wal_checkpoint(TRUNCATE)');
}

async function main(): Promise<void> {
  const phase = opt('phase', '');
  if (phase === 'poll') return poll(opt('url', ''));
  if (phase) {
    const f =
      phase === 'baseline'
        ? await baseline(opt('file', ''))
        : await hallcast(opt('file', ''), Number(opt('existing', '0')));
    process.stdout.write(JSON.stringify(f));
    return;
  }
  const existing = Number(opt('existing', '0'));
  const rows = Number(opt('rows', '100000'));
  const dir = mkdtempSync(join(tmpdir(), 'hallcast-bench-file-'));
  const file = join(dir, 'bench.xlsx');
  await generate(file, rows);
  const run = (p: string, n = 0) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', import.meta.filename, '--phase', p, '--file', file, '--existing', String(n)],
        { maxBuffer: 1 << 20 },
      ).toString(),
    ) as Figures;
  const base = run('baseline');
  const mine = run('hallcast');
  const full = existing > 0 ? run('hallcast', existing) : undefined;
  const ratio = {
    ms: +(mine.ms / base.ms).toFixed(2),
    peakRssMb: +(mine.peakRssMb / base.peakRssMb).toFixed(2),
    ...(full ? { existingMs: +(full.ms / mine.ms).toFixed(2) } : {}),
  };
  const result = {
    file: { rows, bytes: statSync(file).size },
    hallcast: mine,
    ...(full ? { hallcastExisting: full } : {}),
    baseline: base,
    ratio,
  };
  rmSync(dir, { recursive: true, force: true });
  if (flag('json')) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`bench:import — ${rows} 行 xlsx（${(result.file.bytes / 1024 / 1024).toFixed(1)} MB）`);
  console.log(
    `  baseline (exceljs streaming read)   ${base.ms} ms  ${base.rowsPerS} 行/秒  峰值 RSS ${base.peakRssMb} MB`,
  );
  console.log(
    `  hallcast (read + check + stage)     ${mine.ms} ms  ${mine.rowsPerS} 行/秒  峰值 RSS ${mine.peakRssMb} MB`,
  );
  console.log(`  ratio hallcast/baseline             time ×${ratio.ms}  RSS ×${ratio.peakRssMb}`);
  const healthLine = (f: Figures) =>
    `${f.healthMaxMs} ms  (reading ${f.healthMaxReadingMs} ms, checking ${f.healthMaxCheckingMs} ms; ${f.healthPolls} polls)`;
  console.log(`  healthMaxMs (empty category)        ${healthLine(mine)}`);
  if (full) {
    console.log(
      `  hallcast, ${full.existing} existing entries    ${full.ms} ms  ${full.rowsPerS} 行/秒  峰值 RSS ${full.peakRssMb} MB`,
    );
    console.log(`  healthMaxMs (${full.existing} existing)         ${healthLine(full)}`);
    console.log(
      `  ratio existing/empty category       time ×${ratio.existingMs}  (${full.ms} ms vs ${mine.ms} ms)`,
    );
  }
}

await main();
