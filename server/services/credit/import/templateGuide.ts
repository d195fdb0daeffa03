import type ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ImportField } from './columns.js';

const FORMAT_DATE = '日期，如 2026-03-31；也可写 2026/3/31、2026.3.31、2026年3月31日、20260331';

/** What each column means and how to fill it, for the 填写说明 sheet. */
const GUIDE: Record<ImportField, { meaning: string; format: string; example: string }> = {
  listType: {
    meaning: '红名单（守信激励）或黑名单（失信惩戒）',
    format: '下拉选择：红名单 / 黑名单',
    example: '黑名单',
  },
  category: {
    meaning: '名单类别，决定公示期限和脱敏规则',
    format: '下拉选择系统中已有的类别',
    example: '失信被执行人',
  },
  subjectType: {
    meaning: '被列入名单的主体属于哪一类',
    format: '下拉选择：法人及非法人组织 / 个体工商户 / 自然人',
    example: '法人及非法人组织',
  },
  name: { meaning: '企业、组织的全称，或自然人姓名', format: '文本', example: '某某科技有限公司' },
  code: {
    meaning: '组织填 18 位统一社会信用代码；自然人填身份证号码',
    format: '文本（本列已设为文本格式，请勿改为数字格式，否则 Excel 会截断 18 位号码）',
    example: '91350100M000100Y43',
  },
  legalRep: { meaning: '组织的法定代表人或负责人，个体工商户的经营者', format: '文本', example: '张某' },
  reason: {
    meaning: '失信行为（黑名单）或守信事由（红名单）',
    format: '文本，简明扼要',
    example: '未按期缴纳税款',
  },
  basis: {
    meaning: '认定所依据的法律、法规、规章条款',
    format: '文本',
    example: '《中华人民共和国税收征收管理法》第六十三条',
  },
  docNo: { meaning: '认定决定书或公告的文号', format: '文本', example: '某税罚〔2026〕12号' },
  authority: {
    meaning: '作出认定决定的部门全称',
    format: '文本，可下拉选择成员单位',
    example: '国家税务总局某市税务局',
  },
  decisionDate: {
    meaning: '作出认定决定的日期，公示期从此日起算',
    format: FORMAT_DATE,
    example: '2026-03-31',
  },
  severity: {
    meaning: '失信严重程度，决定黑名单公示期限；红名单不填',
    format: '下拉选择：轻微 / 一般 / 严重',
    example: '一般',
  },
  publishFrom: { meaning: '公示开始日期；不填则从认定日期起算', format: FORMAT_DATE, example: '2026-04-01' },
  publishUntil: { meaning: '公示截止日期；不填则按类别规则计算', format: FORMAT_DATE, example: '2027-03-31' },
};

const NOTES = [
  '一、每行填写一个主体。请勿修改表头文字；表头上方可以保留标题行，系统会自动找到表头。',
  '二、标红且注明（必填）的列必须填写，其余列可不填。',
  '三、自然人的身份证号码只用于核对身份：系统只保存脱敏后的号码（如 110105********002X）和不可逆的校验值，' +
    '完整号码不会被保存，在大屏、预览和提示信息中一律脱敏显示。联系电话等个人信息请勿填写，即使填写也不会导入。',
  '四、「统一社会信用代码/证件号码」列请保持文本格式。若号码显示为 1.10105E+17 这样的科学计数法，说明已丢失后几位，请改为文本格式后重新输入。',
  '五、导入前请删除名称以“（示例）”开头的示例行。',
  '六、支持 .xlsx 工作簿和 CSV 文件（UTF-8 或 GBK 编码均可）；不支持旧版 .xls，请用 Excel 另存为 .xlsx。',
];

/** Fills the 填写说明 sheet: one line per column, then the general notes. */
export function writeGuide(ws: ExcelJS.Worksheet): void {
  ws.columns = [
    { header: '列名', width: 18 },
    { header: '是否必填', width: 10 },
    { header: '含义', width: 44 },
    { header: '填写格式', width: 52 },
    { header: '示例', width: 36 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    const g = GUIDE[c.field];
    const row = ws.addRow([c.label, c.required ? '必填' : '选填', g.meaning, g.format, g.example]);
    if (c.required) row.getCell(2).font = { color: { argb: 'FFC00000' }, bold: true };
  }
  ws.addRow([]);
  for (const note of NOTES) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, 5);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 36;
  }
  ws.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}
