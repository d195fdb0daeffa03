import type { OpeningHours } from '../../../core/protocol/rest.js';
import { dayjs } from '../../../core/time.js';

export type CalendarKind = 'holiday' | 'workday';

/**
 * Whether a hall is open at an instant, in the hall's own timezone. No rows means the hours are
 * not configured: always open, so a dark screen is never silently ignored. A public holiday
 * (calendar `holiday`) closes the hall; a 调休 working day (`workday`) opens it with Monday's hours.
 */
export function isOpenAt(
  hall: { timezone: string; openingHours: OpeningHours },
  at: number,
  calendar: (date: string) => CalendarKind | undefined = () => undefined,
): boolean {
  if (hall.openingHours.length === 0) return true;
  const local = dayjs(at).tz(hall.timezone);
  const kind = calendar(local.format('YYYY-MM-DD'));
  if (kind === 'holiday') return false;
  const weekday = kind === 'workday' ? 1 : local.day() === 0 ? 7 : local.day();
  const time = local.format('HH:mm');
  return hall.openingHours.some((row) => {
    if (!row.weekdays.includes(weekday)) return false;
    if (row.close > row.open) return time >= row.open && time < row.close;
    return time >= row.open || time < row.close;
  });
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** "周一至周五 08:30–17:00；周六 09:00–12:00" for the dashboard. */
export function openingText(hours: OpeningHours): string {
  if (hours.length === 0) return '未设置开放时间（按全天统计）';
  return hours
    .map((row) => {
      const days = [...row.weekdays].sort((a, b) => a - b);
      const first = days[0] ?? 1;
      const last = days.at(-1) ?? first;
      const run = days.length >= 3 && last - first === days.length - 1;
      const label = run
        ? `周${WEEKDAYS[first - 1]}至周${WEEKDAYS[last - 1]}`
        : days.map((d) => `周${WEEKDAYS[d - 1]}`).join('、');
      return `${label} ${row.open}–${row.close}`;
    })
    .join('；');
}
