import dayjs from 'dayjs';
import { ADMIN_TIMEZONE } from '../../lib/time.js';

const QUARTERS = ['一', '二', '三', '四'];

/** '2026年第四季度 — 纳税信用A级企业': the quarter of `now` in the halls' zone. */
export function defaultBatchTitle(categoryName: string, now: number = Date.now()): string {
  const d = dayjs(now).tz(ADMIN_TIMEZONE);
  const quarter = QUARTERS[Math.floor(d.month() / 3)] ?? '';
  return `${d.year()}年第${quarter}季度 — ${categoryName}`;
}
