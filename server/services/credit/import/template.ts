import ExcelJS from 'exceljs';
import { type ListType, SUBJECT_TYPE_LABELS } from '../../../../core/credit/dataset.js';
import { IMPORT_COLUMNS, type ImportField } from './columns.js';
import { writeGuide } from './templateGuide.js';
import { columnLetter } from './text.js';

export const TEMPLATE_FILE_NAME = '名单导入模板.xlsx';

export interface TemplateOptions {
  categories: { name: string; listType: ListType }[];
  /** Member units, offered (not enforced) as 认定部门. */
  units: string[];
}

/** Rows below the header that get dropdowns and formats. */
const FILL_ROWS = 5000;
const LIST_SHEET = '选项';
const LIST_TYPE_LABELS: Record<ListType, string> = { red: '红名单', black: '黑名单' };
const SEVERITIES = ['轻微', '一般', '严重'];
/** A template header may say more than the canonical label; it must still match it. */
const HEADER_TEXT: Partial<Record<ImportField, string>> = { code: '统一社会信用代码/证件号码' };

type Validations = { add(range: string, v: ExcelJS.DataValidation): void };

function isoDay(offsetDays: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays));
}

function examples(options: TemplateOptions): Partial<Record<ImportField, string | Date>>[] {
  const red = options.categories.find((c) => c.listType === 'red')?.name ?? 'A级纳税人';
  const black = options.categories.find((c) => c.listType === 'black')?.name ?? '失信被执行人';
  return [
    {
      listType: LIST_TYPE_LABELS.red,
      category: red,
      subjectType: SUBJECT_TYPE_LABELS.org,
      name: '（示例）某某科技有限公司',
      code: '91350100M000100Y43',
      legalRep: '张某',
      reason: '纳税信用评价为A级',
      basis: '《纳税信用管理办法》',
      docNo: '某税公告〔2026〕1号',
      authority: '国家税务总局某市税务局',
      decisionDate: isoDay(-30),
    },
    {
      listType: LIST_TYPE_LABELS.black,
      category: black,
      subjectType: SUBJECT_TYPE_LABELS.person,
      // The check-digit example printed in GB 11643 itself, not a real person's number.
      name: '（示例）李某',
      code: '11010519491231002X',
      reason: '有履行能力而拒不履行生效法律文书确定的义务',
      basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
      docNo: '（2026）某01执123号',
      authority: '某市中级人民法院',
      decisionDate: isoDay(-10),
      severity: '一般',
      publishFrom: isoDay(-10),
      publishUntil: isoDay(720),
    },
  ];
}

function listRange(column: string, count: number): string {
  return `'${LIST_SHEET}'!$${column}$2:$${column}$${Math.max(2, count + 1)}`;
}

function inline(values: string[]): string {
  return `"${values.join(',')}"`;
}

function validationFor(field: ImportField, options: TemplateOptions): ExcelJS.DataValidation | null {
  const list = (formula: string, strict = true): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: strict,
    errorTitle: '请从下拉列表选择',
    error: '请从下拉列表中选择一项',
  });
  if (field === 'listType') return list(inline(Object.values(LIST_TYPE_LABELS)));
  if (field === 'subjectType') return list(inline(Object.values(SUBJECT_TYPE_LABELS)));
  if (field === 'severity') return list(inline(SEVERITIES));
  if (field === 'category' && options.categories.length > 0)
    return list(listRange('A', options.categories.length));
  if (field === 'authority' && options.units.length > 0)
    return list(listRange('C', options.units.length), false);
  const column = IMPORT_COLUMNS.find((c) => c.field === field);
  if (!column?.date) return null;
  return {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
    showErrorMessage: true,
    errorTitle: '日期格式不正确',
    error: '请填写日期，如 2026-03-31',
  };
}

function writeLists(ws: ExcelJS.Worksheet, options: TemplateOptions): void {
  ws.addRow(['类别', '名单类型', '成员单位']);
  const n = Math.max(options.categories.length, options.units.length);
  for (let i = 0; i < n; i++) {
    const c = options.categories[i];
    ws.addRow([c?.name ?? null, c ? LIST_TYPE_LABELS[c.listType] : null, options.units[i] ?? null]);
  }
  ws.state = 'hidden';
}

function writeList(ws: ExcelJS.Worksheet, options: TemplateOptions): void {
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.required ? `${HEADER_TEXT[c.field] ?? c.label}（必填）` : (HEADER_TEXT[c.field] ?? c.label),
    key: c.field,
    width: c.date ? 14 : c.field === 'reason' || c.field === 'basis' ? 36 : 20,
    style: c.date ? { numFmt: 'yyyy-mm-dd' } : { numFmt: '@' },
  }));
  const header = ws.getRow(1);
  header.height = 24;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    if (c.required) cell.note = '必填';
  });
  for (const example of examples(options)) ws.addRow(example);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  IMPORT_COLUMNS.forEach((c, i) => {
    const v = validationFor(c.field, options);
    const letter = columnLetter(i + 1);
    if (v) validations.add(`${letter}2:${letter}${FILL_ROWS + 1}`, v);
  });
}

/** The 名单导入模板.xlsx workbook: the 名单 sheet with dropdowns and formats, and a 填写说明 sheet. */
export async function buildTemplate(options: TemplateOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HallCast';
  writeList(wb.addWorksheet('名单'), options);
  writeGuide(wb.addWorksheet('填写说明'));
  writeLists(wb.addWorksheet(LIST_SHEET), options);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
