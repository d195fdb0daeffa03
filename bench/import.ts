/**
 * bench:import — a 100k-row xlsx: a bare exceljs streaming read (the baseline) against
 * HallCast's validate+stage of the same file (read, check every row, preview). Each side
 * runs in its own child process so that peak RSS is its own. `--json` prints one object.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { makeResidentId, makeUscc } from '../core/credit/index.js';
import { loadConfig } from '../server/config.js';
import { startHallcast } from '../server/main.js';

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
}

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
  ws.addRow([
    '主体类型',
    '主体名称',
    '统一社会信用代码/证件号码',
    '法定代表人',
    '事由',
    '认定依据',
    '决定书文号',
    '认定部门',
    '认定日期',
    '严重程度',
  ]).commit();
  for (let i = 0; i < rows; i++) {
    const person = i % 10 === 0;
    const code = person
      ? makeResidentId(
          '231102',
          `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
          String(i % 1000).padStart(3, '0'),
        )
      : makeUscc({ region: '231100', orgCode: `B${String(i).padStart(7, '0')}` });
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

async function hallcast(file: string): Promise<Figures> {
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
  const s = hc.services;
  const category = s.stores.credit.listCategories().find((c) => c.name === '严重违法失信企业')!;
  const unit = s.stores.credit.listUnits()[0]!;
  const buf = readFileSync(file);
  const peak = sampler();
  const start = performance.now();
  const p = await s.credit.imports.preview(buf, {
    fileName: 'bench.xlsx',
    unitId: unit.id,
    categoryId: category.id,
    actor: 'bench',
  });
  const ms = performance.now() - start;
  const out = {
    rows: p.total,
    ms: Math.round(ms),
    rowsPerS: Math.round((p.total / ms) * 1000),
    peakRssMb: peak(),
  };
  if (p.importable !== p.total)
    throw new Error(`bench file had ${p.total - p.importable} rejected rows: ${JSON.stringify(p.sample[0])}`);
  await hc.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return out;
}

async function main(): Promise<void> {
  const phase = opt('phase', '');
  if (phase) {
    const f = phase === 'baseline' ? await baseline(opt('file', '')) : await hallcast(opt('file', ''));
    process.stdout.write(JSON.stringify(f));
    return;
  }
  const rows = Number(opt('rows', '100000'));
  const dir = mkdtempSync(join(tmpdir(), 'hallcast-bench-file-'));
  const file = join(dir, 'bench.xlsx');
  await generate(file, rows);
  const run = (p: string) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', import.meta.filename, '--phase', p, '--file', file],
        { maxBuffer: 1 << 20 },
      ).toString(),
    ) as Figures;
  const base = run('baseline');
  const mine = run('hallcast');
  const ratio = {
    ms: +(mine.ms / base.ms).toFixed(2),
    peakRssMb: +(mine.peakRssMb / base.peakRssMb).toFixed(2),
  };
  const result = { file: { rows, bytes: statSync(file).size }, hallcast: mine, baseline: base, ratio };
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
}

await main();
