import { describe, expect, it } from 'vitest';
import { hasExcessCombining, normaliseText, safeFileName } from './text.js';

describe('normaliseText', () => {
  it('composes to NFC and strips controls, bidi and zero-width characters', () => {
    expect(normaliseText('e\u0301')).toBe('\u00e9');
    expect(normaliseText('a\u0000b\u001bc\u009bd\u007f')).toBe('abcd');
    expect(normaliseText('\u202Eabc\u202C\u2066d\u2069\u200E\u200F\u061C')).toBe('abcd');
    expect(normaliseText('a\u200Bb\u200Cc\u200Dd\u2060e\uFEFF')).toBe('abcde');
  });

  it('turns tabs into spaces and keeps line breaks only where asked', () => {
    expect(normaliseText('a\tb\r\nc\rd')).toBe('a b c d');
    expect(normaliseText('a\tb\r\nc\rd', { multiline: true })).toBe('a b\nc\nd');
  });

  it('leaves ordinary Chinese text, punctuation and emoji alone', () => {
    const text = '黑河市市场监督管理局〔2026〕12号 — 诚信兴商 👍 Café';
    expect(normaliseText(text)).toBe(text);
  });
});

describe('hasExcessCombining', () => {
  it('allows up to three combining marks in a row and refuses more', () => {
    expect(hasExcessCombining('x\u0301\u0302\u0303')).toBe(false);
    expect(hasExcessCombining('x\u0301\u0302\u0303\u0304')).toBe(true);
    // Counted after NFC: a + acute composes to á, leaving three marks.
    expect(hasExcessCombining('a\u0301\u0302\u0303\u0304')).toBe(false);
    expect(hasExcessCombining('Tiếng Việt')).toBe(false);
  });
});

describe('safeFileName', () => {
  it('keeps the last path part, masks IDs, drops leading dots and bounds the length', () => {
    expect(safeFileName('C:\\Users\\张三\\11010519491231002X.xlsx')).toBe('110105********002X.xlsx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..hidden.csv')).toBe('hidden.csv');
    expect(safeFileName('名'.repeat(300), 200)).toHaveLength(200);
    expect(safeFileName(`a${'\u0300'.repeat(9)}.csv`)).toBeNull();
  });
});
