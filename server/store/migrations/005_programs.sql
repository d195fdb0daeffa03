-- Campaigns (宣传活动) with their approved snapshot, and emergency notices.
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- The editable version: CampaignInput as JSON (dates, dayparts, targets, playlists, ...).
  spec TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_by TEXT REFERENCES users(id),
  updated_at INTEGER NOT NULL,
  submitted_by TEXT REFERENCES users(id),
  submitted_at INTEGER,
  reviewed_by TEXT REFERENCES users(id),
  reviewed_at INTEGER,
  review_comment TEXT,
  -- The version screens play: campaign, its playlists and items as approved (JSON); kept while
  -- an edit waits for review.
  approved_snapshot TEXT,
  approved_by TEXT REFERENCES users(id),
  approved_at INTEGER
);
CREATE INDEX campaigns_status ON campaigns(status);

CREATE TABLE emergencies (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  targets TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  change_id TEXT REFERENCES changes(id),
  reverted_by TEXT REFERENCES users(id),
  reverted_at INTEGER,
  revert_change_id TEXT REFERENCES changes(id)
);
CREATE INDEX emergencies_expires ON emergencies(expires_at);
