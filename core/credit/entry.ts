import { excessCombiningMessage, hasExcessCombining, normaliseText } from '../text.js';
import type { ListType, SubjectType } from './dataset.js';
import { type MaskPolicy, maskIdentifiers, maskIdNumber, maskPersonName } from './mask.js';
import { validateResidentId } from './residentId.js';
import { validateUscc } from './uscc.js';
import { publicationWindow } from './window.js';
import type { Severity, WindowRules } from './windowRules.js';

export interface EntryCategory {
  name: string;
  listType: ListType;
  windowRules: WindowRules;
  maskPolicy: MaskPolicy;
  publishPersonName: boolean;
}

export interface FieldIssue {
  field: EntryField;
  code: string;
  message: string;
}

/** What the decision says besides who: carried alike by every checked, stored and shown entry. */
export interface Decision<S extends string | null = string | null> {
  legalRep: string;
  reason: string;
  basis: string;
  docNo: string;
  authority: string;
  decisionDate: string;
  severity: S;
  publishFrom: string;
  publishUntil: string;
  ruleSetVersion: string;
}
/** The decision's fields a row of a sheet carries: all but the rule-set version, which the server sets. */
export const DECISION_CELL_FIELDS = [
  'legalRep',
  'reason',
  'basis',
  'docNo',
  'authority',
  'decisionDate',
  'severity',
  'publishFrom',
  'publishUntil',
] as const satisfies readonly (keyof Decision)[];
export const DECISION_FIELDS = [
  ...DECISION_CELL_FIELDS,
  'ruleSetVersion',
] as const satisfies readonly (keyof Decision)[];

/** The fields of one imported row in the template's order: which list, who, then the decision. */
export const ENTRY_FIELDS = [
  'listType',
  'category',
  'subjectType',
  'name',
  'code',
  ...DECISION_CELL_FIELDS,
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
/** The text cells of one imported row, keyed by field. */
export type EntryCells = Partial<Record<EntryField, string>>;

/** The decision's fields of an entry, copied. */
export function decisionOf<S extends string | null>(e: Decision<S>): Decision<S> {
  const out = {} as Record<string, unknown>;
  for (const f of DECISION_FIELDS) out[f] = e[f];
  return out as unknown as Decision<S>;
}

/** A checked entry: `code` is the full normalised identifier, for the keyed hash only. */
export interface CheckedEntry extends Decision<Severity | null> {
  subjectType: SubjectType;
  name: string;
  nameDisplay: string;
  code: string;
  codeDisplay: string;
}

export interface EntryCheck {
  errors: FieldIssue[];
  warnings: FieldIssue[];
  /** The only error is a USCC check character: kept flagged until a reviewer accepts it. */
  codeAnomaly: boolean;
  flags: string[];
  entry: CheckedEntry | null;
}

const SUBJECT_TYPES: Record<string, SubjectType> = {
  法人及非法人组织: 'org',
  法人: 'org',
  非法人组织: 'org',
  企业: 'org',
  社会组织: 'org',
  个体工商户: 'sole-trader',
  个体: 'sole-trader',
  自然人: 'person',
  个人: 'person',
};
const LIST_TYPES: Record<string, ListType> = {
  红名单: 'red',
  红榜: 'red',
  红: 'red',
  黑名单: 'black',
  黑榜: 'black',
  黑: 'black',
};
const SEVERITIES = new Set(['轻微', '一般', '严重']);
const REQUIRED: [EntryField, string][] = [
  ['subjectType', '主体类型'],
  ['name', '主体名称'],
  ['code', '统一社会信用代码/证件号码'],
  ['reason', '事由'],
  ['docNo', '决定书文号'],
  ['authority', '认定部门'],
  ['decisionDate', '认定日期'],
];

const FIELD_LABELS: Record<EntryField, string> = {
  listType: '名单类型',
  category: '类别',
  subjectType: '主体类型',
  name: '主体名称',
  code: '统一社会信用代码/证件号码',
  legalRep: '法定代表人',
  reason: '事由',
  basis: '认定依据',
  docNo: '决定书文号',
  authority: '认定部门',
  decisionDate: '认定日期',
  severity: '严重程度',
  publishFrom: '公示起始日期',
  publishUntil: '公示截止日期',
};

function subjectTypeOf(text: string): SubjectType | undefined {
  return SUBJECT_TYPES[text.replace(/\s/g, '')];
}

/**
 * Checks one row against its category: identifiers (GB 32100 / GB 11643), the publication
 * window and masking. Messages never carry a full ID number.
 */
export function checkEntry(
  cells: EntryCells,
  category: EntryCategory,
  today: string,
  /** Re-checking a stored entry: its identifier was checked at import and is known only masked. */
  options: { storedCode?: string } = {},
): EntryCheck {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const flags: string[] = [];
  // Controls, bidi and zero-width characters are stripped from every cell (core/text.ts); a cell
  // with a flood of combining marks is a row error: we cannot guess what it should say.
  const v = (f: EntryField) => normaliseText(cells[f] ?? '').trim();
  for (const f of Object.keys(cells) as EntryField[]) {
    if (hasExcessCombining(v(f)))
      errors.push({ field: f, code: 'text_invalid', message: excessCombiningMessage(FIELD_LABELS[f]) });
  }
  for (const [field, label] of REQUIRED) {
    if (field === 'code' && options.storedCode !== undefined) continue;
    if (!v(field))
      errors.push({ field, code: 'required', message: `「${label}」不能为空，请补充后重新导入` });
  }
  const listType = v('listType') ? LIST_TYPES[v('listType')] : category.listType;
  if (v('listType') && listType !== category.listType) {
    errors.push({
      field: 'listType',
      code: 'list_type_mismatch',
      message: `名单类型「${v('listType')}」与所选类别「${category.name}」（${category.listType === 'red' ? '红名单' : '黑名单'}）不一致，请核对`,
    });
  }
  if (v('category') && v('category') !== category.name) {
    warnings.push({
      field: 'category',
      code: 'category_mismatch',
      message: `本行类别「${v('category')}」与导入时所选类别「${category.name}」不同，将按所选类别导入`,
    });
  }
  const subjectType = v('subjectType') ? subjectTypeOf(v('subjectType')) : undefined;
  if (v('subjectType') && !subjectType) {
    errors.push({
      field: 'subjectType',
      code: 'subject_type',
      message: `主体类型「${v('subjectType')}」无法识别，应为 法人及非法人组织、个体工商户 或 自然人`,
    });
  }
  let codeAnomaly = false;
  let code = '';
  let codeDisplay = '';
  if (options.storedCode !== undefined) {
    code = options.storedCode;
    codeDisplay = options.storedCode;
  } else if (v('code') && subjectType) {
    if (subjectType === 'person') {
      const r = validateResidentId(v('code'), { today, maskPolicy: category.maskPolicy });
      code = r.normalised;
      codeDisplay = r.masked;
      for (const e of r.errors) errors.push({ field: 'code', code: e.code, message: e.message });
      for (const w of r.warnings) warnings.push({ field: 'code', code: w.code, message: w.message });
      if (r.needsReview) flags.push('id_legacy15');
    } else {
      const r = validateUscc(v('code'));
      code = r.normalised;
      codeDisplay = r.normalised;
      if (r.codeAnomaly) {
        codeAnomaly = true;
        flags.push('code_anomaly');
      }
      for (const e of r.errors) errors.push({ field: 'code', code: e.code, message: e.message });
      for (const w of r.warnings) warnings.push({ field: 'code', code: w.code, message: w.message });
    }
  }
  const severityText = v('severity');
  const severity = severityText ? (SEVERITIES.has(severityText) ? (severityText as Severity) : null) : null;
  if (severityText && !severity) {
    errors.push({
      field: 'severity',
      code: 'severity',
      message: `严重程度「${severityText}」无法识别，应为 轻微、一般 或 严重`,
    });
  }
  let window: { publishFrom: string; publishUntil: string; ruleSetVersion: string } | null = null;
  if (v('decisionDate')) {
    if (v('decisionDate') > today) {
      errors.push({
        field: 'decisionDate',
        code: 'date_future',
        message: `认定日期 ${v('decisionDate')} 晚于今天，请核对`,
      });
    }
    const w = publicationWindow({
      decisionDate: v('decisionDate'),
      severity: severity ?? undefined,
      rules: category.windowRules,
      publishFrom: v('publishFrom') || undefined,
      publishUntil: v('publishUntil') || undefined,
    });
    if (w.ok) window = w;
    else {
      for (const e of w.errors) {
        const field: EntryField =
          e.code === 'window_severity' || e.code === 'window_not_published'
            ? 'severity'
            : v('publishUntil')
              ? 'publishUntil'
              : 'decisionDate';
        errors.push({ field, code: e.code, message: e.message });
      }
    }
  }
  if (window && window.publishUntil < today) {
    warnings.push({
      field: 'publishUntil',
      code: 'already_expired',
      message: `公示截止日期 ${window.publishUntil} 已过，该条发布后不会上屏`,
    });
  }
  const onlyAnomaly = codeAnomaly && errors.every((e) => e.code === 'uscc_check');
  const blocking = errors.filter((e) => !(onlyAnomaly && e.code === 'uscc_check'));
  if (blocking.length > 0 || !subjectType || !window) {
    return { errors, warnings, codeAnomaly: false, flags, entry: null };
  }
  const person = subjectType === 'person';
  const name = v('name');
  // A person's name, and a sole trader's operator, in full only where the list's legal basis requires it.
  const personMode = category.publishPersonName ? 'full' : category.maskPolicy.personName;
  const repMode = subjectType === 'sole-trader' ? personMode : category.maskPolicy.legalRep;
  return {
    errors,
    warnings,
    codeAnomaly: onlyAnomaly,
    flags,
    entry: {
      subjectType,
      name: maskIdentifiers(name),
      nameDisplay: maskIdentifiers(person ? maskPersonName(name, personMode) : name),
      code,
      codeDisplay:
        person && options.storedCode === undefined ? maskIdNumber(code, category.maskPolicy) : codeDisplay,
      legalRep: v('legalRep') ? maskPersonName(maskIdentifiers(v('legalRep')), repMode) : '',
      // Every text field of an entry is masked, 文号 and 认定部门 too: a person's ID number typed
      // there would otherwise be published.
      reason: maskIdentifiers(v('reason')),
      basis: maskIdentifiers(v('basis')),
      docNo: maskIdentifiers(v('docNo')),
      authority: maskIdentifiers(v('authority')),
      decisionDate: v('decisionDate'),
      severity,
      ...window,
    },
  };
}
