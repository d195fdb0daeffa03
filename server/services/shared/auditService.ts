import { createHmac } from 'node:crypto';
import { maskDeep, maskIdentifiers } from '../../../core/credit/mask.js';
import type { Clock } from '../../clock.js';
import type { AuditRow, AuditStore } from '../../store/auditStore.js';

export interface AuditInput {
  actor: string | null;
  action: string;
  target?: string | null;
  summary: Record<string, unknown>;
}

/** What one re-chaining did, as its appended 'audit.rechain' record says. */
export interface Rechain {
  /** The first and last record whose MAC was recomputed. */
  from: number;
  to: number;
  oldHead: string;
  newHead: string;
  reason: string;
}

/** Where an audit head logged outside the database (the anchor) stands in today's chain. */
export type AnchorPlace =
  | { kind: 'genesis' }
  | { kind: 'current'; seq: number }
  | { kind: 'rechained'; seq: number; rechainSeq: number; rechain: Rechain }
  | { kind: 'unknown' };

export const GENESIS = '0'.repeat(64);
export const RECHAIN_ACTION = 'audit.rechain';

/** The MAC of one record chained to the previous MAC; exported for tests that build old chains. */
export function macOf(key: Buffer, prev: string, r: Omit<AuditRow, 'mac' | 'seq'> & { seq: number }): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([prev, r.seq, r.at, r.actor, r.action, r.target, r.summary]))
    .digest('hex');
}

/** The tamper-evident audit log: each record's HMAC covers itself and the previous record's MAC. */
export function createAuditService(store: AuditStore, key: Buffer, clock: Clock) {
  function verify():
    | { ok: true; records: number; head: string }
    | { ok: false; brokenAt: number; records: number } {
    let prev = GENESIS;
    let expectedSeq = 1;
    let n = 0;
    for (const r of store.iterate()) {
      if (r.seq !== expectedSeq || macOf(key, prev, r) !== r.mac)
        return { ok: false, brokenAt: r.seq, records: n };
      prev = r.mac;
      expectedSeq = r.seq + 1;
      n++;
    }
    return { ok: true, records: n, head: prev };
  }
  function record(input: AuditInput): string {
    const prev = store.last();
    const row = {
      seq: (prev?.seq ?? 0) + 1,
      at: clock.now(),
      actor: input.actor,
      action: input.action,
      target: input.target == null ? null : maskIdentifiers(input.target),
      // The last guard: whatever a service passes, no identifier enters the log in full.
      summary: JSON.stringify(maskDeep(input.summary)),
    };
    const mac = macOf(key, prev?.mac ?? GENESIS, row);
    store.insert({ ...row, mac });
    return mac;
  }
  const rechainOf = (r: AuditRow): Rechain => JSON.parse(r.summary) as Rechain;
  return {
    /** Appends a record; call inside the service's transaction. */
    record,
    /** Walks the chain; returns the first broken record's seq, or null when intact. */
    verify,
    head: () => store.last()?.mac ?? GENESIS,
    /**
     * Rewrites summaries through `rewrite` (masking) and re-chains from the first record that
     * changed; the replaced MACs are kept (audit_superseded) and one 'audit.rechain' record names
     * the range and the old and new heads. A chain already broken is never re-chained (that
     * would hide the break): its summaries are rewritten in place and it stays broken where it
     * was. Call inside a transaction. Returns null when nothing changed.
     */
    rechain(
      rewrite: (summary: string) => string,
      reason: string,
    ): (Rechain & { rechainSeq: number }) | { brokenAt: number; rewritten: number } | null {
      const before = verify();
      // Streams to the first record that changes; only the rest is held in memory.
      let prevMac = GENESIS;
      let firstSeq = 0;
      for (const r of store.iterate()) {
        if (rewrite(r.summary) !== r.summary) {
          firstSeq = r.seq;
          break;
        }
        prevMac = r.mac;
      }
      if (firstSeq === 0) return null;
      const rows = store.from(firstSeq);
      const last = rows.at(-1)!;
      const rechainSeq = last.seq + 1;
      if (!before.ok) {
        let rewritten = 0;
        for (const r of rows) {
          const summary = rewrite(r.summary);
          if (summary === r.summary) continue;
          store.rewriteSummary(r.seq, summary);
          rewritten++;
        }
        return { brokenAt: before.brokenAt, rewritten };
      }
      let prev = prevMac;
      for (const r of rows) {
        const next = { ...r, summary: rewrite(r.summary) };
        const mac = macOf(key, prev, next);
        store.rewrite(r.seq, next.summary, mac, r.mac, rechainSeq);
        prev = mac;
      }
      const result: Rechain = {
        from: rows[0]!.seq,
        to: last.seq,
        oldHead: last.mac,
        newHead: prev,
        reason,
      };
      record({ actor: null, action: RECHAIN_ACTION, target: null, summary: { ...result } });
      return { ...result, rechainSeq };
    },
    /** Every re-chaining so far, oldest first, with the seq of its record. */
    rechains: (): (Rechain & { seq: number })[] =>
      store.byAction(RECHAIN_ACTION).map((r) => ({ ...rechainOf(r), seq: r.seq })),
    /** Places a logged head: a record of today's chain, one a re-chaining replaced, or unknown. */
    place(head: string): AnchorPlace {
      if (head === GENESIS) return { kind: 'genesis' };
      const now = store.byMac(head);
      if (now) return { kind: 'current', seq: now.seq };
      const old = store.superseded(head);
      const rec = old ? store.bySeq(old.rechainSeq) : undefined;
      if (!old || !rec || rec.action !== RECHAIN_ACTION) return { kind: 'unknown' };
      return { kind: 'rechained', seq: old.seq, rechainSeq: old.rechainSeq, rechain: rechainOf(rec) };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
