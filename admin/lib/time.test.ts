import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelative } from './time.js';

describe('time formatting', () => {
  // 2026-11-26T16:30:00Z is 00:30 on the 27th in Asia/Shanghai.
  const at = Date.UTC(2026, 10, 26, 16, 30);

  it('shows dates and times in Asia/Shanghai', () => {
    expect(formatDate(at)).toBe('2026年11月27日');
    expect(formatDateTime(at)).toBe('2026年11月27日 00:30');
  });

  it('shows relative times in Chinese', () => {
    expect(formatRelative(at - 3 * 60_000, at)).toBe('3 分钟前');
  });
});
