import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isWithinWindow,
  publicationWindow,
  rulesFor,
  type WindowInput,
  type WindowResult,
} from './window.js';
import {
  BLACK_2026,
  BLACK_2026_SAFETY,
  BLACK_LEGACY,
  BLACK_LEGACY_SAFETY,
  COURT_DISHONEST_DEBTOR,
  MARKET_REGULATION,
  RED_DEFAULT,
  type WindowRules,
} from './windowRules.js';

const codes = (r: WindowResult) => (r.ok ? [] : r.errors.map((e) => e.code));
const until = (input: WindowInput) => {
  const r = publicationWindow(input);
  return r.ok ? r.publishUntil : r.errors.map((e) => e.code).join(',');
};

describe('rulesFor', () => {
  it('switches to the graded rules on 2026-04-01', () => {
    expect(rulesFor('2026-03-31', BLACK_2026)).toBe(BLACK_LEGACY);
    expect(rulesFor('2026-04-01', BLACK_2026)).toBe(BLACK_2026);
    expect(rulesFor('2026-03-31', BLACK_2026_SAFETY)).toBe(BLACK_LEGACY_SAFETY);
  });

  it('treats graded rules without an effective date as the 2026 rules', () => {
    const custom: WindowRules = {
      ...BLACK_2026,
      ruleSetVersion: 'custom',
      effectiveFrom: undefined,
      previous: undefined,
    };
    expect(rulesFor('2025-12-31', custom)).toBe(BLACK_LEGACY);
    expect(rulesFor('2026-04-01', custom)).toBe(custom);
  });

  it('keeps field rules for every date', () => {
    expect(rulesFor('2020-01-01', COURT_DISHONEST_DEBTOR)).toBe(COURT_DISHONEST_DEBTOR);
    expect(rulesFor('2020-01-01', RED_DEFAULT)).toBe(RED_DEFAULT);
  });
});

describe('publicationWindow: field rules and red lists', () => {
  it('keeps the court list for 2 years, or 3-5 when extended', () => {
    const base = { decisionDate: '2026-06-01', rules: COURT_DISHONEST_DEBTOR };
    expect(until(base)).toBe('2028-05-31');
    expect(until({ ...base, publishUntil: '2029-05-31' })).toBe('2029-05-31');
    expect(until({ ...base, publishUntil: '2031-05-31' })).toBe('2031-05-31');
    expect(until({ ...base, publishUntil: '2028-11-30' })).toBe('window_outside');
  });

  it('makes the operator choose 3 months or 3 years for market regulation', () => {
    const base = { decisionDate: '2026-06-01', rules: MARKET_REGULATION };
    const r = publicationWindow(base);
    expect(codes(r)).toEqual(['window_choice']);
    expect(r.ok ? '' : r.errors[0]!.message).toContain('2026年8月31日 或 2029年5月31日');
    expect(until({ ...base, publishUntil: '2026-08-31' })).toBe('2026-08-31');
    expect(until({ ...base, publishUntil: '2029-05-31' })).toBe('2029-05-31');
    expect(until({ ...base, publishUntil: '2027-05-31' })).toBe('window_outside');
  });

  it('shows red lists for a year, or less', () => {
    expect(until({ decisionDate: '2026-04-20', rules: RED_DEFAULT })).toBe('2027-04-19');
    expect(until({ decisionDate: '2026-04-20', rules: RED_DEFAULT, publishUntil: '2026-12-31' })).toBe(
      '2026-12-31',
    );
    expect(until({ decisionDate: '2026-04-20', rules: RED_DEFAULT, publishUntil: '2027-04-20' })).toBe(
      'window_outside',
    );
    const twoYears: WindowRules = {
      ...RED_DEFAULT,
      ruleSetVersion: 'red-2y',
      maxMonths: 24,
      defaultMonths: 24,
    };
    expect(until({ decisionDate: '2026-04-20', rules: twoYears })).toBe('2028-04-19');
  });
});

describe('publicationWindow: dates and order', () => {
  it('rejects malformed or impossible dates', () => {
    const r = publicationWindow({
      decisionDate: '2026-02-30',
      rules: RED_DEFAULT,
      publishUntil: '2026/12/31',
    });
    expect(codes(r)).toEqual(['window_date', 'window_date']);
  });

  it('refuses an end before the start', () => {
    const base = { decisionDate: '2026-01-15', rules: BLACK_LEGACY };
    expect(codes(publicationWindow({ ...base, publishUntil: '2026-01-10' }))).toEqual(['window_order']);
    expect(codes(publicationWindow({ ...base, publishFrom: '2026-01-14' }))).toEqual(['window_order']);
    expect(
      codes(publicationWindow({ ...base, publishFrom: '2026-06-01', publishUntil: '2026-05-01' })),
    ).toEqual(['window_order']);
    expect(codes(publicationWindow({ ...base, publishFrom: '2029-02-01' }))).toEqual(['window_order']);
  });

  it('does not extend the window when publication starts late', () => {
    const r = publicationWindow({
      decisionDate: '2026-01-15',
      rules: BLACK_LEGACY,
      publishFrom: '2026-02-01',
    });
    expect(r).toMatchObject({ ok: true, publishFrom: '2026-02-01', publishUntil: '2029-01-14' });
  });

  it('accepts every end between the minimum and the maximum', () => {
    const day = fc.integer({ min: 0, max: 2000 });
    fc.assert(
      fc.property(day, fc.constantFrom<'一般' | '严重'>('一般', '严重'), (offset, severity) => {
        const decisionDate = '2026-04-01';
        const [lo, hi] = severity === '一般' ? ['2026-06-30', '2027-03-31'] : ['2027-03-31', '2029-03-31'];
        const candidate = addDaysForTest(decisionDate, offset);
        const explicit = publicationWindow({
          decisionDate,
          rules: BLACK_2026,
          severity,
          publishUntil: candidate,
        });
        expect(explicit.ok).toBe(candidate >= lo && candidate <= hi);
      }),
    );
  });
});

describe('isWithinWindow', () => {
  it('includes both ends', () => {
    const w = { publishFrom: '2026-01-15', publishUntil: '2026-04-14' };
    expect(isWithinWindow(w, '2026-01-14')).toBe(false);
    expect(isWithinWindow(w, '2026-01-15')).toBe(true);
    expect(isWithinWindow(w, '2026-04-14')).toBe(true);
    expect(isWithinWindow(w, '2026-04-15')).toBe(false);
  });
});

// Test-only: a UTC-noon Date cannot cross a day boundary.
function addDaysForTest(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
