-- Login failures name the user they were for, so a successful login clears only that user's
-- failures from its IP, never other users' per-IP count.
ALTER TABLE login_failures ADD COLUMN username TEXT;

-- Four eyes: everyone who created or changed a batch's or campaign's content since it was last
-- reviewed (cleared when the batch is published or the campaign approved). None of them may
-- approve, publish or accept an anomaly of it.
CREATE TABLE batch_authors (
  batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  PRIMARY KEY (batch_id, user_id)
) WITHOUT ROWID;

CREATE TABLE campaign_authors (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, user_id)
) WITHOUT ROWID;

-- What is still under review keeps the authors it is known to have.
INSERT OR IGNORE INTO batch_authors (batch_id, user_id, at)
  SELECT id, created_by, created_at FROM batches
  WHERE created_by IS NOT NULL AND status IN ('draft', 'submitted', 'approved', 'rejected');
INSERT OR IGNORE INTO campaign_authors (campaign_id, user_id, at)
  SELECT id, created_by, created_at FROM campaigns WHERE created_by IS NOT NULL AND status != 'approved';
INSERT OR IGNORE INTO campaign_authors (campaign_id, user_id, at)
  SELECT id, updated_by, updated_at FROM campaigns WHERE updated_by IS NOT NULL AND status != 'approved';
