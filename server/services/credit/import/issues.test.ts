import { describe, expect, it } from 'vitest';
import { fileIssue, maskIds } from './issues.js';

describe('maskIds', () => {
  it('keeps the first 6 and last 4 of anything shaped like an ID number', () => {
    expect(maskIds('号码 11010519491231002X 有误')).toBe('号码 110105********002X 有误');
    expect(maskIds('110105194912310000')).toBe('110105********0000');
    // A legacy 15-digit number hides its whole birth date, like the ID column (maskIdNumber).
    expect(maskIds('110105491231002')).toBe('110105********2');
    expect(maskIds('1101051949123100')).toBe('110105********00');
  });

  it('leaves codes and short numbers alone', () => {
    expect(maskIds('91350100M000100Y43')).toBe('91350100M000100Y43');
    expect(maskIds('第 12 行 20201030')).toBe('第 12 行 20201030');
  });

  it('masks a long run of digits that may hold an ID', () => {
    expect(maskIds('1234567890123456789012')).toBe('123456************9012');
  });

  it('is applied to every issue message and column', () => {
    const issue = fileIssue('x', '值 110105194912310000', '110105194912310000');
    expect(issue).toEqual({ code: 'x', message: '值 110105********0000', column: '110105********0000' });
  });
});
