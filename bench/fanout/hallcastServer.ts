/**
 * A HallCast server for bench:fanout, in its own process: started on a data dir (screens written
 * straight into its database on the first start), driven by the parent over IPC.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { makeUscc } from '../../core/credit/index.js';
import { loadConfig } from '../../server/config.js';
import { startHallcast } from '../../server/main.js';
import { createScreens as writeScreens } from '../../server/test/realtimeKit.js';
import { peakRssMb, serve, settledHeap } from './ipc.js';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1]!;
const dataDir = arg('data');
const players = Number(arg('players'));
const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();

const hc = await startHallcast({
  config: loadConfig(
    {},
    { port: Number(arg('port')), host: '127.0.0.1', dataDir, demo: true, logLevel: 'silent' },
  ),
  log: pino({ level: 'silent' }),
});
const s = { ...hc.services, db: hc.db, stores: hc.stores };
const tokensFile = join(dataDir, 'bench-tokens.json');

/** N screens in the demo hall and group, their tokens kept for the player workers. */
function createScreens(n: number): string[] {
  if (existsSync(tokensFile)) return JSON.parse(readFileSync(tokensFile, 'utf8')) as string[];
  const tokens = writeScreens({ hc }, n, '压测屏幕').map((x) => x.token);
  writeFileSync(tokensFile, JSON.stringify(tokens));
  return tokens;
}

const user = (username: string) => s.stores.users.list().find((u) => u.username === username)!.id;
const actor = (role: string) => user(hc.demoLogins!.find((l) => l.role === role)!.username);
let batchId = '';
let withdrawCode = '';

/** An approved batch of `rows` organisations, ready to publish; one of them is withdrawn later. */
async function prepare(rows: number): Promise<void> {
  const category = s.stores.credit.listCategories().find((c) => c.name === '严重违法失信企业')!;
  const unit = s.stores.credit.listUnits()[0]!;
  const header =
    '主体类型,主体名称,统一社会信用代码/证件号码,法定代表人,事由,认定依据,决定书文号,认定部门,认定日期,严重程度';
  const codes = Array.from({ length: rows }, (_, i) =>
    makeUscc({ region: '231100', orgCode: `F${String(i).padStart(7, '0')}` }),
  );
  const lines = codes.map(
    (code, i) =>
      `法人及非法人组织,黑河压测商贸有限公司${i + 1},${code},王压测,提交虚假材料,《市场监督管理严重违法失信名单管理办法》,黑市监决〔2026〕${9000 + i}号,黑河市市场监督管理局,2026-11-01,严重`,
  );
  const editor = actor('list-editor');
  const reviewer = actor('reviewer');
  const p = await s.credit.imports.preview(Buffer.from([header, ...lines].join('\r\n')), {
    fileName: 'bench.csv',
    unitId: unit.id,
    categoryId: category.id,
    actor: editor,
  });
  if (p.importable !== rows) throw new Error(`bench rows rejected: ${JSON.stringify(p.sample[0])}`);
  const batch = s.credit.imports.confirm(p.id, '压测批次', editor, (id) => s.credit.batches.get(id));
  s.credit.batches.submit(batch.id, editor);
  s.credit.batches.approve(batch.id, reviewer, 'bench');
  batchId = batch.id;
  withdrawCode = codes[0]!;
}

serve({
  ready: () => ({ port: hc.port, tokens: createScreens(players), heap: settledHeap() }),
  heap: () => settledHeap(),
  prepare: (rows: number) => prepare(rows),
  publish: () => {
    const t0 = Date.now();
    const out = s.credit.batches.publish(batchId, actor('reviewer'));
    return { t0, changeId: out.changeId, ms: Date.now() - t0 };
  },
  withdraw: () => {
    const t0 = Date.now();
    const td = s.credit.withdrawals.withdrawByCode(
      { code: withdrawCode, kind: 'repair', reason: '压测：信用修复', docNo: '压测〔2026〕1号' },
      actor('list-editor'),
    );
    return { t0, changeId: td[0]?.changeId, ms: Date.now() - t0 };
  },
  progress: (changeId: string) => s.convergence.progress(changeId),
  resetDelay: () => eld.reset(),
  stats: () => ({
    eventLoopDelayP99Ms: Math.round(eld.percentile(99) / 1e5) / 10,
    peakRssMb: peakRssMb(),
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  }),
  stop: async () => {
    await hc.stop();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ id: 0, result: 'started' });
