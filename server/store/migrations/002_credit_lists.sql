-- Member units, categories, batches and entries of the joint reward/punishment lists.
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  list_type TEXT NOT NULL CHECK (list_type IN ('red', 'black')),
  window_rules TEXT NOT NULL,
  mask_policy TEXT NOT NULL,
  objection_policy TEXT NOT NULL DEFAULT 'keep' CHECK (objection_policy IN ('keep', 'suspend')),
  publish_person_name INTEGER NOT NULL DEFAULT 0,
  fields TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE batches (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units(id),
  category_id TEXT NOT NULL REFERENCES categories(id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'published', 'archived')),
  source_name TEXT NOT NULL DEFAULT '',
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  submitted_by TEXT REFERENCES users(id),
  submitted_at INTEGER,
  reviewed_by TEXT REFERENCES users(id),
  reviewed_at INTEGER,
  review_comment TEXT,
  published_at INTEGER,
  archived_at INTEGER
);
CREATE INDEX batches_status ON batches(status);

CREATE TABLE entries (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  category_id TEXT NOT NULL REFERENCES categories(id),
  row_number INTEGER,
  subject_type TEXT NOT NULL CHECK (subject_type IN ('org', 'sole-trader', 'person')),
  name TEXT NOT NULL,
  name_display TEXT NOT NULL,
  code_display TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  legal_rep TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  basis TEXT NOT NULL DEFAULT '',
  doc_no TEXT NOT NULL,
  authority TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  severity TEXT,
  publish_from TEXT NOT NULL,
  publish_until TEXT NOT NULL,
  rule_set_version TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'repaired', 'withdrawn', 'expired', 'objection-pending')),
  status_by TEXT,
  status_at INTEGER,
  status_reason TEXT,
  status_doc_no TEXT,
  code_anomaly INTEGER NOT NULL DEFAULT 0,
  anomaly_accepted_by TEXT,
  anomaly_reason TEXT,
  consent INTEGER NOT NULL DEFAULT 0,
  supersedes_id TEXT REFERENCES entries(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX entries_batch ON entries(batch_id);
CREATE INDEX entries_code_hash ON entries(code_hash);
CREATE INDEX entries_category_status ON entries(category_id, status);

CREATE TABLE datasets (
  hash TEXT PRIMARY KEY,
  list_type TEXT NOT NULL,
  category_id TEXT NOT NULL REFERENCES categories(id),
  body TEXT NOT NULL,
  entries INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE current_datasets (
  category_id TEXT PRIMARY KEY REFERENCES categories(id),
  hash TEXT REFERENCES datasets(hash)
);
