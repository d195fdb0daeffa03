import type { SuiteId } from '../services/shared/crypto/index.js';
import type { Db } from './db.js';

export interface AuditRow {
  seq: number;
  at: number;
  actor: string | null;
  action: string;
  target: string | null;
  summary: string;
  mac: string;
  /** The crypto suite of this record's MAC (migration 012). */
  suite: SuiteId;
}

/** A MAC replaced by a re-chaining (migration 008). */
export interface Superseded {
  rechainSeq: number;
  seq: number;
  oldMac: string;
}

/** The audit log rows; the chain's MACs are computed by the audit service. */
export function createAuditStore(db: Db) {
  const last = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, target, summary, mac, suite) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const page = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?',
  );
  const pageOf = db.prepare<[string, number, number], AuditRow>(
    `SELECT * FROM audit_log WHERE actor IN (SELECT value FROM json_each(?))
     ORDER BY seq DESC LIMIT ? OFFSET ?`,
  );
  const countOf = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM audit_log WHERE actor IN (SELECT value FROM json_each(?))',
  );
  const rewrite = db.prepare('UPDATE audit_log SET summary = ?, mac = ? WHERE seq = ?');
  const supersede = db.prepare('INSERT INTO audit_superseded (rechain_seq, seq, old_mac) VALUES (?, ?, ?)');
  const rewriteSummary = db.prepare('UPDATE audit_log SET summary = ? WHERE seq = ?');
  const byMac = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE mac = ?');
  const superseded = db.prepare<[string], Superseded>(
    `SELECT rechain_seq AS rechainSeq, seq, old_mac AS oldMac FROM audit_superseded
     WHERE old_mac = ? ORDER BY rechain_seq LIMIT 1`,
  );
  const from = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq');
  const range = db.prepare<[number, number, number], AuditRow>(
    'SELECT * FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?',
  );
  const bySeq = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq = ?');
  const byAction = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE action = ? ORDER BY seq');
  return {
    last: () => last.get(),
    /** Re-chaining only (auditService.rechain): a record's new summary and MAC, the old MAC kept. */
    rewrite: (seq: number, summary: string, mac: string, oldMac: string, rechainSeq: number) => {
      supersede.run(rechainSeq, seq, oldMac);
      rewrite.run(summary, mac, seq);
    },
    /** A summary rewritten without its MAC (a chain already broken is left broken). */
    rewriteSummary: (seq: number, summary: string) => rewriteSummary.run(summary, seq),
    byMac: (mac: string) => byMac.get(mac),
    superseded: (oldMac: string) => superseded.get(oldMac),
    byAction: (action: string) => byAction.all(action),
    bySeq: (seq: number) => bySeq.get(seq),
    from: (seq: number) => from.all(seq),
    /** At most `limit` records from `fromSeq` up to `toSeq`, in order (a chunk of a long walk). */
    range: (fromSeq: number, toSeq: number, limit: number) => range.all(fromSeq, toSeq, limit),
    insert: (r: Omit<AuditRow, 'seq'>) =>
      insert.run(r.at, r.actor, r.action, r.target, r.summary, r.mac, r.suite),
    iterate: () => all.iterate(),
    page: (limit: number, offset: number) => page.all(limit, offset),
    /** The records of these actors only, newest first, and how many there are. */
    pageOf: (actors: string[], limit: number, offset: number) => ({
      rows: pageOf.all(JSON.stringify(actors), limit, offset),
      total: countOf.get(JSON.stringify(actors))?.n ?? 0,
    }),
  };
}
export type AuditStore = ReturnType<typeof createAuditStore>;
