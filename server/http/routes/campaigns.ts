import { CampaignInput, RejectInput, ReviewComment } from '../../../core/protocol/programs.js';
import type { CampaignService } from '../../services/programs/campaignService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Campaigns and their review. */
export function campaignRoutes(r: RouteBuilder, campaigns: CampaignService): void {
  r.add('get', '/api/campaigns', 'view', undefined, () => campaigns.list());
  r.add('get', '/api/campaigns/:id', 'view', undefined, (ctx) => campaigns.get(ctx.params.id!));
  r.add('post', '/api/campaigns', 'manage-programs', CampaignInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return campaigns.create(body, session.user.id);
  });
  r.add('put', '/api/campaigns/:id', 'manage-programs', CampaignInput, (ctx, { body, session }) =>
    campaigns.update(ctx.params.id!, body, session.user.id),
  );
  r.add('delete', '/api/campaigns/:id', 'manage-programs', undefined, (ctx, { session }) => {
    campaigns.remove(ctx.params.id!, session.user.id);
  });
  r.add('post', '/api/campaigns/:id/submit', 'manage-programs', undefined, (ctx, { session }) =>
    campaigns.submit(ctx.params.id!, session.user.id),
  );
  r.add('post', '/api/campaigns/:id/approve', 'review', ReviewComment, (ctx, { body, session }) =>
    campaigns.approve(ctx.params.id!, body.comment || null, session.user.id),
  );
  r.add('post', '/api/campaigns/:id/reject', 'review', RejectInput, (ctx, { body, session }) =>
    campaigns.reject(ctx.params.id!, body.comment, session.user.id),
  );
  r.add('post', '/api/campaigns/:id/withdraw', 'manage-programs', undefined, (ctx, { session }) =>
    campaigns.withdraw(ctx.params.id!, session.user.id),
  );
}
