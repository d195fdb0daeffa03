import type { Db } from './db.js';

/**
 * Every stored column of free text that can reach a response (found in migrations 001-008):
 * plain text, and JSON whose strings are masked one by one (so the JSON stays valid).
 * audit_log.summary is left to the audit service (it is inside the MAC chain) and dataset bodies
 * are rebuilt from the entries instead (a hash names its content).
 */
const TEXT_COLUMNS: Record<string, string[]> = {
  users: ['display_name'],
  halls: ['name', 'repair_window_text'],
  media: ['original_name'],
  items: ['name'],
  playlists: ['name'],
  screen_groups: ['name'],
  screens: ['name'],
  units: ['name'],
  categories: ['name'],
  batches: ['title', 'source_name', 'review_comment'],
  entries: [
    'name',
    'name_display',
    'legal_rep',
    'reason',
    'basis',
    'doc_no',
    'authority',
    'status_reason',
    'status_doc_no',
    'anomaly_reason',
  ],
  changes: ['summary'],
  takedowns: ['reason', 'doc_no'],
  calendar_days: ['name'],
  api_keys: ['name'],
  campaigns: ['name', 'review_comment'],
  emergencies: ['title', 'body'],
  alerts: ['message'],
};
const JSON_COLUMNS: Record<string, string[]> = {
  items: ['spec'],
  campaigns: ['spec', 'approved_snapshot'],
  commands: ['args', 'result'],
};

export interface MaskedColumn {
  table: string;
  column: string;
  rows: number;
}

/** Rewrites stored free text in place (migration 008's boot step); call inside a transaction. */
export function createPrivacyStore(db: Db) {
  const columnsOf = (table: string) =>
    new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  function rewrite(table: string, column: string, fn: (v: string) => string): number {
    // Table and column names come from the constants above, never from input.
    const rows = db
      .prepare<[], { rid: number; v: string }>(
        `SELECT rowid AS rid, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`,
      )
      .all();
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
    let n = 0;
    for (const r of rows) {
      const next = fn(String(r.v));
      if (next === r.v) continue;
      update.run(next, r.rid);
      n++;
    }
    return n;
  }
  function each(spec: Record<string, string[]>, fn: (v: string) => string): MaskedColumn[] {
    const out: MaskedColumn[] = [];
    for (const [table, columns] of Object.entries(spec)) {
      const present = columnsOf(table);
      for (const column of columns) {
        if (!present.has(column)) continue;
        const rows = rewrite(table, column, fn);
        if (rows > 0) out.push({ table, column, rows });
      }
    }
    return out;
  }
  return {
    /** Masks plain-text columns with `text` and JSON columns with `json`; returns what changed. */
    maskAll: (text: (v: string) => string, json: (v: string) => string): MaskedColumn[] => [
      ...each(TEXT_COLUMNS, text),
      ...each(JSON_COLUMNS, json),
    ],
    /** Dataset rows no category shows any more whose body `carries` reports; returns how many went. */
    dropStaleDatasets(carries: (body: string) => boolean): number {
      const stale = db
        .prepare<[], { hash: string; body: string }>(
          'SELECT hash, body FROM datasets WHERE hash NOT IN (SELECT hash FROM current_datasets WHERE hash IS NOT NULL)',
        )
        .all()
        .filter((r) => carries(r.body));
      const del = db.prepare('DELETE FROM datasets WHERE hash = ?');
      for (const r of stale) del.run(r.hash);
      return stale.length;
    },
    /** Leaves no old copy of a rewritten value in free pages or the WAL (outside any transaction). */
    compact(): void {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
export type PrivacyStore = ReturnType<typeof createPrivacyStore>;
