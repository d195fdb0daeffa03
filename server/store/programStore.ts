import type { Item } from '../../core/manifest/types.js';
import type { CampaignInput, CampaignStatus, Targets } from '../../core/protocol/programs.js';
import type { Playlist } from '../../core/schedule/types.js';
import type { Db } from './db.js';

interface CampaignRow {
  id: string;
  name: string;
  spec: string;
  status: CampaignStatus;
  created_by: string | null;
  created_at: number;
  updated_by: string | null;
  updated_at: number;
  submitted_by: string | null;
  submitted_at: number | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  review_comment: string | null;
  approved_snapshot: string | null;
  approved_by: string | null;
  approved_at: number | null;
}

/** What screens play of a campaign: the campaign, its playlists and their items as approved. */
export interface CampaignSnapshot {
  campaign: CampaignInput;
  playlists: Playlist[];
  items: Item[];
}

interface EmergencyRow {
  id: string;
  title: string;
  body: string;
  targets: string;
  starts_at: number;
  expires_at: number;
  created_by: string | null;
  created_at: number;
  change_id: string | null;
  reverted_by: string | null;
  reverted_at: number | null;
  revert_change_id: string | null;
}

/**
 * A campaign as stored. `spec` and `approvedSnapshot` stay JSON text, parsed by `specOf` and
 * `snapshotOf` where needed: every manifest build reads the live campaigns, and the program feed
 * keeps parsed snapshots by their text.
 */
export interface CampaignRecord {
  id: string;
  name: string;
  spec: string;
  status: CampaignStatus;
  createdBy: string | null;
  createdAt: number;
  updatedBy: string | null;
  updatedAt: number;
  submittedBy: string | null;
  submittedAt: number | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  approvedSnapshot: string | null;
  approvedBy: string | null;
  approvedAt: number | null;
}

/** An emergency notice as stored, its targets parsed. */
export interface EmergencyRecord {
  id: string;
  title: string;
  body: string;
  targets: Targets;
  startsAt: number;
  expiresAt: number;
  createdBy: string | null;
  createdAt: number;
  changeId: string | null;
  revertedBy: string | null;
  revertedAt: number | null;
  revertChangeId: string | null;
}

const toCampaignRecord = (r: CampaignRow): CampaignRecord => ({
  id: r.id,
  name: r.name,
  spec: r.spec,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  reviewComment: r.review_comment,
  approvedSnapshot: r.approved_snapshot,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
});
const toEmergencyRecord = (r: EmergencyRow): EmergencyRecord => ({
  id: r.id,
  title: r.title,
  body: r.body,
  targets: JSON.parse(r.targets) as Targets,
  startsAt: r.starts_at,
  expiresAt: r.expires_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  changeId: r.change_id,
  revertedBy: r.reverted_by,
  revertedAt: r.reverted_at,
  revertChangeId: r.revert_change_id,
});

export const specOf = (c: CampaignRecord): CampaignInput => JSON.parse(c.spec) as CampaignInput;
export const snapshotOf = (c: CampaignRecord): CampaignSnapshot | null =>
  c.approvedSnapshot ? (JSON.parse(c.approvedSnapshot) as CampaignSnapshot) : null;

/** Campaigns (with their approved snapshots) and emergency notices. */
export function createProgramStore(db: Db) {
  const campaign = db.prepare<[string], CampaignRow>('SELECT * FROM campaigns WHERE id = ?');
  const campaigns = db.prepare<[], CampaignRow>('SELECT * FROM campaigns ORDER BY created_at DESC');
  const live = db.prepare<[], CampaignRow>(
    'SELECT * FROM campaigns WHERE approved_snapshot IS NOT NULL ORDER BY approved_at',
  );
  const snapshotsWith = db.prepare<[string], { id: string; name: string }>(
    "SELECT id, name FROM campaigns WHERE approved_snapshot LIKE '%' || ? || '%'",
  );
  const insertCampaign = db.prepare(
    `INSERT INTO campaigns (id, name, spec, status, created_by, created_at, updated_by, updated_at)
     VALUES (@id, @name, @spec, 'draft', @actor, @at, @actor, @at)`,
  );
  const updateSpec = db.prepare(
    'UPDATE campaigns SET name = @name, spec = @spec, status = @status, updated_by = @actor, updated_at = @at WHERE id = @id',
  );
  const submit = db.prepare(
    "UPDATE campaigns SET status = 'submitted', submitted_by = ?, submitted_at = ? WHERE id = ?",
  );
  const review = db.prepare(
    'UPDATE campaigns SET status = @status, reviewed_by = @actor, reviewed_at = @at, review_comment = @comment WHERE id = @id',
  );
  const approve = db.prepare(
    'UPDATE campaigns SET approved_snapshot = @snapshot, approved_by = @actor, approved_at = @at WHERE id = @id',
  );
  const clearApproval = db.prepare(
    "UPDATE campaigns SET approved_snapshot = NULL, approved_by = NULL, approved_at = NULL, status = 'draft' WHERE id = ?",
  );
  const deleteCampaign = db.prepare('DELETE FROM campaigns WHERE id = ?');
  const categoryIds = db.prepare<[], { id: string }>('SELECT id FROM categories');

  const emergency = db.prepare<[string], EmergencyRow>('SELECT * FROM emergencies WHERE id = ?');
  const recentEmergencies = db.prepare<[number, number], EmergencyRow>(
    `SELECT * FROM emergencies WHERE (reverted_at IS NULL AND expires_at > ?) OR created_at > ?
     ORDER BY created_at DESC LIMIT 200`,
  );
  const activeEmergencies = db.prepare<[number], EmergencyRow>(
    'SELECT * FROM emergencies WHERE reverted_at IS NULL AND expires_at > ? ORDER BY created_at DESC',
  );
  const insertEmergency = db.prepare(
    `INSERT INTO emergencies (id, title, body, targets, starts_at, expires_at, created_by, created_at)
     VALUES (@id, @title, @body, @targets, @startsAt, @expiresAt, @createdBy, @createdAt)`,
  );
  const setEmergencyChange = db.prepare('UPDATE emergencies SET change_id = ? WHERE id = ?');
  const revertEmergency = db.prepare(
    'UPDATE emergencies SET reverted_by = ?, reverted_at = ?, revert_change_id = ? WHERE id = ?',
  );

  return {
    getCampaign: (id: string) => {
      const r = campaign.get(id);
      return r ? toCampaignRecord(r) : undefined;
    },
    listCampaigns: () => campaigns.all().map(toCampaignRecord),
    /** Campaigns with an approved version (what screens may play). */
    liveCampaigns: () => live.all().map(toCampaignRecord),
    /** Campaigns whose approved version mentions `text` (a media hash). */
    snapshotsMentioning: (text: string) => snapshotsWith.all(text),
    insertCampaign: (id: string, spec: CampaignInput, actor: string, at: number) =>
      insertCampaign.run({ id, name: spec.name, spec: JSON.stringify(spec), actor, at }),
    updateCampaign: (id: string, spec: CampaignInput, status: CampaignStatus, actor: string, at: number) =>
      updateSpec.run({ id, name: spec.name, spec: JSON.stringify(spec), status, actor, at }),
    submitCampaign: (id: string, actor: string, at: number) => submit.run(actor, at, id),
    reviewCampaign: (
      id: string,
      status: 'approved' | 'rejected',
      actor: string,
      at: number,
      comment: string | null,
    ) => review.run({ id, status, actor, at, comment }),
    setApproved: (id: string, snapshot: CampaignSnapshot, actor: string, at: number) =>
      approve.run({ id, snapshot: JSON.stringify(snapshot), actor, at }),
    clearApproval: (id: string) => clearApproval.run(id),
    deleteCampaign: (id: string) => deleteCampaign.run(id),
    /** Ids of the credit-list categories (a list board's selector names them). */
    categoryIds: () => new Set(categoryIds.all().map((r) => r.id)),

    getEmergency: (id: string) => {
      const r = emergency.get(id);
      return r ? toEmergencyRecord(r) : undefined;
    },
    /** Active ones and those created in the last `sinceMs`. */
    recentEmergencies: (now: number, since: number) =>
      recentEmergencies.all(now, since).map(toEmergencyRecord),
    activeEmergencies: (now: number) => activeEmergencies.all(now).map(toEmergencyRecord),
    insertEmergency: (
      e: Omit<EmergencyRecord, 'changeId' | 'revertedBy' | 'revertedAt' | 'revertChangeId'>,
    ) => insertEmergency.run({ ...e, targets: JSON.stringify(e.targets) }),
    setEmergencyChange: (id: string, changeId: string) => setEmergencyChange.run(changeId, id),
    revertEmergency: (id: string, actor: string, at: number, changeId: string) =>
      revertEmergency.run(actor, at, changeId, id),
  };
}
export type ProgramStore = ReturnType<typeof createProgramStore>;
