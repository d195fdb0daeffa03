/**
 * bench:fanout — how long a publish (and, separately, a withdrawal) takes to be rendered on N
 * simulated players, against a bare Socket.IO server broadcasting a payload of the same size
 * with acks (the baseline). Servers and players run in their own processes; players use
 * socket.io-client and pooled keep-alive HTTP agents. `--storm` restarts the server with N
 * players connected instead. `--json` prints `{ hallcast, baseline, ratio }`.
 *
 *   npm run bench:fanout -- --players 5000 [--json] [--storm] [--workers 4] [--rows 20]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caller, percentile } from './fanout/ipc.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1] ?? def) : def;
};
const N = opt('players', 1000);
const WORKERS = opt('workers', Math.max(2, Math.ceil(N / 2500)));
const ROWS = opt('rows', 20);
const RECONNECT_MAX_MS = opt('reconnect-max-ms', 2000);
const WAIT_MS = opt('timeout-ms', 180_000);
const here = join(import.meta.dirname, 'fanout');
const log = (line: string) => {
  if (!flag('json')) console.error(line);
};

type Call = ReturnType<typeof caller>;
interface Proc {
  child: ChildProcess;
  call: Call;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function spawn(file: string, argv: string[], gc = false): Promise<Proc> {
  const child = fork(join(here, file), argv, {
    execArgv: [
      ...(gc ? ['--expose-gc', '--max-old-space-size=6144'] : []),
      // BENCH_CPU_PROF=<dir> profiles the servers (not the players).
      ...(gc && process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      '--import',
      'tsx',
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before starting`)));
  });
  return { child, call: caller(child) };
}

const exited = (p: Proc) =>
  new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)));

async function startWorkers(mode: 'hallcast' | 'baseline', url: string, tokens: string[]) {
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, () => spawn('players.ts', ['--mode', mode])),
  );
  const per = Math.ceil(tokens.length / WORKERS);
  const results = await Promise.all(
    workers.map((w, i) =>
      w.call<{ connected: number; payloadBytes: number }>('connect', {
        url,
        tokens: tokens.slice(i * per, (i + 1) * per),
        reconnectMaxMs: RECONNECT_MAX_MS,
      }),
    ),
  );
  return {
    workers,
    connected: results.reduce((n, r) => n + r.connected, 0),
    payloadBytes: results.find((r) => r.payloadBytes > 0)?.payloadBytes ?? 0,
    all: <T>(cmd: string, a?: unknown) => Promise.all(workers.map((w) => w.call<T>(cmd, a))),
  };
}
type Workers = Awaited<ReturnType<typeof startWorkers>>;

interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  rendered: number;
}

/** Waits until every armed player rendered (or the wait runs out) and turns times into latencies. */
async function measure(w: Workers, t0: () => number): Promise<Latency> {
  const start = Date.now();
  while (Date.now() - start < WAIT_MS) {
    const done = (await w.all<number>('progress')).reduce((a, b) => a + b, 0);
    if (done >= N) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const times = (await w.all<(number | null)[]>('collect')).flat().filter((x): x is number => x !== null);
  const ms = times.map((t) => t - t0()).sort((a, b) => a - b);
  return {
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    p99Ms: percentile(ms, 99),
    maxMs: ms.at(-1) ?? Number.NaN,
    rendered: ms.length,
  };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function hallcastFanout() {
  const dir = mkdtempSync(join(tmpdir(), 'hallcast-fanout-'));
  const port = await freePort();
  const server = await spawn(
    'hallcastServer.ts',
    ['--data', dir, '--port', String(port), '--players', String(N)],
    true,
  );
  const { tokens } = await server.call<{ tokens: string[] }>('ready');
  await server.call('prepare', ROWS);
  const heapBefore = await server.call<number>('heap');
  log(`  hallcast: ${N} screens, connecting players…`);
  const w = await startWorkers('hallcast', `http://127.0.0.1:${port}`, tokens);
  const heapAfter = await server.call<number>('heap');
  log(`  hallcast: ${w.connected} connected; publishing ${ROWS} entries…`);
  await w.all('arm', 'next');
  let t0 = 0;
  const pub = await server.call<{ t0: number; ms: number }>('publish');
  t0 = pub.t0;
  const publish = await measure(w, () => t0);
  log(`  hallcast: publish rendered on ${publish.rendered}; withdrawing one entry…`);
  await w.all('arm', 'next');
  const wd = await server.call<{ t0: number }>('withdraw');
  const withdrawal = await measure(w, () => wd.t0);
  await w.all('close');
  await server.call('stop');
  await exited(server);
  rmSync(dir, { recursive: true, force: true });
  return {
    players: N,
    connected: w.connected,
    payloadBytes: w.payloadBytes,
    ...publish,
    heapPerPlayerKb: kb((heapAfter - heapBefore) / N),
    publishCallMs: pub.ms,
    withdrawal,
  };
}

async function baselineFanout(payloadBytes: number) {
  const port = await freePort();
  const server = await spawn(
    'baselineServer.ts',
    ['--port', String(port), '--resync-bytes', String(payloadBytes)],
    true,
  );
  const heapBefore = await server.call<number>('heap');
  log('  baseline: connecting players…');
  const w = await startWorkers(
    'baseline',
    `http://127.0.0.1:${port}`,
    Array.from({ length: N }, (_, i) => String(i)),
  );
  const heapAfter = await server.call<number>('heap');
  await w.all('arm', 'next');
  const b = await server.call<{ t0: number }>('broadcast', payloadBytes);
  const broadcast = await measure(w, () => b.t0);
  await w.all('close');
  await server.call('stop');
  await exited(server);
  return {
    players: N,
    connected: w.connected,
    payloadBytes,
    ...broadcast,
    heapPerPlayerKb: kb((heapAfter - heapBefore) / N),
  };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

interface Storm {
  players: number;
  resynced: number;
  /** From stopping the old server until the last player rendered again. */
  resyncMs: number;
  /** Until the new server listened (process start and, for HallCast, compiling TypeScript with tsx). */
  bootMs: number;
  /** From the new server listening until the last player rendered again. */
  resyncAfterBootMs: number;
  eventLoopDelayP99Ms: number;
  peakRssMb: number;
}

/** Restarts a server with every player connected; players reconnect and resync. */
async function storm(
  kind: 'hallcast' | 'baseline',
  payloadBytes: number,
): Promise<Storm & { payloadBytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hallcast-storm-'));
  const port = await freePort();
  const argv =
    kind === 'hallcast'
      ? ['--data', dir, '--port', String(port), '--players', String(N)]
      : ['--port', String(port), '--resync-bytes', String(payloadBytes)];
  const file = kind === 'hallcast' ? 'hallcastServer.ts' : 'baselineServer.ts';
  let server = await spawn(file, argv, true);
  const ready = await server.call<{ tokens?: string[] }>('ready');
  const tokens = ready.tokens ?? Array.from({ length: N }, (_, i) => String(i));
  log(`  ${kind}: connecting ${N} players…`);
  const w = await startWorkers(kind, `http://127.0.0.1:${port}`, tokens);
  await w.all('arm', 'any');
  log(`  ${kind}: ${w.connected} connected; restarting the server…`);
  const t0 = Date.now();
  await server.call('stop');
  await exited(server);
  server = await spawn(file, argv, true);
  const booted = Date.now();
  await server.call('ready');
  const m = await measure(w, () => t0);
  const stats = await server.call<{ eventLoopDelayP99Ms: number; peakRssMb: number }>('stats');
  await w.all('close');
  await server.call('stop');
  await exited(server);
  rmSync(dir, { recursive: true, force: true });
  return {
    players: N,
    payloadBytes: w.payloadBytes || payloadBytes,
    resynced: m.rendered,
    resyncMs: m.maxMs,
    bootMs: booted - t0,
    resyncAfterBootMs: m.maxMs - (booted - t0),
    eventLoopDelayP99Ms: stats.eventLoopDelayP99Ms,
    peakRssMb: stats.peakRssMb,
  };
}

async function main(): Promise<void> {
  log(`bench:fanout — ${N} players in ${WORKERS} worker processes${flag('storm') ? ' (storm)' : ''}`);
  if (flag('storm')) {
    const hallcast = await storm('hallcast', 0);
    const baseline = await storm('baseline', hallcast.payloadBytes);
    const r = {
      resyncMs: ratio(hallcast.resyncMs, baseline.resyncMs),
      resyncAfterBootMs: ratio(hallcast.resyncAfterBootMs, baseline.resyncAfterBootMs),
      eventLoopDelayP99Ms: ratio(hallcast.eventLoopDelayP99Ms, baseline.eventLoopDelayP99Ms),
      peakRssMb: ratio(hallcast.peakRssMb, baseline.peakRssMb),
    };
    if (flag('json')) return void console.log(JSON.stringify({ hallcast, baseline, ratio: r }));
    console.log(
      `bench:fanout --storm — ${N} 个播放端连接时重启服务器（重连退避上限 ${RECONNECT_MAX_MS} ms）`,
    );
    console.log(
      '                 全部重新同步（其中启动）  启动后同步   事件循环延迟 p99   峰值 RSS   已同步',
    );
    for (const [name, s] of [
      ['hallcast', hallcast],
      ['baseline', baseline],
    ] as const) {
      console.log(
        `  ${name.padEnd(12)} ${String(s.resyncMs).padStart(9)} ms（${s.bootMs} ms） ${String(s.resyncAfterBootMs).padStart(8)} ms ${String(s.eventLoopDelayP99Ms).padStart(12)} ms ${String(s.peakRssMb).padStart(8)} MB   ${s.resynced}/${N}`,
      );
    }
    console.log(
      `  ratio        ×${r.resyncMs}                   ×${r.resyncAfterBootMs}          ×${r.eventLoopDelayP99Ms}           ×${r.peakRssMb}`,
    );
    return;
  }
  const hallcast = await hallcastFanout();
  const baseline = await baselineFanout(hallcast.payloadBytes);
  const fields = ['p50Ms', 'p95Ms', 'p99Ms', 'maxMs'] as const;
  const r = {
    ...(Object.fromEntries(fields.map((f) => [f, ratio(hallcast[f], baseline[f])])) as Record<
      (typeof fields)[number],
      number
    >),
    heapPerPlayerKb: ratio(hallcast.heapPerPlayerKb, baseline.heapPerPlayerKb),
    withdrawal: Object.fromEntries(fields.map((f) => [f, ratio(hallcast.withdrawal[f], baseline[f])])),
  };
  if (flag('json')) return void console.log(JSON.stringify({ hallcast, baseline, ratio: r }));
  const row = (name: string, l: Latency, heap?: number) =>
    `  ${name.padEnd(22)}${fields.map((f) => `${String(l[f]).padStart(7)} ms`).join('')}   ${String(l.rendered).padStart(6)}/${N}${heap === undefined ? '' : `   ${heap} KB`}`;
  console.log(
    `bench:fanout — ${N} 个播放端，${WORKERS} 个进程；推送 ${kb(hallcast.payloadBytes)} KB；发布 ${ROWS} 条，再撤下 1 条`,
  );
  console.log(
    `  ${''.padEnd(22)}${fields.map((f) => f.replace('Ms', '').padStart(10)).join('')}   已显示      堆/播放端`,
  );
  console.log(row('hallcast 发布', hallcast, hallcast.heapPerPlayerKb));
  console.log(row('hallcast 撤下', hallcast.withdrawal));
  console.log(row('baseline 广播+ack', baseline, baseline.heapPerPlayerKb));
  console.log(
    `  ratio（发布/基线）     ${fields.map((f) => `×${r[f]}`.padStart(10)).join('')}               ×${r.heapPerPlayerKb}`,
  );
}

await main();
