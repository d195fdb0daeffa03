import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kiosk } from './agent.js';
import { findChromium } from './chromium.js';

export { Kiosk, type KioskOptions } from './agent.js';

const USAGE = `用法: hallcast kiosk --server URL [选项]
  在大厅屏幕上以 kiosk 模式启动 Chromium 播放端，并作为屏幕代理：浏览器崩溃、退出或无响应时自动重启，
  响应管理后台的“截屏”命令。
  --server URL          HallCast 服务器地址，如 http://192.168.1.10:8080（必填）
  --user-data-dir DIR   浏览器配置目录（默认 ~/.hallcast-kiosk；离线缓存与配对信息保存在此）
  --chromium PATH       Chromium 可执行文件（默认自动查找 /usr/bin/chromium 等）
  --window-size WxH     窗口大小（默认 1920x1080；kiosk 模式下全屏）
  --devtools-port N     DevTools 端口，仅绑定 127.0.0.1（默认 0 = 任意空闲端口）
  --check-ms N          心跳检查间隔，毫秒（默认 10000）
  --hang-ms N           页面无响应判定时间，毫秒（默认 10000）
  --headless            无界面运行（测试用）`;

function parseSize(v: string | undefined): { width: number; height: number } {
  const m = /^(\d+)[x,](\d+)$/.exec(v ?? '');
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 1920, height: 1080 };
}

/** `hallcast kiosk`: runs until SIGINT/SIGTERM; returns the exit code for a usage error. */
export async function kioskCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string' },
      'user-data-dir': { type: 'string' },
      chromium: { type: 'string' },
      'window-size': { type: 'string' },
      'devtools-port': { type: 'string' },
      'check-ms': { type: 'string' },
      'hang-ms': { type: 'string' },
      headless: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  let server: URL;
  try {
    server = new URL(values.server ?? '');
  } catch {
    console.error(USAGE);
    process.exit(2);
  }
  const executable = values.chromium ?? findChromium();
  if (!executable) {
    console.error(
      '找不到 Chromium：请安装（sudo apt-get install chromium fonts-noto-cjk）或用 --chromium 指定',
    );
    process.exit(1);
  }
  const kiosk = new Kiosk({
    server: server.origin,
    executable,
    userDataDir: values['user-data-dir'] ?? join(homedir(), '.hallcast-kiosk'),
    headless: Boolean(values.headless),
    devtoolsPort: Number(values['devtools-port'] ?? 0),
    windowSize: parseSize(values['window-size']),
    checkMs: Number(values['check-ms'] ?? 10_000),
    hangMs: Number(values['hang-ms'] ?? 10_000),
    log: (line) => console.log(`[${new Date().toISOString()}] ${line}`),
  });
  await kiosk.start();
  console.log(`HallCast kiosk 已启动：${kiosk.playerUrl}（DevTools 127.0.0.1:${kiosk.port}）`);
  const shutdown = (signal: string) => {
    console.log(`收到 ${signal}，关闭浏览器`);
    void kiosk.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
