import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyValidUscc, wellFormedUscc } from './arbitraries.js';
import { isValidOrgCode, orgCodeCheckChar } from './orgCode.js';
import { makeUscc, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.js';
import { usccTypeLabel } from './usccTable.js';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('GB 32100-2015 worked example', () => {
  it('gives check character 3 for 91350100M000100Y4', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts 91350100M000100Y43 with no error and no warning', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({
      normalised: '91350100M000100Y43',
      errors: [],
      warnings: [],
      codeAnomaly: false,
    });
  });

  it('has an organisation code M000100Y4 that passes GB 11714', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(isValidOrgCode('M000100Y4')).toBe(true);
  });
});

describe('validateUscc errors', () => {
  it('reports the length with the actual count', () => {
    const r = validateUscc('91350100M000100Y4');
    expect(codes(r.errors)).toEqual(['uscc_length']);
    expect(r.errors[0]!.message).toBe('统一社会信用代码应为 18 位，实际 17 位，请核对后重新填写');
    expect(validateUscc('   ').errors[0]!.message).toContain('未填写');
  });

  it('reports characters outside the set with their positions', () => {
    const r = validateUscc('9135O100M000100Y43');
    expect(codes(r.errors)).toEqual(['uscc_charset']);
    expect(r.errors[0]!.message).toContain('第 5 位「O」');
    expect(r.codeAnomaly).toBe(false);
    expect(codes(validateUscc('9I35O100').errors)).toEqual(['uscc_length', 'uscc_charset']);
  });

  it('flags a wrong check character alone as a code anomaly', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(codes(r.errors)).toEqual(['uscc_check']);
    expect(r.codeAnomaly).toBe(true);
    expect(r.errors[0]!.message).not.toContain('91350100M000100Y4');
  });

  it('refuses a resident ID typed as a USCC and does not return it in clear', () => {
    const r = validateUscc('11010519491231002X');
    expect(codes(r.errors)).toEqual(['uscc_check', 'uscc_resident_id']);
    expect(r.codeAnomaly).toBe(false);
    expect(r.normalised).toBe('110105********002X');
    for (const issue of r.errors) expect(issue.message).not.toContain('19491231');
  });
});

describe('validateUscc warnings', () => {
  it('warns on an authority/type pair missing from the table', () => {
    const code = makeUscc({ authority: '9', orgType: '9', orgCode: 'M000100Y' });
    expect(codes(validateUscc(code).warnings)).toEqual(['uscc_authority_type']);
    expect(validateUscc(code).errors).toEqual([]);
  });

  it('knows the whole table', () => {
    expect(usccTypeLabel('9', '2')).toBe('工商 / 个体工商户');
    expect(usccTypeLabel('3', '5')).toBe('司法行政 / 仲裁委员会');
    expect(usccTypeLabel('N', '3')).toBeDefined();
    expect(usccTypeLabel('A', '1')).toBeDefined();
    expect(usccTypeLabel('Y', '1')).toBeDefined();
    expect(usccTypeLabel('Y', '9')).toBeUndefined();
    expect(usccTypeLabel('2', '2')).toBeUndefined();
    expect(usccTypeLabel('B', '1')).toBeUndefined();
  });

  it('warns on a region that is not a division code', () => {
    for (const region of ['990100', '100001', '00A100', '660000', '700000']) {
      const code = makeUscc({ region, orgCode: 'M000100Y' });
      expect(codes(validateUscc(code).warnings), region).toEqual(['uscc_region']);
    }
    for (const region of ['100000', '110105', '650100', '710000', '810000', '820000']) {
      expect(validateUscc(makeUscc({ region, orgCode: 'M000100Y' })).warnings, region).toEqual([]);
    }
  });

  it('warns on an organisation code whose own check is wrong', () => {
    const code = makeUscc({ orgCode: 'M000100Y5' });
    const r = validateUscc(code);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['uscc_org_code']);
  });

  it('maps GB 11714 remainders 10 and 11 to X and 0', () => {
    const bodies = fc.sample(
      fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), minLength: 8, maxLength: 8 }),
      2000,
    );
    const checks = new Set(bodies.map(orgCodeCheckChar));
    expect(checks.has('X')).toBe(true);
    expect(checks.has('0')).toBe(true);
    for (const c of checks) expect('0123456789X').toContain(c);
  });
});

describe('USCC properties', () => {
  it('accepts every code built by the algorithm', () => {
    fc.assert(
      fc.property(anyValidUscc, (code) => {
        expect(validateUscc(code).errors).toEqual([]);
      }),
    );
  });

  it('gives no warning for codes right in every part', () => {
    fc.assert(
      fc.property(wellFormedUscc, (code) => {
        expect(validateUscc(code)).toMatchObject({ errors: [], warnings: [], codeAnomaly: false });
      }),
    );
  });

  it('detects any single-character change within the charset', () => {
    fc.assert(
      fc.property(anyValidUscc, fc.nat(17), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const replaced = USCC_CHARSET[(USCC_CHARSET.indexOf(code[pos]!) + shift) % 31]!;
        const changed = code.slice(0, pos) + replaced + code.slice(pos + 1);
        expect(codes(validateUscc(changed).errors)).toContain('uscc_check');
      }),
    );
  });

  it('detects every single-character change of the worked example', () => {
    const code = '91350100M000100Y43';
    for (let pos = 0; pos < 18; pos++) {
      for (const c of USCC_CHARSET) {
        if (c === code[pos]) continue;
        const changed = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(validateUscc(changed).codeAnomaly, changed).toBe(true);
      }
    }
  });

  it('finds the valid code in lower-case, full-width or spaced input', () => {
    const variant = fc.constantFrom(
      (c: string) => c.toLowerCase(),
      (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0),
      (c: string) => `${c} `,
      (c: string) => `${c}\u3000`,
      (c: string) => `${c}-`,
      (c: string) => `${c}－`,
      (c: string) => c,
    );
    fc.assert(
      fc.property(anyValidUscc, fc.array(variant, { minLength: 18, maxLength: 18 }), (code, variants) => {
        const messy = ` ${Array.from(code, (c, i) => variants[i]!(c)).join('')}\t`;
        const r = validateUscc(messy);
        expect(r.normalised).toBe(code);
        expect(r.errors).toEqual([]);
      }),
    );
  });
});

describe('helpers', () => {
  it('refuse malformed input', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100YI')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('M000100')).toThrow(RangeError);
  });

  it('build codes from parts with defaults', () => {
    expect(makeUscc({ orgCode: 'M000100Y' })).toBe('91350100M000100Y43');
    expect(makeUscc({ orgCode: 'M000100Y4' })).toBe('91350100M000100Y43');
  });
});
