import dayjs from 'dayjs';
import type { ChangeProgress, CommandKind, ScreenStatus } from '../../core/protocol/events.js';
import { ADMIN_TIMEZONE } from '../lib/time.js';

/** 14:05:09 (the second matters for convergence). */
export const clockTime = (ms: number) => dayjs(ms).tz(ADMIN_TIMEZONE).format('HH:mm:ss');

export type ScreenHealth = 'online' | 'error' | 'stale' | 'offline' | 'alert' | 'never';

export const HEALTH: Record<ScreenHealth, { color: string; label: string }> = {
  online: { color: 'success', label: '在线' },
  error: { color: 'warning', label: '在线·有错误' },
  stale: { color: 'processing', label: '未生效' },
  offline: { color: 'default', label: '离线' },
  alert: { color: 'error', label: '离线告警' },
  never: { color: 'default', label: '从未上线' },
};

/** The status colour of a screen: an open alert first, then connection, errors, convergence. */
export function healthOf(s: ScreenStatus): ScreenHealth {
  if (s.alert) return 'alert';
  if (!s.online) return s.lastSeenAt === null ? 'never' : 'offline';
  if (s.lastError && s.errors > 0 && Date.now() - s.lastError.at < 10 * 60_000) return 'error';
  if (s.renderedRevision < s.revision) return 'stale';
  return 'online';
}

/** "37/40 已生效 · 2 离线 · 1 超时" */
export function progressText(p: ChangeProgress): string {
  const parts = [`${p.rendered}/${p.total} 已生效`];
  if (p.offline > 0) parts.push(`${p.offline} 离线`);
  if (p.timedOut > 0) parts.push(`${p.timedOut} 超时`);
  const waiting = p.total - p.rendered - p.offline - p.timedOut;
  if (waiting > 0) parts.push(`${waiting} 进行中`);
  return parts.join(' · ');
}

/** 850 ms, 3.2 秒, 4 分 10 秒 */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} 毫秒`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} 秒`;
  const m = Math.floor(ms / 60_000);
  if (m < 60) return `${m} 分 ${Math.round((ms % 60_000) / 1000)} 秒`;
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}

/** 3 天 4 小时 / 2 小时 5 分 / 12 分 */
export function formatUptime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d} 天 ${h} 小时`;
  if (h > 0) return `${h} 小时 ${m} 分`;
  return `${m} 分`;
}

export const KIND_LABELS: Record<string, string> = {
  'list-board': '信用名单',
  image: '图片',
  video: '视频',
  notice: '公告',
  ticker: '滚动字幕',
  clock: '时钟',
};

export const CHANGE_KIND_LABELS: Record<string, string> = {
  publish: '发布名单',
  withdrawal: '撤下',
  correction: '更正',
  expiry: '公示到期',
  objection: '异议',
  screen: '屏幕',
  hall: '大厅',
  group: '分组',
  category: '名单类别',
  playlist: '节目单',
  campaign: '宣传活动',
  emergency: '紧急通知',
};

export const COMMANDS: { kind: CommandKind; label: string; hint: string }[] = [
  { kind: 'identify', label: '识别', hint: '在屏幕上大字显示屏幕名称 10 秒' },
  { kind: 'info', label: '信息面板', hint: '显示或隐藏角落的信息面板（名称、版本号、服务器、连接）' },
  { kind: 'resync', label: '重新同步', hint: '重新获取清单与名单数据' },
  { kind: 'reload', label: '重新加载', hint: '刷新播放页面' },
  { kind: 'clear-cache', label: '清除缓存', hint: '清除离线缓存后重新下载' },
  { kind: 'snapshot', label: '截屏', hint: '由 kiosk 代理截取屏幕画面' },
];
export const COMMAND_LABELS = Object.fromEntries(COMMANDS.map((c) => [c.kind, c.label])) as Record<
  CommandKind,
  string
>;
