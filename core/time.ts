import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** The calendar date (YYYY-MM-DD) of an instant in a timezone, never the host's. */
export function dateIn(instant: number, tz: string = DEFAULT_TIMEZONE): string {
  return dayjs(instant).tz(tz).format('YYYY-MM-DD');
}

/** A date as people here write it: 2020年10月30日. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  return dayjs.utc(isoDate).add(days, 'day').format('YYYY-MM-DD');
}

export { dayjs };
