import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { findChromium } from './kiosk/chromium.js';
import { scheduledBackups } from './services/operations/backup.js';

/**
 * `hallcast doctor`: checks a deployment and says, one line a check, what to do. A failed check
 * makes the exit code 1; a warning does not (an unknown clock state is a warning, not a failure).
 */

export type Verdict = 'ok' | 'warn' | 'fail';
export interface CheckResult {
  name: string;
  verdict: Verdict;
  /** What was found and, unless it is fine, what to do. */
  line: string;
}

/** What the doctor reads of the machine, injectable so that tests make each check fail. */
export interface DoctorProbes {
  /** Free bytes on the file system of `dir`. */
  freeBytes(dir: string): number;
  /** The NTP sync state: true, false, or null when it cannot be told. */
  clockSynchronised(): boolean | null;
  /** GET a URL; the status, or an error message. */
  get(url: string): Promise<{ status: number } | { error: string }>;
  /** Chromium's path on a kiosk box, or null. */
  chromium(): string | null;
}

const MB = 1024 * 1024;
const DAY = 86_400_000;

export const systemProbes: DoctorProbes = {
  freeBytes(dir) {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  },
  clockSynchronised() {
    try {
      const out = execFileSync('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], {
        encoding: 'utf8',
        timeout: 3000,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (out === 'yes') return true;
      if (out === 'no') return false;
    } catch {
      // No timedatectl (a container, no systemd): systemd-timesyncd's flag file, else unknown.
    }
    return existsSync('/run/systemd/timesync/synchronized') ? true : null;
  },
  async get(url) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      return { status: res.status };
    } catch (err) {
      return {
        error: (err as Error).cause ? String((err as { cause: unknown }).cause) : (err as Error).message,
      };
    }
  },
  chromium: () => findChromium(),
};

export interface DoctorOptions {
  config: Config;
  clock: Clock;
  probes?: DoctorProbes;
  /** Also check what a kiosk box needs (Chromium). */
  kiosk?: boolean;
}

export async function runDoctor(o: DoctorOptions): Promise<CheckResult[]> {
  const p = o.probes ?? systemProbes;
  const c = o.config;
  const now = o.clock.now();
  const out: CheckResult[] = [];
  const add = (name: string, verdict: Verdict, line: string) => out.push({ name, verdict, line });

  // The data dir: writable by this user.
  try {
    const probe = join(c.dataDir, `.doctor-${process.pid}`);
    writeFileSync(probe, 'x');
    rmSync(probe);
    add('data-dir', 'ok', `数据目录可写：${c.dataDir}`);
  } catch (err) {
    add(
      'data-dir',
      'fail',
      `数据目录不可写：${c.dataDir}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）——请检查路径与属主（运行服务的用户须能写入）`,
    );
  }

  // Disk space where the data lives.
  try {
    const free = p.freeBytes(existsSync(c.dataDir) ? c.dataDir : '.');
    const min = c.doctorMinFreeMb * MB;
    const text = `${(free / MB / 1024).toFixed(1)} GB`;
    if (free < min)
      add(
        'disk',
        'fail',
        `磁盘剩余空间 ${text}，低于 ${c.doctorMinFreeMb} MB——请清理或扩容，否则导入、媒体与备份将失败`,
      );
    else if (free < min * 4)
      add('disk', 'warn', `磁盘剩余空间 ${text}，接近下限 ${c.doctorMinFreeMb} MB——请尽快清理或扩容`);
    else add('disk', 'ok', `磁盘剩余空间 ${text}`);
  } catch (err) {
    add('disk', 'warn', `无法读取磁盘剩余空间（${(err as Error).message}）`);
  }

  // The clock: lists are published and expire by date, screens trust the server's time.
  const synced = p.clockSynchronised();
  if (synced === true) add('clock', 'ok', '系统时钟已与 NTP 同步');
  else if (synced === false)
    add(
      'clock',
      'fail',
      '系统时钟未与 NTP 同步——请启用时间同步（timedatectl set-ntp true，或配置 chrony 指向单位的时间服务器）',
    );
  else add('clock', 'warn', '无法确定时钟同步状态（没有 timedatectl）——请确认本机已配置 NTP 时间同步');

  // TLS files, when the server terminates TLS itself.
  if (c.tlsCert || c.tlsKey) {
    try {
      const cert = new X509Certificate(readFileSync(c.tlsCert!));
      readFileSync(c.tlsKey!);
      const until = Date.parse(cert.validTo);
      const days = Math.floor((until - now) / DAY);
      if (until <= now)
        add('tls', 'fail', `TLS 证书已于 ${cert.validTo} 过期——请更换 HALLCAST_TLS_CERT 中的证书`);
      else if (days < 30) add('tls', 'warn', `TLS 证书将在 ${days} 天后（${cert.validTo}）过期——请及时续期`);
      else add('tls', 'ok', `TLS 证书有效至 ${cert.validTo}`);
    } catch (err) {
      add(
        'tls',
        'fail',
        `无法读取 TLS 证书或私钥（${(err as Error).message}）——请检查 HALLCAST_TLS_CERT 与 HALLCAST_TLS_KEY`,
      );
    }
  } else add('tls', 'ok', '未配置 TLS 证书（由前置代理终止 TLS，见 docs/deploy.md）');

  // The public URL answers, as the screens and the admin reach it.
  if (c.publicUrl) {
    const url = `${c.publicUrl.replace(/\/$/, '')}/api/health`;
    const r = await p.get(url);
    if ('status' in r && r.status === 200) add('public-url', 'ok', `公开地址可访问：${url}`);
    else
      add(
        'public-url',
        'fail',
        `公开地址无法访问：${url}（${'status' in r ? `HTTP ${r.status}` : r.error}）——请确认服务已启动、代理与防火墙放行`,
      );
  } else
    add(
      'public-url',
      'warn',
      '未设置 HALLCAST_PUBLIC_URL——屏幕配对时显示的地址将靠猜测，请设置为大厅屏幕访问的地址',
    );

  // Backups: the newest scheduled one is recent.
  if (c.backupDir) {
    const newest = (await scheduledBackups(c.backupDir)).find((b) => b.createdAt !== null)?.createdAt ?? null;
    const limit = c.backupIntervalMs * 2;
    if (newest === null)
      add(
        'backup',
        'fail',
        `备份目录 ${c.backupDir} 中没有完成的备份——请检查服务日志中的 scheduled backup 记录，或手动运行 hallcast backup`,
      );
    else if (now - newest > limit)
      add(
        'backup',
        'fail',
        `最近一次备份在 ${new Date(newest).toISOString()}，已超过两个备份间隔——请检查定时备份（服务日志）与磁盘空间`,
      );
    else add('backup', 'ok', `最近一次备份：${new Date(newest).toISOString()}`);
  } else add('backup', 'warn', '未设置 HALLCAST_BACKUP_DIR，没有定时备份——请设置到数据目录之外的磁盘');

  if (o.kiosk) {
    const chromium = p.chromium();
    if (chromium) add('chromium', 'ok', `Chromium：${chromium}`);
    else
      add(
        'chromium',
        'fail',
        '本机没有 Chromium——请安装（apt-get install chromium fonts-noto-cjk），大厅屏幕须用它播放',
      );
  }
  return out;
}
