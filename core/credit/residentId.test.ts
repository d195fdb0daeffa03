import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDate, region, validResidentId } from './arbitraries.js';
import { makeResidentId, residentIdCheckChar, validateResidentId } from './residentId.js';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const EXAMPLE = '11010519491231002X';

describe('GB 11643-1999 worked example', () => {
  it('accepts 11010519491231002X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(validateResidentId(EXAMPLE)).toEqual({
      normalised: EXAMPLE,
      masked: '110105********002X',
      errors: [],
      warnings: [],
      needsReview: false,
    });
  });

  it('accepts lower-case x, full-width digits and spaces', () => {
    expect(validateResidentId(' 110105 19491231 002x ').errors).toEqual([]);
    expect(validateResidentId('１１０１０５１９４９１２３１００２Ｘ').normalised).toBe(EXAMPLE);
  });

  it('detects every single-character change of the example', () => {
    for (let pos = 0; pos < 18; pos++) {
      for (const c of pos === 17 ? '0123456789X' : '0123456789') {
        if (c === EXAMPLE[pos]) continue;
        const changed = EXAMPLE.slice(0, pos) + c + EXAMPLE.slice(pos + 1);
        expect(codes(validateResidentId(changed).errors), changed).toContain('id_check');
      }
    }
  });
});

describe('validateResidentId errors', () => {
  it('reports the length', () => {
    expect(codes(validateResidentId('11010519491231002').errors)).toEqual(['id_length']);
    expect(validateResidentId('11010519491231002').errors[0]!.message).toContain('实际 17 位');
    expect(validateResidentId('').errors[0]!.message).toContain('未填写');
  });

  it('reports characters that are not digits, and X anywhere but last', () => {
    const r = validateResidentId('1101051949123100X2');
    expect(codes(r.errors)).toEqual(['id_charset']);
    expect(r.errors[0]!.message).toContain('第 17 位「X」');
    expect(codes(validateResidentId('11010519491231OO2X').errors)).toEqual(['id_charset']);
  });

  it('rejects impossible, pre-1900 and future birth dates', () => {
    for (const date of ['1949-02-30', '2023-02-29', '1899-12-31', '1949-13-01', '1949-00-10']) {
      const id = makeResidentId('110105', date, '002');
      expect(codes(validateResidentId(id).errors), date).toEqual(['id_birthdate']);
    }
    expect(validateResidentId(makeResidentId('110105', '2024-02-29', '002')).errors).toEqual([]);
    const tomorrow = makeResidentId('110105', '2026-05-02', '002');
    expect(codes(validateResidentId(tomorrow, { today: '2026-05-01' }).errors)).toEqual(['id_birthdate']);
    expect(validateResidentId(tomorrow, { today: '2026-05-02' }).errors).toEqual([]);
    expect(validateResidentId(tomorrow).errors).toEqual([]);
  });

  it('refuses a malformed today', () => {
    expect(() => validateResidentId(EXAMPLE, { today: '2026/05/01' })).toThrow(RangeError);
  });

  it('uses the category mask in results and messages', () => {
    const r = validateResidentId('110105194912310021', { maskPolicy: { idKeepStart: 3, idKeepEnd: 2 } });
    expect(r.masked).toBe('110*************21');
    expect(r.errors[0]!.message).toContain('110*************21');
  });
});

describe('legacy 15-digit numbers', () => {
  it('passes without error but needs review', () => {
    const r = validateResidentId('110105491231002');
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['id_legacy15']);
    expect(r.needsReview).toBe(true);
    expect(r.warnings[0]!.message).not.toContain('491231');
  });

  it('still rejects letters and impossible dates', () => {
    expect(codes(validateResidentId('11010549123100X').errors)).toEqual(['id_charset']);
    expect(codes(validateResidentId('110105490230002').errors)).toEqual(['id_birthdate']);
  });
});

describe('resident ID properties', () => {
  it('accepts random valid IDs (region, date, sequence)', () => {
    fc.assert(
      fc.property(validResidentId, (id) => {
        expect(validateResidentId(id, { today: '2026-01-01' }).errors).toEqual([]);
      }),
    );
  });

  it('detects any single-digit change', () => {
    fc.assert(
      fc.property(validResidentId, fc.nat(17), fc.integer({ min: 1, max: 10 }), (id, pos, shift) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const replaced = alphabet[(alphabet.indexOf(id[pos]!) + shift) % alphabet.length]!;
        fc.pre(replaced !== id[pos]);
        const changed = id.slice(0, pos) + replaced + id.slice(pos + 1);
        expect(codes(validateResidentId(changed).errors)).toContain('id_check');
      }),
    );
  });

  it('never puts the full number or the birth date in a message', () => {
    const mutated = fc
      .tuple(validResidentId, fc.nat(17), fc.constantFrom(...'0123456789XA'))
      .map(([id, pos, c]) => id.slice(0, pos) + c + id.slice(pos + 1));
    fc.assert(
      fc.property(
        fc.oneof(validResidentId, mutated),
        fc.constantFrom(undefined, '1950-01-01'),
        (id, today) => {
          const r = validateResidentId(id, { today });
          for (const issue of [...r.errors, ...r.warnings]) {
            expect(issue.message).not.toContain(id);
            expect(issue.message).not.toContain(id.slice(6, 14));
          }
        },
      ),
    );
  });

  it('builds IDs from the parts it is given', () => {
    fc.assert(
      fc.property(region, birthDate, (r, date) => {
        const id = makeResidentId(r, date, '123');
        expect(id.slice(0, 6)).toBe(r);
        expect(id.slice(6, 14)).toBe(date.replaceAll('-', ''));
      }),
    );
  });
});
