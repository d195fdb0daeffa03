import { describe, expect, it } from 'vitest';
import { defaultBatchTitle } from './title.js';

describe('defaultBatchTitle', () => {
  it('names the quarter in Chinese, in the halls’ zone', () => {
    expect(defaultBatchTitle('失信被执行人', Date.parse('2026-11-27T10:00:00+08:00'))).toBe(
      '2026年第四季度 — 失信被执行人',
    );
    // 2026-03-31 17:00 UTC is already 1 April in Beijing: second quarter.
    expect(defaultBatchTitle('守信企业', Date.parse('2026-03-31T17:00:00Z'))).toBe(
      '2026年第二季度 — 守信企业',
    );
  });
});
