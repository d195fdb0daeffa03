import { randomUUID } from 'node:crypto';
import { type CheckedEntry, checkEntry, type EntryCells, type EntryField } from '../../core/credit/index.js';
import type { Batch, ImportPreview, PreviewRow, RowIssue } from '../../core/protocol/credit.js';
import { dateIn } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { AppError, notFound } from '../errors.js';
import type { BatchStore } from '../store/batchStore.js';
import type { Category, CreditStore } from '../store/creditStore.js';
import type { Db } from '../store/db.js';
import type { AuditService } from './auditService.js';
import type { EventBus } from './events.js';
import { identifierHash } from './identifiers.js';
import { IMPORT_COLUMNS, type ImportRow, maskIds, ROW_ERROR_CODES, readImportFile } from './import/index.js';
import { type ImportProgressFn, throttleProgress } from './importProgress.js';

interface Staged {
  id: string;
  fileName: string;
  unitId: string;
  category: Category;
  actor: string;
  preview: Omit<ImportPreview, 'sample'>;
  rows: PreviewRow[];
  /** Importable rows with their full identifiers, in memory only until confirmed or expired. */
  entries: { row: number; entry: CheckedEntry; codeAnomaly: boolean; flags: string[] }[];
}

type Deps = {
  db: Db;
  credit: CreditStore;
  batches: BatchStore;
  audit: AuditService;
  clock: Clock;
  identifierKey: Buffer;
  config: Pick<
    Config,
    'maxImportBytes' | 'maxImportRows' | 'maxCellChars' | 'importTtlMs' | 'importProgressMs'
  >;
  bus: EventBus;
};

type Progress = ReturnType<typeof throttleProgress>;
/** Rows checked between two progress reports and yields to the event loop. */
const CHECK_CHUNK = 1000;

const LABELS = new Map(IMPORT_COLUMNS.map((c) => [c.field as string, c.label]));

/** Import: read, check every row, preview; confirm writes a draft batch in one transaction. */
export function createCreditImportService(d: Deps) {
  const staged = new Map<string, Staged>();
  const purge = () => {
    const now = d.clock.now();
    for (const [id, s] of staged) if (s.preview.expiresAt <= now) staged.delete(id);
  };

  /**
   * Checks every row, reporting progress and yielding to the event loop every CHECK_CHUNK rows:
   * 100,000 rows take seconds, and neither the progress emits nor other requests should wait.
   */
  async function checkRows(
    rows: ImportRow[],
    header: Map<string, string>,
    category: Category,
    progress: Progress,
  ) {
    const today = dateIn(d.clock.now());
    const seen = new Map<string, number>();
    const out: PreviewRow[] = [];
    const entries: Staged['entries'] = [];
    const column = (field: string) => header.get(field) ?? LABELS.get(field) ?? field;
    const total = rows.length;
    progress.step({ phase: 'checking', done: 0, total });
    for (const r of rows) {
      if (out.length > 0 && out.length % CHECK_CHUNK === 0) {
        progress.step({ phase: 'checking', done: out.length, total });
        await new Promise((resolve) => setImmediate(resolve));
      }
      const check = checkEntry(r.cells as EntryCells, category as never, today);
      const issue = (field: string, code: string, message: string): RowIssue => ({
        column: column(field),
        field,
        code,
        message: maskIds(message),
      });
      const errors = check.errors
        .filter((e) => !(check.codeAnomaly && e.code === 'uscc_check'))
        .map((e) => issue(e.field, e.code, e.message));
      const warnings = check.warnings.map((w) => issue(w.field, w.code, w.message));
      for (const fi of r.issues) {
        const target = ROW_ERROR_CODES.has(fi.code) ? errors : warnings;
        target.push(issue(fi.column ?? 'row', fi.code, fi.message));
      }
      for (const f of r.formulaFields)
        warnings.push(issue(f, 'formula', '公式单元格，已取其计算结果，请确认数值无误'));
      if (check.codeAnomaly) {
        errors.push(
          issue(
            'code',
            'code_anomaly',
            '统一社会信用代码校验位不符：将以“代码异常”标记导入，须审核员核实并填写理由后方可发布',
          ),
        );
      }
      const e = check.entry;
      if (e && errors.every((x) => x.code === 'code_anomaly')) {
        const key = `${e.code}|${e.docNo}`;
        const first = seen.get(key);
        if (first !== undefined) {
          errors.push(
            issue(
              'code',
              'duplicate_in_file',
              `与第 ${first} 行重复（同一主体、同一决定书文号），请删除重复行`,
            ),
          );
        } else if (d.batches.isDuplicate(identifierHash(d.identifierKey, e.code), category.id, e.docNo)) {
          seen.set(key, r.row);
          errors.push(
            issue('docNo', 'duplicate_active', '该主体已有同一类别、同一决定书文号的有效记录，无需重复导入'),
          );
        } else seen.set(key, r.row);
      }
      const importable = e !== null && errors.every((x) => x.code === 'code_anomaly');
      if (importable)
        entries.push({
          row: r.row,
          entry: e,
          codeAnomaly: check.codeAnomaly,
          flags: [...check.flags, ...(r.formulaFields.length ? ['formula'] : [])],
        });
      const masked = (f: EntryField) => maskIds((r.cells as EntryCells)[f] ?? '');
      out.push({
        row: r.row,
        status: errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok',
        errors,
        warnings,
        codeAnomaly: check.codeAnomaly && importable,
        values: {
          subjectType: masked('subjectType'),
          name: e?.nameDisplay ?? masked('name'),
          code: e?.codeDisplay ?? masked('code'),
          legalRep: e?.legalRep ?? masked('legalRep'),
          reason: masked('reason'),
          docNo: masked('docNo'),
          authority: masked('authority'),
          decisionDate: masked('decisionDate'),
          publishFrom: e?.publishFrom ?? masked('publishFrom'),
          publishUntil: e?.publishUntil ?? masked('publishUntil'),
          severity: masked('severity'),
        },
      });
    }
    progress.end({ phase: 'checking', done: total, total });
    return { rows: out, entries };
  }

  return {
    /** Reads and checks a file; nothing is written. */
    async preview(
      buf: Buffer,
      input: { fileName: string; unitId: string; categoryId: string; actor: string },
      onProgress?: ImportProgressFn,
    ): Promise<ImportPreview> {
      purge();
      const category = d.credit.getCategory(input.categoryId);
      if (!category) throw new AppError(400, 'category_missing', '所选名单类别不存在，请刷新后重新选择');
      if (!d.credit.listUnits().some((u) => u.id === input.unitId)) {
        throw new AppError(400, 'unit_missing', '所选成员单位不存在，请刷新后重新选择');
      }
      const progress = throttleProgress(onProgress, d.config.importProgressMs, d.clock);
      const read = await readImportFile(
        buf,
        {
          maxBytes: d.config.maxImportBytes,
          maxRows: d.config.maxImportRows,
          maxCellChars: d.config.maxCellChars,
        },
        (done, total) => progress.step({ phase: 'reading', done, total }),
      );
      if (!read.ok) {
        const first = read.errors[0];
        const err = new AppError(
          read.status,
          first?.code ?? 'file_invalid',
          read.errors.map((e) => e.message).join('；'),
        );
        throw err;
      }
      progress.end({ phase: 'reading', done: read.rows.length, total: read.rows.length });
      const header = new Map(read.columns.map((c) => [c.field as string, c.header]));
      const { rows, entries } = await checkRows(read.rows, header, category, progress);
      const id = randomUUID();
      const count = (s: PreviewRow['status']) => rows.filter((r) => r.status === s).length;
      const preview: Omit<ImportPreview, 'sample'> = {
        id,
        fileName: input.fileName,
        format: read.format,
        encoding: read.encoding,
        headerRow: read.headerRow,
        columns: read.columns.map((c) => ({ field: c.field, header: c.header })),
        total: rows.length,
        ok: count('ok'),
        warning: count('warning'),
        error: count('error'),
        importable: entries.length,
        fileWarnings: read.warnings.map((w) => ({ code: w.code, message: maskIds(w.message) })),
        expiresAt: d.clock.now() + d.config.importTtlMs,
      };
      staged.set(id, {
        id,
        fileName: input.fileName,
        unitId: input.unitId,
        category,
        actor: input.actor,
        preview,
        rows,
        entries,
      });
      return { ...preview, sample: rows.filter((r) => r.status !== 'ok').slice(0, 50) };
    },

    /** Progress for `preview` that reaches the admin sockets of one session (realtime forwards it). */
    progressTo(idHash: string, uploadId: string): ImportProgressFn {
      return (step) => d.bus.emit({ type: 'import:progress', idHash, progress: { uploadId, ...step } });
    },

    rows(id: string, status: string, offset: number, limit: number): { total: number; rows: PreviewRow[] } {
      purge();
      const s = staged.get(id);
      if (!s) throw new AppError(410, 'import_expired', '导入预览已过期，请重新上传文件');
      const rows = status ? s.rows.filter((r) => r.status === status) : s.rows;
      return { total: rows.length, rows: rows.slice(offset, offset + limit) };
    },

    /** Writes the importable rows into a draft batch, in one transaction. */
    confirm(id: string, title: string, actor: string, toBatch: (batchId: string) => Batch): Batch {
      purge();
      const s = staged.get(id);
      if (!s) throw new AppError(410, 'import_expired', '导入预览已过期，请重新上传文件');
      if (s.entries.length === 0)
        throw new AppError(422, 'nothing_to_import', '没有可导入的行：请按预览中的提示修改文件后重新上传');
      const batchId = randomUUID();
      const now = d.clock.now();
      d.db.transaction(() => {
        d.credit.insertBatch({
          id: batchId,
          title,
          unit_id: s.unitId,
          category_id: s.category.id,
          status: 'draft',
          source_name: s.fileName,
          created_by: actor,
          created_at: now,
        });
        for (const { row, entry: e, codeAnomaly, flags } of s.entries) {
          d.credit.insertEntry({
            id: randomUUID(),
            batch_id: batchId,
            category_id: s.category.id,
            row_number: row,
            subject_type: e.subjectType,
            name: e.name,
            name_display: e.nameDisplay,
            code_display: e.codeDisplay,
            code_hash: identifierHash(d.identifierKey, e.code),
            legal_rep: e.legalRep,
            reason: e.reason,
            basis: e.basis,
            doc_no: e.docNo,
            authority: e.authority,
            decision_date: e.decisionDate,
            severity: e.severity,
            publish_from: e.publishFrom,
            publish_until: e.publishUntil,
            rule_set_version: e.ruleSetVersion,
            consent: 1,
            code_anomaly: codeAnomaly ? 1 : 0,
            flags: JSON.stringify(flags),
            created_at: now,
          });
        }
        d.audit.record({
          actor,
          action: 'batch.import',
          target: batchId,
          summary: {
            title,
            file: s.fileName,
            category: s.category.name,
            rows: s.preview.total,
            imported: s.entries.length,
            anomalies: s.entries.filter((x) => x.codeAnomaly).length,
          },
        });
      })();
      staged.delete(id);
      const batch = d.batches.get(batchId);
      if (!batch) throw notFound('名单批次');
      return toBatch(batchId);
    },
  };
}
export type CreditImportService = ReturnType<typeof createCreditImportService>;
