import type { ListField, ListType, SubjectType } from '../../core/credit/dataset.js';
import type { Decision } from '../../core/credit/entry.js';
import type { SuiteId } from '../services/shared/crypto/index.js';
import type { Db } from './db.js';

interface CategoryRow {
  id: string;
  name: string;
  list_type: ListType;
  window_rules: string;
  mask_policy: string;
  objection_policy: 'keep' | 'suspend';
  publish_person_name: number;
  fields: string;
  sort: number;
}
export interface Category {
  id: string;
  name: string;
  listType: ListType;
  windowRules: unknown;
  maskPolicy: unknown;
  objectionPolicy: 'keep' | 'suspend';
  publishPersonName: boolean;
  fields: ListField[];
  sort: number;
}
export interface EntryRow {
  id: string;
  batch_id: string;
  category_id: string;
  row_number: number | null;
  subject_type: SubjectType;
  name: string;
  name_display: string;
  code_display: string;
  code_hash: string;
  /** The crypto suite of code_hash (migration 012). */
  code_suite: SuiteId;
  legal_rep: string;
  reason: string;
  basis: string;
  doc_no: string;
  authority: string;
  decision_date: string;
  severity: string | null;
  publish_from: string;
  publish_until: string;
  rule_set_version: string;
  status: string;
  consent: number;
  code_anomaly: number;
  flags: string;
  created_at: number;
}
/** A list entry (table `entries`), as services read it. */
export interface Entry extends Decision {
  id: string;
  batchId: string;
  categoryId: string;
  rowNumber: number | null;
  subjectType: SubjectType;
  name: string;
  nameDisplay: string;
  codeDisplay: string;
  codeHash: string;
  codeSuite: SuiteId;
  status: string;
  consent: boolean;
  codeAnomaly: boolean;
  flags: string[];
  createdAt: number;
}
/** What `insertEntry` writes: an entry without its status (a new entry is active). */
export type NewEntry = Omit<Entry, 'status'>;

/** The one mapping of an `entries` row. */
export const toEntry = (r: EntryRow): Entry => ({
  id: r.id,
  batchId: r.batch_id,
  categoryId: r.category_id,
  rowNumber: r.row_number,
  subjectType: r.subject_type,
  name: r.name,
  nameDisplay: r.name_display,
  codeDisplay: r.code_display,
  codeHash: r.code_hash,
  codeSuite: r.code_suite,
  legalRep: r.legal_rep,
  reason: r.reason,
  basis: r.basis,
  docNo: r.doc_no,
  authority: r.authority,
  decisionDate: r.decision_date,
  severity: r.severity,
  publishFrom: r.publish_from,
  publishUntil: r.publish_until,
  ruleSetVersion: r.rule_set_version,
  status: r.status,
  consent: r.consent === 1,
  codeAnomaly: r.code_anomaly === 1,
  flags: JSON.parse(r.flags) as string[],
  createdAt: r.created_at,
});
const newEntryRow = (e: NewEntry): Omit<EntryRow, 'status'> => ({
  id: e.id,
  batch_id: e.batchId,
  category_id: e.categoryId,
  row_number: e.rowNumber,
  subject_type: e.subjectType,
  name: e.name,
  name_display: e.nameDisplay,
  code_display: e.codeDisplay,
  code_hash: e.codeHash,
  code_suite: e.codeSuite,
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
  consent: e.consent ? 1 : 0,
  code_anomaly: e.codeAnomaly ? 1 : 0,
  flags: JSON.stringify(e.flags),
  created_at: e.createdAt,
});

interface ImportPreviewRow {
  id: string;
  actor: string;
  unit_id: string;
  category_id: string;
  file_name: string;
  rows: number;
  state: 'checking' | 'ready' | 'closed';
  summary: string | null;
  created_at: number;
  expires_at: number;
}
/** A staged import preview (migration 007); `summary` is its JSON once checked. */
export interface StagedPreview {
  id: string;
  actor: string;
  unitId: string;
  categoryId: string;
  fileName: string;
  rows: number;
  state: ImportPreviewRow['state'];
  summary: string | null;
  createdAt: number;
  expiresAt: number;
}
const toStagedPreview = (r: ImportPreviewRow): StagedPreview => ({
  id: r.id,
  actor: r.actor,
  unitId: r.unit_id,
  categoryId: r.category_id,
  fileName: r.file_name,
  rows: r.rows,
  state: r.state,
  summary: r.summary,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

/**
 * What confirm writes for one importable row, staged with the preview: an entries row without
 * its ids and times, the identifier only as its keyed hash and masked display. Stored as a JSON
 * array in this order (keys would be a third of every row); confirm copies it into entries in
 * one INSERT … SELECT.
 */
export const STAGED_FIELDS = [
  'row_number',
  'subject_type',
  'name',
  'name_display',
  'code_display',
  'code_hash',
  'legal_rep',
  'reason',
  'basis',
  'doc_no',
  'authority',
  'decision_date',
  'severity',
  'publish_from',
  'publish_until',
  'rule_set_version',
  'code_anomaly',
  'flags',
  'code_suite',
] as const satisfies readonly (keyof EntryRow)[];
/** The fields of an entry that are staged (STAGED_FIELDS' columns). */
export type StagedEntry = Omit<NewEntry, 'id' | 'batchId' | 'categoryId' | 'consent' | 'createdAt'>;
/** Packs a staged entry as its columns' values in STAGED_FIELDS order (the same mapping as an insert). */
export const packStagedEntry = (e: StagedEntry): string => {
  const row = newEntryRow({ ...e, id: '', batchId: '', categoryId: '', consent: true, createdAt: 0 });
  return JSON.stringify(STAGED_FIELDS.map((k) => row[k]));
};
/** The staged array's element i; rows staged before migration 012 have no suite and were hashed in standard. */
const stagedValue = (field: (typeof STAGED_FIELDS)[number], i: number) =>
  field === 'code_suite' ? `coalesce(s.entry ->> ${i}, 'standard')` : `s.entry ->> ${i}`;
/** A random UUID v4 per row, made by SQLite (the ids confirm gives the entries it copies). */
const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/** One staged row: the masked preview row and, if importable, what confirm writes (both JSON). */
export interface StagedRow {
  seq: number;
  status: string;
  row: string;
  entry: string | null;
}

const toCategory = (r: CategoryRow): Category => ({
  id: r.id,
  name: r.name,
  listType: r.list_type,
  windowRules: JSON.parse(r.window_rules),
  maskPolicy: JSON.parse(r.mask_policy),
  objectionPolicy: r.objection_policy,
  publishPersonName: r.publish_person_name === 1,
  fields: JSON.parse(r.fields) as ListField[],
  sort: r.sort,
});

/** A category's statement parameters: its JSON columns as text, the flag as 0/1. */
const categoryParams = (c: Omit<Category, 'sort'>) => ({
  ...c,
  windowRules: JSON.stringify(c.windowRules),
  maskPolicy: JSON.stringify(c.maskPolicy),
  publishPersonName: c.publishPersonName ? 1 : 0,
  fields: JSON.stringify(c.fields),
});

/** Member units, categories, batches and entries. */
export function createCreditStore(db: Db) {
  const insertUnit = db.prepare('INSERT OR IGNORE INTO units (id, name, created_at) VALUES (?, ?, ?)');
  const unitByName = db.prepare<[string], { id: string; name: string }>(
    'SELECT id, name FROM units WHERE name = ?',
  );
  const units = db.prepare<[], { id: string; name: string }>(
    'SELECT id, name FROM units ORDER BY created_at, name',
  );
  const insertCategory = db.prepare(
    `INSERT INTO categories (id, name, list_type, window_rules, mask_policy, objection_policy, publish_person_name, fields, sort, created_at)
     VALUES (@id, @name, @listType, @windowRules, @maskPolicy, @objectionPolicy, @publishPersonName, @fields, @sort, @createdAt)`,
  );
  const updateCategory = db.prepare(
    `UPDATE categories SET name = @name, list_type = @listType, window_rules = @windowRules, mask_policy = @maskPolicy,
       objection_policy = @objectionPolicy, publish_person_name = @publishPersonName, fields = @fields WHERE id = @id`,
  );
  const categories = db.prepare<[], CategoryRow>(
    'SELECT * FROM categories ORDER BY list_type DESC, sort, name',
  );
  const category = db.prepare<[string], CategoryRow>('SELECT * FROM categories WHERE id = ?');
  const insertBatch = db.prepare(
    `INSERT INTO batches (id, title, unit_id, category_id, status, source_name, created_by, created_at)
     VALUES (@id, @title, @unitId, @categoryId, @status, @sourceName, @createdBy, @createdAt)`,
  );
  const publishBatch = db.prepare("UPDATE batches SET status = 'published', published_at = ? WHERE id = ?");
  const insertEntry = db.prepare(
    `INSERT INTO entries (id, batch_id, category_id, row_number, subject_type, name, name_display, code_display, code_hash, code_suite,
       legal_rep, reason, basis, doc_no, authority, decision_date, severity, publish_from, publish_until, rule_set_version,
       consent, code_anomaly, flags, created_at)
     VALUES (@id, @batch_id, @category_id, @row_number, @subject_type, @name, @name_display, @code_display, @code_hash, @code_suite,
       @legal_rep, @reason, @basis, @doc_no, @authority, @decision_date, @severity, @publish_from, @publish_until,
       @rule_set_version, @consent, @code_anomaly, @flags, @created_at)`,
  );
  // What screens show (docs/DOMAIN.md "Lists, batches and entries"): published, inside the window, not withdrawn or suspended.
  const onDisplay = db.prepare<{ categoryId: string; today: string }, EntryRow>(
    `SELECT e.* FROM entries e JOIN batches b ON b.id = e.batch_id JOIN categories c ON c.id = e.category_id
     WHERE e.category_id = @categoryId AND b.status IN ('published', 'archived')
       AND (e.status = 'active' OR (e.status = 'objection-pending' AND c.objection_policy = 'keep'))
       AND e.publish_from <= @today AND e.publish_until >= @today
       AND (e.code_anomaly = 0 OR e.anomaly_accepted_by IS NOT NULL)
     ORDER BY e.decision_date DESC, e.id`,
  );
  const suiteInUse = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM entries WHERE code_suite = ? LIMIT 1',
  );
  return {
    staging: createImportStaging(db),
    /** Whether some entry's code_hash is in this suite (one scan, stopping at the first). */
    codeSuiteInUse: (suite: SuiteId) => suiteInUse.get(suite) !== undefined,
    insertUnit: (id: string, name: string, at: number) => insertUnit.run(id, name, at),
    unitByName: (name: string) => unitByName.get(name),
    listUnits: () => units.all(),
    insertCategory: (c: Category, createdAt: number) =>
      insertCategory.run({ ...categoryParams(c), createdAt }),
    updateCategory: (c: Omit<Category, 'sort'>) => updateCategory.run(categoryParams(c)),
    listCategories: () => categories.all().map(toCategory),
    getCategory: (id: string) => {
      const r = category.get(id);
      return r ? toCategory(r) : undefined;
    },
    insertBatch: (b: {
      id: string;
      title: string;
      unitId: string;
      categoryId: string;
      status: string;
      sourceName: string;
      createdBy: string | null;
      createdAt: number;
    }) => insertBatch.run(b),
    publishBatch: (id: string, at: number) => publishBatch.run(at, id),
    insertEntry: (e: NewEntry) => insertEntry.run(newEntryRow(e)),
    entriesOnDisplay: (categoryId: string, today: string) =>
      onDisplay.all({ categoryId, today }).map(toEntry),
  };
}
export type CreditStore = ReturnType<typeof createCreditStore>;

/**
 * Import previews staged on disk: masked rows and, for confirm, entries with the identifier's
 * keyed hash only. A closed preview's rows are deleted a slice at a time (`deleteRows`).
 */
function createImportStaging(db: Db) {
  const open = db.prepare(
    `INSERT INTO import_previews (id, actor, unit_id, category_id, file_name, rows, state, created_at, expires_at)
     VALUES (@id, @actor, @unitId, @categoryId, @fileName, @rows, 'checking', @createdAt, @expiresAt)`,
  );
  const addRow = db.prepare(
    'INSERT INTO import_preview_rows (preview_id, seq, status, row, entry) VALUES (?, ?, ?, ?, ?)',
  );
  const addRows = db.transaction((id: string, rows: readonly StagedRow[]) => {
    for (const r of rows) addRow.run(id, r.seq, r.status, r.row, r.entry);
  });
  const ready = db.prepare(
    "UPDATE import_previews SET state = 'ready', summary = ?, expires_at = ? WHERE id = ? AND state = 'checking'",
  );
  const get = db.prepare<[string], ImportPreviewRow>('SELECT * FROM import_previews WHERE id = ?');
  const rowsAll = db.prepare<[string, number, number], { row: string }>(
    'SELECT row FROM import_preview_rows WHERE preview_id = ? ORDER BY seq LIMIT ? OFFSET ?',
  );
  const rowsByStatus = db.prepare<[string, string, number, number], { row: string }>(
    'SELECT row FROM import_preview_rows WHERE preview_id = ? AND status = ? ORDER BY seq LIMIT ? OFFSET ?',
  );
  // The select list comes from STAGED_FIELDS (a constant), never from input.
  const confirmInto = db.prepare<{ previewId: string; batchId: string; categoryId: string; now: number }>(
    `INSERT INTO entries (id, batch_id, category_id, ${STAGED_FIELDS.join(', ')}, consent, created_at)
     SELECT ${SQL_UUID}, @batchId, @categoryId, ${STAGED_FIELDS.map(stagedValue).join(', ')}, 1, @now
     FROM import_preview_rows s WHERE s.preview_id = @previewId AND s.entry IS NOT NULL ORDER BY s.seq`,
  );
  const close = db.prepare("UPDATE import_previews SET state = 'closed' WHERE id = ? AND state <> 'closed'");
  const closeExpired = db.prepare(
    "UPDATE import_previews SET state = 'closed' WHERE state = 'ready' AND expires_at <= ?",
  );
  const closeAbandoned = db.prepare(
    `UPDATE import_previews SET state = 'closed' WHERE state = 'checking' AND created_at < ?
       AND id NOT IN (SELECT value FROM json_each(?))`,
  );
  const closed = db.prepare<[], { id: string }>("SELECT id FROM import_previews WHERE state = 'closed'");
  const deleteRows = db.prepare(
    `DELETE FROM import_preview_rows WHERE rowid IN
       (SELECT rowid FROM import_preview_rows WHERE preview_id = ? LIMIT ?)`,
  );
  const remove = db.prepare("DELETE FROM import_previews WHERE id = ? AND state = 'closed'");
  const stagedBy = db.prepare<[string], { n: number | null; next: number | null }>(
    `SELECT sum(rows) AS n, min(CASE WHEN state = 'ready' THEN expires_at END) AS next
     FROM import_previews WHERE actor = ? AND state IN ('checking', 'ready')`,
  );
  const stagedAll = db.prepare<[], { n: number | null; next: number | null }>(
    `SELECT sum(rows) AS n, min(CASE WHEN state = 'ready' THEN expires_at END) AS next
     FROM import_previews WHERE state IN ('checking', 'ready')`,
  );
  const readyOf = db.prepare<[string], ImportPreviewRow>(
    "SELECT * FROM import_previews WHERE actor = ? AND state = 'ready' ORDER BY created_at DESC",
  );
  const totals = (r: { n: number | null; next: number | null } | undefined) => ({
    rows: r?.n ?? 0,
    nextExpiry: r?.next ?? null,
  });
  return {
    open: (p: Omit<StagedPreview, 'state' | 'summary'>) => open.run(p),
    addRows: (id: string, rows: readonly StagedRow[]) => addRows(id, rows),
    ready: (id: string, summary: string, expiresAt: number) => ready.run(summary, expiresAt, id).changes > 0,
    get: (id: string) => {
      const r = get.get(id);
      return r ? toStagedPreview(r) : undefined;
    },
    rows: (id: string, status: string, limit: number, offset: number) =>
      (status ? rowsByStatus.all(id, status, limit, offset) : rowsAll.all(id, limit, offset)).map(
        (r) => r.row,
      ),
    /** Copies a preview's importable rows into entries of the batch, in file order; returns how many. */
    confirmInto: (p: { previewId: string; batchId: string; categoryId: string; now: number }) =>
      confirmInto.run(p).changes,
    close: (id: string) => close.run(id).changes > 0,
    closeExpired: (now: number) => closeExpired.run(now).changes,
    /**
     * Closes previews still `checking` since before `before` that no live check holds (`live`):
     * left by a server that stopped while checking.
     */
    closeAbandonedChecks: (before: number, live: readonly string[]) =>
      closeAbandoned.run(before, JSON.stringify(live)).changes,
    closedIds: () => closed.all().map((r) => r.id),
    /** Deletes up to `limit` rows of a preview; returns how many. */
    deleteRows: (id: string, limit: number) => deleteRows.run(id, limit).changes,
    remove: (id: string) => remove.run(id).changes > 0,
    /** Rows held by a user's open previews (checking ones count from the start), and the next expiry. */
    stagedBy: (actor: string) => totals(stagedBy.get(actor)),
    stagedAll: () => totals(stagedAll.get()),
    readyOf: (actor: string) => readyOf.all(actor).map(toStagedPreview),
  };
}
