import { isRealDate, parseIsoDate } from './dates.js';
import type { Issue } from './issue.js';
import { DEFAULT_MASK_POLICY, type MaskPolicy, maskIdNumber } from './mask.js';
import { normaliseIdentifier } from './normalise.js';

// ISO 7064 MOD 11-2 as GB 11643-1999 applies it.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

export type ResidentIdErrorCode = 'id_length' | 'id_charset' | 'id_birthdate' | 'id_check';
export type ResidentIdWarningCode = 'id_legacy15';

export type ResidentIdResult = {
  /** The full number: only to compute the keyed hash on the server, never to store or send. */
  normalised: string;
  /** What may be stored, shown and logged. */
  masked: string;
  errors: Issue<ResidentIdErrorCode>[];
  warnings: Issue<ResidentIdWarningCode>[];
  /** A 15-digit legacy number has no check character: a person must confirm it. */
  needsReview: boolean;
};

export type ResidentIdOptions = {
  /** 'YYYY-MM-DD': birth dates after it are rejected. Without it there is no future check. */
  today?: string;
  /** Masking used for `masked` and in messages. */
  maskPolicy?: Pick<MaskPolicy, 'idKeepStart' | 'idKeepEnd'>;
};

/** Check character for 17 digits; throws on anything else. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Builds an 18-digit ID with a correct check character, for tests and demo data. */
export function makeResidentId(region: string, birthDate: string, seq: string): string {
  const first17 = region + birthDate.replaceAll('-', '') + seq;
  return first17 + residentIdCheckChar(first17);
}

// `where` names the digits holding the birth date, which differ for legacy numbers.
function birthDateIssue(
  yyyymmdd: string,
  masked: string,
  where: string,
  today?: string,
): Issue<'id_birthdate'> | null {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  if (!isRealDate(y!, m!, d!) || y! < EARLIEST_BIRTH_YEAR) {
    return {
      code: 'id_birthdate',
      message: `居民身份证号码 ${masked} 的出生日期（${where}）不是有效日期，请与证件核对后重新填写`,
    };
  }
  if (today !== undefined && `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}` > today) {
    return {
      code: 'id_birthdate',
      message: `居民身份证号码 ${masked} 的出生日期（${where}）晚于今天，请与证件核对后重新填写`,
    };
  }
  return null;
}

function charsetIssue(id: string, masked: string): Issue<'id_charset'> | null {
  const bad = Array.from(id)
    .map((char, i) => ({ position: i + 1, char }))
    .filter(({ char, position }) => !/\d/.test(char) && !(char === 'X' && position === 18));
  if (bad.length === 0) return null;
  const where = bad.map(({ position, char }) => `第 ${position} 位「${char}」`).join('、');
  return {
    code: 'id_charset',
    message: `居民身份证号码 ${masked} 含有不允许的字符：${where}。前 17 位只能是数字，第 18 位是数字或 X，请核对后重新填写`,
  };
}

function validateLegacy(
  id: string,
  masked: string,
  today?: string,
): Omit<ResidentIdResult, 'normalised' | 'masked'> {
  const charset = charsetIssue(id, masked);
  const birth = charset ? null : birthDateIssue(`19${id.slice(6, 12)}`, masked, '第 7-12 位', today);
  const errors = [charset, birth].filter((e) => e !== null);
  const warnings: Issue<ResidentIdWarningCode>[] = [
    {
      code: 'id_legacy15',
      message: `居民身份证号码 ${masked} 是 15 位旧号码，没有校验位，请人工核对证件，能取得 18 位号码的请更新`,
    },
  ];
  return { errors, warnings, needsReview: true };
}

/**
 * Validates a resident ID per GB 11643-1999 after normalising it. Messages carry only the
 * masked number. A 15-digit legacy number is accepted for review, not rejected.
 */
export function validateResidentId(raw: string, options: ResidentIdOptions = {}): ResidentIdResult {
  const { today, maskPolicy = DEFAULT_MASK_POLICY } = options;
  if (today !== undefined && !parseIsoDate(today)) throw new RangeError('today must be YYYY-MM-DD');
  const normalised = normaliseIdentifier(raw);
  const masked = maskIdNumber(normalised, maskPolicy);
  const base = { normalised, masked, warnings: [], needsReview: false };
  if (normalised.length === 15) return { normalised, masked, ...validateLegacy(normalised, masked, today) };
  if (normalised.length !== 18) {
    const message =
      normalised.length === 0
        ? '未填写居民身份证号码，请填写 18 位号码'
        : `居民身份证号码应为 18 位（旧证 15 位），实际 ${normalised.length} 位，请核对后重新填写`;
    return { ...base, errors: [{ code: 'id_length', message }] };
  }
  const charset = charsetIssue(normalised, masked);
  if (charset) return { ...base, errors: [charset] };
  const errors: Issue<ResidentIdErrorCode>[] = [];
  const birth = birthDateIssue(normalised.slice(6, 14), masked, '第 7-14 位', today);
  if (birth) errors.push(birth);
  if (residentIdCheckChar(normalised.slice(0, 17)) !== normalised[17]) {
    errors.push({
      code: 'id_check',
      message: `居民身份证号码 ${masked} 的校验位（第 18 位）不符，可能有数字抄录错误，请与证件逐位核对后重新填写`,
    });
  }
  return { ...base, errors };
}
