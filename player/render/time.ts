import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The calendar date (YYYY-MM-DD) of an instant in a zone; never the host's zone. */
export function dateIn(now: number, tz: string): string {
  return dayjs(now).tz(tz).format('YYYY-MM-DD');
}

/** Milliseconds from `now` to the next midnight in `tz`. */
export function msUntilMidnight(now: number, tz: string): number {
  const tomorrow = dayjs.utc(dateIn(now, tz)).add(1, 'day').format('YYYY-MM-DD');
  return Math.max(1, dayjs.tz(tomorrow, tz).valueOf() - now);
}

/** "2026年11月27日 星期五" in `tz`. */
export function formatDateLine(now: number, tz: string): string {
  return dayjs(now).tz(tz).locale('zh-cn').format('YYYY年M月D日 dddd');
}

/** "15:04" in `tz`. */
export function formatTime(now: number, tz: string): string {
  return dayjs(now).tz(tz).format('HH:mm');
}

/** Milliseconds from `now` to the next full minute (zones differ by whole minutes). */
export function msUntilNextMinute(now: number): number {
  return 60_000 - (((now % 60_000) + 60_000) % 60_000);
}
