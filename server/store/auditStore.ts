import type { Db } from './db.js';

export interface AuditRow {
  seq: number;
  at: number;
  actor: string | null;
  action: string;
  target: string | null;
  summary: string;
  mac: string;
}

/** The audit log rows; the chain's MACs are computed by the audit service. */
export function createAuditStore(db: Db) {
  const last = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, target, summary, mac) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const page = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?',
  );
  return {
    last: () => last.get(),
    insert: (r: Omit<AuditRow, 'seq'>) => insert.run(r.at, r.actor, r.action, r.target, r.summary, r.mac),
    iterate: () => all.iterate(),
    page: (limit: number, offset: number) => page.all(limit, offset),
  };
}
export type AuditStore = ReturnType<typeof createAuditStore>;
