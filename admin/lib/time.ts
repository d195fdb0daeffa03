import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/** The admin shows every instant in the halls' zone, whatever the browser's own zone is. */
export const ADMIN_TIMEZONE = 'Asia/Shanghai';

/** 2026年11月27日 */
export function formatDate(ms: number): string {
  return dayjs(ms).tz(ADMIN_TIMEZONE).format('YYYY年M月D日');
}

/** 2026年11月27日 14:05 */
export function formatDateTime(ms: number): string {
  return dayjs(ms).tz(ADMIN_TIMEZONE).format('YYYY年M月D日 HH:mm');
}

/** 3 分钟前 / 2 天前; `now` is for tests and ticking views. */
export function formatRelative(ms: number, now: number = Date.now()): string {
  return dayjs(ms).from(dayjs(now));
}
