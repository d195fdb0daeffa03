import { z } from 'zod';
import { normaliseIdentifier } from './normalise.js';

const NameMode = z.enum(['full', 'surname']);
export type NameMode = z.infer<typeof NameMode>;

/**
 * How a category masks personal data. The ID keeps at most its first 6 (region) and last 4
 * characters: the birth date in between is never shown, whatever the configuration.
 */
export const MaskPolicy = z.object({
  idKeepStart: z.number().int().min(0).max(6),
  idKeepEnd: z.number().int().min(0).max(4),
  personName: NameMode,
  legalRep: NameMode,
});
export type MaskPolicy = z.infer<typeof MaskPolicy>;

export const DEFAULT_MASK_POLICY: Readonly<MaskPolicy> = {
  idKeepStart: 6,
  idKeepEnd: 4,
  personName: 'surname',
  legalRep: 'full',
};

// Width of the birth date in an 18-digit ID: at least this many characters are always hidden.
const MIN_HIDDEN = 8;

function clampKeep(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), max) : 0;
}

/**
 * '11010519491231002X' -> '110105********002X'. At least 8 characters (or all of a shorter
 * value) are hidden even for a policy, a legacy 15-digit number or a mistyped value that would
 * otherwise show more.
 */
export function maskIdNumber(
  id: string,
  policy: Pick<MaskPolicy, 'idKeepStart' | 'idKeepEnd'> = DEFAULT_MASK_POLICY,
): string {
  const chars = Array.from(normaliseIdentifier(id));
  const n = chars.length;
  const keepStart = clampKeep(policy.idKeepStart, 6);
  const keepEnd = clampKeep(policy.idKeepEnd, 4);
  const hidden = Math.min(n, Math.max(MIN_HIDDEN, n - keepStart - keepEnd));
  const start = Math.min(keepStart, n - hidden);
  const end = n - hidden - start;
  return chars.slice(0, start).join('') + '*'.repeat(hidden) + chars.slice(n - end).join('');
}

/** '13812341234' -> '138****1234'; shorter numbers keep less, down to nothing. */
export function maskPhone(phone: string): string {
  const chars = Array.from(normaliseIdentifier(phone));
  const n = chars.length;
  const keepStart = n >= 11 ? 3 : 0;
  const keepEnd = n >= 8 ? 4 : 0;
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(n - keepStart - keepEnd) +
    chars.slice(n - keepEnd).join('')
  );
}

const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯'.split(' '),
);

/**
 * A person's name as a category allows: 'full', or the surname only ('张三' -> '张*',
 * '欧阳娜娜' -> '欧阳**'). A name that is only a compound surname keeps its first character.
 */
export function maskPersonName(name: string, mode: NameMode): string {
  const trimmed = name.trim();
  if (mode === 'full' || trimmed === '') return trimmed;
  const chars = Array.from(trimmed);
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(chars.length - keep, 1));
}

const D = '[0-9０-９]';
const X = '[0-9０-９XxＸｘ]';
const SEP = '[ \\-－\\u3000]?';
const NOT_DIGIT_BEFORE = `(?<!${D})`;
const NOT_DIGIT_AFTER = `(?!${D})`;
// Any run of 15+ digits (an ID, a mistyped ID, a legacy ID), or an 18/15-digit ID written in
// 6-8-4 / 6-6-3 groups, standing alone. Shorter runs (timestamps, phones) are left alone.
const ID_LIKE = new RegExp(
  [
    `${D}{15,}[XxＸｘ]?`,
    `${NOT_DIGIT_BEFORE}${D}{6}${SEP}${D}{8}${SEP}${D}{3}${X}${NOT_DIGIT_AFTER}`,
    `${NOT_DIGIT_BEFORE}${D}{6}${SEP}${D}{6}${SEP}${D}{3}${NOT_DIGIT_AFTER}`,
  ].join('|'),
  'g',
);

/**
 * Masks everything in free text that looks like a resident ID number, for error messages and
 * logs. Errs on the side of masking: an all-digit 18-character USCC is masked too.
 */
export function maskAny(text: string): string {
  return text.replace(ID_LIKE, (match) => maskIdNumber(match));
}

// A mainland mobile number (11 digits from 13x-19x), maybe written 3-4-4, standing alone.
const PHONE_LIKE = new RegExp(
  `${NOT_DIGIT_BEFORE}1[3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}${NOT_DIGIT_AFTER}`,
  'g',
);

/** ASCII and full-width digits in the text: fewer than 11 and there is no phone or ID to mask. */
function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

/**
 * The one mask for free text that reaches the database or a response (titles, comments, reasons,
 * 文号, names, file names, audit summaries): every resident ID (18 digits with or without X, a
 * legacy 15-digit one, mistyped ones; see maskAny) and every mobile number ('138****1234').
 * Idempotent: masking masked text changes nothing.
 */
export function maskIdentifiers(text: string): string {
  if (digitCount(text) < 11) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(HASH_TOKEN)) {
    out += maskRun(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + maskRun(text.slice(last));
}

// A hash or MAC the system wrote (32+ lower-case hex characters, at least one a-f, standing alone,
// e.g. an audit chain head): a run of 15 digits inside one is part of the hash, not an ID.
const HASH_TOKEN = /(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{32,}(?![0-9A-Za-z])/g;

function maskRun(text: string): string {
  return maskAny(text).replace(PHONE_LIKE, (match) => maskPhone(match));
}

/** Every string inside a JSON-like value through maskIdentifiers (keys too); other values kept. */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskIdentifiers(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [maskIdentifiers(k), maskDeep(v)]),
    );
  }
  return value;
}
