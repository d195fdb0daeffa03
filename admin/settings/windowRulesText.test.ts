import { describe, expect, it } from 'vitest';
import { BLACK_2026 } from '../../core/credit/windowRules.js';
import { parseWindowRules, windowRulesText } from './windowRulesText.js';

describe('parseWindowRules', () => {
  it('round-trips a preset', () => {
    expect(parseWindowRules(windowRulesText(BLACK_2026))).toEqual({ ok: true, rules: BLACK_2026 });
  });

  it('explains bad JSON and rule errors in Chinese', () => {
    expect(parseWindowRules('{ kind: range')).toEqual({
      ok: false,
      message: '不是有效的 JSON，请检查括号、引号和逗号',
    });
    const bad = parseWindowRules(
      JSON.stringify({ kind: 'range', ruleSetVersion: 'x', minMonths: 12, maxMonths: 6, defaultMonths: 6 }),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('最短 ≤ 默认 ≤ 最长');
  });
});
