/**
 * What must hold in the database file after the server died at any instant (read with a
 * read-only handle before the restart): SQLite's own integrity, and the lists' invariants —
 * no partial batch, a publication or withdrawal either fully happened or not at all.
 */
import Database from 'better-sqlite3';
import { dateIn } from '../core/time.js';

export interface DbFacts {
  problems: string[];
  batches: number;
  entries: number;
  revisions: Map<string, number>;
  batchStatus: Map<string, { status: string; entries: number; title: string }>;
}

const q = <T>(db: Database.Database, sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];

/** Reads the file read-only and answers every broken invariant as a sentence. */
export function checkDb(file: string, now = Date.now()): DbFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = q<{ table: string }>(db, 'PRAGMA foreign_key_check');
    if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows (${fk[0]!.table})`);

    // A batch is written with all its entries in one transaction: never one without entries,
    // and the count its import recorded in the audit log is the count stored.
    const empty = q<{ id: string }>(
      db,
      'SELECT id FROM batches b WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.batch_id = b.id)',
    );
    for (const b of empty) problems.push(`batch ${b.id} has no entries`);
    const imports = q<{ target: string; summary: string }>(
      db,
      "SELECT target, summary FROM audit_log WHERE action = 'batch.import'",
    );
    const counts = new Map(
      q<{ batch_id: string; n: number }>(
        db,
        'SELECT batch_id, count(*) AS n FROM entries GROUP BY batch_id',
      ).map((r) => [r.batch_id, r.n]),
    );
    const imported = new Set<string>();
    for (const a of imports) {
      imported.add(a.target);
      const want = (JSON.parse(a.summary) as { imported: number }).imported;
      const have = counts.get(a.target) ?? 0;
      const gone = q(db, 'SELECT 1 FROM batches WHERE id = ?', a.target).length === 0;
      if (!gone && have !== want)
        problems.push(`batch ${a.target}: import recorded ${want} entries, ${have} stored`);
    }
    const batches = q<{ id: string; status: string; title: string }>(
      db,
      'SELECT id, status, title FROM batches',
    );
    for (const b of batches) {
      if (!imported.has(b.id) && !b.title.startsWith('更正'))
        problems.push(`batch ${b.id} without its import record`);
    }
    // Every status step is audited in the same transaction as the step.
    const published = q<{ id: string }>(
      db,
      `SELECT id FROM batches b WHERE status IN ('published', 'archived') AND NOT EXISTS
         (SELECT 1 FROM audit_log a WHERE a.action = 'batch.publish' AND a.target = b.id)`,
    );
    for (const b of published) problems.push(`batch ${b.id} published without its audit record`);

    // The current datasets are exactly what is on display: a publish or withdrawal never half-done.
    const today = dateIn(now);
    const onDisplay = q<{ id: string; category_id: string }>(
      db,
      `SELECT e.id, e.category_id FROM entries e JOIN batches b ON b.id = e.batch_id JOIN categories c ON c.id = e.category_id
        WHERE b.status IN ('published', 'archived')
          AND (e.status = 'active' OR (e.status = 'objection-pending' AND c.objection_policy = 'keep'))
          AND e.publish_from <= ? AND e.publish_until >= ?
          AND (e.code_anomaly = 0 OR e.anomaly_accepted_by IS NOT NULL)`,
      today,
      today,
    );
    const shown = new Set<string>();
    for (const d of q<{ category_id: string; body: string | null }>(
      db,
      'SELECT c.category_id, d.body FROM current_datasets c LEFT JOIN datasets d ON d.hash = c.hash WHERE c.hash IS NOT NULL',
    )) {
      if (d.body === null) {
        problems.push(`current dataset of ${d.category_id} missing`);
        continue;
      }
      for (const e of (JSON.parse(d.body) as { entries: { id: string }[] }).entries) shown.add(e.id);
    }
    const want = new Set(onDisplay.map((e) => e.id));
    const missing = [...want].filter((id) => !shown.has(id));
    const extra = [...shown].filter((id) => !want.has(id));
    if (missing.length > 0) problems.push(`${missing.length} entries on display missing from the datasets`);
    if (extra.length > 0)
      problems.push(`${extra.length} entries in the datasets not on display (e.g. ${extra[0]})`);

    // A withdrawn entry has its takedown record; a takedown's entry is withdrawn.
    const noTakedown = q<{ id: string }>(
      db,
      `SELECT id FROM entries e WHERE status IN ('withdrawn', 'repaired')
         AND NOT EXISTS (SELECT 1 FROM takedowns t WHERE t.entry_id = e.id)`,
    );
    if (noTakedown.length > 0) problems.push(`${noTakedown.length} withdrawn entries without a takedown`);
    const stray = q<{ id: string }>(
      db,
      `SELECT t.id FROM takedowns t JOIN entries e ON e.id = t.entry_id WHERE e.status NOT IN ('withdrawn', 'repaired')`,
    );
    if (stray.length > 0) problems.push(`${stray.length} takedowns whose entry is still shown`);

    // A change bumps each screen's revision in its transaction: none recorded beyond the screen's.
    const ahead = q<{ screen_id: string }>(
      db,
      `SELECT cs.screen_id FROM change_screens cs JOIN screens s ON s.id = cs.screen_id WHERE cs.revision > s.revision`,
    );
    if (ahead.length > 0) problems.push(`${ahead.length} change rows ahead of their screen's revision`);

    const revisions = new Map(
      q<{ id: string; revision: number }>(db, 'SELECT id, revision FROM screens').map((r) => [
        r.id,
        r.revision,
      ]),
    );
    return {
      problems,
      batches: batches.length,
      entries: [...counts.values()].reduce((a, b) => a + b, 0),
      revisions,
      batchStatus: new Map(
        batches.map((b) => [b.id, { status: b.status, title: b.title, entries: counts.get(b.id) ?? 0 }]),
      ),
    };
  } finally {
    db.close();
  }
}
