import ExcelJS from 'exceljs';
import { type Dataset, LIST_FIELD_LABELS as labels } from '../../../core/credit/dataset.js';
import { addSafeRow, sheetName } from '../shared/spreadsheetSafe.js';

/** The published 红黑榜 as a workbook: one sheet per category, masked values only. */
export async function listsXlsx(lists: Dataset[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HallCast';
  for (const d of lists) {
    const ws = wb.addWorksheet(sheetName(wb, `${d.listType === 'red' ? '红榜' : '黑榜'}-${d.category.name}`));
    addSafeRow(ws, [d.title]).font = { bold: true, size: 14 };
    ws.addRow(d.fields.map((f) => labels[f])).font = { bold: true };
    // Every text cell neutralised: an entry named =HYPERLINK(…) stays text (OWASP).
    for (const e of d.entries)
      addSafeRow(
        ws,
        d.fields.map((f) => e[f]),
      );
    ws.columns.forEach((c) => {
      c.width = 24;
    });
  }
  if (lists.length === 0) wb.addWorksheet('暂无').addRow(['当前没有公示中的名单']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A print-ready page of the published lists (for the newspaper and the city website). */
export function listsHtml(lists: Dataset[], dateText: string): string {
  const sections = lists
    .map(
      (d) =>
        `<section class="${d.listType}"><h2>${esc(d.title)}</h2><table><thead><tr>${d.fields
          .map((f) => `<th>${esc(labels[f])}</th>`)
          .join('')}</tr></thead><tbody>${d.entries
          .map((e) => `<tr>${d.fields.map((f) => `<td>${esc(String(e[f]))}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>诚信红黑榜 ${esc(dateText)}</title>
<style>body{font-family:"Noto Serif CJK SC",serif;margin:2cm}h1{text-align:center}h2{margin-top:1.5em}
.red h2{color:#b3121b}.black h2{color:#222}table{width:100%;border-collapse:collapse;font-size:10.5pt}
th,td{border:1px solid #999;padding:4px 6px;text-align:left}th{background:#eee}@media print{section{break-inside:avoid-page}}</style>
</head><body><h1>诚信红黑榜</h1><p style="text-align:center">截至 ${esc(dateText)}</p>${sections || '<p>当前没有公示中的名单。</p>'}</body></html>`;
}
