// Calendar dates as 'YYYY-MM-DD' strings, computed with integers only: no Date, so no host
// timezone can shift a day. Zero-padded ISO strings also compare correctly with < and >.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CalendarDate = { year: number; month: number; day: number };

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the parts name a day that exists in the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a 'YYYY-MM-DD' string; null when malformed or not a real day. */
export function parseIsoDate(s: string): CalendarDate | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** '2026-04-14' -> '2026年4月14日', the form used in messages and on screens. */
export function formatChineseDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.year}年${d.month}月${d.day}日` : iso;
}

/**
 * Last day (inclusive) of a period of `months` starting on `fromIso`, the start day counting as
 * the first day: 2026-01-15 + 3 months -> 2026-04-14. When the start day does not exist in the
 * final month (Jan 31 + 1 month), the period ends on that month's last day.
 */
export function periodEnd(fromIso: string, months: number): string {
  const from = parseIsoDate(fromIso);
  if (!from) throw new RangeError(`not a date: ${fromIso}`);
  const index = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (from.day > daysInMonth(year, month))
    return formatIsoDate({ year, month, day: daysInMonth(year, month) });
  if (from.day > 1) return formatIsoDate({ year, month, day: from.day - 1 });
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  return formatIsoDate({ year: prevYear, month: prevMonth, day: daysInMonth(prevYear, prevMonth) });
}

/** Months as people say them: 3 -> '3个月', 12 -> '1年', 18 -> '1年6个月'. */
export function formatMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest}个月`;
  return rest === 0 ? `${years}年` : `${years}年${rest}个月`;
}
