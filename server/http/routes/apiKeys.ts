import { apiKeys as api } from '../../../core/protocol/routes/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** API keys for the credit platform: list, create and revoke. */
export function apiKeyRoutes(r: RouteBuilder, p: PlatformService): void {
  r.on(api.list, () => p.apiKeys());
  r.on(api.create, (_ctx, { body, session }) => p.createApiKey(body, session.user.id));
  r.on(api.revoke, (_ctx, { params, session }) => p.revokeApiKey(params.id, session.user.id));
}
