import type { Targets } from '../../core/protocol/programs.js';

export const PRIORITY_LABELS = { normal: '普通', high: '高' } as const;
export const SHARING_LABELS = {
  interleave: '与名单交替播放',
  fill: '名单保底时长之外全部播放',
} as const;
export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'].map((d, i) => ({
  value: i + 1,
  label: `周${d}`,
}));

/** 1.5 MB, 320 KB */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return n === 0 ? '0 KB' : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** 1 分 30 秒, 45 秒, 2 小时 */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600} 小时`;
  if (s >= 60) return `${Math.floor(s / 60)} 分${s % 60 ? ` ${s % 60} 秒` : '钟'}`;
  return `${s} 秒`;
}

/** 全部屏幕 / 大厅 1 个、分组 2 个 */
export function describeTargets(t: Targets, names: Map<string, string>): string {
  if (t.all) return '全部屏幕';
  const part = (ids: string[], what: string) =>
    ids.length === 0 ? [] : [`${what}：${ids.map((id) => names.get(id) ?? '（已删除）').join('、')}`];
  return [...part(t.hallIds, '大厅'), ...part(t.groupIds, '分组'), ...part(t.screenIds, '屏幕')].join('；');
}
