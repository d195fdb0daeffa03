import { describe, expect, it } from 'vitest';
import { formatSummary } from './formatSummary.js';

describe('formatSummary', () => {
  it('keeps small summaries on one line', () => {
    expect(formatSummary({ status: 'published', entries: 12, ids: ['a', 'b'] })).toEqual({
      text: '{ "status": "published", "entries": 12, "ids": ["a", "b"] }',
      multiline: false,
    });
    expect(formatSummary(null)).toEqual({ text: '', multiline: false });
    expect(formatSummary('已登录')).toEqual({ text: '已登录', multiline: false });
  });

  it('indents large ones', () => {
    const big = { reason: '信用修复决定书'.repeat(10), docNo: '某信修〔2026〕12号' };
    const { text, multiline } = formatSummary(big);
    expect(multiline).toBe(true);
    expect(text.split('\n')).toHaveLength(4);
  });
});
