import { describe, expect, it } from 'vitest';
import { publicationWindow, type WindowInput, type WindowResult } from './window.js';
import { BLACK_2026, BLACK_2026_SAFETY, type WindowRules } from './windowRules.js';

const codes = (r: WindowResult) => (r.ok ? [] : r.errors.map((e) => e.code));
const until = (input: WindowInput) => {
  const r = publicationWindow(input);
  return r.ok ? r.publishUntil : r.errors.map((e) => e.code).join(',');
};

describe('publicationWindow: legacy black list (decided before 2026-04-01)', () => {
  it('counts 3 months from 2026-01-15 to 2026-04-14 inclusive', () => {
    const r = publicationWindow({
      decisionDate: '2026-01-15',
      rules: BLACK_2026,
      publishUntil: '2026-04-14',
    });
    expect(r).toEqual({
      ok: true,
      publishFrom: '2026-01-15',
      publishUntil: '2026-04-14',
      ruleSetVersion: 'black-legacy',
    });
  });

  it('stops at 3 years by default and allows nothing outside 3 months..3 years', () => {
    expect(until({ decisionDate: '2026-01-15', rules: BLACK_2026 })).toBe('2029-01-14');
    expect(until({ decisionDate: '2026-01-15', rules: BLACK_2026, publishUntil: '2026-04-13' })).toBe(
      'window_outside',
    );
    expect(until({ decisionDate: '2026-01-15', rules: BLACK_2026, publishUntil: '2029-01-14' })).toBe(
      '2029-01-14',
    );
    expect(until({ decisionDate: '2026-01-15', rules: BLACK_2026, publishUntil: '2029-01-15' })).toBe(
      'window_outside',
    );
  });

  it('needs at least a year for safety categories', () => {
    const input = { decisionDate: '2026-03-31', rules: BLACK_2026_SAFETY };
    expect(until({ ...input, publishUntil: '2027-03-30' })).toBe('2027-03-30');
    expect(until({ ...input, publishUntil: '2027-03-29' })).toBe('window_outside');
  });

  it('ignores severity', () => {
    expect(until({ decisionDate: '2026-03-31', rules: BLACK_2026, severity: '轻微' })).toBe('2029-03-30');
  });
});

describe('publicationWindow: black list from 2026-04-01', () => {
  const base = { decisionDate: '2026-04-15', rules: BLACK_2026 };

  it('gives 一般 3 to 12 months, stopping at 12 by default', () => {
    const r = publicationWindow({ ...base, severity: '一般' });
    expect(r).toEqual({
      ok: true,
      publishFrom: '2026-04-15',
      publishUntil: '2027-04-14',
      ruleSetVersion: 'black-2026',
    });
    expect(until({ ...base, severity: '一般', publishUntil: '2026-07-14' })).toBe('2026-07-14');
    expect(until({ ...base, severity: '一般', publishUntil: '2026-07-13' })).toBe('window_outside');
    expect(until({ ...base, severity: '一般', publishUntil: '2027-04-15' })).toBe('window_outside');
  });

  it('gives 严重 1 to 3 years', () => {
    expect(until({ ...base, severity: '严重' })).toBe('2029-04-14');
    expect(until({ ...base, severity: '严重', publishUntil: '2027-04-14' })).toBe('2027-04-14');
    expect(until({ ...base, severity: '严重', publishUntil: '2027-04-13' })).toBe('window_outside');
    expect(until({ ...base, severity: '严重', publishUntil: '2029-04-15' })).toBe('window_outside');
  });

  it('does not publish 轻微 unless configured, then at most 3 months', () => {
    expect(codes(publicationWindow({ ...base, severity: '轻微' }))).toEqual(['window_not_published']);
    const rules: WindowRules = {
      ...BLACK_2026,
      bySeverity: {
        ...BLACK_2026.bySeverity,
        轻微: { publish: true, minMonths: 1, maxMonths: 3, defaultMonths: 3 },
      },
    };
    expect(until({ ...base, rules, severity: '轻微' })).toBe('2026-07-14');
    expect(until({ ...base, rules, severity: '轻微', publishUntil: '2026-07-15' })).toBe('window_outside');
  });

  it('asks for the severity', () => {
    expect(codes(publicationWindow(base))).toEqual(['window_severity']);
  });

  it('names the allowed range in the message', () => {
    const r = publicationWindow({ ...base, severity: '一般', publishUntil: '2028-01-01' });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.errors[0]!.message;
    expect(message).toContain('2028年1月1日');
    expect(message).toContain('2026年7月14日 至 2027年4月14日');
    expect(message).toContain('3个月至1年');
  });
});
