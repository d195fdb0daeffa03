import type { ListType } from '../../core/credit/dataset.js';
import type { Decision } from '../../core/credit/entry.js';
import type { Batch, BatchStatus, EntryStatus } from '../../core/protocol/credit.js';
import { type Entry, type EntryRow, toEntry } from './creditStore.js';
import type { Db } from './db.js';

interface BatchRow {
  id: string;
  title: string;
  unit_id: string;
  unit_name: string;
  category_id: string;
  category_name: string;
  list_type: 'red' | 'black';
  status: BatchStatus;
  source_name: string;
  entries: number;
  anomalies: number;
  created_by: string | null;
  created_at: number;
  submitted_by: string | null;
  submitted_at: number | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  review_comment: string | null;
  published_at: number | null;
}

/** An entry row with its batch's status and its category (`ENTRY_SELECT`). */
interface FullEntryRow extends Omit<EntryRow, 'status'> {
  batch_status: BatchStatus;
  category_name: string;
  list_type: ListType;
  objection_policy: 'keep' | 'suspend';
  status: EntryStatus;
  status_reason: string | null;
  status_at: number | null;
  anomaly_accepted_by: string | null;
}
/** An entry with its batch's status, its category and its review state. */
export interface FullEntry extends Omit<Entry, 'status'> {
  batchStatus: BatchStatus;
  categoryName: string;
  listType: ListType;
  objectionPolicy: 'keep' | 'suspend';
  status: EntryStatus;
  statusReason: string | null;
  statusAt: number | null;
  anomalyAcceptedBy: string | null;
}
/** The entry fields an edit rewrites. */
export type EntryUpdate = Pick<FullEntry, 'id' | 'name' | 'nameDisplay' | keyof Decision>;

const toBatch = (r: BatchRow): Batch => ({
  id: r.id,
  title: r.title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  categoryId: r.category_id,
  categoryName: r.category_name,
  listType: r.list_type,
  status: r.status,
  sourceName: r.source_name,
  entries: r.entries,
  anomalies: r.anomalies,
  createdBy: r.created_by,
  createdAt: r.created_at,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  reviewComment: r.review_comment,
  publishedAt: r.published_at,
});
const toFullEntry = (r: FullEntryRow): FullEntry => ({
  ...toEntry(r),
  batchStatus: r.batch_status,
  categoryName: r.category_name,
  listType: r.list_type,
  objectionPolicy: r.objection_policy,
  status: r.status,
  statusReason: r.status_reason,
  statusAt: r.status_at,
  anomalyAcceptedBy: r.anomaly_accepted_by,
});

const BATCH_SELECT = `SELECT b.*, u.name AS unit_name, c.name AS category_name, c.list_type,
  (SELECT count(*) FROM entries e WHERE e.batch_id = b.id) AS entries,
  (SELECT count(*) FROM entries e WHERE e.batch_id = b.id AND e.code_anomaly = 1 AND e.anomaly_accepted_by IS NULL) AS anomalies
  FROM batches b JOIN units u ON u.id = b.unit_id JOIN categories c ON c.id = b.category_id`;
const ENTRY_SELECT = `SELECT e.*, b.status AS batch_status, c.name AS category_name, c.list_type, c.objection_policy
  FROM entries e JOIN batches b ON b.id = e.batch_id JOIN categories c ON c.id = e.category_id`;

/**
 * The import's duplicate check for a set of rows: which (keyed hash, decision number) pairs of
 * `@keys` (a JSON array of `[hash, docNo]`) already have an active entry in the category. The
 * CROSS JOIN keeps the keys as the outer loop, so each key is one probe of `entries_duplicate`
 * (migration 007): the cost grows with the rows looked up, not with the category's size.
 */
export const DUPLICATES_SQL = `SELECT DISTINCT e.code_hash AS hash, e.doc_no AS docNo
  FROM json_each(@keys) AS k CROSS JOIN entries e JOIN batches b ON b.id = e.batch_id
  WHERE e.category_id = @categoryId AND e.code_hash = json_extract(k.value, '$[0]')
    AND e.doc_no = json_extract(k.value, '$[1]') AND e.status IN ('active', 'objection-pending')
    AND b.status NOT IN ('rejected')`;

/** Batch lifecycle and entry queries for review, search and withdrawal. */
export function createBatchStore(db: Db) {
  const get = db.prepare<[string], BatchRow>(`${BATCH_SELECT} WHERE b.id = ?`);
  const list = db.prepare<[string, string], BatchRow>(
    `${BATCH_SELECT} WHERE (? = '' OR b.status = ?) ORDER BY b.created_at DESC LIMIT 500`,
  );
  const setStatus = db.prepare(
    `UPDATE batches SET status = @status,
       submitted_by = CASE WHEN @status = 'submitted' THEN @actor ELSE submitted_by END,
       submitted_at = CASE WHEN @status = 'submitted' THEN @at ELSE submitted_at END,
       reviewed_by = CASE WHEN @status IN ('approved', 'rejected') THEN @actor WHEN @status = 'draft' THEN NULL ELSE reviewed_by END,
       reviewed_at = CASE WHEN @status IN ('approved', 'rejected') THEN @at WHEN @status = 'draft' THEN NULL ELSE reviewed_at END,
       review_comment = CASE WHEN @status IN ('approved', 'rejected') THEN @comment ELSE review_comment END,
       published_at = CASE WHEN @status = 'published' THEN @at ELSE published_at END,
       archived_at = CASE WHEN @status = 'archived' THEN @at ELSE archived_at END
     WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM batches WHERE id = ?');
  const entry = db.prepare<[string], FullEntryRow>(`${ENTRY_SELECT} WHERE e.id = ?`);
  const entriesOf = db.prepare<[string, number, number], FullEntryRow>(
    `${ENTRY_SELECT} WHERE e.batch_id = ? ORDER BY e.row_number, e.id LIMIT ? OFFSET ?`,
  );
  const countOf = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM entries WHERE batch_id = ?');
  const byHash = db.prepare<[string], FullEntryRow>(
    `${ENTRY_SELECT} WHERE e.code_hash = ? AND b.status IN ('published', 'archived')`,
  );
  const search = db.prepare<
    { q: string; hashes: string; status: string; listType: string; limit: number; offset: number },
    FullEntryRow
  >(
    `${ENTRY_SELECT} WHERE (@q = '' OR e.name LIKE '%' || @q || '%' OR e.name_display LIKE '%' || @q || '%' OR e.code_hash IN (SELECT value FROM json_each(@hashes)) OR e.doc_no = @q)
       AND (@status = '' OR e.status = @status) AND (@listType = '' OR c.list_type = @listType)
     ORDER BY e.decision_date DESC, e.id LIMIT @limit OFFSET @offset`,
  );
  const searchCount = db.prepare<
    { q: string; hashes: string; status: string; listType: string },
    { n: number }
  >(
    `SELECT count(*) AS n FROM entries e JOIN categories c ON c.id = e.category_id
     WHERE (@q = '' OR e.name LIKE '%' || @q || '%' OR e.name_display LIKE '%' || @q || '%' OR e.code_hash IN (SELECT value FROM json_each(@hashes)) OR e.doc_no = @q)
       AND (@status = '' OR e.status = @status) AND (@listType = '' OR c.list_type = @listType)`,
  );
  const duplicates = db.prepare<{ keys: string; categoryId: string }, { hash: string; docNo: string }>(
    DUPLICATES_SQL,
  );
  const setEntryStatus = db.prepare(
    'UPDATE entries SET status = @status, status_by = @actor, status_at = @at, status_reason = @reason, status_doc_no = @docNo WHERE id = @id',
  );
  const acceptAnomaly = db.prepare(
    'UPDATE entries SET anomaly_accepted_by = ?, anomaly_reason = ? WHERE id = ?',
  );
  const updateEntry = db.prepare(
    `UPDATE entries SET name = @name, name_display = @nameDisplay, legal_rep = @legalRep, reason = @reason, basis = @basis,
       doc_no = @docNo, authority = @authority, decision_date = @decisionDate, severity = @severity,
       publish_from = @publishFrom, publish_until = @publishUntil, rule_set_version = @ruleSetVersion WHERE id = @id`,
  );
  const unaccepted = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM entries WHERE batch_id = ? AND code_anomaly = 1 AND anomaly_accepted_by IS NULL',
  );
  const publishedBatches = db.prepare<[], { id: string }>(
    "SELECT id FROM batches WHERE status = 'published'",
  );
  const onDisplayCount = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM entries e JOIN categories c ON c.id = e.category_id WHERE e.batch_id = ?
       AND (e.status = 'active' OR (e.status = 'objection-pending' AND c.objection_policy = 'keep'))
       AND e.publish_until >= ? AND (e.code_anomaly = 0 OR e.anomaly_accepted_by IS NOT NULL)`,
  );
  const future = db.prepare<[string, string], { n: number }>(
    "SELECT count(*) AS n FROM entries WHERE batch_id = ? AND publish_from > ? AND status IN ('active', 'objection-pending')",
  );
  const expire = db.prepare(
    "UPDATE entries SET status = 'expired', status_at = ? WHERE status = 'active' AND publish_until < ?",
  );
  return {
    get: (id: string) => {
      const r = get.get(id);
      return r ? toBatch(r) : undefined;
    },
    list: (status = '') => list.all(status, status).map(toBatch),
    setStatus: (p: {
      id: string;
      status: BatchStatus;
      actor: string | null;
      at: number;
      comment?: string | null;
    }) => setStatus.run({ comment: null, ...p }),
    remove: (id: string) => remove.run(id),
    entry: (id: string) => {
      const r = entry.get(id);
      return r ? toFullEntry(r) : undefined;
    },
    entries: (batchId: string, limit: number, offset: number) =>
      entriesOf.all(batchId, limit, offset).map(toFullEntry),
    entryCount: (batchId: string) => countOf.get(batchId)?.n ?? 0,
    publishedByHash: (hash: string) => byHash.all(hash).map(toFullEntry),
    /** `hashes`: the query's identifier hash in each suite entries use (none when q is no code). */
    search: ({
      hashes,
      ...p
    }: {
      q: string;
      hashes: string[];
      status: string;
      listType: string;
      limit: number;
      offset: number;
    }) => {
      const params = { ...p, hashes: JSON.stringify(hashes) };
      return {
        total: searchCount.get(params)?.n ?? 0,
        rows: search.all(params).map(toFullEntry),
      };
    },
    /**
     * Of these (keyed hash, decision number) pairs, those with an active entry in the category,
     * as `hash|docNo` keys: one statement for the whole set.
     */
    duplicates: (categoryId: string, keys: readonly (readonly [hash: string, docNo: string])[]) => {
      const found = new Set<string>();
      if (keys.length === 0) return found;
      for (const r of duplicates.all({ keys: JSON.stringify(keys), categoryId }))
        found.add(`${r.hash}|${r.docNo}`);
      return found;
    },
    setEntryStatus: (p: {
      id: string;
      status: EntryStatus;
      actor: string | null;
      at: number;
      reason: string | null;
      docNo: string | null;
    }) => setEntryStatus.run(p),
    acceptAnomaly: (id: string, actor: string, reason: string) => acceptAnomaly.run(actor, reason, id),
    updateEntry: (e: EntryUpdate) => updateEntry.run(e),
    unacceptedAnomalies: (batchId: string) => unaccepted.get(batchId)?.n ?? 0,
    publishedBatchIds: () => publishedBatches.all().map((r) => r.id),
    onDisplayCount: (batchId: string, today: string) => onDisplayCount.get(batchId, today)?.n ?? 0,
    hasFutureEntries: (batchId: string, today: string) => (future.get(batchId, today)?.n ?? 0) > 0,
    /** Marks entries past their window expired; returns how many. */
    expireBefore: (today: string, at: number) => expire.run(at, today).changes,
  };
}
export type BatchStore = ReturnType<typeof createBatchStore>;
