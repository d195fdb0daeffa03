// fast-check generators shared by the tests of this folder (not exported from index.ts).
import fc from 'fast-check';
import { daysInMonth, formatIsoDate } from './dates.js';
import { makeResidentId } from './residentId.js';
import { makeUscc, USCC_CHARSET, usccCheckChar } from './uscc.js';
import { PROVINCE_CODES, USCC_AUTHORITIES } from './usccTable.js';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });

export const usccChar = fc.constantFrom(...USCC_CHARSET);

/** Six-digit region under a real province code. */
export const region = fc
  .tuple(fc.constantFrom(...PROVINCE_CODES), digits(4))
  .map(([province, rest]) => province + rest);

/** Any 17 charset characters plus the check character the algorithm gives. */
export const anyValidUscc = fc
  .string({ unit: usccChar, minLength: 17, maxLength: 17 })
  .map((first17) => first17 + usccCheckChar(first17));

const authorityAndType = fc.constantFrom(
  ...Object.entries(USCC_AUTHORITIES).flatMap(([authority, { types }]) =>
    Object.keys(types).map((orgType) => ({ authority, orgType })),
  ),
);

/** A USCC that is right in every part: no error and no warning expected. */
export const wellFormedUscc = fc
  .record({
    kind: authorityAndType,
    region: fc.oneof(region, fc.constant('100000')),
    orgCode: fc.string({ unit: usccChar, minLength: 8, maxLength: 8 }),
  })
  .map(({ kind, region, orgCode }) => makeUscc({ ...kind, region, orgCode }));

/** A real birth date between 1900 and 2025. */
export const birthDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2025 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) =>
    fc.integer({ min: 1, max: daysInMonth(year, month) }).map((day) => formatIsoDate({ year, month, day })),
  );

/** A valid 18-digit resident ID: random region, birth date and sequence. */
export const validResidentId = fc
  .tuple(region, birthDate, digits(3))
  .map(([r, date, seq]) => makeResidentId(r, date, seq));
