import ExcelJS from 'exceljs';
import {
  type ListDisplayProof,
  PLAY_GROUPING_LABELS,
  type ProofOfPlay,
} from '../../../core/protocol/operations.js';
import { dayjs } from '../../../core/time.js';
import { addSafeRow, sheetName } from '../shared/spreadsheetSafe.js';

const when = (ms: number | null, tz: string) =>
  ms === null ? '' : dayjs(ms).tz(tz).format('YYYY-MM-DD HH:mm:ss');

/** 1小时02分03秒 */
export function durationText(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}小时${String(m).padStart(2, '0')}分${String(sec).padStart(2, '0')}秒`;
  if (m > 0) return `${m}分${String(sec).padStart(2, '0')}秒`;
  return `${sec}秒`;
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  note: string,
  header: string[],
  widths: number[],
) {
  const ws = wb.addWorksheet(sheetName(wb, name));
  addSafeRow(ws, [title]).font = { bold: true, size: 14 };
  addSafeRow(ws, [note]).font = { color: { argb: 'FF666666' } };
  ws.addRow(header).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

/** Proof of play as a workbook. */
export async function proofOfPlayXlsx(r: ProofOfPlay, generatedAt: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HallCast';
  const grouping = PLAY_GROUPING_LABELS[r.by].replace('按', '');
  const ws = sheet(
    wb,
    '播放证明',
    `播放证明（${PLAY_GROUPING_LABELS[r.by]}） ${r.from} 至 ${r.to}`,
    `时区 ${r.timezone}；生成于 ${when(generatedAt, r.timezone)}；数据来自各屏幕上报的播放记录`,
    [grouping, '所属大厅', '播放次数', '播放时长（秒）', '播放时长', '屏幕数', '首次播放', '最后播放'],
    [32, 24, 12, 16, 16, 10, 22, 22],
  );
  for (const row of r.rows) {
    addSafeRow(ws, [
      row.name,
      row.hallName ?? '',
      row.plays,
      Math.round(row.playedMs / 1000),
      durationText(row.playedMs),
      row.screens,
      when(row.firstAt, r.timezone),
      when(row.lastAt, r.timezone),
    ]);
  }
  ws.addRow([
    '合计',
    '',
    r.totals.plays,
    Math.round(r.totals.playedMs / 1000),
    durationText(r.totals.playedMs),
  ]).font = {
    bold: true,
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STATUS: Record<string, string> = {
  active: '公示中',
  repaired: '已信用修复',
  withdrawn: '已撤下',
  expired: '已到期',
  'objection-pending': '异议处理中',
};

/** 名单展示证明 as a workbook: one row per entry and screen. */
export async function listDisplayXlsx(r: ListDisplayProof, generatedAt: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HallCast';
  const ws = sheet(
    wb,
    '名单展示证明',
    `名单展示证明 — ${r.title}（${r.categoryName}）`,
    `时区 ${r.timezone}；只计公示期内的展示时间；生成于 ${when(generatedAt, r.timezone)}`,
    [
      '主体名称',
      '代码（脱敏）',
      '公示起',
      '公示止',
      '状态',
      '大厅',
      '屏幕',
      '展示时长（秒）',
      '展示时长',
      '展示次数',
      '首次展示',
      '最后展示',
    ],
    [30, 24, 12, 12, 12, 22, 22, 14, 14, 10, 22, 22],
  );
  for (const row of r.rows) {
    addSafeRow(ws, [
      row.entryName,
      row.code,
      row.publishFrom,
      row.publishUntil,
      STATUS[row.status] ?? row.status,
      row.hallName ?? '',
      row.screenName ?? '（未展示）',
      Math.round(row.visibleMs / 1000),
      durationText(row.visibleMs),
      row.plays,
      when(row.firstAt, r.timezone),
      when(row.lastAt, r.timezone),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
