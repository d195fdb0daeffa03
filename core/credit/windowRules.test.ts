import { describe, expect, it } from 'vitest';
import {
  BLACK_2026,
  BLACK_2026_SAFETY,
  BLACK_LEGACY,
  BLACK_LEGACY_SAFETY,
  COURT_DISHONEST_DEBTOR,
  MARKET_REGULATION,
  RED_DEFAULT,
  WindowRules,
} from './windowRules.js';

describe('WindowRules schema', () => {
  it('accepts every shipped rule set, nested earlier sets included', () => {
    for (const rules of [
      BLACK_2026,
      BLACK_2026_SAFETY,
      BLACK_LEGACY,
      BLACK_LEGACY_SAFETY,
      COURT_DISHONEST_DEBTOR,
      MARKET_REGULATION,
      RED_DEFAULT,
    ]) {
      expect(WindowRules.parse(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
    }
  });

  it('refuses inconsistent ranges and defaults', () => {
    const range = { kind: 'range', ruleSetVersion: 'x', minMonths: 3, maxMonths: 12, defaultMonths: 12 };
    expect(WindowRules.safeParse(range).success).toBe(true);
    expect(WindowRules.safeParse({ ...range, minMonths: 13 }).success).toBe(false);
    expect(WindowRules.safeParse({ ...range, defaultMonths: 24 }).success).toBe(false);
    expect(WindowRules.safeParse({ ...range, minMonths: 0 }).success).toBe(false);
    expect(WindowRules.safeParse({ ...range, ruleSetVersion: '' }).success).toBe(false);
    const fixed = { kind: 'fixed', ruleSetVersion: 'x', options: [3, 36] };
    expect(WindowRules.safeParse(fixed).success).toBe(true);
    expect(WindowRules.safeParse({ ...fixed, defaultMonths: 12 }).success).toBe(false);
    expect(WindowRules.safeParse({ ...fixed, options: [] }).success).toBe(false);
    const nested = { ...range, effectiveFrom: '2026-04-01', previous: { ...range, minMonths: 13 } };
    expect(WindowRules.safeParse(nested).success).toBe(false);
  });

  it('refuses a published 轻微 rule without a range', () => {
    const graded = JSON.parse(JSON.stringify(BLACK_2026));
    graded.bySeverity.轻微 = { publish: true };
    expect(WindowRules.safeParse(graded).success).toBe(false);
    graded.bySeverity.轻微 = { publish: true, minMonths: 1, maxMonths: 3, defaultMonths: 3 };
    expect(WindowRules.safeParse(graded).success).toBe(true);
  });

  it('freezes the shipped rule sets', () => {
    expect(Object.isFrozen(BLACK_2026)).toBe(true);
    expect(Object.isFrozen(BLACK_2026.bySeverity.一般)).toBe(true);
  });
});
