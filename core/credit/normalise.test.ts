import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from './normalise.js';

describe('normaliseIdentifier', () => {
  it('trims, drops spaces and hyphens, upper-cases', () => {
    expect(normaliseIdentifier('  9135-0100 m000 100y43 ')).toBe('91350100M000100Y43');
  });

  it('converts full-width characters and drops full-width spaces and hyphens', () => {
    expect(normaliseIdentifier('９１３５０１００\u3000ｍ０００１００ｙ４３')).toBe('91350100M000100Y43');
    expect(normaliseIdentifier('110105－19491231－002ｘ')).toBe('11010519491231002X');
  });

  it('drops Unicode dashes, tabs, line breaks and zero-width characters', () => {
    expect(normaliseIdentifier('110105\u201319491231\u2014002X')).toBe('11010519491231002X');
    expect(normaliseIdentifier('\uFEFF110105\t19491231\u200B002X\r\n')).toBe('11010519491231002X');
  });

  it('leaves other characters for the validators to report', () => {
    expect(normaliseIdentifier('9135_0100/Ｉ')).toBe('9135_0100/I');
    expect(normaliseIdentifier('')).toBe('');
  });
});
