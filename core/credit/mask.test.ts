import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validResidentId } from './arbitraries.js';
import {
  DEFAULT_MASK_POLICY,
  MaskPolicy,
  maskAny,
  maskDeep,
  maskIdentifiers,
  maskIdNumber,
  maskPersonName,
  maskPhone,
} from './mask.js';

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 by default', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110105 19491231 002x')).toBe('110105********002X');
  });

  it('follows a stricter policy', () => {
    expect(maskIdNumber('11010519491231002X', { idKeepStart: 0, idKeepEnd: 0 })).toBe('******************');
    expect(maskIdNumber('11010519491231002X', { idKeepStart: 4, idKeepEnd: 2 })).toBe('1101************2X');
  });

  it('hides the birth date of a legacy number and all of a short value', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105********2');
    expect(maskIdNumber('1101051949')).toBe('11********');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
  });

  it('never shows positions 7-14 of an ID, whatever the policy', () => {
    fc.assert(
      fc.property(
        validResidentId,
        fc.integer({ min: -5, max: 30 }),
        fc.integer({ min: -5, max: 30 }),
        (id, s, e) => {
          const masked = maskIdNumber(id, { idKeepStart: s, idKeepEnd: e });
          expect(masked).toHaveLength(18);
          expect(masked.slice(6, 14)).toBe('********');
          expect(masked).not.toContain(id.slice(6, 14));
        },
      ),
    );
  });

  it('has a policy schema that refuses to show the birth date', () => {
    expect(MaskPolicy.safeParse(DEFAULT_MASK_POLICY).success).toBe(true);
    expect(MaskPolicy.safeParse({ ...DEFAULT_MASK_POLICY, idKeepStart: 8 }).success).toBe(false);
    expect(MaskPolicy.safeParse({ ...DEFAULT_MASK_POLICY, idKeepEnd: 5 }).success).toBe(false);
    expect(MaskPolicy.safeParse({ ...DEFAULT_MASK_POLICY, personName: 'initials' }).success).toBe(false);
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
    expect(maskPhone('0591-87654321')).toBe('059*****4321');
    expect(maskPhone('87654321')).toBe('****4321');
    expect(maskPhone('1234567')).toBe('*******');
  });
});

describe('maskPersonName', () => {
  it('keeps the surname only', () => {
    expect(maskPersonName('张三', 'surname')).toBe('张*');
    expect(maskPersonName('张三丰', 'surname')).toBe('张**');
    expect(maskPersonName(' 张 ', 'surname')).toBe('张*');
    expect(maskPersonName('', 'surname')).toBe('');
  });

  it('keeps both characters of a compound surname', () => {
    expect(maskPersonName('欧阳娜娜', 'surname')).toBe('欧阳**');
    expect(maskPersonName('司马光', 'surname')).toBe('司马*');
    expect(maskPersonName('诸葛亮', 'surname')).toBe('诸葛*');
    expect(maskPersonName('夏侯惇', 'surname')).toBe('夏侯*');
    expect(maskPersonName('欧阳', 'surname')).toBe('欧*');
  });

  it('shows the full name where the category allows it', () => {
    expect(maskPersonName('张三', 'full')).toBe('张三');
  });

  it('counts characters outside the BMP as one', () => {
    expect(maskPersonName('𠮷野家', 'surname')).toBe('𠮷**');
  });
});

describe('maskAny', () => {
  it('masks IDs in free text, however they are written', () => {
    expect(maskAny('证件号 11010519491231002X 有误')).toBe('证件号 110105********002X 有误');
    expect(maskAny('id=110105 19491231 002x;')).toBe('id=110105********002X;');
    expect(maskAny('旧证110105491231002')).toBe('旧证110105********2');
    expect(maskAny('１１０１０５１９４９１２３１００２Ｘ')).toBe('110105********002X');
    expect(maskAny('ID11010519491231002X')).toBe('ID110105********002X');
  });

  it('masks mistyped IDs too (16, 17 or 19 digits)', () => {
    expect(maskAny('1101051949123100')).not.toContain('19491231');
    expect(maskAny('11010519491231002')).not.toContain('19491231');
    expect(maskAny('1101051949123100211')).not.toContain('19491231');
  });

  it('leaves dates, phones, timestamps and ordinary USCCs alone', () => {
    const text = '2026-04-14 13812341234 20260115123045 91350100M000100Y43 1700000000000';
    expect(maskAny(text)).toBe(text);
  });

  it('never leaks the birth date of an ID embedded in text', () => {
    const filler = fc.string({ unit: fc.constantFrom(...'abc 证件号：,;-\n'), maxLength: 10 });
    fc.assert(
      fc.property(filler, validResidentId, filler, (before, id, after) => {
        const out = maskAny(before + id + after);
        expect(out).not.toContain(id);
        expect(out).not.toContain(id.slice(6, 14));
      }),
    );
  });
});

describe('maskIdentifiers', () => {
  it('keeps a hash the system wrote whole, even with a long run of digits inside, and still masks beside it', () => {
    // A SHA-256 head with 16 digits in a row between hex letters (seen in an audit re-chain record).
    const head = '797db5749811234567890118f26a0701758a4febd1b94d6a229449d8f01bc22e';
    expect(maskIdentifiers(`新链头 ${head}`)).toBe(`新链头 ${head}`);
    expect(maskIdentifiers(`${head} 11010519491231002X`)).toBe(`${head} 110105********002X`);
    // 64 digits are no hash (no a-f): masked like any long run of digits.
    expect(maskIdentifiers('1'.repeat(64))).not.toContain('1'.repeat(20));
    // Upper-case or short hex is not a system hash: an ID hidden in it is still masked.
    expect(maskIdentifiers('ABCDEF110105194912310021')).not.toContain('110105194912310021');
  });

  it('masks IDs, legacy IDs and mobile numbers in free text, and is idempotent', () => {
    const text = '身份证 11010519491231002X，旧证 110105491231002，电话 13812341234 或 138-1234-1234';
    const once = maskIdentifiers(text);
    expect(once).toBe('身份证 110105********002X，旧证 110105********2，电话 138****1234 或 138****1234');
    expect(maskIdentifiers(once)).toBe(once);
  });

  it('leaves dates, timestamps, case numbers and USCCs alone', () => {
    const text = '2026-04-14 20260115123045 1700000000000 (2026)黑11执123号 91350100M000100Y43';
    expect(maskIdentifiers(text)).toBe(text);
  });

  it('masks every string inside a JSON value, keys included', () => {
    expect(maskDeep({ a: ['11010519491231002X', 3], '13812341234': { b: null } })).toEqual({
      a: ['110105********002X', 3],
      '138****1234': { b: null },
    });
  });
});
