import { randomUUID } from 'node:crypto';
import type { Item } from '../../../core/manifest/types.js';
import type { Campaign, CampaignInput } from '../../../core/protocol/programs.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, fourEyes, notFound } from '../../errors.js';
import type { AuthorStore } from '../../store/authorStore.js';
import type { ContentStore } from '../../store/contentStore.js';
import type { Db } from '../../store/db.js';
import {
  type CampaignRecord,
  type CampaignSnapshot,
  type ProgramStore,
  snapshotOf,
  specOf,
} from '../../store/programStore.js';
import type { ChangeService, RecordedChange } from '../delivery/changeService.js';
import type { AuditService } from '../shared/auditService.js';
import { checkOldBoxes } from '../shared/oldBoxes.js';
import type { TargetService } from '../shared/targets.js';

type Deps = {
  db: Db;
  authors: AuthorStore;
  content: ContentStore;
  programs: ProgramStore;
  targets: TargetService;
  audit: AuditService;
  changes: ChangeService;
  clock: Clock;
};

function toCampaign(r: CampaignRecord): Campaign {
  const snap = snapshotOf(r);
  return {
    ...specOf(r),
    id: r.id,
    status: r.status,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
    reviewComment: r.reviewComment,
    approved: snap ? { ...snap.campaign, approvedAt: r.approvedAt ?? 0, approvedBy: r.approvedBy } : null,
  };
}

/**
 * Campaigns (宣传活动): draft -> submitted -> approved (by someone other than the submitter) or
 * rejected. Screens play the approved snapshot, which stays while an edit waits for review.
 */
export function createCampaignService({
  db,
  authors,
  content,
  programs,
  targets,
  audit,
  changes,
  clock,
}: Deps) {
  const mustGet = (id: string) => {
    const r = programs.getCampaign(id);
    if (!r) throw notFound('宣传活动');
    return r;
  };

  function checkInput(c: CampaignInput): void {
    targets.check(c.targets);
    const missing = c.playlistIds.filter((id) => content.getPlaylist(id)?.role !== 'content');
    if (missing.length > 0)
      throw badRequest('playlist_missing', `节目单不存在：${missing.join('、')}，请刷新后重新选择`);
    // A WebM video may not reach a group of old boxes, whichever way the campaign targets it.
    const entries = c.playlistIds.flatMap((id) => content.getPlaylist(id)?.entries ?? []);
    for (const g of targets.groups(c.targets)) checkOldBoxes(content, g, entries);
  }

  /** The campaign with its playlists and their items, frozen as approved. */
  function snapshot(c: CampaignInput): CampaignSnapshot {
    const playlists = c.playlistIds.map((id) => content.getPlaylist(id)!);
    const itemIds = [...new Set(playlists.flatMap((p) => p.entries.map((e) => e.itemId)))];
    const items = itemIds.map((id) => content.getItem(id)).filter((i): i is Item => i !== undefined);
    if (items.length === 0)
      throw badRequest('campaign_empty', '所选节目单里没有任何内容，请先在「节目单」中添加内容');
    return {
      campaign: c,
      playlists: playlists.map((p) => ({ id: p.id, name: p.name, entries: p.entries })),
      items,
    };
  }

  const liveScreens = (r: CampaignRecord) => {
    const snap = snapshotOf(r);
    return snap ? targets.screenIds(snap.campaign.targets) : [];
  };
  const publish = (c: RecordedChange | null) => {
    if (c) changes.publish(c);
  };

  return {
    list: () => programs.listCampaigns().map(toCampaign),
    get: (id: string) => toCampaign(mustGet(id)),
    create(input: CampaignInput, actor: string): Campaign {
      checkInput(input);
      const id = randomUUID();
      db.transaction(() => {
        programs.insertCampaign(id, input, actor, clock.now());
        authors.addCampaign(id, actor, clock.now());
        audit.record({ actor, action: 'campaign.create', target: id, summary: { name: input.name } });
      })();
      return toCampaign(mustGet(id));
    },
    /** Saves an edit; an approved or submitted campaign (re)enters review, the approved version plays on. */
    update(id: string, input: CampaignInput, actor: string): Campaign {
      const r = mustGet(id);
      checkInput(input);
      const review = r.status === 'approved' || r.status === 'submitted';
      const now = clock.now();
      db.transaction(() => {
        programs.updateCampaign(id, input, review ? 'submitted' : 'draft', actor, now);
        authors.addCampaign(id, actor, now);
        if (review) programs.submitCampaign(id, actor, now);
        audit.record({ actor, action: 'campaign.update', target: id, summary: { name: input.name, review } });
      })();
      return toCampaign(mustGet(id));
    },
    submit(id: string, actor: string): Campaign {
      const r = mustGet(id);
      if (r.status !== 'draft' && r.status !== 'rejected')
        throw conflict('bad_status', '只有草稿或已退回的宣传活动可以提交审核');
      const spec = specOf(r);
      checkInput(spec);
      snapshot(spec);
      db.transaction(() => {
        programs.updateCampaign(id, spec, 'submitted', actor, clock.now());
        programs.submitCampaign(id, actor, clock.now());
        audit.record({ actor, action: 'campaign.submit', target: id, summary: { name: r.name } });
      })();
      return toCampaign(mustGet(id));
    },
    /** Approves a submitted campaign; 403 four_eyes for whoever submitted it. A change for its screens. */
    approve(id: string, comment: string | null, actor: string): Campaign {
      const r = mustGet(id);
      if (r.status !== 'submitted') throw conflict('bad_status', '只有待审核的宣传活动可以批准');
      // Four eyes: not whoever created or changed it (or its playlists and items) since it was
      // last approved, nor whoever submitted it.
      const authored = authors.campaign(id);
      if (r.submittedBy === actor || r.updatedBy === actor || authored.includes(actor))
        throw fourEyes(
          authored.includes(actor)
            ? '您创建或修改过该宣传活动（或其节目单、内容），不能批准：请由另一位审核员批准'
            : '不能批准自己提交的宣传活动：请由另一位审核员批准',
        );
      const spec = specOf(r);
      checkInput(spec);
      const snap = snapshot(spec);
      const before = liveScreens(r);
      const change = db.transaction(() => {
        const now = clock.now();
        programs.reviewCampaign(id, 'approved', actor, now, comment);
        programs.setApproved(id, snap, actor, now);
        authors.clearCampaign(id);
        audit.record({ actor, action: 'campaign.approve', target: id, summary: { name: r.name, comment } });
        const screenIds = [...new Set([...before, ...targets.screenIds(spec.targets)])];
        return changes.record('campaign', `宣传活动「${r.name}」已批准`, actor, screenIds);
      })();
      publish(change);
      return toCampaign(mustGet(id));
    },
    reject(id: string, comment: string, actor: string): Campaign {
      const r = mustGet(id);
      if (r.status !== 'submitted') throw conflict('bad_status', '只有待审核的宣传活动可以退回');
      db.transaction(() => {
        programs.reviewCampaign(id, 'rejected', actor, clock.now(), comment);
        audit.record({ actor, action: 'campaign.reject', target: id, summary: { name: r.name, comment } });
      })();
      return toCampaign(mustGet(id));
    },
    /** Takes the approved version off the screens (back to draft); a change for its screens. */
    withdraw(id: string, actor: string): Campaign {
      const r = mustGet(id);
      if (!r.approvedSnapshot) throw conflict('not_live', '该宣传活动没有已批准的版本，无需撤下');
      const screenIds = liveScreens(r);
      const change = db.transaction(() => {
        programs.clearApproval(id);
        audit.record({ actor, action: 'campaign.withdraw', target: id, summary: { name: r.name } });
        return changes.record('campaign', `宣传活动「${r.name}」已撤下`, actor, screenIds);
      })();
      publish(change);
      return toCampaign(mustGet(id));
    },
    remove(id: string, actor: string): void {
      const r = mustGet(id);
      const screenIds = liveScreens(r);
      const change = db.transaction(() => {
        programs.deleteCampaign(id);
        audit.record({ actor, action: 'campaign.delete', target: id, summary: { name: r.name } });
        return screenIds.length
          ? changes.record('campaign', `宣传活动「${r.name}」已删除`, actor, screenIds)
          : null;
      })();
      publish(change);
    },
  };
}
export type CampaignService = ReturnType<typeof createCampaignService>;
