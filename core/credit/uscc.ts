import type { Issue } from './issue.js';
import { maskIdNumber } from './mask.js';
import { normaliseIdentifier } from './normalise.js';
import { isValidOrgCode, orgCodeCheckChar } from './orgCode.js';
import { validateResidentId } from './residentId.js';
import { isPlausibleRegion, usccTypeLabel } from './usccTable.js';

/** The 31 characters of GB 32100-2015 (no I, O, S, V, Z), valued 0..30 in this order. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_LENGTH = 18;
const MODULUS = 31;
// w(i) = 3^(i-1) mod 31 for i = 1..17.
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % MODULUS;
  return w;
});

export type UsccErrorCode = 'uscc_length' | 'uscc_charset' | 'uscc_check' | 'uscc_resident_id';
export type UsccWarningCode = 'uscc_authority_type' | 'uscc_region' | 'uscc_org_code';

export type UsccResult = {
  /** The normalised code; masked when it is in fact a resident ID number (uscc_resident_id). */
  normalised: string;
  /** Any error blocks publication as is. */
  errors: Issue<UsccErrorCode>[];
  /** Structure the registries may have moved past: shown to the reviewer, never blocking. */
  warnings: Issue<UsccWarningCode>[];
  /** Only the check character is wrong: an early pilot code may do this; a reviewer must accept it. */
  codeAnomaly: boolean;
};

function checkValue(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return (MODULUS - (sum % MODULUS)) % MODULUS;
}

function badChars(code: string): { position: number; char: string }[] {
  return Array.from(code)
    .map((char, i) => ({ position: i + 1, char }))
    .filter(({ char }) => !USCC_CHARSET.includes(char));
}

/** Check character (position 18) for the first 17 characters; throws on malformed input. */
export function usccCheckChar(first17: string): string {
  const s = normaliseIdentifier(first17);
  if (s.length !== 17 || badChars(s).length > 0) {
    throw new RangeError('usccCheckChar needs 17 characters from the USCC charset');
  }
  return USCC_CHARSET[checkValue(s)]!;
}

export type UsccParts = {
  /** Registration authority, position 1. Default '9' (工商). */
  authority?: string;
  /** Organisation type, position 2. Default '1' (企业). */
  orgType?: string;
  /** Administrative division, positions 3-8. Default '350100'. */
  region?: string;
  /** 8-character body (its GB 11714 check is added) or a full 9-character organisation code. */
  orgCode: string;
};

/** Builds a USCC with a correct check character, for tests and demo data. */
export function makeUscc({ authority = '9', orgType = '1', region = '350100', orgCode }: UsccParts): string {
  const fullOrgCode = orgCode.length === 8 ? orgCode + orgCodeCheckChar(orgCode) : orgCode;
  const first17 = authority + orgType + region + fullOrgCode;
  return first17 + usccCheckChar(first17);
}

function structureErrors(code: string): Issue<UsccErrorCode>[] {
  const errors: Issue<UsccErrorCode>[] = [];
  if (code.length === 0) {
    errors.push({ code: 'uscc_length', message: '未填写统一社会信用代码，请填写 18 位代码' });
    return errors;
  }
  if (code.length !== USCC_LENGTH) {
    errors.push({
      code: 'uscc_length',
      message: `统一社会信用代码应为 18 位，实际 ${code.length} 位，请核对后重新填写`,
    });
  }
  const bad = badChars(code);
  if (bad.length > 0) {
    const where = bad.map(({ position, char }) => `第 ${position} 位「${char}」`).join('、');
    errors.push({
      code: 'uscc_charset',
      message: `统一社会信用代码含有不允许的字符：${where}。代码只能由数字 0-9 和大写字母组成，且不使用 I、O、S、V、Z，请核对（常见误写：I 与 1、O 与 0）`,
    });
  }
  return errors;
}

function usccWarnings(code: string): Issue<UsccWarningCode>[] {
  const warnings: Issue<UsccWarningCode>[] = [];
  if (!usccTypeLabel(code[0]!, code[1]!)) {
    warnings.push({
      code: 'uscc_authority_type',
      message: `登记管理部门代码「${code[0]}」与机构类别代码「${code[1]}」的组合不在已知对照表中，请核对第 1-2 位；如为新设类别，可在复核时确认`,
    });
  }
  if (!isPlausibleRegion(code.slice(2, 8))) {
    warnings.push({
      code: 'uscc_region',
      message: `第 3-8 位登记管理机关行政区划码「${code.slice(2, 8)}」不是有效的行政区划码（应为 6 位数字，国家级机构为 100000），请核对`,
    });
  }
  if (!isValidOrgCode(code.slice(8, 17))) {
    warnings.push({
      code: 'uscc_org_code',
      message: '第 9-17 位组织机构代码的校验位（第 17 位）不符，请与营业执照或登记证书核对',
    });
  }
  return warnings;
}

// A person's ID typed into the USCC field must not pass as an "anomalous" code and be kept.
const RESIDENT_ID_IN_USCC: Issue<'uscc_resident_id'> = {
  code: 'uscc_resident_id',
  message:
    '填写的内容不是统一社会信用代码，而是居民身份证号码。法人及非法人组织请填写 18 位统一社会信用代码；自然人请改选主体类型并在证件号码栏填写',
};

/**
 * Validates a USCC per GB 32100-2015 after normalising it. Warnings are only computed once
 * length and characters are right, since positions mean nothing otherwise.
 */
export function validateUscc(raw: string): UsccResult {
  const normalised = normaliseIdentifier(raw);
  const errors = structureErrors(normalised);
  if (errors.length > 0) return { normalised, errors, warnings: [], codeAnomaly: false };
  if (USCC_CHARSET[checkValue(normalised)] === normalised[17]) {
    return { normalised, errors, warnings: usccWarnings(normalised), codeAnomaly: false };
  }
  errors.push({
    code: 'uscc_check',
    message:
      '统一社会信用代码校验位（第 18 位）不符，可能有字符抄录错误，请与营业执照或登记证书逐位核对；如核对无误（早期试点代码），请标记为代码异常并由复核人确认',
  });
  if (validateResidentId(normalised).errors.length === 0) {
    return {
      normalised: maskIdNumber(normalised),
      errors: [...errors, RESIDENT_ID_IN_USCC],
      warnings: [],
      codeAnomaly: false,
    };
  }
  return { normalised, errors, warnings: usccWarnings(normalised), codeAnomaly: true };
}
