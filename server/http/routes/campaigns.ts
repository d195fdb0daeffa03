import { campaigns as api } from '../../../core/protocol/routes/programs.js';
import type { CampaignService } from '../../services/programs/campaignService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Campaigns and their review. */
export function campaignRoutes(r: RouteBuilder, campaigns: CampaignService): void {
  r.on(api.list, () => campaigns.list());
  r.on(api.get, (_ctx, { params }) => campaigns.get(params.id));
  r.on(api.create, (_ctx, { body, session }) => campaigns.create(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) => campaigns.update(params.id, body, session.user.id));
  r.on(api.remove, (_ctx, { params, session }) => campaigns.remove(params.id, session.user.id));
  r.on(api.submit, (_ctx, { params, session }) => campaigns.submit(params.id, session.user.id));
  r.on(api.approve, (_ctx, { params, body, session }) =>
    campaigns.approve(params.id, body.comment || null, session.user.id),
  );
  r.on(api.reject, (_ctx, { params, body, session }) =>
    campaigns.reject(params.id, body.comment, session.user.id),
  );
  r.on(api.withdraw, (_ctx, { params, session }) => campaigns.withdraw(params.id, session.user.id));
}
