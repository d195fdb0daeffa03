import { CalendarDay } from '../../core/protocol/credit.js';

const KINDS: Record<string, CalendarDay['kind']> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  调休上班: 'workday',
};

// A real calendar date: 2026-02-30 is refused, not rolled over into March.
function isRealDate(date: string): boolean {
  const at = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === date;
}

export interface CsvResult {
  days: CalendarDay[];
  /** '第 3 行：…' for each line that could not be read. */
  errors: string[];
}

/**
 * Reads pasted lines "2026-10-01,holiday,国庆节" (also 放假/上班, tabs or Chinese commas).
 * Days outside `year` are refused: the calendar is saved one year at a time.
 */
export function parseCalendarCsv(text: string, year: number): CsvResult {
  const days: CalendarDay[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || /^date\b|^日期/i.test(line)) return;
    const [date = '', kindText = '', ...rest] = line.split(/[,，\t]/).map((s) => s.trim());
    const kind = KINDS[kindText.toLowerCase()];
    const parsed = CalendarDay.safeParse({ date, kind, name: rest.join(' ') });
    if (!kind)
      errors.push(`第 ${index + 1} 行：类型「${kindText}」应为 holiday（放假）或 workday（调休上班）`);
    else if (!parsed.success || !isRealDate(date))
      errors.push(`第 ${index + 1} 行：日期「${date}」无效，应为 YYYY-MM-DD 格式的真实日期`);
    else if (!date.startsWith(`${year}-`)) errors.push(`第 ${index + 1} 行：${date} 不在 ${year} 年`);
    else days.push(parsed.data);
  });
  return { days, errors };
}

/** Merges days by date (later wins) and sorts them. */
export function mergeDays(current: CalendarDay[], added: CalendarDay[]): CalendarDay[] {
  const byDate = new Map(current.map((d) => [d.date, d]));
  for (const day of added) byDate.set(day.date, day);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
