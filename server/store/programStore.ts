import type { Item } from '../../core/manifest/types.js';
import type { CampaignInput, CampaignStatus, Targets } from '../../core/protocol/programs.js';
import type { Playlist } from '../../core/schedule/types.js';
import type { Db } from './db.js';

export interface CampaignRow {
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

export interface EmergencyRow {
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

export const specOf = (r: CampaignRow): CampaignInput => JSON.parse(r.spec) as CampaignInput;
export const snapshotOf = (r: CampaignRow): CampaignSnapshot | null =>
  r.approved_snapshot ? (JSON.parse(r.approved_snapshot) as CampaignSnapshot) : null;
export const targetsOf = (r: EmergencyRow): Targets => JSON.parse(r.targets) as Targets;

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
     VALUES (@id, @title, @body, @targets, @starts_at, @expires_at, @created_by, @created_at)`,
  );
  const setEmergencyChange = db.prepare('UPDATE emergencies SET change_id = ? WHERE id = ?');
  const revertEmergency = db.prepare(
    'UPDATE emergencies SET reverted_by = ?, reverted_at = ?, revert_change_id = ? WHERE id = ?',
  );

  return {
    getCampaign: (id: string) => campaign.get(id),
    listCampaigns: () => campaigns.all(),
    /** Campaigns with an approved version (what screens may play). */
    liveCampaigns: () => live.all(),
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

    getEmergency: (id: string) => emergency.get(id),
    /** Active ones and those created in the last `sinceMs`. */
    recentEmergencies: (now: number, since: number) => recentEmergencies.all(now, since),
    activeEmergencies: (now: number) => activeEmergencies.all(now),
    insertEmergency: (
      r: Omit<EmergencyRow, 'change_id' | 'reverted_by' | 'reverted_at' | 'revert_change_id'>,
    ) => insertEmergency.run(r),
    setEmergencyChange: (id: string, changeId: string) => setEmergencyChange.run(changeId, id),
    revertEmergency: (id: string, actor: string, at: number, changeId: string) =>
      revertEmergency.run(actor, at, changeId, id),
  };
}
export type ProgramStore = ReturnType<typeof createProgramStore>;
