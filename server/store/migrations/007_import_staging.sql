-- The import's duplicate check (batchStore.duplicates): each row is looked up by keyed hash,
-- category and decision number among active entries. Without this index the planner took
-- entries_category_status and walked the whole category for every row. It leads with code_hash,
-- so it also serves every lookup by hash alone and replaces entries_code_hash: one index more
-- on entries would cost every confirm of 100,000 rows seconds of random B-tree inserts.
CREATE INDEX entries_duplicate ON entries(code_hash, category_id, doc_no, status);
DROP INDEX entries_code_hash;

-- Import previews staged on disk until confirmed, abandoned or expired (creditImportService).
-- `rows` is reserved against the staging caps from the moment checking starts.
CREATE TABLE import_previews (
  id TEXT PRIMARY KEY,
  actor TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  category_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  rows INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('checking', 'ready', 'closed')),
  -- The preview's summary (ImportPreview without its sample), JSON, once ready.
  summary TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX import_previews_actor ON import_previews(actor, state);
CREATE INDEX import_previews_state ON import_previews(state, expires_at);

-- One checked row: `row` is the masked PreviewRow (JSON); `entry` what confirm writes, with the
-- identifier as its keyed hash and its masked display only (NULL when the row is not importable).
-- No foreign key: a closed preview's rows are deleted a slice at a time, never in one statement.
CREATE TABLE import_preview_rows (
  preview_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  row TEXT NOT NULL,
  entry TEXT,
  PRIMARY KEY (preview_id, seq)
);
CREATE INDEX import_preview_rows_status ON import_preview_rows(preview_id, status, seq);
