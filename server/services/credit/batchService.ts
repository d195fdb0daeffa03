import { checkEntry, decisionOf } from '../../../core/credit/index.js';
import type { Batch, BatchDetail, BatchStatus, EntryEdit, EntryView } from '../../../core/protocol/credit.js';
import { errorCodeOr } from '../../../core/protocol/errors.js';
import { dateIn } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, fourEyes as fourEyesError, notFound } from '../../errors.js';
import type { AuthorStore } from '../../store/authorStore.js';
import type { BatchStore, FullEntry } from '../../store/batchStore.js';
import type { CreditStore } from '../../store/creditStore.js';
import type { Db } from '../../store/db.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { ChangeService, RecordedChange } from '../delivery/changeService.js';
import type { DatasetService } from '../delivery/datasetService.js';
import type { AuditService } from '../shared/auditService.js';

/** Whether an entry is on screens today (docs/DOMAIN.md "Lists, batches and entries"). */
export function onDisplay(e: FullEntry, today: string): boolean {
  const visibleStatus =
    e.status === 'active' || (e.status === 'objection-pending' && e.objectionPolicy === 'keep');
  return (
    (e.batchStatus === 'published' || e.batchStatus === 'archived') &&
    visibleStatus &&
    e.publishFrom <= today &&
    e.publishUntil >= today &&
    (!e.codeAnomaly || e.anomalyAcceptedBy !== null)
  );
}

export const toEntryView = (e: FullEntry, today: string): EntryView => ({
  id: e.id,
  batchId: e.batchId,
  batchStatus: e.batchStatus,
  categoryId: e.categoryId,
  categoryName: e.categoryName,
  listType: e.listType,
  rowNumber: e.rowNumber,
  subjectType: e.subjectType,
  name: e.nameDisplay,
  code: e.codeDisplay,
  ...decisionOf(e),
  status: e.status,
  statusReason: e.statusReason,
  statusAt: e.statusAt,
  codeAnomaly: e.codeAnomaly,
  anomalyAccepted: e.anomalyAcceptedBy !== null,
  flags: e.flags,
  onDisplay: onDisplay(e, today),
});

type Deps = {
  db: Db;
  authors: AuthorStore;
  batches: BatchStore;
  credit: CreditStore;
  screens: ScreenStore;
  datasets: DatasetService;
  changes: ChangeService;
  audit: AuditService;
  clock: Clock;
};

/** The batch lifecycle: draft -> submitted -> approved | rejected -> published -> archived, four eyes. */
export function createBatchService(d: Deps) {
  const today = () => dateIn(d.clock.now());
  function mustGet(id: string): Batch {
    const b = d.batches.get(id);
    if (!b) throw notFound('名单批次');
    return b;
  }
  function expect(b: Batch, allowed: BatchStatus[], action: string): void {
    if (!allowed.includes(b.status)) {
      throw conflict('bad_state', `批次当前状态为「${b.status}」，不能${action}`);
    }
  }
  /** Rebuilds datasets and records a change for every screen when the lists moved; call in a transaction. */
  function listsChanged(kind: string, summary: string, actor: string | null): RecordedChange | null {
    const changed = d.datasets.rebuild();
    if (changed.length === 0) return null;
    return d.changes.record(
      kind,
      summary,
      actor,
      d.screens.list().map((s) => s.id),
    );
  }
  /**
   * Four eyes (ARCHITECTURE "Trust"): nobody approves, publishes or accepts an anomaly of a batch
   * whose content they imported, changed since it was last published, or submitted.
   */
  function checkFourEyes(b: Batch, actor: string, doing: string): void {
    const authors = new Set(d.authors.batch(b.id));
    if (b.createdBy) authors.add(b.createdBy);
    if (b.submittedBy) authors.add(b.submittedBy);
    if (authors.has(actor)) {
      const why =
        actor === b.createdBy ? '导入了' : d.authors.batch(b.id).includes(actor) ? '修改过' : '提交了';
      throw fourEyesError(`您${why}该批次的内容，不能${doing}：请由另一位审核员${doing}`);
    }
  }
  const step = (id: string, status: BatchStatus, actor: string, action: string, comment?: string | null) => {
    d.batches.setStatus({ id, status, actor, at: d.clock.now(), comment });
    d.audit.record({ actor, action, target: id, summary: { status, comment: comment ?? undefined } });
  };

  return {
    listsChanged,
    /** Expiry on the server clock: entries past their window leave the datasets; empty batches archive. */
    expire(): RecordedChange | null {
      const now = d.clock.now();
      const t = today();
      return d.db.transaction(() => {
        const expired = d.batches.expireBefore(t, now);
        for (const id of d.batches.publishedBatchIds()) {
          if (d.batches.onDisplayCount(id, t) === 0 && !d.batches.hasFutureEntries(id, t)) {
            d.batches.setStatus({ id, status: 'archived', actor: null, at: now });
            d.audit.record({
              actor: null,
              action: 'batch.archive',
              target: id,
              summary: { reason: 'nothing on display' },
            });
          }
        }
        if (expired > 0)
          d.audit.record({
            actor: null,
            action: 'entries.expire',
            target: null,
            summary: { entries: expired, today: t },
          });
        return listsChanged('expiry', `公示到期：${expired} 条已下屏`, null);
      })();
    },
    list: (status: string) => d.batches.list(status),
    get(id: string): BatchDetail {
      const b = mustGet(id);
      return { ...b, onDisplay: d.batches.onDisplayCount(id, today()) };
    },
    entries(id: string, offset: number, limit: number) {
      mustGet(id);
      return {
        total: d.batches.entryCount(id),
        entries: d.batches.entries(id, limit, offset).map((r) => toEntryView(r, today())),
      };
    },
    submit(id: string, actor: string): Batch {
      const b = mustGet(id);
      expect(b, ['draft', 'rejected'], '提交审核');
      if (b.entries === 0) throw conflict('empty_batch', '批次中没有名单条目，不能提交');
      d.db.transaction(() => step(id, 'submitted', actor, 'batch.submit'))();
      return mustGet(id);
    },
    approve(id: string, actor: string, comment?: string): Batch {
      const b = mustGet(id);
      expect(b, ['submitted'], '审核通过');
      checkFourEyes(b, actor, '审核通过');
      d.db.transaction(() => step(id, 'approved', actor, 'batch.approve', comment ?? null))();
      return mustGet(id);
    },
    reject(id: string, actor: string, comment: string): Batch {
      const b = mustGet(id);
      expect(b, ['submitted', 'approved'], '退回');
      if (b.submittedBy === actor) throw fourEyesError('不能审核自己提交的批次：请由另一位审核员处理');
      d.db.transaction(() => step(id, 'rejected', actor, 'batch.reject', comment))();
      return mustGet(id);
    },
    /** Publishing is a change: datasets and every screen's manifest are rebuilt and pushed. */
    publish(id: string, actor: string): { batch: Batch; changeId: string | null } {
      const b = mustGet(id);
      expect(b, ['approved'], '发布');
      checkFourEyes(b, actor, '发布');
      const pending = d.batches.unacceptedAnomalies(id);
      if (pending > 0)
        throw conflict(
          'anomalies_pending',
          `还有 ${pending} 条“代码异常”未经审核员接受，请逐条核实并填写理由后再发布`,
        );
      const change = d.db.transaction(() => {
        step(id, 'published', actor, 'batch.publish');
        // Published: what its authors changed has been reviewed and is out.
        d.authors.clearBatch(id);
        return listsChanged('publish', `发布「${b.title}」`, actor);
      })();
      if (change) d.changes.publish(change);
      return { batch: mustGet(id), changeId: change?.changeId ?? null };
    },
    remove(id: string, actor: string): void {
      const b = mustGet(id);
      expect(b, ['draft', 'rejected'], '删除');
      d.db.transaction(() => {
        d.batches.remove(id);
        d.audit.record({ actor, action: 'batch.delete', target: id, summary: { title: b.title } });
      })();
    },
    acceptAnomaly(entryId: string, actor: string, reason: string): EntryView {
      const e = d.batches.entry(entryId);
      if (!e) throw notFound('名单条目');
      if (!e.codeAnomaly) throw conflict('no_anomaly', '该条目没有代码异常，无需接受');
      checkFourEyes(mustGet(e.batchId), actor, '接受代码异常');
      d.db.transaction(() => {
        d.batches.acceptAnomaly(entryId, actor, reason);
        d.audit.record({
          actor,
          action: 'entry.accept-anomaly',
          target: entryId,
          summary: { code: e.codeDisplay, reason },
        });
      })();
      return toEntryView(d.batches.entry(entryId)!, today());
    },
    /** Edits an entry of a draft or submitted batch; a submitted batch returns to draft. */
    editEntry(batchId: string, entryId: string, edit: EntryEdit, actor: string): EntryView {
      const b = mustGet(batchId);
      const e = d.batches.entry(entryId);
      if (!e || e.batchId !== batchId) throw notFound('名单条目');
      expect(b, ['draft', 'submitted', 'rejected'], '修改条目');
      const category = d.credit.getCategory(e.categoryId)!;
      const next = { ...e, ...edit };
      const check = checkEntry(
        {
          subjectType: { org: '法人及非法人组织', 'sole-trader': '个体工商户', person: '自然人' }[
            e.subjectType
          ],
          name: edit.name ?? e.name,
          reason: next.reason,
          docNo: edit.docNo ?? e.docNo,
          authority: next.authority,
          decisionDate: edit.decisionDate ?? e.decisionDate,
          severity: (edit.severity === undefined ? e.severity : edit.severity) ?? '',
          publishFrom: edit.publishFrom ?? e.publishFrom,
          publishUntil: edit.publishUntil ?? e.publishUntil,
        },
        category as never,
        today(),
        { storedCode: e.codeDisplay },
      );
      const blocking = check.errors;
      if (blocking.length > 0 || !check.entry) {
        throw badRequest(
          errorCodeOr(blocking[0]?.code, 'invalid_entry'),
          blocking.map((x) => x.message).join('；') || '条目无效',
        );
      }
      const c = check.entry;
      d.db.transaction(() => {
        d.batches.updateEntry({
          id: entryId,
          name: c.name,
          nameDisplay: c.nameDisplay,
          legalRep: edit.legalRep === undefined ? e.legalRep : c.legalRep,
          reason: c.reason,
          basis: edit.basis ?? e.basis,
          docNo: c.docNo,
          authority: c.authority,
          decisionDate: c.decisionDate,
          severity: c.severity,
          publishFrom: c.publishFrom,
          publishUntil: c.publishUntil,
          ruleSetVersion: c.ruleSetVersion,
        });
        d.authors.addBatch(batchId, actor, d.clock.now());
        if (b.status !== 'draft')
          d.batches.setStatus({ id: batchId, status: 'draft', actor, at: d.clock.now() });
        d.audit.record({
          actor,
          action: 'entry.edit',
          target: entryId,
          summary: { batch: batchId, fields: Object.keys(edit) },
        });
      })();
      return toEntryView(d.batches.entry(entryId)!, today());
    },
  };
}
export type BatchService = ReturnType<typeof createBatchService>;
