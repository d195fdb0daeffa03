import { maskDeep, maskIdentifiers } from '../../../core/credit/mask.js';
import type { Clock } from '../../clock.js';
import type { AuditRow, AuditStore } from '../../store/auditStore.js';
import { macWith, type SuiteId } from './crypto/index.js';

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
/** The record that starts a chain's run in another crypto suite; it names the last head of the old one. */
export const SUITE_SWITCH_ACTION = 'audit.suite';

/** What a suite switch record says. */
export interface SuiteSwitch {
  from: SuiteId;
  to: SuiteId;
  /** The MAC of the last record made in `from`. */
  lastHead: string;
}

type Chained = Omit<AuditRow, 'mac' | 'seq' | 'suite'> & { seq: number; suite?: SuiteId };

/**
 * The MAC of one record chained to the previous MAC, in the record's own suite; exported for
 * tests that build old chains. A `gm` record's MAC covers its suite too, so that no record can be
 * passed off as made in the other suite; `standard` records keep the form they always had.
 */
export function macOf(key: Buffer, prev: string, r: Chained): string {
  const suite = r.suite ?? 'standard';
  const fields: unknown[] = [prev, r.seq, r.at, r.actor, r.action, r.target, r.summary];
  if (suite !== 'standard') fields.push(suite);
  return macWith(suite, key, JSON.stringify(fields)).toString('hex');
}

/** The tamper-evident audit log: each record's HMAC covers itself and the previous record's MAC. */
/**
 * Whether a record may follow one of `suite`: in the same suite, or as the switch record that
 * names the previous head and moves the chain to its own suite.
 */
function suiteFollows(prevSuite: SuiteId, prevMac: string, r: AuditRow): boolean {
  if (r.action !== SUITE_SWITCH_ACTION) return r.suite === prevSuite;
  try {
    const s = JSON.parse(r.summary) as SuiteSwitch;
    return s.from === prevSuite && s.to === r.suite && s.lastHead === prevMac && r.suite !== prevSuite;
  } catch {
    return false;
  }
}

/**
 * The tamper-evident audit log: each record's HMAC covers itself and the previous record's MAC,
 * in the crypto suite it was made in (`suite`, HALLCAST_CRYPTO for new records).
 */
export type ChainCheck =
  | { ok: true; records: number; head: string; suites: SuiteId[] }
  | { ok: false; brokenAt: number; records: number };

/** Records checked between two yields of an asynchronous walk. */
const VERIFY_CHUNK = 2_000;

export function createAuditService(
  store: AuditStore,
  key: Buffer,
  clock: Clock,
  suite: SuiteId = 'standard',
) {
  /** The chain walk, one record at a time: `step` is false where it breaks. */
  function walker() {
    let prev = GENESIS;
    let prevSuite: SuiteId | null = null;
    const suites: SuiteId[] = [];
    let expectedSeq = 1;
    let n = 0;
    return {
      step(r: AuditRow): boolean {
        const followed =
          prevSuite === null ? r.action !== SUITE_SWITCH_ACTION : suiteFollows(prevSuite, prev, r);
        if (r.seq !== expectedSeq || !followed || macOf(key, prev, r) !== r.mac) return false;
        if (r.suite !== prevSuite) suites.push(r.suite);
        prev = r.mac;
        prevSuite = r.suite;
        expectedSeq = r.seq + 1;
        n++;
        return true;
      },
      broken: (seq: number): ChainCheck => ({ ok: false, brokenAt: seq, records: n }),
      done: (): ChainCheck => ({ ok: true, records: n, head: prev, suites }),
    };
  }
  function verify(): ChainCheck {
    const w = walker();
    for (const r of store.iterate()) if (!w.step(r)) return w.broken(r.seq);
    return w.done();
  }
  /**
   * The same walk in chunks, yielding to the event loop between them, up to the record that was
   * last when it started: for a request (the audit administrator's 校验), never a stall.
   */
  async function verifyAsync(): Promise<ChainCheck> {
    const w = walker();
    const last = store.last()?.seq ?? 0;
    for (let from = 1; from <= last; ) {
      const rows = store.range(from, last, VERIFY_CHUNK);
      if (rows.length === 0) break;
      for (const r of rows) if (!w.step(r)) return w.broken(r.seq);
      from = rows.at(-1)!.seq + 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return w.done();
  }
  function append(input: AuditInput, prev: AuditRow | undefined, inSuite: SuiteId): AuditRow {
    const row = {
      seq: (prev?.seq ?? 0) + 1,
      at: clock.now(),
      actor: input.actor,
      action: input.action,
      target: input.target == null ? null : maskIdentifiers(input.target),
      // The last guard: whatever a service passes, no identifier enters the log in full.
      summary: JSON.stringify(maskDeep(input.summary)),
      suite: inSuite,
    };
    const stored = { ...row, mac: macOf(key, prev?.mac ?? GENESIS, row) };
    store.insert(stored);
    return stored;
  }
  function record(input: AuditInput): string {
    let prev = store.last();
    // The first record since HALLCAST_CRYPTO changed: the switch record goes first, in the new suite.
    if (prev && prev.suite !== suite) {
      const sw: SuiteSwitch = { from: prev.suite, to: suite, lastHead: prev.mac };
      prev = append(
        { actor: null, action: SUITE_SWITCH_ACTION, target: null, summary: { ...sw } },
        prev,
        suite,
      );
    }
    return append(input, prev, suite).mac;
  }
  const rechainOf = (r: AuditRow): Rechain => JSON.parse(r.summary) as Rechain;
  return {
    /** Appends a record; call inside the service's transaction. */
    record,
    /** Walks the chain; returns the first broken record's seq, or null when intact. */
    verify,
    verifyAsync,
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
        // A suite switch names the head before it, which this re-chaining has just replaced.
        if (r.action === SUITE_SWITCH_ACTION)
          next.summary = JSON.stringify({ ...(JSON.parse(next.summary) as SuiteSwitch), lastHead: prev });
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
