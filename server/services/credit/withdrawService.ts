import { randomUUID } from 'node:crypto';
import type {
  CorrectRequest,
  EntryStatus,
  EntryView,
  Takedown,
  TakedownDetail,
  WithdrawKind,
  WithdrawRequest,
} from '../../../core/protocol/credit.js';
import { addDays, dateIn } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import { conflict, notFound, notFoundAs } from '../../errors.js';
import type { BatchStore, FullEntry } from '../../store/batchStore.js';
import type { ChangeStore } from '../../store/changeStore.js';
import type { CreditStore } from '../../store/creditStore.js';
import type { Db } from '../../store/db.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { TakedownStore } from '../../store/takedownStore.js';
import type { ChangeService } from '../delivery/changeService.js';
import type { Presence } from '../screens/presence.js';
import type { AuditService } from '../shared/auditService.js';
import type { IdentifierHasher } from '../shared/identifiers.js';
import type { BatchService } from './batchService.js';
import { toEntryView } from './batchService.js';

type Deps = {
  db: Db;
  batches: BatchStore;
  batchService: BatchService;
  credit: CreditStore;
  takedowns: TakedownStore;
  changeStore: ChangeStore;
  screens: ScreenStore;
  presence: Presence;
  changes: ChangeService;
  audit: AuditService;
  clock: Clock;
  identifiers: IdentifierHasher;
};

const STATUS_OF: Record<WithdrawKind | 'correction', EntryStatus> = {
  repair: 'repaired',
  objection: 'withdrawn',
  revocation: 'withdrawn',
  correction: 'withdrawn',
};

/** Withdrawal (信用修复, 异议, 撤销, 更正): immediate, audited, with a takedown record per screen. */
export function createWithdrawService(d: Deps) {
  const today = () => dateIn(d.clock.now());

  /** Takes one entry off every screen; runs inside the caller's transaction. */
  function takeDown(
    e: FullEntry,
    kind: WithdrawKind | 'correction',
    req: { reason: string; docNo: string },
    actor: string | null,
  ): string {
    if (e.status === 'repaired' || e.status === 'withdrawn') {
      throw conflict('already_withdrawn', `「${e.nameDisplay}」已于此前撤下，无需重复操作`);
    }
    const id = randomUUID();
    const at = d.clock.now();
    d.batches.setEntryStatus({
      id: e.id,
      status: STATUS_OF[kind],
      actor,
      at,
      reason: req.reason,
      docNo: req.docNo,
    });
    d.takedowns.insert({
      id,
      entryId: e.id,
      kind,
      reason: req.reason,
      docNo: req.docNo,
      requestedBy: actor,
      requestedAt: at,
      changeId: null,
    });
    d.audit.record({
      actor,
      action: `entry.withdraw.${kind}`,
      target: e.id,
      summary: { name: e.nameDisplay, code: e.codeDisplay, reason: req.reason, docNo: req.docNo },
    });
    return id;
  }

  function run(
    entries: FullEntry[],
    kind: WithdrawKind,
    req: WithdrawRequest,
    actor: string | null,
  ): Takedown[] {
    const ids = d.db.transaction(() => {
      const out = entries.map((e) => takeDown(e, kind, req, actor));
      const change = d.batchService.listsChanged(
        'withdrawal',
        `撤下 ${entries.length} 条：${req.reason}`,
        actor,
      );
      if (change) for (const id of out) d.takedowns.setChange(id, change.changeId);
      return { out, change };
    })();
    if (ids.change) d.changes.publish(ids.change);
    return ids.out.map((id) => d.takedowns.get(id)!);
  }

  function deadline(requestedAt: number): string {
    let day = dateIn(requestedAt);
    const year = day.slice(0, 4);
    const calendar = new Map(
      d.takedowns.days(`${year}-01-01`, `${Number(year) + 1}-12-31`).map((x) => [x.date, x.kind]),
    );
    let left = 3;
    while (left > 0) {
      day = addDays(day, 1);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const kind = calendar.get(day);
      const working = kind === 'workday' || (kind !== 'holiday' && weekday !== 0 && weekday !== 6);
      if (working) left--;
    }
    return day;
  }

  return {
    withdraw(entryId: string, req: WithdrawRequest, actor: string | null): Takedown {
      const e = d.batches.entry(entryId);
      if (!e) throw notFound('名单条目');
      return run([e], req.kind, req, actor)[0]!;
    },
    withdrawByCode(req: WithdrawRequest & { code: string }, actor: string | null): Takedown[] {
      // Entries imported before a switch of suite carry the other suite's hash: both are looked up.
      const entries = d.identifiers
        .lookups(req.code)
        .flatMap((hash) => d.batches.publishedByHash(hash))
        .filter((e) => e.status === 'active' || e.status === 'objection-pending');
      if (entries.length === 0) {
        throw notFoundAs(
          'code_unknown',
          '没有找到该代码/证件号码的在公示记录：请核对代码，或在“名单查询”中按名称查找',
        );
      }
      return run(entries, req.kind, req, actor);
    },
    /** The old version is withdrawn at once; the corrected copy waits in a new draft batch for review. */
    correct(entryId: string, request: CorrectRequest, actor: string) {
      const e = d.batches.entry(entryId);
      if (!e) throw notFound('名单条目');
      const batchId = randomUUID();
      const result = d.db.transaction(() => {
        const takedownId = takeDown(
          e,
          'correction',
          { reason: request.correctionReason, docNo: request.correctionDocNo },
          actor,
        );
        const source = d.batches.get(e.batchId)!;
        d.credit.insertBatch({
          id: batchId,
          title: `更正 — ${e.nameDisplay}`,
          unitId: source.unitId,
          categoryId: e.categoryId,
          status: 'draft',
          sourceName: `更正 ${request.correctionDocNo}`,
          createdBy: actor,
          createdAt: d.clock.now(),
        });
        const newId = randomUUID();
        d.credit.insertEntry({
          ...e,
          id: newId,
          batchId,
          flags: ['correction'],
          consent: true,
          createdAt: d.clock.now(),
        });
        const change = d.batchService.listsChanged('correction', `更正：${e.nameDisplay}`, actor);
        if (change) d.takedowns.setChange(takedownId, change.changeId);
        return { change, newId };
      })();
      if (result.change) d.changes.publish(result.change);
      const { correctionReason: _r, correctionDocNo: _d, ...fields } = request;
      if (Object.keys(fields).length > 0) d.batchService.editEntry(batchId, result.newId, fields, actor);
      return d.batchService.get(batchId);
    },
    setObjection(entryId: string, pending: boolean, reason: string, actor: string): EntryView {
      const e = d.batches.entry(entryId);
      if (!e) throw notFound('名单条目');
      if (pending && e.status !== 'active') throw conflict('bad_state', '只有有效条目可以标记为异议处理中');
      if (!pending && e.status !== 'objection-pending') throw conflict('bad_state', '该条目不在异议处理中');
      const change = d.db.transaction(() => {
        d.batches.setEntryStatus({
          id: entryId,
          status: pending ? 'objection-pending' : 'active',
          actor,
          at: d.clock.now(),
          reason,
          docNo: null,
        });
        d.audit.record({
          actor,
          action: pending ? 'entry.objection.set' : 'entry.objection.clear',
          target: entryId,
          summary: { reason },
        });
        return d.batchService.listsChanged(
          'objection',
          `异议${pending ? '受理' : '处理完毕'}：${e.nameDisplay}`,
          actor,
        );
      })();
      if (change) d.changes.publish(change);
      return toEntryView(d.batches.entry(entryId)!, today());
    },
    search(p: { q: string; status: string; listType: string; offset: number; limit: number }) {
      const q = p.q.trim();
      const r = d.batches.search({ ...p, q, hashes: q ? d.identifiers.lookups(q) : [] });
      return { total: r.total, entries: r.rows.map((x) => toEntryView(x, today())) };
    },
    takedowns: (offset: number, limit: number) => d.takedowns.list(limit, offset),
    takedown(id: string): TakedownDetail {
      const t = d.takedowns.get(id);
      if (!t) throw notFound('撤下记录');
      const perScreen = (t.changeId ? d.changeStore.screens(t.changeId) : []).map((r) => ({
        screenId: r.screenId,
        screenName: d.screens.get(r.screenId)?.name ?? r.screenId,
        renderedAt: r.renderedAt,
        online: d.presence.isOnline(r.screenId),
      }));
      return { ...t, perScreen, deadline: deadline(t.requestedAt) };
    },
  };
}
export type WithdrawService = ReturnType<typeof createWithdrawService>;
