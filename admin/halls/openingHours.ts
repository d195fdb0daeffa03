import dayjs, { type Dayjs } from 'dayjs';
import type { OpeningHours } from '../../core/protocol/rest.js';

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const WEEKDAY_OPTIONS = WEEKDAY_LABELS.map((label, i) => ({ value: i + 1, label }));

/** One row of the form: weekdays (1 = Monday … 7 = Sunday) with TimePicker values. */
export interface OpeningRow {
  weekdays: number[];
  open: Dayjs | null;
  close: Dayjs | null;
}

/** "周一至周五" for a run of three or more days, else "周六、周日". */
export function formatWeekdays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const label = (d: number) => WEEKDAY_LABELS[d - 1] ?? String(d);
  if (first !== undefined && last !== undefined && sorted.length >= 3 && last - first === sorted.length - 1) {
    return `${label(first)}至${label(last)}`;
  }
  return sorted.map(label).join('、');
}

export function formatOpeningHours(hours: OpeningHours): string[] {
  return hours.map((row) => `${formatWeekdays(row.weekdays)} ${row.open}–${row.close}`);
}

// "09:30" -> a Dayjs for the TimePicker (only its hour and minute matter).
function atTime(hhmm: string): Dayjs {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return dayjs().hour(h).minute(m).second(0).millisecond(0);
}

export function toRows(hours: OpeningHours): OpeningRow[] {
  return hours.map((row) => ({ weekdays: row.weekdays, open: atTime(row.open), close: atTime(row.close) }));
}

export function fromRows(rows: OpeningRow[] | undefined): OpeningHours {
  return (rows ?? []).map((row) => ({
    weekdays: [...row.weekdays].sort((a, b) => a - b),
    open: row.open?.format('HH:mm') ?? '',
    close: row.close?.format('HH:mm') ?? '',
  }));
}

export const DEFAULT_ROWS: OpeningHours = [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }];
