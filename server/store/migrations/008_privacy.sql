-- Steps that need code (masking stored text, re-chaining the audit log) run once at boot after
-- the SQL migrations and are recorded here (server/store/db.ts runBootSteps).
CREATE TABLE boot_steps (
  name TEXT PRIMARY KEY,
  applied_at INTEGER NOT NULL,
  result TEXT NOT NULL DEFAULT '{}'
);

-- The MACs a re-chaining replaced, so an anchor logged before it (HALLCAST_AUDIT_ANCHOR_MS) is
-- still explained: it names a record of the old chain, re-chained by record `rechain_seq`.
CREATE TABLE audit_superseded (
  rechain_seq INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  old_mac TEXT NOT NULL,
  PRIMARY KEY (rechain_seq, seq)
);
CREATE INDEX audit_superseded_mac ON audit_superseded (old_mac);
CREATE INDEX audit_log_mac ON audit_log (mac);
