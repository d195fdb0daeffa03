import { describe, expect, it } from 'vitest';
import { mergeDays, parseCalendarCsv } from './calendarCsv.js';

describe('parseCalendarCsv', () => {
  it('reads holidays and make-up workdays, skipping a header and blank lines', () => {
    const text = 'date,kind,name\n2026-10-01,holiday,国庆节\n\n2026-10-10，上班，国庆调休\n2026-10-02\t放假';
    expect(parseCalendarCsv(text, 2026)).toEqual({
      days: [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-10', kind: 'workday', name: '国庆调休' },
        { date: '2026-10-02', kind: 'holiday', name: '' },
      ],
      errors: [],
    });
  });

  it('names each bad line', () => {
    const { days, errors } = parseCalendarCsv(
      '2026-13-01,holiday\n2026-05-01,rest\n2025-12-31,holiday',
      2026,
    );
    expect(days).toEqual([]);
    expect(errors).toEqual([
      '第 1 行：日期「2026-13-01」无效，应为 YYYY-MM-DD 格式的真实日期',
      '第 2 行：类型「rest」应为 holiday（放假）或 workday（调休上班）',
      '第 3 行：2025-12-31 不在 2026 年',
    ]);
  });

  it('merges by date, sorted', () => {
    const a = { date: '2026-10-02', kind: 'holiday' as const, name: '' };
    const b = { date: '2026-10-01', kind: 'holiday' as const, name: '国庆节' };
    expect(mergeDays([a], [b, { ...a, name: '国庆节' }])).toEqual([b, { ...a, name: '国庆节' }]);
  });
});
