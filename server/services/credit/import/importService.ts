import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  type CheckedEntry,
  checkEntry,
  decisionOf,
  type EntryCells,
  type EntryField,
} from '../../../../core/credit/index.js';
import type { BatchDetail, ImportPreview, PreviewRow, RowIssue } from '../../../../core/protocol/credit.js';
import { errorCodeOr } from '../../../../core/protocol/errors.js';
import { dateIn } from '../../../../core/time.js';
import type { Clock } from '../../../clock.js';
import type { Config } from '../../../config.js';
import {
  AppError,
  badRequest,
  conflict,
  gone,
  missingChoice,
  notFound,
  refused,
  tooLarge,
  tooMany,
  unprocessable,
} from '../../../errors.js';
import type { BatchStore } from '../../../store/batchStore.js';
import {
  type Category,
  type CreditStore,
  packStagedEntry,
  type StagedEntry,
  type StagedPreview,
  type StagedRow,
} from '../../../store/creditStore.js';
import type { Db } from '../../../store/db.js';
import type { AuditService } from '../../shared/auditService.js';
import type { EventBus } from '../../shared/events.js';
import { createGate } from '../../shared/gate.js';
import type { IdentifierHasher } from '../../shared/identifiers.js';
import { IMPORT_COLUMNS, type ImportRow, maskIds, ROW_ERROR_CODES, readImportFile } from './index.js';
import { type ImportProgressFn, throttleProgress } from './progress.js';

/** The preview as stored once checked (its sample is only in the upload's answer). */
type Summary = Omit<ImportPreview, 'sample'> & { anomalies: number };

type Deps = {
  db: Db;
  credit: CreditStore;
  batches: BatchStore;
  audit: AuditService;
  clock: Clock;
  identifiers: IdentifierHasher;
  config: Pick<
    Config,
    | 'maxImportBytes'
    | 'maxImportRows'
    | 'maxCellChars'
    | 'maxImportInflatedBytes'
    | 'importReaders'
    | 'importQueueMax'
    | 'importTtlMs'
    | 'importProgressMs'
    | 'importSliceMs'
    | 'maxStagedRowsPerUser'
    | 'maxStagedRows'
  >;
  bus: EventBus;
};

type Progress = ReturnType<typeof throttleProgress>;
/** Rows checked against the database in one statement (the duplicate lookup works on sets). */
const LOOKUP_ROWS = 100;
/** Staged rows of a closed preview deleted per statement. */
const DELETE_ROWS = 500;
const SAMPLE_ROWS = 50;

const LABELS = new Map(IMPORT_COLUMNS.map((c) => [c.field as string, c.label]));

const expired = () => gone('import_expired', '导入预览已过期，请重新上传文件');

/**
 * Runs work in slices of at most `ms` between two turns of the event loop: a 100,000-row check
 * is seconds of CPU, and `/api/health`, the sockets' pings and every other request answer
 * between slices (setImmediate runs after pending I/O).
 */
function slicer(ms: number) {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= ms,
    async yield(): Promise<void> {
      await new Promise((resolve) => setImmediate(resolve));
      start = performance.now();
    },
  };
}

/**
 * Import: read, check every row, stage the preview on disk (masked); confirm writes a draft
 * batch in one transaction. A preview belongs to its uploader: only they list its rows, confirm
 * it or abandon it.
 */
export function createCreditImportService(d: Deps) {
  const staging = d.credit.staging;
  /** Previews this process is checking now (a `checking` row not here was left by a stopped server). */
  const checking = new Set<string>();
  const readers = createGate(d.config.importReaders, d.config.importQueueMax, () =>
    tooMany('import_busy', '服务器正在读取其他导入文件，排队已满：请稍等一两分钟后重新上传'),
  );
  let sweeping: Promise<void> | null = null;
  let sweepAgain = false;

  /**
   * Closes expired previews and deletes the rows of closed ones, a slice at a time. Runs once
   * at a time; a call while it runs makes it go round again before it resolves.
   */
  function sweep(): Promise<void> {
    if (sweeping) {
      sweepAgain = true;
      return sweeping;
    }
    sweeping = (async () => {
      const slice = slicer(d.config.importSliceMs);
      do {
        sweepAgain = false;
        if (!d.db.open) return;
        staging.closeExpired(d.clock.now());
        staging.closeAbandonedChecks(d.clock.now() - d.config.importTtlMs, [...checking]);
        for (const id of staging.closedIds()) {
          for (;;) {
            if (!d.db.open) return;
            if (staging.deleteRows(id, DELETE_ROWS) < DELETE_ROWS) break;
            if (slice.due()) await slice.yield();
          }
          staging.remove(id);
          if (slice.due()) await slice.yield();
        }
      } while (sweepAgain);
    })().finally(() => {
      sweeping = null;
    });
    return sweeping;
  }
  /** Starts a sweep without waiting; the periodic job runs the same sweep and logs a failure. */
  const kick = () => {
    sweep().catch(() => undefined);
  };

  /** The uploader's open preview, or 410 (gone) / 403 (someone else's). */
  function ownPreview(id: string, actor: string): { p: StagedPreview; summary: Summary } {
    const p = staging.get(id);
    if (p?.state !== 'ready' || p.summary === null) throw expired();
    if (p.expiresAt <= d.clock.now()) {
      staging.close(id);
      kick();
      throw expired();
    }
    if (p.actor !== actor) {
      throw refused(
        'import_not_yours',
        '该导入预览由其他用户上传，只有上传者本人可以查看、确认或放弃；如需导入，请自行上传文件',
      );
    }
    return { p, summary: JSON.parse(p.summary) as Summary };
  }

  /** 413/429 unless `rows` more staged rows fit the uploader's cap and the server's. */
  function ensureRoom(actor: string, rows: number): void {
    const perUser = d.config.maxStagedRowsPerUser;
    if (rows > perUser) {
      throw tooLarge(
        'staging_too_large',
        `文件共 ${rows} 行，超过每位用户可暂存的 ${perUser} 行：请拆分后分批导入`,
      );
    }
    const mine = staging.stagedBy(actor);
    const minutes = (at: number | null) =>
      at === null
        ? ''
        : `（最早的一份将于 ${Math.max(1, Math.ceil((at - d.clock.now()) / 60_000))} 分钟后自动过期）`;
    if (mine.rows + rows > perUser) {
      throw tooMany(
        'import_staging_full',
        `您待确认的导入预览已有 ${mine.rows} 行（每人上限 ${perUser} 行），容不下本文件：请确认或放弃已有的导入预览后再上传${minutes(mine.nextExpiry)}`,
      );
    }
    const all = staging.stagedAll();
    if (all.rows + rows > d.config.maxStagedRows) {
      throw tooMany(
        'import_staging_busy',
        `服务器上待确认的导入预览已有 ${all.rows} 行（上限 ${d.config.maxStagedRows} 行）：请确认或放弃已有的导入预览后再上传，或稍后再试${minutes(all.nextExpiry)}`,
      );
    }
  }

  /**
   * Checks every row and stages it, in time slices (HALLCAST_IMPORT_SLICE_MS) with a turn of the
   * event loop between them, so other requests and the progress emits never wait long. Rows
   * are looked up for duplicates LOOKUP_ROWS at a time in one statement, each an index probe:
   * the cost grows with the file, not with the category.
   */
  async function checkRows(
    previewId: string,
    rows: ImportRow[],
    header: Map<string, string>,
    category: Category,
    progress: Progress,
  ) {
    const today = dateIn(d.clock.now());
    /** keyed hash|docNo -> the first file row with it. */
    const seen = new Map<string, number>();
    const counts = { ok: 0, warning: 0, error: 0, importable: 0, anomalies: 0 };
    const sample: PreviewRow[] = [];
    const column = (field: string) => header.get(field) ?? LABELS.get(field) ?? field;
    const total = rows.length;
    const slice = slicer(d.config.importSliceMs);
    let pending: StagedRow[] = [];
    const flush = () => {
      if (pending.length > 0) staging.addRows(previewId, pending);
      pending = [];
    };
    progress.step({ phase: 'checking', done: 0, total });
    for (let start = 0; start < total; start += LOOKUP_ROWS) {
      const checked = rows.slice(start, start + LOOKUP_ROWS).map((r) => {
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
        const candidate = e !== null && errors.every((x) => x.code === 'code_anomaly');
        const hash = candidate ? d.identifiers.hash(e.code) : '';
        // What the duplicate check matches: this hash, and the other suite's while entries use it.
        const lookups = candidate ? d.identifiers.lookups(e.code) : [];
        return { r, check, e, errors, warnings, issue, candidate, hash, lookups };
      });
      // Duplicates inside the file first, in file order; the rest are looked up in one statement.
      const probe: typeof checked = [];
      for (const c of checked) {
        if (!c.candidate || !c.e) continue;
        const first = seen.get(`${c.hash}|${c.e.docNo}`);
        if (first !== undefined) {
          c.errors.push(
            c.issue(
              'code',
              'duplicate_in_file',
              `与第 ${first} 行重复（同一主体、同一决定书文号），请删除重复行`,
            ),
          );
        } else {
          seen.set(`${c.hash}|${c.e.docNo}`, c.r.row);
          probe.push(c);
        }
      }
      const active = d.batches.duplicates(
        category.id,
        probe.flatMap((c) => c.lookups.map((h) => [h, c.e!.docNo] as const)),
      );
      for (const c of probe) {
        if (c.lookups.some((h) => active.has(`${h}|${c.e!.docNo}`)))
          c.errors.push(
            c.issue(
              'docNo',
              'duplicate_active',
              '该主体已有同一类别、同一决定书文号的有效记录，无需重复导入',
            ),
          );
      }
      checked.forEach(({ r, check, e, errors, warnings, hash }, i) => {
        const importable = e !== null && errors.every((x) => x.code === 'code_anomaly');
        const masked = (f: EntryField) => maskIds((r.cells as EntryCells)[f] ?? '');
        const row: PreviewRow = {
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
        };
        counts[row.status]++;
        if (row.status !== 'ok' && sample.length < SAMPLE_ROWS) sample.push(row);
        let entry: string | null = null;
        if (importable && e) {
          counts.importable++;
          if (check.codeAnomaly) counts.anomalies++;
          entry = packStagedEntry(
            stagedEntry(r.row, e, hash, check.codeAnomaly, [
              ...check.flags,
              ...(r.formulaFields.length ? ['formula'] : []),
            ]),
          );
        }
        pending.push({ seq: start + i, status: row.status, row: JSON.stringify(row), entry });
      });
      if (slice.due()) {
        flush();
        progress.step({ phase: 'checking', done: Math.min(total, start + LOOKUP_ROWS), total });
        await slice.yield();
      }
    }
    flush();
    progress.end({ phase: 'checking', done: total, total });
    return { counts, sample };
  }

  const stagedEntry = (
    row: number,
    e: CheckedEntry,
    codeHash: string,
    codeAnomaly: boolean,
    flags: string[],
  ): StagedEntry => ({
    rowNumber: row,
    subjectType: e.subjectType,
    name: e.name,
    nameDisplay: e.nameDisplay,
    codeDisplay: e.codeDisplay,
    codeHash,
    codeSuite: d.identifiers.suite,
    ...decisionOf(e),
    codeAnomaly,
    flags,
  });

  const publicSummary = ({ anomalies: _, ...rest }: Summary): Omit<ImportPreview, 'sample'> => rest;

  /** Reads and checks one file; runs inside the readers' gate. */
  async function previewNow(
    buf: Buffer,
    input: { fileName: string; unitId: string; categoryId: string; actor: string },
    onProgress?: ImportProgressFn,
  ): Promise<ImportPreview> {
    staging.closeExpired(d.clock.now());
    kick();
    const category = d.credit.getCategory(input.categoryId);
    if (!category) throw missingChoice('category_missing', '名单类别');
    if (!d.credit.listUnits().some((u) => u.id === input.unitId)) {
      throw badRequest('unit_missing', '所选成员单位不存在，请刷新后重新选择');
    }
    // Refuse at once when nothing more fits, before reading the file.
    ensureRoom(input.actor, 1);
    const progress = throttleProgress(onProgress, d.config.importProgressMs, d.clock);
    const read = await readImportFile(
      buf,
      {
        maxBytes: d.config.maxImportBytes,
        maxRows: d.config.maxImportRows,
        maxCellChars: d.config.maxCellChars,
        maxInflatedBytes: d.config.maxImportInflatedBytes,
      },
      (done, total) => progress.step({ phase: 'reading', done, total }),
    );
    if (!read.ok) {
      const first = read.errors[0];
      const err = new AppError(
        read.status,
        errorCodeOr(first?.code, 'file_invalid'),
        read.errors.map((e) => e.message).join('；'),
      );
      throw err;
    }
    progress.end({ phase: 'reading', done: read.rows.length, total: read.rows.length });
    // The check and the reservation happen in one turn: two uploads at once cannot both pass.
    staging.closeExpired(d.clock.now());
    ensureRoom(input.actor, read.rows.length);
    const id = randomUUID();
    staging.open({
      id,
      actor: input.actor,
      unitId: input.unitId,
      categoryId: category.id,
      fileName: input.fileName,
      rows: read.rows.length,
      createdAt: d.clock.now(),
      expiresAt: d.clock.now() + d.config.importTtlMs,
    });
    checking.add(id);
    try {
      const header = new Map(read.columns.map((c) => [c.field as string, c.header]));
      const { counts, sample } = await checkRows(id, read.rows, header, category, progress);
      const summary: Summary = {
        id,
        fileName: input.fileName,
        format: read.format,
        encoding: read.encoding,
        headerRow: read.headerRow,
        columns: read.columns.map((c) => ({ field: c.field, header: c.header })),
        total: read.rows.length,
        ok: counts.ok,
        warning: counts.warning,
        error: counts.error,
        importable: counts.importable,
        fileWarnings: read.warnings.map((w) => ({ code: w.code, message: maskIds(w.message) })),
        expiresAt: d.clock.now() + d.config.importTtlMs,
        anomalies: counts.anomalies,
      };
      if (!staging.ready(id, JSON.stringify(summary), summary.expiresAt)) throw expired();
      return { ...publicSummary(summary), sample };
    } catch (err) {
      if (d.db.open) {
        staging.close(id);
        kick();
      }
      throw err;
    } finally {
      checking.delete(id);
    }
  }

  return {
    /**
     * Reads and checks a file and stages the checked rows (masked) until confirmed, abandoned or
     * expired; 429 when the uploader's or the server's staging cap would be passed. Files are read
     * HALLCAST_IMPORT_READERS at a time, the others wait their turn (429 past the queue's limit).
     */
    preview(
      buf: Buffer,
      input: { fileName: string; unitId: string; categoryId: string; actor: string },
      onProgress?: ImportProgressFn,
    ): Promise<ImportPreview> {
      return readers.run(() => previewNow(buf, input, onProgress));
    },

    /** Progress for `preview` that reaches the admin sockets of one session (realtime forwards it). */
    progressTo(idHash: string, uploadId: string): ImportProgressFn {
      return (step) => d.bus.emit({ type: 'import:progress', idHash, progress: { uploadId, ...step } });
    },

    /** The uploader's open previews, newest first (to confirm or abandon one after leaving the page). */
    mine(actor: string): Omit<ImportPreview, 'sample'>[] {
      const now = d.clock.now();
      return staging
        .readyOf(actor)
        .filter((p) => p.expiresAt > now && p.summary !== null)
        .map((p) => publicSummary(JSON.parse(p.summary!) as Summary));
    },

    /** A page of the uploader's preview rows, all or of one status. */
    rows(
      id: string,
      actor: string,
      status: string,
      offset: number,
      limit: number,
    ): { total: number; rows: PreviewRow[] } {
      const { summary } = ownPreview(id, actor);
      const total =
        status === ''
          ? summary.total
          : status === 'ok' || status === 'warning' || status === 'error'
            ? summary[status]
            : 0;
      const rows = staging.rows(id, status, limit, offset).map((r) => JSON.parse(r) as PreviewRow);
      return { total, rows };
    },

    /** Writes the importable rows into a draft batch, in one transaction; only the uploader may. */
    confirm(
      id: string,
      title: string,
      actor: string,
      toBatch: (batchId: string) => BatchDetail,
    ): BatchDetail {
      const { p, summary } = ownPreview(id, actor);
      if (summary.importable === 0)
        throw unprocessable('nothing_to_import', '没有可导入的行：请按预览中的提示修改文件后重新上传');
      const category = d.credit.getCategory(p.categoryId);
      if (!category) throw conflict('category_missing', '该名单类别已不存在，请重新选择类别并上传');
      const batchId = randomUUID();
      const now = d.clock.now();
      d.db.transaction(() => {
        d.credit.insertBatch({
          id: batchId,
          title,
          unitId: p.unitId,
          categoryId: category.id,
          status: 'draft',
          sourceName: p.fileName,
          createdBy: actor,
          createdAt: now,
        });
        const imported = staging.confirmInto({ previewId: id, batchId, categoryId: category.id, now });
        if (imported !== summary.importable) throw expired();
        d.audit.record({
          actor,
          action: 'batch.import',
          target: batchId,
          summary: {
            title,
            file: p.fileName,
            category: category.name,
            rows: summary.total,
            imported: summary.importable,
            anomalies: summary.anomalies,
          },
        });
        staging.close(id);
      })();
      d.identifiers.forget();
      kick();
      const batch = d.batches.get(batchId);
      if (!batch) throw notFound('名单批次');
      return toBatch(batchId);
    },

    /** The uploader gives a preview up: it is gone at once, its staged rows deleted in the background. */
    abandon(id: string, actor: string): void {
      ownPreview(id, actor);
      staging.close(id);
      kick();
    },

    /** Closes expired previews and deletes closed ones' rows, in slices (the import-staging job). */
    sweep,
  };
}
export type CreditImportService = ReturnType<typeof createCreditImportService>;
