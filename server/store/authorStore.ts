import type { Db } from './db.js';

/**
 * Four eyes: who created or changed a batch's or a campaign's content since it was last
 * reviewed (tables `batch_authors`, `campaign_authors`).
 */
export function createAuthorStore(db: Db) {
  const addBatch = db.prepare(
    'INSERT INTO batch_authors (batch_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at',
  );
  const batch = db.prepare<[string], { user_id: string }>(
    'SELECT user_id FROM batch_authors WHERE batch_id = ? ORDER BY at',
  );
  const clearBatch = db.prepare('DELETE FROM batch_authors WHERE batch_id = ?');
  const addCampaign = db.prepare(
    'INSERT INTO campaign_authors (campaign_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at',
  );
  const campaign = db.prepare<[string], { user_id: string }>(
    'SELECT user_id FROM campaign_authors WHERE campaign_id = ? ORDER BY at',
  );
  const clearCampaign = db.prepare('DELETE FROM campaign_authors WHERE campaign_id = ?');
  return {
    addBatch: (batchId: string, userId: string, at: number) => addBatch.run(batchId, userId, at),
    batch: (batchId: string): string[] => batch.all(batchId).map((r) => r.user_id),
    clearBatch: (batchId: string) => clearBatch.run(batchId),
    addCampaign: (campaignId: string, userId: string, at: number) => addCampaign.run(campaignId, userId, at),
    campaign: (campaignId: string): string[] => campaign.all(campaignId).map((r) => r.user_id),
    clearCampaign: (campaignId: string) => clearCampaign.run(campaignId),
  };
}
export type AuthorStore = ReturnType<typeof createAuthorStore>;
